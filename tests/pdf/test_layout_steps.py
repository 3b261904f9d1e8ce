"""A printout is read and laid out in short Qt calls, so the window's thread keeps its turn
while the print thread works (issue #34: PySide holds Python's lock through a Qt call,
and one call that laid out a whole chapter stalled the window for up to half a second).

What is observed: Qt asks the picture handler (Python) for a picture's size as it lays
each picture out. A profile hook counts the Qt calls our code makes, so each of those
questions is pinned to the one call that caused it. A long part with a picture every
few paragraphs must never have them all laid out by one call.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from types import FrameType

from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument

from reader.content.text_document import STEP_CHARS, set_html_in_steps
from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir
from reader.pdf.compose import _labels, print_stylesheet
from reader.pdf.layout import PageGeometry, PartDocument, build_part_document, reference_device
from reader.pdf.pictures import PictureObjects
from reader.pdf.pieces import html_elements
from reader.pdf.plan import plan_document
from reader.pdf.request import PdfRequest, Scope

PICTURE = '<p><img src="picture:pictures/gene-joins-or-stays.svg" width="200"></p>'
SENTENCE = "Words that fill a line of text on a printed page for a family to read. "


def _long_part(pictures: int) -> str:
    """A part of about `pictures` * 2,000 characters, a picture after every paragraph."""
    blocks = []
    for number in range(pictures):
        blocks.append(f"<h2>Heading {number}</h2>")
        blocks.append(f"<p>{SENTENCE * 25}</p>")
        blocks.append(PICTURE)
    return "\n".join(blocks)


def _build_watched(html: str, hook: Callable[[FrameType, str, object], None]) -> PartDocument:
    """The part laid out for A4 as the printout does, `hook` watching every call."""
    geometry = PageGeometry.for_page_size("A4")
    device, _buffer = reference_device()
    pictures = PictureObjects(bundled_handbook_dir(), geometry.body.size())
    sys.setprofile(hook)
    try:
        return build_part_document(html, "", geometry, device, pictures)
    finally:
        sys.setprofile(None)


class QtCallCounter:
    """Numbers the Qt (C) calls made outside the picture handler, and notes under
    which of them Qt asked the handler for each picture's size."""

    def __init__(self) -> None:
        self.calls = 0
        self._inside_handler = 0
        self.sized_during: Counter[int] = Counter()

    def __call__(self, frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_name == "intrinsicSize":
            self._inside_handler += 1
            self.sized_during[self.calls] += 1
        elif event == "return" and frame.f_code.co_name == "intrinsicSize":
            self._inside_handler -= 1
        elif event == "c_call" and not self._inside_handler:
            self.calls += 1


def test_a_long_part_is_laid_out_a_step_at_a_time(qapp: QGuiApplication) -> None:
    count = 120  # about 240,000 characters: twelve steps' worth
    html = _long_part(count)
    assert len(html) > 10 * STEP_CHARS
    counter = QtCallCounter()
    part = _build_watched(html, counter)
    assert part.doc.pageCount() > 20
    assert sum(counter.sized_during.values()) >= count  # every picture was laid out
    most_in_one_call = max(counter.sized_during.values())
    # A step is about STEP_CHARS characters: some ten pictures here, not all 120.
    assert most_in_one_call <= 3 * STEP_CHARS // 2_000, counter.sized_during.most_common(3)


class ParseCounter:
    """The characters each Qt call that parses HTML (setHtml, insertHtml) added to its
    document, from the profile hook's view of the call and the document around it."""

    def __init__(self) -> None:
        self.added: list[int] = []
        self._before = 0

    @staticmethod
    def _document(method: object) -> QTextDocument | None:
        owner = getattr(method, "__self__", None)
        if isinstance(owner, QTextCursor):
            return owner.document()
        return owner if isinstance(owner, QTextDocument) else None

    def __call__(self, _frame: FrameType, event: str, arg: object) -> None:
        if getattr(arg, "__name__", "") not in ("setHtml", "insertHtml"):
            return
        document = self._document(arg)
        if document is None:
            return
        if event == "c_call":
            self._before = 0 if arg.__name__ == "setHtml" else document.characterCount()  # type: ignore[attr-defined]
        elif event == "c_return":
            self.added.append(document.characterCount() - self._before)


def test_a_long_part_is_read_a_step_at_a_time(qapp: QGuiApplication) -> None:
    counter = ParseCounter()
    part = _build_watched(_long_part(120), counter)
    assert part.doc.characterCount() > 10 * STEP_CHARS
    assert counter.added and max(counter.added) <= STEP_CHARS, max(counter.added)


def test_html_read_in_steps_makes_the_same_document_as_in_one() -> None:
    """The bundled handbook's whole printout and its glossary, cut every 2,000
    characters: Qt's white space rules at each cut give the same document."""
    handbook = load_handbook(bundled_handbook_dir())
    plan = plan_document(handbook, PdfRequest(Scope.ALL), _labels())
    stylesheet = print_stylesheet()
    for part in plan.parts[:4] + plan.parts[-1:]:
        html = part.columns_html or part.html
        whole, stepped = QTextDocument(), QTextDocument()
        for document in (whole, stepped):
            document.setDefaultStyleSheet(stylesheet)
        whole.setHtml(html + "\n")
        elements = html_elements(html + "\n")
        assert "".join(elements) == html + "\n"
        set_html_in_steps(stepped, elements, step_chars=2_000)
        assert stepped.toHtml() == whole.toHtml(), part.title
