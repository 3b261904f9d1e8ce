"""The printout's own dates and notes in each language (#37): "Tercera edición ·
diciembre de 2026", "Revisado en diciembre de 2026: consulte con su equipo médico",
"Impreso el 7 de diciembre de 2026"; never "2026-12", "diciembre 2026" or a weekday."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.paths import bundled_handbook_dir
from reader.pdf.compose import PdfRequest, export_pdf
from reader.pdf.language import print_language
from tests.support import require_tool

PRINTED = date(2026, 12, 7)  # a Monday: the old cover said "lunes, 7 de diciembre de 2026"
SECTION = "what-is-gene-therapy"


def _packet_text(handbook: Handbook, tmp_path: Path) -> list[str]:
    """Each page's text, as pdftotext reads it (the way a family's viewer would)."""
    pdftotext = require_tool("pdftotext", "poppler-utils")
    out = tmp_path / f"packet-{handbook.language}.pdf"
    with print_language(handbook.language):
        export_pdf(handbook, PdfRequest("packet", None, (SECTION,)), out, printed_on=PRINTED)
    text = subprocess.run(
        [pdftotext, "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def test_spanish_cover_and_footer_write_dates_as_a_reader_says_them(
    qapp: QGuiApplication, tmp_path: Path
) -> None:
    pages = _packet_text(load_handbook_in(bundled_handbook_dir(), "es"), tmp_path)
    cover, body = pages[0], pages[1]
    assert "Tercera edición · diciembre de 2026" in cover
    assert "Impreso el 7 de diciembre de 2026" in cover
    assert "Revisado en diciembre de 2026: consulte con su equipo médico" in body
    whole = " ".join(pages)
    for wrong in ("2026-12", "diciembre 2026", "lunes", "equipo de atención"):
        assert wrong not in whole


def test_english_cover_and_footer_write_dates_in_words(
    qapp: QGuiApplication, tmp_path: Path
) -> None:
    pages = _packet_text(load_handbook_in(bundled_handbook_dir(), "en"), tmp_path)
    assert "Third edition · December 2026" in pages[0]
    assert "Printed on December 7, 2026" in pages[0]
    assert "Monday" not in pages[0] and "2026-12" not in pages[0]
    assert "Reviewed December 2026: check with your care team" in pages[1]


def test_window_review_note_matches_the_printout(qapp: QGuiApplication) -> None:
    from reader.ui.window.review import review_note

    notes = {}
    for language in ("en", "es"):
        with print_language(language):
            notes[language] = review_note(load_handbook_in(bundled_handbook_dir(), language))
    assert notes == {
        "en": "Third edition. Reviewed December 2026: check with your care team.",
        "es": "Tercera edición. Revisado en diciembre de 2026: consulte con su equipo médico.",
    }
