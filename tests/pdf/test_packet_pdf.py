"""A take-home packet that fits (issue #25, item 6), read back from the real PDF with
pdftotext page by page: two sections from two chapters, with their glossary, on at most
four pages; a running header on every page after the cover; no glossary entry split;
references to sections left out sent to the full handbook; an optional notes page;
contents grouped under a MkDocs nav; the file name and the paper size."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication

from reader.content.term_uses import terms_in_sections
from reader.handbook import Handbook, load_handbook
from reader.pdf.compose import PdfRequest, export_pdf
from reader.pdf.defaults import default_page_size, suggested_file_name
from reader.pdf.links import PrintedSections, print_html
from tests.helpers.mkdocs_project import write_mkdocs_project
from tests.support import require_tool, run_cli

# Two sections from two chapters; the second is long, has a table, and uses many of
# the glossary's words: the hardest two-section packet the handbook makes.
GENE_THERAPY = "what-is-gene-therapy/gene-therapy-in-a-few-words"
CANCER_RISK = "risks/cancer-risk-from-the-vector"
PACKET = (GENE_THERAPY, CANCER_RISK)
PRINTED_ON = date(2026, 12, 3)


def _words(text: str) -> str:
    """Text with its line breaks gone (a line that ends on a hyphen joins the next with
    none: Qt breaks "X-linked" there but never adds hyphens)."""
    return re.sub(r"\s+", " ", re.sub(r"-\n", "-", text)).strip()


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, as pdftotext reads it: `-f N -l N`, drawing order (`-raw`)."""
    tool = require_tool("pdftotext", "poppler-utils")
    info = subprocess.run(
        [tool.replace("pdftotext", "pdfinfo"), str(pdf)], capture_output=True, text=True
    )
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match, info.stdout + info.stderr
    pages = []
    for number in range(1, int(match.group(1)) + 1):
        done = subprocess.run(
            [tool, "-raw", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        pages.append(done.stdout)
    return pages


@pytest.fixture(scope="module")
def app(qapp: QGuiApplication) -> QGuiApplication:
    return qapp


@pytest.fixture(scope="module", params=["A4", "Letter"])
def packet(
    request: pytest.FixtureRequest,
    handbook: Handbook,
    app: QGuiApplication,
    tmp_path_factory: pytest.TempPathFactory,
) -> list[str]:
    out = tmp_path_factory.mktemp("packet") / f"packet-{request.param}.pdf"
    wanted = PdfRequest("packet", None, PACKET, True, request.param)
    report = export_pdf(handbook, wanted, out, printed_on=PRINTED_ON)
    pages = pdf_pages(out)
    assert report.pages == len(pages)
    return pages


def test_two_sections_from_two_chapters_fit_on_five_pages_with_cover_contents_and_glossary(
    packet: list[str],
) -> None:
    # Four pages in the second edition; the third edition's cancer table has five more
    # rows (CGD, London, the 5 of 20 across both X-SCID trials, Kresladi, Lyfgenia).
    assert len(packet) <= 5
    everything = _words("\n".join(packet))
    assert "Take-home packet" in _words(packet[0]) and "Contents" in _words(packet[0])
    for title in ("Gene therapy in a few words", "Cancer risk from the vector", "Glossary"):
        assert title in everything
    assert "Myelodysplastic syndrome" in everything  # a glossary entry


def test_the_second_chapter_runs_on_under_the_first(packet: list[str]) -> None:
    first = next(i for i, text in enumerate(packet) if "doctors collect some" in _words(text))
    assert first > 0, "the sections come after the cover"
    assert "Vectors that join a chromosome carry a risk" in _words(packet[first])


def test_every_page_after_the_cover_has_a_running_header(
    packet: list[str], handbook: Handbook
) -> None:
    parts = ("What is gene therapy?", "Risks and side effects", "Glossary")
    assert handbook.title not in packet[0].splitlines()[:1]
    for number, text in enumerate(packet[1:], start=2):
        words = _words(text)
        assert handbook.title in words, f"page {number} has no running header"
        assert any(part in words for part in parts), f"page {number} names no part"
        assert f"Page {number} of {len(packet)}" in words


def test_no_glossary_entry_is_split_across_pages(packet: list[str], handbook: Handbook) -> None:
    terms = terms_in_sections(handbook, list(PACKET))
    assert len(terms) >= 10
    pages = [_words(text) for text in packet]
    for term in terms:
        definition = _words(re.sub(r"[*_`]", "", term.definition))
        opening, ending = " ".join(definition.split()[:4]), " ".join(definition.split()[-4:])
        found = [i for i, text in enumerate(pages) if f"{term.term} {opening}" in text]
        assert len(found) == 1, (term.term, found)
        assert ending in pages[found[0]], f"{term.term} runs on to the next page"


def test_references_to_sections_left_out_say_in_the_full_handbook(packet: list[str]) -> None:
    text = _words("\n".join(packet))
    assert "The chapter After treatment (in the full handbook) explains" in text
    assert "How gene therapy works (“The big picture” in the full handbook)" in text


def test_a_reference_into_the_printout_is_plain_and_one_out_of_it_is_named(
    handbook: Handbook,
) -> None:
    labels = {"full_handbook": "in the full handbook", "full_handbook_named": "“{title}” …"}
    printed = PrintedSections.of(handbook, ["limits/cost", "risks"], labels)
    inside = print_html('<p>See <a href="section:limits/cost">Cost</a>.</p>', printed)
    assert inside == "<p>See <span>Cost</span>.</p>"
    elsewhere = print_html(
        '<p>See <a href="section:limits/which-pis-it-can-treat">this</a>.</p>', printed
    )
    assert "What gene therapy cannot do › Which PIs it can treat" in elsewhere
    chapter = print_html('<p><a href="section:risks">Risks and side effects</a></p>', printed)
    assert "full handbook" in chapter, "one section of a chapter is not the chapter"
    risks = handbook.chapter("risks")
    assert risks is not None
    whole = PrintedSections.of(handbook, [s.id for s in risks.sections], labels)
    assert "full handbook" not in print_html(
        '<p><a href="section:risks">Risks and side effects</a></p>', whole
    )


def test_the_whole_handbook_still_starts_each_chapter_on_a_new_page(
    handbook: Handbook, app: QGuiApplication, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    export_pdf(handbook, PdfRequest("all"), out, printed_on=PRINTED_ON)
    pages = [_words(text) for text in pdf_pages(out)]
    for chapter in handbook.reading_chapters[1:]:
        starts = [i for i, text in enumerate(pages) if text.startswith(chapter.title)]
        assert starts, f"{chapter.title} does not open a page"
        assert "full handbook" not in pages[starts[0]]
    for number, text in enumerate(pages[1:], start=2):
        assert text.count(handbook.title) >= 1, f"page {number} has no running header"


def test_the_notes_page_is_optional_ruled_and_listed_in_the_contents(
    handbook: Handbook, app: QGuiApplication, tmp_path: Path
) -> None:
    plain = export_pdf(handbook, PdfRequest("packet", None, PACKET, True), tmp_path / "a.pdf")
    with_notes = PdfRequest("packet", None, PACKET, True, notes_page=True)
    report = export_pdf(handbook, with_notes, tmp_path / "b.pdf")
    assert report.pages == plain.pages + 1
    pages = [_words(text) for text in pdf_pages(tmp_path / "b.pdf")]
    assert pages[-1].startswith("Notes and questions")
    assert f"Notes and questions {report.pages}" in pages[0]
    assert not any("Notes and questions" in _words(t) for t in pdf_pages(tmp_path / "a.pdf"))


def test_cli_notes_page_flag(
    handbook: Handbook, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "cli.pdf"
    argv = ["export-pdf", str(out), "--section", GENE_THERAPY, "--notes-page"]
    code, stdout, _ = run_cli(capsys, "--handbook", str(handbook.root), *argv)
    assert code == 0 and "Wrote" in stdout
    assert _words(pdf_pages(out)[-1]).startswith("Notes and questions")


def test_contents_group_chapters_under_the_mkdocs_nav_sections(
    app: QGuiApplication, tmp_path: Path
) -> None:
    book = load_handbook(write_mkdocs_project(tmp_path / "clinic-docs"))
    out = tmp_path / "clinic.pdf"
    export_pdf(book, PdfRequest("all"), out, printed_on=PRINTED_ON)
    contents = _words(pdf_pages(out)[1])
    order = ["Using the tool", "EXTENSIONS", "Table of Contents", "DEEPER", "Notes deep down"]
    positions = [contents.find(name) for name in order]
    assert -1 not in positions and positions == sorted(positions), contents


def test_packet_file_name_carries_the_date(handbook: Handbook) -> None:
    day = date(2026, 12, 3)
    packet = PdfRequest("packet", None, PACKET)
    assert suggested_file_name(handbook, packet, day) == "take-home-packet-2026-12-03.pdf"
    whole = suggested_file_name(handbook, PdfRequest("all"), day)
    assert whole == "Gene Therapy for Primary Immunodeficiency.pdf"
    one = suggested_file_name(
        handbook, PdfRequest("sections", None, ("what-is-gene-therapy",)), day
    )
    assert one == "What is gene therapy.pdf", "no characters some systems refuse in names"


@pytest.mark.parametrize(
    ("language", "territory", "size"),
    [
        (QLocale.Language.English, QLocale.Country.UnitedStates, "Letter"),
        (QLocale.Language.French, QLocale.Country.Canada, "Letter"),
        (QLocale.Language.Spanish, QLocale.Country.Mexico, "Letter"),
        (QLocale.Language.Spanish, QLocale.Country.Spain, "A4"),
        (QLocale.Language.English, QLocale.Country.UnitedKingdom, "A4"),
        (QLocale.Language.English, QLocale.Country.Australia, "A4"),
    ],
)
def test_paper_size_follows_the_country_not_the_language(
    language: QLocale.Language, territory: QLocale.Country, size: str
) -> None:
    assert default_page_size(QLocale(language, territory)) == size
