"""Printouts past what Qt can lay out in one document: every word printed, or a refusal
that names the chapter; never a PDF that silently lacks text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from reader.content.picture_images import MAX_TOTAL_PIXELS
from reader.handbook import Handbook, load_handbook
from reader.pdf.compose import PdfRequest, export_pdf
from reader.pdf.layout import QT_LAYOUT_LIMIT, PageGeometry
from reader.pdf.pictures import PRINT_PIXELS_WIDE, PictureObjects
from reader.pdf.pieces import (
    MAX_ELEMENT_CHARS,
    TooLongToPrint,
    cut_into_pieces,
    top_level_elements,
)
from reader.pdf.plan import Part
from tests.helpers.pictures import png_declaring
from tests.support import run_cli

FILLER = (
    "The river ran on past the mill while the valley slept under a pale sky. "
    "Walkers crossed the old bridge and talked about the weather and the long road home. "
)
# A tall, empty picture: each figure fills most of a page at no layout cost.
TALL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="900" viewBox="0 0 400 900">'
    '<rect width="400" height="900" fill="#eeeeee"/></svg>'
)


@pytest.fixture(scope="module")
def app(qapp: QGuiApplication) -> QGuiApplication:
    return qapp


def _handbook(
    root: Path, chapter: str, files: dict[str, str] | None = None, more: str = ""
) -> Handbook:
    """A handbook of the chapter `long` (and `more`, a second chapter, when given)."""
    (root / "chapters").mkdir(parents=True, exist_ok=True)
    names = '"chapters/long.md", "chapters/more.md"' if more else '"chapters/long.md"'
    (root / "handbook.toml").write_text(
        f'title = "Long Book"\nchapters = [{names}]\n', encoding="utf-8"
    )
    (root / "chapters" / "long.md").write_text(chapter, encoding="utf-8")
    if more:
        (root / "chapters" / "more.md").write_text(more, encoding="utf-8")
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return load_handbook(root)


def _pdf_text(path: Path) -> str:
    """The PDF's text, pages parted by form feeds: pdftotext when Debian's poppler-utils
    is there (fast), else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\f".join(page.extract_text() for page in PdfReader(path).pages)


