"""A busy kiosk visit driven with pytest-qt's real key and mouse events: the on-screen
keyboard, search and a result, the glossary, a bookmark, find in page, zoom, selections
and the clipboard, scrolling, a swipe, a tool tip and the administrator's PIN dialog.
The reset tests run it between two snapshots of the reachable state."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.kiosk.shell import KioskShell

CTRL = Qt.KeyboardModifier.ControlModifier
ADMIN_KEYS = CTRL | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def wait_for_search_index(qtbot: QtBot, shell: KioskShell) -> None:
    """The index loads in a thread after the first paint; searches need it."""
    window = shell.window
    if window.search_panel.index is None:
        with qtbot.waitSignal(window.search_index.ready, timeout=60_000):
            pass


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A tap: a left press and release where a finger would touch (the centre)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def tap_first_visible_row(qtbot: QtBot, view: QListWidget) -> None:
    rows = [view.item(r) for r in range(view.count()) if not view.item(r).isHidden()]
    assert rows, view.objectName()
    tap(qtbot, view.viewport(), view.visualItemRect(rows[0]).center())


def search_with_keyboard_and_open(qtbot: QtBot, shell: KioskShell, words: str) -> None:
    """Tap the box, tap the words on the on-screen keyboard, tap the first result."""
    window = shell.window
    tap(qtbot, window.search_box)
    assert shell.keyboard.isVisible()
    for letter in words:
        key = shell.keyboard.keys["space" if letter == " " else letter]
        tap(qtbot, key)
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10_000):
        tap(qtbot, shell.keyboard.keys["search"])
    assert window.search_panel.results.count() > 0
    with qtbot.waitSignal(window.navigator.section_changed, timeout=10_000):
        tap_first_visible_row(qtbot, window.search_panel.results)


def busy_visit(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    search_with_keyboard_and_open(qtbot, shell, "gene therapy")
    tap(qtbot, window.search_box)
    tap(qtbot, shell.keyboard.keys["switch"])  # the Spanish layout
    tap(qtbot, shell.keyboard.keys["ñ"])
    qtbot.keyClicks(window.search_box, " private words")  # a physical keyboard too
    window.search_box.selectAll()
    qtbot.keyClick(window.search_box, Qt.Key.Key_C, CTRL)
    # the glossary: a filter, an entry opened
    window.action_set["show_glossary"].trigger()
    qtbot.keyClicks(window.glossary_panel.filter, "GVHD")
    tap_first_visible_row(qtbot, window.glossary_panel.list)
    # a bookmark, the bookmarks list
    window.action_set["bookmark"].trigger()
    window.action_set["show_bookmarks"].trigger()
    # find in page
    window.action_set["find_in_page"].trigger()
    qtbot.keyClicks(window.find_bar.box, "gene")
    # bigger text
    tap(qtbot, shell.text_size_buttons.larger)
    tap(qtbot, shell.text_size_buttons.larger)
    # a selection on the page, copied
    qtbot.keyClick(window.content, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(window.content, Qt.Key.Key_C, CTRL)
    # scrolling everywhere
    for area in shell.scroll_areas:
        bar = area.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
    window.action_set["next_section"].trigger()
    QToolTip.showText(window.mapToGlobal(QPoint(40, 40)), "a tip", window)
    # the administrator's dialog, half a PIN typed
    qtbot.keyClick(window.content, Qt.Key.Key_Q, ADMIN_KEYS)
    dialog = shell.pin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.box, "12")


def let_the_reset_run(qtbot: QtBot, shell: KioskShell) -> None:
    """The quiet spell is over: the countdown runs out and the visit is reset."""
    with qtbot.waitSignal(shell.visit_reset, timeout=10_000):
        shell.start_countdown()
