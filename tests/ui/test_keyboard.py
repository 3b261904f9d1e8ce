"""Keyboard paths: F6 between the window's parts, Tab through the page's links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from reader.content.links import GLOSSARY_SCHEME
from reader.handbook import Handbook
from reader.ui.mainwindow import MainWindow


def focus_in(window: MainWindow) -> str:
    parts = window.panes.parts()
    now = window.panes.current()
    return parts[now][0] if now >= 0 else ""


def test_f6_and_shift_f6_cycle_through_the_parts_in_order(qtbot: QtBot, window: MainWindow) -> None:
    window.glossary_panel.show()
    window.activateWindow()
    window.content.setFocus()
    qtbot.waitUntil(window.content.hasFocus)
    seen = []
    for _press in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        seen.append(focus_in(window))
    assert seen == ["side panel", "toolbar", "search", "contents", "page"]
    back = []
    for _press in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        back.append(focus_in(window))
    assert back == ["contents", "search", "toolbar", "side panel", "page"]


def test_every_toolbar_button_takes_the_keyboard_focus(window: MainWindow) -> None:
    buttons = [
        window.toolbar.widgetForAction(action)
        for action in window.toolbar.actions()
        if not action.isSeparator()
    ]
    tool_buttons = [b for b in buttons if isinstance(b, QToolButton)]
    assert len(tool_buttons) >= 8
    for button in tool_buttons:
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.objectName()


def test_tab_walks_the_toolbar_left_to_right(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.navigate(window.handbook.chapters[1].id)
    window.navigator.navigate(window.handbook.chapters[2].id)  # Back is enabled: a real first stop
    row = [
        window.toolbar.widgetForAction(action)
        for action in window.toolbar.actions()
        if not action.isSeparator() and action.isEnabled()
    ]
    row = [w for w in row if w is not None and w.isVisible()]
    window.activateWindow()
    row[0].setFocus()
    qtbot.waitUntil(row[0].hasFocus)
    seen = [QApplication.focusWidget()]
    for _step in range(len(row) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    names = [w.objectName() for w in seen]
    assert names == [w.objectName() for w in row]


def test_tab_in_the_page_moves_by_link_from_the_screen_without_jumping(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    chapter = handbook.chapters[0]
    window.resize(1366, 768)
    window.navigator.navigate(chapter.sections[-1].id)
    bar = window.content.verticalScrollBar()
    start = bar.value()
    assert start > 0
    window.activateWindow()
    window.content.setFocus()
    qtbot.waitUntil(window.content.hasFocus)
    visited: list[str] = []
    while window.content.hasFocus() and len(visited) < 200:
        qtbot.keyClick(window.content, Qt.Key.Key_Tab)
        if window.content.hasFocus():
            visited.append(window.content.focused_link())
            assert bar.value() >= start, "Tab jumped back up the page"
    assert not window.content.hasFocus(), "Tab never left the page"
    content = window.content
    headings = sorted(content.anchor_position(name) for name in content.anchor_names())
    stops = [
        (sum(1 for h in headings if h <= start), href)
        for start, _end, href in content.link_stops()
        if href.startswith(GLOSSARY_SCHEME + ":")
    ]
    assert stops, "the page should have glossary words to reach"
    assert len(stops) == len(set(stops)), "a glossary word was a stop twice in one section"
    first, _last = window.content.visible_range()
    assert all(stop[0] >= 0 for stop in window.content.link_stops())
    assert first >= 0


def test_shift_tab_leaves_the_glossary_definition(qtbot: QtBot, window: MainWindow) -> None:
    """Tab and Shift+Tab step through the entry's links and then leave it (no trap)."""
    window.glossary_panel.show()
    window.show_term("graft-versus-host-disease")
    definition = window.glossary_panel.definition
    window.activateWindow()
    definition.setFocus()
    qtbot.waitUntil(definition.hasFocus)
    links = len(definition.link_stops())
    assert links >= 3
    presses = 0
    while definition.hasFocus() and presses <= links + 1:
        qtbot.keyClick(definition, Qt.Key.Key_Tab)
        presses += 1
    assert not definition.hasFocus() and presses == links + 1
    definition.setFocus()
    qtbot.waitUntil(definition.hasFocus)
    presses = 0
    while definition.hasFocus() and presses <= links + 1:
        qtbot.keyClick(definition, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        presses += 1
    assert not definition.hasFocus() and presses <= links + 1


def test_f9_and_f10_put_the_focus_in_the_panel_they_open(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.action_set["bookmark"].trigger()  # so the bookmarks list has a row to focus
    window.glossary_panel.hide()
    window.bookmarks_panel.hide()
    window.content.setFocus()
    qtbot.waitUntil(window.content.hasFocus)
    for key, panel in (
        (Qt.Key.Key_F9, window.glossary_panel),
        (Qt.Key.Key_F10, window.bookmarks_panel),
    ):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert panel.isVisible()
        focus = QApplication.focusWidget()
        assert focus is not None and panel.isAncestorOf(focus), (panel.objectName(), focus)
        window.content.setFocus()
