"""The handbook's review month (#18): shown on the printed title page and every page's
footer, at the foot of the first chapter and in About; `check` says when it is due."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from reader.check import check_handbook
from reader.handbook import Handbook, load_handbook
from reader.handbook.review import parse_year_month, review_overdue
from reader.pdf.compose import PdfRequest, export_pdf
from tests.conftest import WriteHandbook


def test_year_months_parse_and_fall_due_the_month_after() -> None:
    assert parse_year_month("2027-12") == (2027, 12)
    assert parse_year_month("2027-13") is None and parse_year_month("Dec 2027") is None
    assert not review_overdue("2027-12", date(2027, 12, 31))
    assert review_overdue("2027-12", date(2028, 1, 1))
    assert not review_overdue("", date(2099, 1, 1))


def test_bundled_handbook_names_its_review_months(handbook: Handbook) -> None:
    assert (handbook.reviewed, handbook.review_by) == ("2026-12", "2027-12")


def test_whole_handbook_pdf_shows_the_review_month_on_the_title_and_every_footer(
    handbook: Handbook, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    export_pdf(handbook, PdfRequest(scope="all"), out, printed_on=date(2026, 12, 3))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    note = "Reviewed December 2026: check with your care team"
    assert note in pages[0]
    lacking = [number for number, page in enumerate(pages, 1) if note not in page]
    assert lacking == []


def test_check_says_when_the_review_is_due(write_handbook: WriteHandbook) -> None:
    folder = write_handbook(
        {"chapters/one.md": "# One\n\nText.\n"},
        manifest='title = "T"\nreview_by = "2020-01"\nchapters = ["chapters/one.md"]\n',
    )
    messages = [p.message for p in check_handbook(load_handbook(folder))]
    assert any("review_by 2020-01 has passed" in m for m in messages)


def test_a_review_month_that_is_not_one_is_a_problem(write_handbook: WriteHandbook) -> None:
    folder = write_handbook(
        {"chapters/one.md": "# One\n\nText.\n"},
        manifest='title = "T"\nreviewed = "last spring"\nchapters = ["chapters/one.md"]\n',
    )
    handbook = load_handbook(folder)
    assert handbook.reviewed == ""
    assert any("'reviewed' must be a month" in p.message for p in handbook.problems)
