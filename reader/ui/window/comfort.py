"""Reading comfort: text size, theme and glossary marking, applied to the whole window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from reader.ui.icons import set_icon_color
from reader.ui.theme import THEMES, Theme, resolve_theme

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow

BASE_POINT_SIZE = 12.0


class ReadingComfort(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("readingComfort")
        self.window = window

    def apply_zoom(self, zoom: int, *, announce: bool = True) -> None:
        window = self.window
        window.preferences.zoom = zoom
        window.content.set_point_size(BASE_POINT_SIZE * zoom / 100)
        if announce:
            message = self.tr("Text size %1%").replace("%1", str(zoom))
            window.statusBar().showMessage(message, 2000)

    def apply_theme(self, name: str) -> Theme:
        window = self.window
        theme = resolve_theme(name)
        window.preferences.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette())
            app.setStyleSheet(theme.app_qss())
        set_icon_color(theme.text)
        window.action_set.refresh_icons()
        window.bookmark_commands.update_star()
        window.content.document().setDefaultStyleSheet(theme.reading_css())
        window.theme = theme
        window.action_set[f"theme_{name if name in THEMES else 'system'}"].setChecked(True)
        window.reload_page()
        return theme

    def set_mark_terms(self, on: bool) -> None:
        self.window.preferences.mark_terms = on
        self.window.reload_page()
