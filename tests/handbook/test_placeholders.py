"""Clinic details named in the text (`{{clinic.phone_24h}}`): the clinic's value where it
has one, the handbook's own write-in line where not, on screen, in search and on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.check import check_handbook
from reader.handbook.languages import load_handbook_in
from reader.handbook.loader import load_handbook
from reader.handbook.placeholders import fill_placeholders
from reader.search.engine import SearchIndex
from tests.support import run_cli


def test_a_placeholder_is_the_value_or_the_write_in_line_and_no_line_moves() -> None:
    text = "# T\n\nCall {{clinic.phone_24h}} now.\nAsk for {{ clinic.interpreter }}.\n"
    blank = fill_placeholders(text)
    assert "Call \\_\\_\\_" in blank and "(ask your team) now." in blank
    filled = fill_placeholders(text, {"phone_24h": "555 0100", "interpreter": "Ana"})
    assert "Call 555 0100 now." in filled and "Ask for Ana." in filled
    assert blank.count("\n") == filled.count("\n") == text.count("\n")


def test_an_unknown_detail_is_left_as_written_and_check_names_its_line(
    write_handbook: object,
) -> None:
    root = write_handbook(  # type: ignore[operator]
        {"chapters/a.md": "# A\n\nLine one.\n\nCall {{clinic.pager}} or {{clinic.phone_day}}.\n"}
    )
    book = load_handbook(root)
    assert "{{clinic.pager}}" in book.chapters[0].markdown
    assert "{{clinic.phone_day}}" not in book.chapters[0].markdown
    found = [(p.line, p.message) for p in check_handbook(book) if "clinic" in p.message]
    assert found == [(5, "'{{clinic.pager}}' names no clinic detail")]


@pytest.mark.parametrize(
    ("language", "write_in"),
    [("en", "____________ (ask your team)"), ("es", "____________ (pregunte a su equipo)")],
)
def test_the_real_handbook_shows_its_write_in_line_in_each_language(
    handbook_dir: Path, language: str, write_in: str
) -> None:
    book = load_handbook_in(handbook_dir, language)
    numbers = book.section("when-to-call/your-numbers")
    assert numbers is not None
    assert "{{" not in numbers.markdown
    assert write_in.replace("_", "\\_") in numbers.markdown
    assert all("{{clinic." not in s.markdown for s in book.sections())


def test_search_never_finds_the_placeholder_syntax(handbook_dir: Path) -> None:
    with SearchIndex.open_or_build(load_handbook_in(handbook_dir, "en"), None) as index:
        for hit in index.search("24-hour number", limit=10).hits:
            assert "clinic." not in hit.plain_snippet and "{{" not in hit.plain_snippet


def test_the_printed_chapter_has_write_in_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "call.pdf"
    code, _, err = run_cli(capsys, "export-pdf", str(out), "--chapter", "when-to-call")
    assert code == 0, err
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "{{" not in text and "clinic." not in text
    assert text.count("(ask your team)") >= 6
