"""Selecting text on a real X display fills the PRIMARY selection, which a middle-click
pastes (offscreen has none): the glossary's definition, whose long words hold soft
hyphens at 300% on 1024x768, puts the words there without them.

Not collected by the normal run (pytest.ini skips this folder):
tests/ui/panels/test_soft_hyphens_stay_on_screen.py runs it under xvfb-run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QClipboard, QGuiApplication, QTextCursor
from pytestqt.qtbot import QtBot

from reader.content.hyphenation import load
from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.long_words import SOFT_HYPHEN

pytestmark = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="needs a real X display (xcb)"
)


@pytest.fixture
def window(qtbot: QtBot, handbook: Handbook) -> Iterator[MainWindow]:
    load("es")  # the patterns at once: the words break between syllables first time
    window = MainWindow(load_handbook_in(handbook.root, "es"), Preferences())
    qtbot.addWidget(window)
    window.start()
    window.show()
    qtbot.waitExposed(window)
    window.resize(1024, 768)
    window.comfort.apply_zoom(300)
    yield window
    window.search_index.shut_down()


def test_selecting_a_long_word_puts_it_in_the_primary_selection_as_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Before: the selection held "Inmu\u00adnodefi\u00adciencia combi\u00adnada grave"."""
    assert QGuiApplication.clipboard().supportsSelection()
    assert not QAccessible.isActive()  # no screen reader: the pane shows soft hyphens
    window.action_set["show_glossary"].trigger()
    panel = window.glossary_panel
    assert panel.show_term("severe-combined-immunodeficiency")
    definition = panel.definition
    qtbot.waitUntil(lambda: SOFT_HYPHEN in definition.document().begin().text())
    cursor = QTextCursor(definition.document())
    cursor.setPosition(2)  # inside "Inmu", the word's first piece
    qtbot.mouseDClick(
        definition.viewport(), Qt.MouseButton.LeftButton, pos=definition.cursorRect(cursor).center()
    )  # a double-click selects the word, as a parent does to copy it
    assert definition.textCursor().selectedText().startswith("Inmu" + SOFT_HYPHEN)
    selected = QGuiApplication.clipboard().text(QClipboard.Mode.Selection)
    assert selected == "Inmunodeficiencia"
