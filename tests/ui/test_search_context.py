"""A search result opens with its context: the section's title in view above the
snippet (when both fit), and the status line naming the chapter and the section, so
a reader landing mid-chapter knows where they are."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.search.engine import SearchIndex
from reader.ui.mainwindow import MainWindow
from tests.ui import test_search_landing as landing

# The bundled handbook's window once its index is open (test_search_landing.py's).
searching_window = landing.searching_window


def _open_top_result(qtbot: QtBot, window: MainWindow, query: str) -> str:
    """Search, open the first result as a tap would; returns its snippet's lead."""
    landing.search(qtbot, window, query)
    index = window.search_panel.index
    assert isinstance(index, SearchIndex)
    window.search_panel.results.setCurrentRow(0)
    window.search_panel.activate_current()
    return index.search(query).hits[0].lead


def _on_screen(window: MainWindow, position: int) -> bool:
    cursor = QTextCursor(window.content.document())
    cursor.setPosition(position)
    return window.content.viewport().rect().contains(window.content.cursorRect(cursor).center())


@pytest.mark.parametrize("query", ["how is the stem cell collected", "insurance", "GVHD"])
def test_a_result_opens_with_its_section_title_and_chapter_named(
    qtbot: QtBot, searching_window: MainWindow, query: str
) -> None:
    window = searching_window
    window.resize(1366, 768)
    lead_text = _open_top_result(qtbot, window, query)
    section = window.handbook.section(window.navigator.current_section_id)
    assert section is not None
    chapter = window.handbook.chapter(section.chapter_id)
    assert chapter is not None
    message = window.statusBar().currentMessage()
    assert chapter.title in message and section.title in message, message
    lead = window.content.highlights.find_lead(lead_text, 0)
    assert lead is not None and _on_screen(window, lead.selectionStart())
    heading = window.content.anchor_position(section.anchor)
    layout = window.content.document().documentLayout()
    gap = (
        layout.blockBoundingRect(lead.block()).top()
        - layout.blockBoundingRect(window.content.document().findBlock(heading)).top()
    )
    if gap <= window.content.viewport().height() * 0.5:  # both fit: both are shown
        assert _on_screen(window, heading), f"the title of {section.id} is scrolled off"
