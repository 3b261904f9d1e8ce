"""Showing or hiding a side panel keeps the paragraph at the top of the page: the text
reflows to the new width, and the reader is still where they were (not a section back,
as the old pixel offset put them). And one click closes a whole side column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from reader.ui.mainwindow import MainWindow


def test_a_panel_shown_and_hidden_keeps_the_paragraph_at_the_top(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 768)  # the text column is as wide as the room it gets
    qtbot.wait(20)  # the side columns settle to the new width (layout_room.py)
    window.glossary_panel.hide()
    qtbot.wait(20)
    assert window.navigator.navigate("risks/the-back-up-plan")
    bar = window.content.verticalScrollBar()
    bar.setValue(bar.value() + window.content.viewport().height())  # into the section
    before = window.content.top_paragraph()[0]
    width = window.content.width()
    window.action_set["show_glossary"].trigger()
    qtbot.waitUntil(lambda: window.content.width() < width)
    qtbot.wait(20)  # the page reflows to its new width
    assert window.content.top_paragraph()[0] == before, "the place moved"
    window.action_set["show_glossary"].trigger()
    qtbot.waitUntil(lambda: window.content.width() == width)
    qtbot.wait(20)
    assert window.content.top_paragraph()[0] == before


def test_one_click_closes_the_whole_left_column(qtbot: QtBot, window: MainWindow) -> None:
    left = [window.toc_dock, window.search_dock, window.bookmarks_panel]
    window.tabifyDockWidget(window.toc_dock, window.search_dock)
    window.tabifyDockWidget(window.toc_dock, window.bookmarks_panel)
    for dock in left:
        dock.show()
    window.toc_dock.raise_()
    qtbot.wait(10)
    button = window.toc_dock.findChild(QToolButton, "contentsDockClose")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [dock.isVisible() for dock in left] == [False, False, False]


def test_pictures_drawn_again_at_the_new_width_keep_the_paragraph_at_the_top(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The page's pictures are drawn again at the column's new width a moment after the
    change (120 ms): two pictures of a new height above the reader moved the page under
    them, after the place had been put back."""
    window.resize(1024, 768)
    qtbot.wait(20)
    window.glossary_panel.hide()
    qtbot.wait(20)
    view = window.content
    assert window.navigator.navigate("how-it-works/the-months-after")  # below both pictures
    before = view.top_paragraph()[0]
    width = view.width()
    for shown in (True, False):
        window.action_set["show_glossary"].trigger()
        qtbot.waitUntil(lambda shown=shown: (view.width() < width) == shown)
        qtbot.waitUntil(lambda: abs(view._picture_column() - view._picture_width) <= 4)
        qtbot.wait(20)
        assert view.top_paragraph()[0] == before, "the place moved"


def test_a_section_opened_as_the_width_changes_stays_open(qtbot: QtBot, window: MainWindow) -> None:
    """The place noted before a resize was put back after it, over a section opened in
    the same turn of the event loop (a kiosk's reset, a link that opens a side panel):
    the reader was taken back to where they had been."""
    window.resize(1024, 768)
    qtbot.wait(20)
    assert window.navigator.navigate("risks/the-back-up-plan")
    qtbot.wait(20)
    view = window.content
    view.resize(view.width() - 120, view.height())  # its resize event comes at once
    assert window.navigator.navigate("risks/all-the-risks-at-a-glance")
    qtbot.wait(50)
    assert view.anchor_at_top() == "all-the-risks-at-a-glance"
