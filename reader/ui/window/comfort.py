"""Reading comfort: text size, theme and glossary marking, applied to the whole window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from reader.ui.icons import set_icon_color
from reader.ui.text_size import apply_text_size, set_style_sheet, system_scale
from reader.ui.theme import THEMES, Theme, resolve_theme

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow

BASE_POINT_SIZE = 12.0
TOOLBAR_ICON = 24
SEARCH_WIDTH = 560
LABELS_UP_TO_ZOOM = 175
PANEL_SHARE = 0.28
QWIDGETSIZE_MAX = 16777215


class ReadingComfort(QObject):
    zoom_applied = Signal(int)  # the text size (percent) just applied, for the kiosk's sheet

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("readingComfort")
        self.window = window

    def apply_zoom(self, zoom: int, *, announce: bool = True, keep_place: bool = True) -> None:
        """One text size for everything: the interface font and the page together,
        keeping the paragraph at the top of the page where it was (unless the caller
        shows another place next, as a kiosk reset does)."""
        window = self.window
        window.preferences.zoom = zoom
        place = window.content.top_paragraph()
        apply_text_size(zoom)
        self.zoom_applied.emit(zoom)
        app = QApplication.instance()
        scale = system_scale(app) if isinstance(app, QApplication) else 1.0
        window.content.set_point_size(BASE_POINT_SIZE * scale * zoom / 100)
        # Larger toolbars and panels shrink the page: lay the window out now, so the
        # place is restored in the page's final width.
        self._fit_chrome(zoom)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if keep_place:
            window.content.restore_top_paragraph(place)
        if announce:
            message = self.tr("Text size %1%").replace("%1", str(zoom))
            # After the re-styled widgets are shown again: said at once, the status bar's
            # own text was re-shown under the message and the two overlapped.
            QTimer.singleShot(0, lambda: window.statusBar().showMessage(message, 2000))

    def _fit_chrome(self, zoom: int) -> None:
        """Keep everything whole at large sizes: toolbar icons grow, and past
        LABELS_UP_TO_ZOOM the toolbar shows icons only (labels cut to "F…d" help
        nobody; tool tips and accessible names still say what each does); the side
        panels never take more than PANEL_SHARE of the window each. A kiosk lays out
        its own touch toolbar and panels."""
        window = self.window
        if window.kiosk:
            return
        window.set_search_hint()
        side = round(TOOLBAR_ICON * min(2.0, max(1.0, zoom / 100)))
        window.search_box.setMaximumWidth(round(SEARCH_WIDTH * max(1.0, zoom / 100)))
        window.toolbar.setIconSize(QSize(side, side))
        window.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextUnderIcon
            if zoom <= LABELS_UP_TO_ZOOM
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        limit = max(200, int(window.width() * PANEL_SHARE))
        docks = (window.toc_dock, window.search_dock, window.bookmarks_panel, window.glossary_panel)
        for dock in docks:
            dock.setMaximumWidth(limit if zoom > LABELS_UP_TO_ZOOM else QWIDGETSIZE_MAX)
        wide = [d for d in docks if d.isVisible() and d.width() > limit]
        if wide:
            window.resizeDocks(wide, [limit] * len(wide), Qt.Orientation.Horizontal)

    def apply_theme(self, name: str) -> Theme:
        window = self.window
        theme = resolve_theme(name)
        window.preferences.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette())
            set_style_sheet(app, theme.app_qss())
        set_icon_color(theme.text)
        window.action_set.refresh_icons()
        for title in window.dock_titles:
            title.refresh_icon()
        window.bookmark_commands.update_star()
        window.content.document().setDefaultStyleSheet(theme.reading_css())
        window.theme = theme
        window.action_set[f"theme_{name if name in THEMES else 'system'}"].setChecked(True)
        window.reload_page()
        window.glossary_panel.refresh_colors()
        return theme

    def set_mark_terms(self, on: bool) -> None:
        self.window.preferences.mark_terms = on
        self.window.reload_page()
