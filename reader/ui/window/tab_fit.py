"""The side columns' tab titles stay whole at large text sizes: when a column's tabs
("Contents", "Search results", "Bookmarks") are wider than the column, their type
shrinks until they fit, never below the system's own size (100%); Qt would otherwise
cut the row and hide the rest behind tiny scroll arrows. The panels' contents keep the
reader's size: only the row of tab titles is chrome. When the tabs end up much smaller
than the reader's text, each panel's title offers the list of panels in the reader's
size instead (reader/ui/window/dock_title.py)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QTabBar

from reader.ui.text_size import system_font
from reader.ui.window.dock_title import DockTitle

#: Tab titles in less than this share of the reader's text size are too small to hunt
#: for: the panels' title bars then offer the list of panels in the reader's size.
SQUEEZED = 0.75


def _needed(bar: QTabBar) -> int:
    return sum(bar.tabSizeHint(i).width() for i in range(bar.count()) if bar.isTabVisible(i))


def fit_dock_tabs(window: QMainWindow) -> None:
    """Every dock tab bar of `window` in a type its titles fit (see the docstring)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    full = QFont(app.font())
    floor = system_font(app).pointSizeF()
    squeezed = False
    for bar in window.findChildren(QTabBar):
        if bar.parentWidget() is not window or bar.width() <= 0:
            continue  # only the main window's own dock tabs
        bar.setFont(full)
        size = full.pointSizeF()
        while _needed(bar) > bar.width() and size - 0.5 >= floor:
            size -= 0.5
            smaller = QFont(full)
            smaller.setPointSizeF(size)
            bar.setFont(smaller)
        squeezed = squeezed or size < full.pointSizeF() * SQUEEZED
    for title in window.findChildren(DockTitle):
        title.offer_switcher(squeezed)
