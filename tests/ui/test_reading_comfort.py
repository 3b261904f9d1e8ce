"""Find in page, themes, and the accessibility of every focusable widget."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.ui.mainwindow import MainWindow


def test_find_bar_highlights_every_match_and_steps_through(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    window.navigator.navigate("how-it-works")
    qtbot.keyClick(window.content, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.box.hasFocus()
    qtbot.keyClicks(bar.box, "cells")
    page_text = window.content.toPlainText().lower()
    expected = page_text.count("cells")
    assert expected > 3
    assert len(bar.matches) == expected
    assert len(window.content.extraSelections()) == expected
    assert bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {expected}"
    bar.previous()
    bar.previous()
    assert bar.count.text() == f"{expected} of {expected}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.content.extraSelections() == []


def test_find_bar_says_when_nothing_matches(qtbot: QtBot, window: MainWindow) -> None:
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.box, "zzqqxx")
    assert window.find_bar.matches == []
    assert window.find_bar.count.text() == "No matches"


def test_theme_switch_changes_page_and_palette(window: MainWindow) -> None:
    window.comfort.apply_theme("dark")
    dark_page = QApplication.palette().base().color()
    assert dark_page.lightness() < 80
    assert "background-color: #1b1f24" in window.content.document().defaultStyleSheet()
    assert window.action_set["theme_dark"].isChecked()
    window.comfort.apply_theme("contrast")
    assert QApplication.palette().text().color() == QColor("#000000")
    assert QApplication.palette().base().color() == QColor("#ffffff")
    window.comfort.apply_theme("light")
    assert QApplication.palette().base().color().lightness() > 200
    assert window.preferences.theme == "light"


def test_every_focusable_widget_has_an_accessible_name(window: MainWindow) -> None:
    window.find_bar.open_bar()
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text() or (widget.defaultAction().text()  # type: ignore[attr-defined]
                                     if hasattr(widget, "defaultAction") and widget.defaultAction()
                                     else "")  # fmt: skip
        if not name:
            missing.append(f"{type(widget).__name__}#{widget.objectName()}")
    assert missing == []


class _StyleChanges(QObject):
    """Counts the style changes a widget is told of (a re-polish sends one)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_the_same_theme_again_repolishes_nothing(window: MainWindow) -> None:
    """Every new window applies the theme (a language switch builds one while the old is
    still there): Qt re-polished every widget of both windows for a sheet it already
    had, 50-90 ms of the switch's stall. Another theme or text size still re-polishes."""
    changes = _StyleChanges()
    window.toc.installEventFilter(changes)
    window.comfort.apply_theme(window.preferences.theme)
    assert changes.count == 0
    window.comfort.apply_theme("dark")
    assert changes.count > 0
    seen = changes.count
    window.comfort.apply_zoom(150)
    assert changes.count > seen
    window.toc.removeEventFilter(changes)
