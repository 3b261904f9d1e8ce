"""PDF export: real PDFs written by Qt, read back with pypdf."""

from __future__ import annotations

import contextlib
import errno
import re
import resource
import signal
import subprocess
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtGui import QGuiApplication, QTextDocument

from reader.handbook import Handbook, load_handbook
from reader.pdf.breaks import keep_together
from reader.pdf.compose import (
    PdfExportError,
    PdfRequest,
    PdfRequestError,
    compose_document,
    export_pdf,
)
from reader.pdf.layout import PageGeometry, build_part_document, reference_device
from reader.pdf.pictures import PictureObjects, resolve_picture
from reader.pdf.plan import print_html
from tests.support import small_disk

PRINTED_ON = date(2031, 3, 14)
FILLER = (
    "The river ran on past the mill while the valley slept under a pale sky. "
    "Walkers crossed the old bridge and talked about the weather and the long road home. "
)
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">'
    '<rect x="0" y="0" width="480" height="240" fill="#123456"/>'
    '<text x="40" y="130" font-family="DejaVu Sans" font-size="32" fill="#ffffff">'
    "ZEBRAGLYPH</text></svg>"
)
GLOSSARY = """
[[terms]]
term = "Quokka"
definition = "Quokkadef: a small marsupial with a friendly face."

[[terms]]
term = "Narwhal"
definition = "Narwhaldef: a whale with one long tooth."

[[terms]]
term = "Axolotl"
definition = "Axolotldef: a salamander that keeps its gills."

[[terms]]
term = "Pangolin"
definition = "Pangolindef: a mammal covered in scales."
"""
MANIFEST = """
title = "Zephyr Family Handbook"
subtitle = "A small guide for tests"
edition = "Edition 3"
date = "2030"
source = "Adapted from the Test Foundation guide"
glossary = "glossary.toml"
chapters = ["chapters/alpha.md", "chapters/beta.md", "chapters/gamma.md"]
"""


def _paragraphs(count: int) -> str:
    return "\n\n".join(FILLER * 3 for _ in range(count))


ALPHA = f"""# Alpha Chapter Title

Alpha opening words.

## Quokka Corner

A quokka lives on an island. {_paragraphs(4)}

## Long Stretch

{_paragraphs(14)}

## Pangolin Path

A pangolin curls into a ball. {_paragraphs(3)}

Alpha closing marker.
"""
BETA = """# Beta Chapter Title

Beta opening words. A narwhal swims in cold water.

![A dark box with a word](../pictures/box.svg "Figure 1. A box.")

See [the gamma chapter](gamma.md) and [the foundation](https://example.org/guide).

Beta closing marker.
"""
GAMMA = """# Gamma Chapter Title

Gamma opening words.

## Gamma Details

Short gamma text.
"""


@pytest.fixture(scope="module")
def app(qapp: QGuiApplication) -> QGuiApplication:
    """pytest-qt's application: fonts need one, and later widget tests need it to be theirs."""
    return qapp


SMALL_FILES = {
    "chapters/alpha.md": ALPHA,
    "chapters/beta.md": BETA,
    "chapters/gamma.md": GAMMA,
    "pictures/box.svg": SVG,
    "glossary.toml": GLOSSARY,
    "handbook.toml": MANIFEST,
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, app: QGuiApplication) -> Handbook:
    """A three-chapter handbook with a known glossary and one picture (built once)."""
    root = tmp_path_factory.mktemp("zephyr")
    for name, content in SMALL_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    return load_handbook(root)


def _text(page: object) -> str:
    """A page's text with Qt's word gaps (tabs, no-break spaces) read as plain spaces."""
    return re.sub(r"[ \t\xa0]+", " ", page.extract_text())  # type: ignore[attr-defined]


def _export(handbook: Handbook, request: PdfRequest, out: Path) -> list[str]:
    report = export_pdf(handbook, request, out, printed_on=PRINTED_ON)
    reader = PdfReader(out)
    assert report.pages == len(reader.pages)
    return [_text(page) for page in reader.pages]


