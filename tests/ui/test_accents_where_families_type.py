"""Accents and capitals never matter where a family types in the window: find in page
and the glossary filter ("medula" finds "médula", "MÉDULA" finds "medula"); nor do the
invisible characters a pasted word can carry ("mé\u00addula")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader.handbook import load_handbook
from reader.handbook.languages import load_handbook_in
from reader.ui.panels.glossary_panel import GlossaryPanel
from tests.conftest import WriteHandbook
from tests.ui.conftest import MakeWindow


@pytest.mark.parametrize("typed", ["medula", "MEDULA", "médula", "Médula"])
def test_find_in_page_ignores_accents_and_case(
    qtbot: QtBot, make_window: MakeWindow, handbook_dir: Path, typed: str
) -> None:
    window = make_window(load_handbook_in(handbook_dir, "es"))
    window.navigator.navigate("glossary/bone-marrow")
    page = window.content.toPlainText()
    written = sum(page.lower().count(form) for form in ("médula", "medula"))
    assert written >= 2
    window.find_bar.open_bar()
    window.find_bar.box.setText(typed)  # typed: QTest cannot type accented keys
    assert len(window.find_bar.matches) == written
    assert {c.selectedText().lower() for c in window.find_bar.matches} <= {"médula", "medula"}


def test_the_glossary_filter_ignores_accents_and_case(qtbot: QtBot, handbook_dir: Path) -> None:
    panel = GlossaryPanel(load_handbook_in(handbook_dir, "es"))
    qtbot.addWidget(panel)
    panel.show()
    for typed in ("medula osea", "MÉDULA ÓSEA", "Médula ósea"):
        panel.filter.setText(typed)
        assert "bone-marrow" in panel.visible_slugs(), typed
    panel.filter.setText("cateter central")
    assert "central-line" in panel.visible_slugs()


#: Characters a copied word can carry that nobody sees: a soft hyphen (what a narrow
#: pane puts into a long word), zero-width space, non-joiner, joiner, word joiner, BOM.
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def test_a_pasted_word_with_invisible_characters_finds_what_the_typed_one_does(
    qtbot: QtBot, make_window: MakeWindow, handbook_dir: Path
) -> None:
    """Before: "mé\u00addula" pasted found 0 matches on the page; typed, 13."""
    window = make_window(load_handbook_in(handbook_dir, "es"))
    window.navigator.navigate("glossary/bone-marrow")
    bar = window.find_bar
    bar.open_bar()
    bar.box.setText("médula")
    typed = len(bar.matches)
    assert typed >= 2
    for mark in INVISIBLE:
        QGuiApplication.clipboard().setText(f"mé{mark}du{mark}la")
        bar.box.setText("")
        bar.box.paste()
        assert mark in bar.box.text()
        assert len(bar.matches) == typed, f"U+{ord(mark):04X}"


def test_the_glossary_filter_ignores_invisible_characters(qtbot: QtBot, handbook_dir: Path) -> None:
    panel = GlossaryPanel(load_handbook_in(handbook_dir, "es"))
    qtbot.addWidget(panel)
    panel.show()
    panel.filter.setText("Inmunodeficiencia")
    typed = panel.visible_slugs()
    assert typed
    for mark in INVISIBLE:
        panel.filter.setText(f"Inmu{mark}nodefi{mark}ciencia")
        assert panel.visible_slugs() == typed, f"U+{ord(mark):04X}"


def test_find_in_page_finds_a_word_the_handbook_broke_with_soft_hyphens(
    qtbot: QtBot, make_window: MakeWindow, write_handbook: WriteHandbook
) -> None:
    """Before: "immunodeficiency" found neither "immuno&shy;deficiency" nor
    "immuno\u00addeficiency" on the page (0 matches)."""
    page = "# Diseases\n\nSevere immuno&shy;deficiency, and immuno\u00addeficiency again.\n"
    window = make_window(load_handbook(write_handbook({"diseases.md": page})))
    window.find_bar.open_bar()
    window.find_bar.box.setText("immunodeficiency")
    found = [c.selectedText() for c in window.find_bar.matches]
    assert [text.replace("\u00ad", "") for text in found] == ["immunodeficiency"] * 2
