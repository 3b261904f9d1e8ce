"""A printout is laid out in short Qt calls, so the window's thread keeps its turn
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
from types import FrameType

from PySide6.QtGui import QGuiApplication

from reader.content.text_document import STEP_CHARS
from reader.paths import bundled_handbook_dir
from reader.pdf.layout import PageGeometry, build_part_document, reference_device
from reader.pdf.pictures import PictureObjects

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
    geometry = PageGeometry.for_page_size("A4")
    device, _buffer = reference_device()
    pictures = PictureObjects(bundled_handbook_dir(), geometry.body.size())
    counter = QtCallCounter()
    sys.setprofile(counter)
    try:
        part = build_part_document(html, "", geometry, device, pictures)
    finally:
        sys.setprofile(None)
    assert part.doc.pageCount() > 20
    assert sum(counter.sized_during.values()) >= count  # every picture was laid out
    most_in_one_call = max(counter.sized_during.values())
    # A step is about STEP_CHARS characters: some ten pictures here, not all 120.
    assert most_in_one_call <= 3 * STEP_CHARS // 2_000, counter.sized_during.most_common(3)
