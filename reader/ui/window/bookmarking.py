"""The window's bookmark commands: the star (Ctrl+D), import and export, keeping the
reader's place, and telling the reader when the store fails. The panel and the store
are wired by BookmarksController."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QScrollBar, QWidget

from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.icons import icon
from reader.ui.plain_text import plain_box
from reader.ui.window.policy import WindowPolicy
from reader.ui.worker_safety import delete_on_close


class BookmarkCommands(QObject):
    """What the reader asks of bookmarks from the menus and the toolbar's star."""

    message = Signal(str, int)  # a status line and how long (ms) it stays

    def __init__(
        self,
        bookmarks: BookmarksController,
        star: QAction,
        current_section: Callable[[], str],
        scroll_bar: QScrollBar,
        policy: WindowPolicy,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkCommands")
        self.bookmarks = bookmarks
        self.star = star
        self.current_section = current_section
        self.scroll_bar = scroll_bar
        self.policy = policy
        self.parent_widget = parent

    def toggle(self) -> None:
        section_id = self.current_section()
        if not section_id:
            return
        was = self.bookmarks.is_bookmarked(section_id)
        self.bookmarks.toggle(section_id)
        if was and not self.bookmarks.is_bookmarked(section_id):
            message = self.tr("Bookmark removed. Press Ctrl+Z to undo.")
        else:
            message = self.tr("Bookmarked. Find it under Bookmarks (F10).")
        self.message.emit(message, 6000)

    def update_star(self) -> None:
        """The star says whether the section on screen is bookmarked."""
        section_id = self.current_section()
        on = bool(section_id) and self.bookmarks.is_bookmarked(section_id)
        self.star.setChecked(on)
        self.star.setIcon(icon("star-filled" if on else "star"))

    def show_error(self, message: str) -> None:
        """Tell the reader, without blocking: this can happen while the window closes."""
        self.message.emit(message, 10000)
        parent = self.parent_widget
        if parent.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), message,
                              QMessageBox.StandardButton.Ok, parent)  # fmt: skip
            plain_box(box).setObjectName("bookmarkErrorDialog")
            delete_on_close(box)
            box.open()

    def remember_place(self) -> None:
        """Where the reader is, kept so the next start reopens here (where the policy
        keeps places: not on a shared kiosk)."""
        section_id = self.current_section()
        if not self.policy.remembers or not section_id:
            return
        bar = self.scroll_bar
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.bookmarks.remember_place(section_id, fraction)

    def export(self) -> None:
        if not self.policy.opens_files:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export bookmarks"), str(Path.home() / "bookmarks.json"),
            self.tr("Bookmarks (*.json)"))  # fmt: skip
        if name:
            self.message.emit(self.bookmarks.export_to(Path(name)), 8000)

    def import_(self) -> None:
        if not self.policy.opens_files:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Import bookmarks"), str(Path.home()),
            self.tr("Bookmarks (*.json)"))  # fmt: skip
        if name:
            self.message.emit(self.bookmarks.import_from(Path(name)), 8000)
