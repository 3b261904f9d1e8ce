"""Printouts past what Qt can lay out in one document: every word printed, or a refusal
that names the chapter; never a PDF that silently lacks text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication

from reader.handbook import Handbook, load_handbook
from reader.pdf.compose import PdfRequest, export_pdf
from reader.pdf.layout import QT_LAYOUT_LIMIT, PageGeometry
from reader.pdf.pieces import (
    MAX_ELEMENT_CHARS,
    TooLongToPrint,
    cut_into_pieces,
    top_level_elements,
)
from reader.pdf.plan import Part
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


def _handbook(root: Path, chapter: str, files: dict[str, str] | None = None) -> Handbook:
    (root / "chapters").mkdir(parents=True)
    (root / "handbook.toml").write_text(
        'title = "Long Book"\nchapters = ["chapters/long.md"]\n', encoding="utf-8"
    )
    (root / "chapters" / "long.md").write_text(chapter, encoding="utf-8")
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return load_handbook(root)


def _pdf_text(path: Path) -> str:
    """The PDF's text: pdftotext when Debian's poppler-utils is there (fast), else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _body_pages_at_the_limit() -> int:
    return int(QT_LAYOUT_LIMIT // PageGeometry.for_page_size("A4").body.height())


def test_chapter_past_the_layout_limit_prints_every_paragraph(
    app: QGuiApplication, tmp_path: Path
) -> None:
    """5,000 paragraphs: 775 A4 pages, past the 719 Qt can lay out in one document (the
    code before cut the chapter there and still said it wrote the PDF)."""
    count = 5000
    paragraphs = "\n\n".join(f"Mark{n:05d} " + FILLER * 3 for n in range(count))
    handbook = _handbook(tmp_path / "book", f"# Long chapter\n\n{paragraphs}\n")
    out = tmp_path / "long.pdf"
    report = export_pdf(handbook, PdfRequest("chapter", chapter_id="long"), out)
    assert report.pages > _body_pages_at_the_limit()
    marks = set(re.findall(r"Mark(\d{5})", _pdf_text(out)))
    assert len(marks) == count


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