def _body_pages_at_the_limit() -> int:
    return int(QT_LAYOUT_LIMIT // PageGeometry.for_page_size("A4").body.height())


def test_chapter_past_the_layout_limit_prints_every_paragraph(
    app: QGuiApplication, tmp_path: Path
) -> None:
    """5,000 paragraphs: 775 A4 pages, past the 719 Qt can lay out in one document (the
    code before cut the chapter there and still said it wrote the PDF). The contents
    give the right page for a section near its end, and for the chapter after it."""
    count = 5000
    paragraphs = "\n\n".join(f"Mark{n:05d} " + FILLER * 3 for n in range(count))
    chapter = f"# Long chapter\n\n{paragraphs}\n\n## Closing words\n\nThe end.\n"
    more = "# Second chapter\n\nSecond words.\n"
    handbook = _handbook(tmp_path / "book", chapter, more=more)
    out = tmp_path / "long.pdf"
    report = export_pdf(handbook, PdfRequest("all"), out)
    assert report.pages > _body_pages_at_the_limit()
    pages = _pdf_text(out).split("\f")
    marks = set(re.findall(r"Mark(\d{5})", "".join(pages)))
    assert len(marks) == count
    contents = " ".join(pages[1].split())
    for title in ("Closing words", "Second chapter"):
        listed = int(re.search(rf"{title}\D*(\d+)", contents).group(1))  # type: ignore[union-attr]
        assert title in pages[listed - 1] and listed > _body_pages_at_the_limit()


def test_pictures_past_the_layout_limit_all_print(app: QGuiApplication, tmp_path: Path) -> None:
    """Little text but many page-tall figures: the piece is cut again after layout, so
    every caption is printed (the code before printed the first 719 pages' worth)."""
    count = 800
    figures = "\n\n".join(
        f'![Caption{n:04d}](../pictures/tall.svg "Caption{n:04d}")' for n in range(count)
    )
    handbook = _handbook(
        tmp_path / "book", f"# Figures\n\n{figures}\n", {"pictures/tall.svg": TALL_SVG}
    )
    out = tmp_path / "figures.pdf"
    report = export_pdf(handbook, PdfRequest("chapter", chapter_id="long"), out)
    assert report.pages > _body_pages_at_the_limit()
    assert len(set(re.findall(r"Caption(\d{4})", _pdf_text(out)))) == count


def test_five_megabyte_line_is_refused_with_the_chapter_named(
    app: QGuiApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One 5 MB line took 150 s and lost most of its text; now it is refused before any
    layout, in one line that says which chapter and why, and no file is written."""
    line = ("word " * 1_000_000).strip()
    _handbook(tmp_path / "book", f"# Endless line\n\n{line}\n")
    out = tmp_path / "line.pdf"
    code, _, err = run_cli(capsys, "--handbook", str(tmp_path / "book"), "export-pdf", str(out))
    assert code == 1
    assert "“Endless line”" in err and f"{MAX_ELEMENT_CHARS:,}" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()


def test_the_element_cap_refuses_only_what_is_over_it() -> None:
    def part(length: int) -> Part:
        return Part("c", "Chapter C", "<p>" + "x" * (length - 7) + "</p>", ())

    assert len(cut_into_pieces((part(MAX_ELEMENT_CHARS),))) == 1
    with pytest.raises(TooLongToPrint) as refused:
        cut_into_pieces((part(MAX_ELEMENT_CHARS + 1),))
    assert refused.value.title == "Chapter C"


def test_pieces_keep_every_element_in_order_and_under_their_size() -> None:
    parts = tuple(
        Part(f"c{n}", f"C{n}", "".join(f"<p>{n}-{i}</p>" for i in range(50)), ()) for n in range(3)
    )
    pieces = cut_into_pieces(parts, max_chars=100)
    assert all(piece.size <= 100 for piece in pieces)
    assert "".join(piece.html.replace("\n", "") for piece in pieces) == "".join(
        part.html for part in parts
    )
    assert [p.id for piece in pieces for p in piece.parts][:2] == ["c0", "c0"]


def test_html_is_cut_only_between_top_level_elements() -> None:
    html = (
        '<h1 id="top">T</h1>\n<p>a <img alt="x>y" src="picture:p.png"> b<br>c</p>\n'
        "loose text\n<ul><li><p>one</p></li><li>two</li></ul><hr><p>end</p>"
    )
    assert top_level_elements(html) == [
        '<h1 id="top">T</h1>',
        '\n<p>a <img alt="x>y" src="picture:p.png"> b<br>c</p>',
        "\nloose text\n",
        "<ul><li><p>one</p></li><li>two</li></ul>",
        "<hr>",
        "<p>end</p>",
    ]
    assert "".join(top_level_elements(html)).replace("\n", "") == html.replace("\n", "")


def test_a_printout_keeps_a_bounded_number_of_pixels_and_still_draws_every_photo(
    app: QGuiApplication, tmp_path: Path
) -> None:
    """Seven 2500x2500 photos: each decoded at most 2,400 pixels wide, the printout keeps
    what its budget allows and decodes the rest again when their page is painted (the
    code before kept all seven at full size from layout to the end: 44 million pixels,
    175 MB; any number of photos, any amount)."""
    photo = QImage(2500, 2500, QImage.Format.Format_RGB32)
    photo.fill(QColor("teal"))
    names = [f"photo{n}.png" for n in range(7)]
    figures = "\n\n".join(f"![Photo {n}](../pictures/{name})" for n, name in enumerate(names))
    (tmp_path / "book" / "pictures").mkdir(parents=True)
    assert photo.save(str(tmp_path / "photo.png"))
    for name in names:
        shutil.copy(tmp_path / "photo.png", tmp_path / "book" / "pictures" / name)
    handbook = _handbook(tmp_path / "book", f"# Photos\n\n{figures}\n")
    geometry = PageGeometry.for_page_size("A4")
    pictures = PictureObjects(handbook.root, geometry.body.size())
    kept = [pictures.picture(f"picture:pictures/{name}") for name in names]
    assert all(p is not None and p.valid for p in kept)
    held = [p.image for p in kept if p is not None and p.image is not None]
    assert all(image.width() <= PRINT_PIXELS_WIDE for image in held)
    assert sum(image.width() * image.height() for image in held) <= MAX_TOTAL_PIXELS
    assert len(held) < len(names)  # the rest are decoded again when painted
    let_go = next(p for p in kept if p is not None and p.image is None)
    sheet = QImage(40, 40, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    let_go.draw(painter, QRectF(0, 0, 40, 40))  # decoded again, drawn, let go
    painter.end()
    assert sheet.pixelColor(20, 20) == QColor("teal")
    assert let_go.image is None


def test_picture_too_large_to_decode_prints_its_alt_text(
    app: QGuiApplication, tmp_path: Path
) -> None:
    (tmp_path / "book" / "pictures").mkdir(parents=True)
    (tmp_path / "book" / "pictures" / "bomb.png").write_bytes(png_declaring(100_000, 100_000))
    chapter = "# Bomb\n\nBefore.\n\n![A map of the ward](../pictures/bomb.png)\n\nAfter.\n"
    handbook = _handbook(tmp_path / "book", chapter)
    out = tmp_path / "bomb.pdf"
    export_pdf(handbook, PdfRequest("chapter", chapter_id="long"), out)
    text = " ".join(_pdf_text(out).split())
    assert "[Picture: A map of the ward]" in text and "After." in text
