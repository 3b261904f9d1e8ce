"""Accents and capitals never matter where a family types in the window: find in page
and the glossary filter ("medula" finds "médula", "MÉDULA" finds "medula")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.handbook.languages import load_handbook_in
from reader.ui.panels.glossary_panel import GlossaryPanel
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
