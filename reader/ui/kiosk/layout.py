"""The kiosk's screen layout: one column of side panels (contents, search results,
bookmarks, glossary) as tabs, never wider than about 40% of the screen, so the reading
column keeps most of the width; and the on-screen keyboard under the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from reader.ui.window.parts import WindowParts

#: A glossary letter key is at least this wide (a finger's tap target).
LETTER_KEY_PX = 48
LETTER_ROWS = 3

#: The least height of the glossary's word list and its definition: with the kiosk's
#: finger-wide scroll bars their own minimum (about 150 px each) made the window taller
#: than a 768 px screen at large text sizes, and the status bar with A+ and A− fell off.
GLOSSARY_PART_MIN_PX = 96

#: The panels' share of the width: room for the four tab labels at 1366 px, and the
#: reading view keeps the rest (at most 42%, however a visitor drags the edge).
PANEL_SHARE = 0.39
PANEL_MAX_SHARE = 0.42
PANEL_MAX_PX = 600


class KioskPanels:
    """Puts every side panel in one tabbed column on the left (the glossary joins the
    contents instead of taking a second column on the right) and sizes it to the screen."""

    def __init__(self, parts: WindowParts) -> None:
        self.parts = parts
        self.window = window = parts.window
        self.has_glossary = bool(parts.handbook.glossary.terms)
        width = window.screen().geometry().width()
        self.width = min(PANEL_MAX_PX, int(width * PANEL_SHARE))
        window.removeDockWidget(parts.glossary_panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, parts.glossary_panel)
        window.tabifyDockWidget(parts.bookmarks_panel, parts.glossary_panel)
        for dock in parts.side_panels():
            dock.setMaximumWidth(int(width * PANEL_MAX_SHARE))
            dock.setMinimumWidth(min(dock.minimumWidth(), self.width))
        self._regrid_letters()
        for part in (parts.glossary_panel.list, parts.glossary_panel.definition):
            part.setMinimumHeight(GLOSSARY_PART_MIN_PX)
        self.reset()

    def _regrid_letters(self) -> None:
        """The glossary's A-Z keys in rows of finger-wide keys, three rows at most. A
        panel too narrow for that (a small screen) goes without them: the filter and
        the list, scrolled by finger, still reach every word."""
        panel = self.parts.glossary_panel
        per_row = (self.width - 24) // LETTER_KEY_PX
        if per_row * LETTER_ROWS < len(panel.letter_buttons):
            panel.letters.hide()
            return
        panel.letters.set_least_key(LETTER_KEY_PX - 4, LETTER_ROWS)  # never taller

    def reset(self) -> None:
        """As at the start: every panel there, the contents in front, the starting width."""
        parts = self.parts
        for dock in parts.side_panels():
            dock.setFloating(False)
            dock.setVisible(dock is not parts.glossary_panel or self.has_glossary)
        parts.toc_dock.raise_()
        self.fit_tabs()
        layout = self.window.layout()
        if layout is not None:
            layout.activate()  # the tab just raised is the one resizeDocks sizes
        shown = [dock for dock in parts.side_panels() if dock.isVisible()]
        self.window.resizeDocks(shown, [self.width] * len(shown), Qt.Orientation.Horizontal)
        if layout is not None:
            layout.activate()
        missing = self.width - parts.toc_dock.width()
        if missing and parts.toc_dock.width() > 0:  # the separator's share, taken back
            wanted = [self.width + missing] * len(shown)
            self.window.resizeDocks(shown, wanted, Qt.Orientation.Horizontal)

    def fit_tabs(self) -> None:
        """Whole tab labels; on a screen too narrow for all of them side by side, scroll
        arrows instead of a window wider than the screen (which can't be full screen)."""
        for bar in self.window.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
