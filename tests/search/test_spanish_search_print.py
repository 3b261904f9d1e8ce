"""Spanish search (stems, accents, misspellings, the English words families hear) and
the Spanish printout: every word of the PDF in Spanish, read back with pypdf."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.search.engine import SearchIndex
from reader.search.spanish import fold_accents, spanish_stem
from tests.support import run_cli

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "handbook_reader_es.ts"


@pytest.fixture(scope="module")
def spanish(handbook_dir: Path) -> Handbook:
    return load_handbook_in(handbook_dir, "es")


@pytest.fixture(scope="module")
def index(spanish: Handbook) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(spanish, None) as opened:
        yield opened


def top_ids(index: SearchIndex, query: str, limit: int = 5) -> list[str]:
    return [hit.id for hit in index.search(query, limit=limit).hits]


def test_spanish_stems_meet_without_accents_or_plurals() -> None:
    assert spanish_stem("médula") == spanish_stem("medula")
    assert spanish_stem("información") == spanish_stem("informacion")
    assert spanish_stem("trasplantes") == spanish_stem("trasplante")
    assert spanish_stem("células") == spanish_stem("celula")
    assert fold_accents("niño") == "nino"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("trasplante de medula", "glossary/stem-cell-transplant"),
        ("médula ósea", "glossary/bone-marrow"),
        ("medula osea", "glossary/bone-marrow"),
        ("GVHD", "glossary/graft-versus-host-disease"),
        ("EICH", "glossary/graft-versus-host-disease"),
        ("quimio", "glossary/chemotherapy"),
        ("quiero saber de la quimio", "glossary/chemotherapy"),
        ("virus modificado", "glossary/viral-vector"),
        ("transplante de medula", "glossary/stem-cell-transplant"),
        ("bone marrow transplant", "glossary/stem-cell-transplant"),
        ("vacunas escuela", "step-by-step/the-first-months"),
        ("plan de reserva", "risks/the-back-up-plan"),
    ],
)
def test_spanish_query_finds_the_right_section(
    index: SearchIndex, query: str, expected: str
) -> None:
    assert expected in top_ids(index, query, limit=3), (query, top_ids(index, query))


@pytest.mark.parametrize(
    ("typed", "suggested", "expected"),
    [
        ("tranplante", "trasplante", "what-is-gene-therapy/a-transplant-from-a-donor"),
        ("leucemai", "leucemia", "glossary/leukemia"),
        ("acondicionamento", "acondicionamiento", "glossary/conditioning"),
        ("fertilidat", "fertilidad", "glossary/fertility-preservation"),
    ],
)
def test_misspelt_spanish_query_is_corrected(
    index: SearchIndex, typed: str, suggested: str, expected: str
) -> None:
    result = index.search(typed, limit=5)
    assert result.suggestion == suggested
    assert expected in [hit.id for hit in result.hits]


def test_english_search_is_unchanged(handbook: Handbook) -> None:
    with SearchIndex.open_or_build(handbook, None) as english:
        assert english.search("bone marow", limit=3).suggestion == "bone marrow"
        assert "glossary/graft-versus-host-disease" in top_ids(english, "GVHD", 3)


def test_cli_search_answers_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = run_cli(capsys, "--lang", "es", "search", "trasplante de medula", "--json")
    data = json.loads(out)
    assert code == 0 and data["lang"] == "es"
    assert data["results"][0]["chapter"] in {"Glosario", "¿Qué es la terapia génica?"}


# --- print --------------------------------------------------------------------------


def _english_pdf_words() -> list[str]:
    """Every fixed piece of the PDF's own English text (placeholders cut out)."""
    pieces: set[str] = set()
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Pdf":
            continue
        for message in context.iter("message"):
            for piece in re.split(r"\{\w*\}|%\d", message.findtext("source") or ""):
                piece = piece.strip(" .:()")
                if len(piece) > 3:
                    pieces.add(piece)
    return sorted(pieces)


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def test_spanish_pdf_has_no_english_word_of_the_interface(
    tmp_path: Path, qapp: QGuiApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "es.pdf"
    code, _, err = run_cli(capsys, "--lang", "es", "export-pdf", str(out))
    assert code == 0, err
    text = _pdf_text(out)
    english = [piece for piece in _english_pdf_words() if piece in text]
    assert english == [], english
    for spanish_word in ("Índice", "Página 2 de", "Impreso el", "Fuente:", "Glosario"):
        assert spanish_word in text
    assert "Enfermedad de injerto contra huésped" in text
    assert "Page " not in text and "Contents" not in text


def test_packet_glossary_is_spanish_too(
    tmp_path: Path, qapp: QGuiApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packet.pdf"
    args = ["--lang", "es", "export-pdf", str(out), "--section", "risks/the-back-up-plan"]
    code, _, err = run_cli(capsys, *args, "--glossary")
    assert code == 0, err
    text = _pdf_text(out)
    assert "Paquete para llevar a casa" in text
    assert [piece for piece in _english_pdf_words() if piece in text] == []


def test_printing_in_spanish_leaves_the_english_interface_english(
    tmp_path: Path, qapp: QGuiApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QCoreApplication

    run_cli(capsys, "--lang", "es", "export-pdf", str(tmp_path / "es.pdf"), "--chapter", "risks")
    assert QCoreApplication.translate("Pdf", "Contents") == "Contents"


def test_cli_text_answers_in_spanish(
    tmp_path: Path, qapp: QGuiApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "search", "tranplante", "--limit", "1")
    assert code == 0 and out.startswith("¿Quiso decir: trasplante?\n")
    code, out, _ = run_cli(capsys, "--lang", "es", "search", "zzzzqqq")
    assert out.startswith("No hay resultados para 'zzzzqqq'.")
    pdf = tmp_path / "apoyo.pdf"
    code, out, _ = run_cli(capsys, "--lang", "es", "export-pdf", str(pdf), "--chapter", "support")
    assert code == 0 and out.startswith(f"Se guardó {pdf} (") and out.endswith(" páginas)\n")
    code, out, _ = run_cli(capsys, "--lang", "es", "glossary", "GVHD")
    assert code == 0 and "Otros nombres:" in out and "Aparece en:" in out
    code, _, err = run_cli(capsys, "--lang", "es", "export-pdf", str(pdf), "--chapter", "nope")
    assert code != 0 and "No hay ningún capítulo 'nope'." in err
