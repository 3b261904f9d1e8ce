"""The window's parts as one read-only record, for the one client that dresses the whole
window: the kiosk shell (reader/ui/kiosk/), which restyles the toolbar, moves the panels
and resets every part between visitors.

Every other part is built with only the widgets and services it uses. The record is
frozen: a client can call a part, never swap one for another (the kiosk used to
overwrite the window's attributes; what differs between a desktop and a kiosk is now a
WindowPolicy, given when the window is built).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QToolBar

    from reader.handbook import Handbook
    from reader.history import History
    from reader.preferences import Preferences
    from reader.ui.actions import Actions
    from reader.ui.bookmarks_controller import BookmarksController
    from reader.ui.content_view import ContentView
    from reader.ui.panels.bookmarks_panel import BookmarksPanel
    from reader.ui.panels.find_bar import FindBar
    from reader.ui.panels.glossary_panel import GlossaryPanel
    from reader.ui.panels.search_panel import SearchPanel
    from reader.ui.read_aloud.controller import ReadAloudController
    from reader.ui.search_field import SearchField
    from reader.ui.window.comfort import ReadingComfort
    from reader.ui.window.navigation import Navigator
    from reader.ui.window.policy import WindowPolicy


@dataclass(frozen=True)
class WindowParts:
    """What a window is made of, named once."""

    window: QMainWindow
    handbook: Handbook
    preferences: Preferences
    policy: WindowPolicy
    actions: Actions
    menus: dict[str, QMenu]
    toolbar: QToolBar
    content: ContentView
    find_bar: FindBar
    search_box: SearchField
    search_panel: SearchPanel
    toc_dock: QDockWidget
    search_dock: QDockWidget
    bookmarks_panel: BookmarksPanel
    glossary_panel: GlossaryPanel
    status_label: QLabel
    navigator: Navigator
    history: History
    comfort: ReadingComfort
    bookmarks: BookmarksController
    undo_stack: QUndoStack
    read_aloud: ReadAloudController

    def side_panels(self) -> list[QDockWidget]:
        """The docks a reader can open, in tab order."""
        return [self.toc_dock, self.search_dock, self.bookmarks_panel, self.glossary_panel]