@pytest.fixture(scope="module")
def all_pages(small: Handbook, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _export(small, PdfRequest("all"), tmp_path_factory.mktemp("all") / "all.pdf")


def _start_page(pages: list[str], title: str, after: int) -> int:
    """The 1-based page where a part starts: the first page past the contents with its title."""
    return next(i + 1 for i, text in enumerate(pages) if i >= after and title in text)


def test_title_page_shows_title_edition_source_and_date(all_pages: list[str]) -> None:
    title = all_pages[0]
    assert "Zephyr Family Handbook" in title
    assert "A small guide for tests" in title
    assert "Edition 3" in title and "2030" in title
    assert "Adapted from the Test Foundation guide" in title
    assert "Printed on" in title and "March" in title and "14" in title and "2031" in title
    assert "Page 1 of" not in title


def test_contents_lists_chapters_with_the_pages_where_they_start(all_pages: list[str]) -> None:
    contents = all_pages[1]
    assert "Contents" in contents
    for title in ("Alpha Chapter Title", "Beta Chapter Title", "Gamma Chapter Title", "Glossary"):
        start = _start_page(all_pages, title, after=2)
        assert re.search(rf"{re.escape(title)}\s*{start}\b", contents), (title, start)
    assert re.search(r"Quokka Corner\s*3\b", contents)


def test_every_page_after_the_title_says_page_n_of_m(all_pages: list[str]) -> None:
    total = len(all_pages)
    assert total >= 7
    for number, text in enumerate(all_pages[1:], start=2):
        assert f"Page {number} of {total}" in text


def test_running_headers_hold_the_chapter_title(all_pages: list[str]) -> None:
    alpha = _start_page(all_pages, "Alpha Chapter Title", after=2)
    beta = _start_page(all_pages, "Beta Chapter Title", after=2)
    assert beta - alpha >= 3, "the alpha chapter should fill several pages"
    for text in all_pages[alpha : beta - 1]:  # alpha's pages after its first
        assert "Alpha Chapter Title" in text
        assert "Zephyr Family Handbook" in text


def test_each_chapter_starts_on_a_new_page(all_pages: list[str]) -> None:
    beta = _start_page(all_pages, "Beta Chapter Title", after=2)
    gamma = _start_page(all_pages, "Gamma Chapter Title", after=2)
    assert "Alpha closing marker" in all_pages[beta - 2]
    assert "Alpha closing marker" not in all_pages[beta - 1]
    assert "Beta closing marker" in all_pages[gamma - 2]
    assert all_pages[gamma - 1].lstrip().startswith("Gamma Chapter Title")


@pytest.mark.parametrize(("size", "box"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_size_sets_the_media_box(
    small: Handbook, tmp_path: Path, size: str, box: tuple[int, int]
) -> None:
    out = tmp_path / f"{size}.pdf"
    export_pdf(small, PdfRequest("chapter", chapter_id="gamma", page_size=size), out)
    for page in PdfReader(out).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == box


def test_packet_glossary_holds_exactly_the_terms_its_sections_use(
    small: Handbook, tmp_path: Path
) -> None:
    request = PdfRequest(
        "packet", section_ids=("beta", "alpha/quokka-corner"), include_glossary=True
    )
    pages = _export(small, request, tmp_path / "packet.pdf")
    glossary_start = _start_page(pages, "Glossary", after=2)
    glossary = "\n".join(pages[glossary_start - 1 :])
    assert "Quokkadef" in glossary and "Narwhaldef" in glossary
    assert "Axolotldef" not in glossary and "Pangolindef" not in glossary
    body = "\n".join(pages)
    assert "Pangolin Path" not in body and "Gamma opening words" not in body
    assert pages[0].count("Take-home packet") == 1


def test_packet_without_glossary_has_no_glossary(small: Handbook, tmp_path: Path) -> None:
    pages = _export(small, PdfRequest("packet", section_ids=("beta",)), tmp_path / "p.pdf")
    assert "Narwhaldef" not in "\n".join(pages)
    assert len(pages) == 2, "one part: a title page and the section, no contents"


def test_whole_handbook_export_contains_the_whole_glossary(all_pages: list[str]) -> None:
    glossary = "\n".join(all_pages[_start_page(all_pages, "Glossary", after=2) - 1 :])
    for marker in ("Quokkadef", "Narwhaldef", "Axolotldef", "Pangolindef"):
        assert marker in glossary


def test_bundled_handbook_exports_with_glossary_and_pictures(
    handbook: Handbook, app: QGuiApplication, tmp_path: Path
) -> None:
    out = tmp_path / "bundled.pdf"
    report = export_pdf(handbook, PdfRequest("all"), out)
    reader = PdfReader(out)
    text = "\n".join(_text(page) for page in reader.pages)
    for word in ("lentivirus", "GVHD", "leukemia", "episome"):
        assert word.lower() in text.lower()
    assert report.parts[-1] == "glossary"
    assert f"Page {report.pages} of {report.pages}" in text


def _fill_colours(page_content: object, reader: PdfReader) -> set[tuple[float, ...]]:
    stream = ContentStream(page_content, reader)
    return {
        tuple(round(float(x), 2) for x in operands)
        for operands, operator in stream.operations
        if operator in (b"rg", b"scn", b"sc") and len(operands) == 3
    }


def test_picture_is_drawn_as_vectors_with_its_text(small: Handbook, tmp_path: Path) -> None:
    out = tmp_path / "beta.pdf"
    export_pdf(small, PdfRequest("chapter", chapter_id="beta"), out)
    reader = PdfReader(out)
    page = reader.pages[1]
    assert "ZEBRAGLYPH" in _text(page)  # the SVG's own text, kept as text
    assert "Figure 1. A box." in _text(page)
    navy = (round(0x12 / 255, 2), round(0x34 / 255, 2), round(0x56 / 255, 2))
    assert navy in _fill_colours(page.get_contents(), reader)


def test_picture_outside_the_handbook_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "book"
    (root / "pictures").mkdir(parents=True)
    (root / "pictures" / "in.svg").write_text(SVG)
    (tmp_path / "secret.svg").write_text(SVG)
    assert resolve_picture(root, "picture:pictures/in.svg") == (root / "pictures/in.svg").resolve()
    assert resolve_picture(root, "picture:../secret.svg") is None
    assert resolve_picture(root, "picture:pictures/missing.svg") is None
    assert resolve_picture(root, "file:///etc/passwd") is None


def test_links_are_made_for_paper() -> None:
    fragment = (
        '<p><a href="section:beta">the beta chapter</a> and '
        '<a class="external" href="https://example.org/guide">the guide</a></p>'
    )
    printed = print_html(fragment)
    assert "section:" not in printed
    assert "the beta chapter" in printed
    assert 'the guide <span class="url">(https://example.org/guide)</span>' in printed


def test_external_link_address_is_printed(small: Handbook, tmp_path: Path) -> None:
    pages = _export(small, PdfRequest("chapter", chapter_id="beta"), tmp_path / "b.pdf")
    assert "https://example.org/guide" in pages[1]


def _stranded_headings(doc: QTextDocument) -> int:
    """Headings whose following block has fewer than min(3, its lines) lines on their page."""
    height = doc.pageSize().height()
    stranded = 0
    block = doc.begin()
    while block.isValid() and block.next().isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and not following.blockFormat().headingLevel():
            top = block.layout().position().y() + block.layout().lineAt(0).y()
            page = int((top + 0.5) // height)
            lines = following.layout()
            tops = [lines.position().y() + lines.lineAt(i).y() for i in range(lines.lineCount())]
            on_page = sum(1 for t in tops if int((t + 0.5) // height) == page)
            stranded += on_page < min(3, len(tops))
        block = following
    return stranded


def test_headings_are_kept_with_the_text_that_follows(app: QGuiApplication) -> None:
    sentence = "Words that fill a line of text on a printed page for a family to read. "
    parts = []
    for number in range(60):
        parts.append(f"<h2>Heading {number}</h2>")
        parts.append(f"<p>{sentence * (1 + (number * 5) % 9)}</p>")
    html = "\n".join(parts)
    geometry = PageGeometry.for_page_size("A4")
    device, _buffer = reference_device()
    pictures = PictureObjects(Path("."), geometry.body.size())
    plain = QTextDocument()
    plain.documentLayout().setPaintDevice(device)
    plain.setDocumentMargin(0)
    plain.setHtml(html)
    plain.setPageSize(geometry.body.size())
    plain.pageCount()
    assert _stranded_headings(plain) > 0, "the sample should strand headings without help"
    doc = build_part_document(html, "", geometry, device, pictures).doc
    assert _stranded_headings(doc) == 0
    assert keep_together(doc) == 0, "a second pass finds nothing left to move"


def test_unknown_chapter_or_section_is_a_request_error(small: Handbook, tmp_path: Path) -> None:
    with pytest.raises(PdfRequestError, match="no chapter 'nope'"):
        compose_document(small, PdfRequest("chapter", chapter_id="nope"))
    with pytest.raises(PdfRequestError, match="no section 'alpha/nope'"):
        export_pdf(small, PdfRequest("packet", section_ids=("alpha/nope",)), tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_fails_cleanly(small: Handbook, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "out.pdf"
    with pytest.raises(PdfExportError, match="folder does not exist"):
        export_pdf(small, PdfRequest("all"), out)
    assert not out.parent.exists()


def test_folder_in_the_way_of_the_file_fails_cleanly(small: Handbook, tmp_path: Path) -> None:
    (tmp_path / "out.pdf").mkdir()
    with pytest.raises(PdfExportError, match="folder with that name"):
        export_pdf(small, PdfRequest("all"), tmp_path / "out.pdf")


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Writes past `limit` bytes fail with EFBIG (a real OS failure, no root needed)."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


def test_full_disk_keeps_the_previous_file_and_leaves_no_temp(
    small: Handbook, tmp_path: Path
) -> None:
    folder = tmp_path / "disk"
    with small_disk(folder, "64k") as mounted:
        out = folder / "packet.pdf"
        out.write_bytes(b"previous PDF")
        if mounted:  # fill the disk but for a few KB
            (folder / "filler").write_bytes(b"\0" * (64 * 1024 - 8 * 1024))
            expected = "disk is full"
            with pytest.raises(PdfExportError, match=expected):
                export_pdf(small, PdfRequest("all"), out)
        else:
            with _file_size_limit(4096), pytest.raises(PdfExportError, match="too large"):
                export_pdf(small, PdfRequest("all"), out)
        assert out.read_bytes() == b"previous PDF"
        leftovers = sorted(p.name for p in folder.iterdir())
        assert leftovers == (["filler", "packet.pdf"] if mounted else ["packet.pdf"])


def test_read_only_folder_keeps_the_previous_file(small: Handbook, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    with small_disk(folder, "1m") as mounted:
        out = folder / "book.pdf"
        out.write_bytes(b"previous PDF")
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o500)
        try:
            with pytest.raises(PdfExportError, match="Could not write the PDF") as caught:
                export_pdf(small, PdfRequest("chapter", chapter_id="gamma"), out)
        finally:
            folder.chmod(0o700) if not mounted else None
        assert str(out) in str(caught.value)
        assert out.read_bytes() == b"previous PDF"
        assert [p.name for p in folder.iterdir()] == ["book.pdf"]


def test_write_errors_read_as_plain_language() -> None:
    from reader.pdf.save import write_error_message

    out = Path("/media/usb/packet.pdf")
    full = write_error_message(OSError(errno.ENOSPC, "No space left on device"), out)
    assert full == "Could not write the PDF: the disk is full (/media/usb/packet.pdf)."
    denied = write_error_message(PermissionError(errno.EACCES, "Permission denied"), out)
    assert "may not save files in that folder" in denied


def test_composed_document_paints_the_same_pages_as_the_pdf(
    small: Handbook, tmp_path: Path
) -> None:
    document = compose_document(small, PdfRequest("all"), printed_on=PRINTED_ON)
    data = document.to_pdf_bytes()
    assert len(PdfReader(BytesIO(data)).pages) == document.page_count
    out = tmp_path / "again.pdf"
    assert export_pdf(small, PdfRequest("all"), out, printed_on=PRINTED_ON).pages == (
        document.page_count
    )
