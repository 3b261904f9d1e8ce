"""Keyboard reading in the real window (#33): Ctrl+Down and Ctrl+Up jump heading to
heading, Tab announces each link it reaches, and the help page says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from reader.ui.link_tabbing import heading_starts
from reader.ui.mainwindow import MainWindow

CHAPTER = "what-is-gene-therapy"


def selected(window: MainWindow) -> str:
    return window.content.textCursor().selectedText()


def test_ctrlDown_andCtrlUp_jumpHeadingToHeading(window: MainWindow, qtbot: QtBot) -> None:
    window.navigator.navigate(CHAPTER)
    view = window.content
    view.setFocus()
    headings = [
        view.document().findBlock(start).text() for start, _ in heading_starts(view.document())
    ]
    assert len(headings) > 3
    reached: list[str] = []
    for _ in headings:
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        reached.append(selected(window))
    assert reached == headings, "each heading once, in reading order, from the top"
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert selected(window) == headings[-1], "past the last heading it stays there"
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert selected(window) == headings[-2]
    assert view.hasFocus(), "the jump never takes the focus out of the page"


def test_tab_reportsEachLinkItReaches(window: MainWindow, qtbot: QtBot) -> None:
    window.navigator.navigate(CHAPTER)
    view = window.content
    view.setFocus()
    with qtbot.waitSignal(view.link_focused) as focused:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    start, end = focused.args
    cursor = view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
    assert view.focused_link()


def test_help_saysTheReadingKeys(window: MainWindow, qtbot: QtBot) -> None:
    window.action_set["help"].trigger()
    dialog = window.findChild(QDialog, "helpDialog")
    assert dialog is not None
    page = dialog.findChild(QTextBrowser, "helpText")
    assert page is not None
    text = page.toPlainText()
    assert "Ctrl+Down and Ctrl+Up go heading by heading" in text
    dialog.reject()
