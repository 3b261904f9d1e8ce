"""The window's bookmark commands: the star (Ctrl+D), import and export, and telling the
reader when the store fails. The panel and the store are wired by BookmarksController."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.ui.icons import icon
from reader.ui.plain_text import plain_box

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class BookmarkCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("bookmarkCommands")
        self.window = window

    def toggle(self) -> None:
        window = self.window
        section_id = window.current_section_id
        if not section_id:
            return
        was = window.bookmarks.is_bookmarked(section_id)
        window.bookmarks.toggle(section_id)
        if was and not window.bookmarks.is_bookmarked(section_id):
            message = self.tr("Bookmark removed. Press Ctrl+Z to undo.")
        else:
            message = self.tr("Bookmarked. Find it under Bookmarks (F10).")
        window.statusBar().showMessage(message, 6000)

    def update_star(self) -> None:
        """The star says whether the section on screen is bookmarked."""
        window = self.window
        section_id = window.current_section_id
        on = bool(section_id) and window.bookmarks.is_bookmarked(section_id)
        action = window.action_set["bookmark"]
        action.setChecked(on)
        action.setIcon(icon("star-filled" if on else "star"))

    def show_error(self, message: str) -> None:
        """Tell the reader, without blocking: this can happen while the window closes."""
        window = self.window
        window.statusBar().showMessage(message, 10000)
        if window.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), message,
                              QMessageBox.StandardButton.Ok, window)  # fmt: skip
            plain_box(box).setObjectName("bookmarkErrorDialog")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def remember_place(self) -> None:
        """Where the reader is, kept so the next start reopens here (not in kiosk mode)."""
        window = self.window
        if window.kiosk or not window.current_section_id:
            return
        bar = window.content.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        window.bookmarks.remember_place(window.current_section_id, fraction)

    def export(self) -> None:
        window = self.window
        if window.kiosk:
            return
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export bookmarks"), str(Path.home() / "bookmarks.json"),
            self.tr("Bookmarks (*.json)"))  # fmt: skip
        if name:
            window.statusBar().showMessage(window.bookmarks.export_to(Path(name)), 8000)

    def import_(self) -> None:
        window = self.window
        if window.kiosk:
            return
        name, _ = QFileDialog.getOpenFileName(
            window, self.tr("Import bookmarks"), str(Path.home()),
            self.tr("Bookmarks (*.json)"))  # fmt: skip
        if name:
            window.statusBar().showMessage(window.bookmarks.import_from(Path(name)), 8000)
