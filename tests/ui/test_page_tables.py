"""The page's tables at the reader's width and text size (reader/ui/page_tables.py): a
table whose words cannot fit its columns is shown as rows, with no word broken inside
(read from Qt's laid-out lines), and is a table again once it fits, at the same place."""

from __future__ import annotations

from PySide6.QtGui import QTextTable
from pytestqt.qtbot import QtBot

from reader.ui.mainwindow import MainWindow
from tests.helpers.text_fit import words_broken_inside

GLANCE = "risks/all-the-risks-at-a-glance"


def tables(window: MainWindow) -> int:
    root = window.content.document().rootFrame()
    return sum(isinstance(frame, QTextTable) for frame in root.childFrames())


def settled(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """The page whole, and its tables in the form expected once the columns and then
    the tables (150 ms after a change) have settled."""
    qtbot.waitUntil(lambda: not window.navigator.opening())
    qtbot.waitUntil(lambda: tables(window) == count, timeout=10_000)


def test_at_200_percent_beside_the_glossary_the_tables_are_rows_with_whole_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.navigator.navigate(GLANCE)
    settled(qtbot, window, 2)  # at 100% both fit
    window.comfort.apply_zoom(200)
    window.glossary_panel.show()
    settled(qtbot, window, 0)
    assert words_broken_inside(window.content) == []
    assert not window.content.document().find("Gene therapy: Yes, usually busulfan").isNull()


def test_smaller_text_brings_the_table_back_at_the_paragraph_being_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.comfort.apply_zoom(300)
    window.navigator.navigate(GLANCE)
    settled(qtbot, window, 0)
    content = window.content
    found = content.document().find("This table puts the risks")
    assert not found.isNull()
    content.restore_top_paragraph((found.block().position(), 0.0))
    window.comfort.apply_zoom(100)
    settled(qtbot, window, 2)
    # The paragraph being read is still on screen (a side column coming back as the
    # text shrinks may move it a line or two; the page is not back at its top).
    block = content.document().find("This table puts the risks").block()
    top = content.document().documentLayout().blockBoundingRect(block).top()
    shown = content.verticalScrollBar().value()
    assert shown - 2 <= top < shown + content.viewport().height()  # 2: rounding
