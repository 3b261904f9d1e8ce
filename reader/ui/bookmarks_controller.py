"""Connects the bookmarks panel (and Ctrl+D) to the bookmark store through undoable
commands, and turns every store failure into a plain `error` message, never a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.bookmarks.store import Bookmark, BookmarkStore, BookmarkStoreError, handbook_key
from reader.handbook import Handbook
from reader.ui.panels.bookmarks_panel import BookmarksPanel

T = TypeVar("T")
_STORE_ERRORS = (BookmarkStoreError, sqlite3.Error, OSError)


class _StoreCommand(QUndoCommand):
    """An undoable bookmark change. The controller applies the first `redo` itself
    (so a failed change is never pushed); later undo/redo run through `_run`."""

    def __init__(self, controller: BookmarksController, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, change: Callable[[BookmarkStore], None]) -> None:
        if not self._controller._apply(change):
            # The store refused: drop this step rather than leave a stack that lies.
            self.setObsolete(True)

    def forward(self, store: BookmarkStore) -> None:
        raise NotImplementedError

    def backward(self, store: BookmarkStore) -> None:
        raise NotImplementedError


class _AddCommand(_StoreCommand):
    def __init__(self, controller: BookmarksController, bookmark: Bookmark) -> None:
        text = QCoreApplication.translate("BookmarksController", "Add Bookmark")
        super().__init__(controller, text)
        self.bookmark = bookmark

    def forward(self, store: BookmarkStore) -> None:
        self.bookmark = store.restore(self.bookmark)

    def backward(self, store: BookmarkStore) -> None:
        store.remove(self.bookmark.id)


class _RemoveCommand(_StoreCommand):
    def __init__(self, controller: BookmarksController, bookmark: Bookmark) -> None:
        text = QCoreApplication.translate("BookmarksController", "Delete Bookmark")
        super().__init__(controller, text)
        self.bookmark = bookmark

    def forward(self, store: BookmarkStore) -> None:
        store.remove(self.bookmark.id)

    def backward(self, store: BookmarkStore) -> None:
        self.bookmark = store.restore(self.bookmark)


class _TextCommand(_StoreCommand):
    """Rename or note change: remembers the old text to put back."""

    def __init__(
        self,
        controller: BookmarksController,
        text: str,
        setter: Callable[[BookmarkStore, int, str], None],
        bookmark_id: int,
        old: str,
        new: str,
    ) -> None:
        super().__init__(controller, text)
        self._setter, self._id, self._old, self._new = setter, bookmark_id, old, new

    def forward(self, store: BookmarkStore) -> None:
        self._setter(store, self._id, self._new)

    def backward(self, store: BookmarkStore) -> None:
        self._setter(store, self._id, self._old)


class _MoveCommand(_StoreCommand):
    def __init__(
        self, controller: BookmarksController, bookmark_id: int, old: int, new: int
    ) -> None:
        text = QCoreApplication.translate("BookmarksController", "Move Bookmark")
        super().__init__(controller, text)
        self._id, self._old, self._new = bookmark_id, old, new

    def forward(self, store: BookmarkStore) -> None:
        store.move(self._id, self._new)

    def backward(self, store: BookmarkStore) -> None:
        store.move(self._id, self._old)


class BookmarksController(QObject):
    """The one place that changes bookmarks for the window: panel signals and Ctrl+D in,
    store writes (each one undoable) out. `changed` fires after every change so the
    window can update the star; `error` carries a plain message when saving failed."""

    changed = Signal()
    error = Signal(str)

    def __init__(
        self,
        store: BookmarkStore,
        handbook: Handbook,
        panel: BookmarksPanel,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.panel = panel
        self.undo_stack = undo_stack
        self.handbook = handbook
        self.key = handbook_key(handbook)
        self._place_error_shown = False
        panel.rename_requested.connect(self.rename)
        panel.note_requested.connect(self.set_note)
        panel.delete_requested.connect(self.delete)
        panel.move_requested.connect(self.move)
        self.refresh()

    # ------------------------------------------------------------------ state

    def set_handbook(self, handbook: Handbook) -> None:
        """Another handbook (or a reloaded one) is open: show its bookmarks."""
        self.handbook = handbook
        self.key = handbook_key(handbook)
        self.refresh()

    def refresh(self) -> None:
        """Show what the store holds now (also picks up another window's changes)."""
        self._refresh(report=True)

    def _refresh(self, *, report: bool) -> None:
        try:
            bookmarks = self.store.list(self.key)
        except _STORE_ERRORS as error:
            if report:  # not twice for one failure
                self._report(error)
            return
        self.panel.set_bookmarks(bookmarks, self.handbook)
        self.changed.emit()

    def bookmarks(self) -> list[Bookmark]:
        try:
            return self.store.list(self.key)
        except _STORE_ERRORS as error:
            self._report(error)
            return []

    def is_bookmarked(self, section_id: str) -> bool:
        return self._find(section_id) is not None

    # ---------------------------------------------------------------- changes

    def toggle(self, section_id: str) -> None:
        """Ctrl+D / the star: bookmark the section, or remove its bookmark (undoable)."""
        existing = self._find(section_id)
        if existing is not None:
            self.delete(existing.id)
            return
        section = self.handbook.section(section_id)
        if section is None:
            self.error.emit(self.tr("This section is not in the handbook, so it cannot be kept."))
            return
        added = self._attempt(lambda store: store.add(self.key, section_id, section.title))
        if added is not None:
            self.undo_stack.push(_AddCommand(self, added))
            self.refresh()

    def delete(self, bookmark_id: int) -> None:
        removed = self._attempt(lambda store: store.remove(bookmark_id))
        if removed is not None:
            self.undo_stack.push(_RemoveCommand(self, removed))
            self.refresh()

    def rename(self, bookmark_id: int, title: str) -> None:
        self._change_text(bookmark_id, title, "title", self.tr("Rename Bookmark"))

    def set_note(self, bookmark_id: int, note: str) -> None:
        self._change_text(bookmark_id, note, "note", self.tr("Edit Bookmark Note"))

    def move(self, bookmark_id: int, new_position: int) -> None:
        bookmark = self._attempt(lambda store: store.get(bookmark_id))
        if bookmark is None or bookmark.position == new_position:
            self.refresh()
            return
        if self._attempt_write(lambda store: store.move(bookmark_id, new_position)):
            self.undo_stack.push(_MoveCommand(self, bookmark_id, bookmark.position, new_position))
        self.refresh()

    def reset(self) -> None:
        """Kiosk: forget every bookmark and reading place, and the undo history."""
        self.undo_stack.clear()
        self._attempt_write(lambda store: store.clear())
        self.refresh()

    # ----------------------------------------------------------- reading place

    def last_place(self) -> tuple[str, float] | None:
        """The section last read in this handbook and how far down, if it still exists."""
        try:
            section_id = self.store.last_section(self.key)
            scroll = self.store.last_scroll(self.key)
        except _STORE_ERRORS:
            return None
        if section_id is None or self.handbook.section(section_id) is None:
            return None
        return section_id, scroll

    def remember_place(self, section_id: str, scroll: float = 0.0) -> None:
        """Called as the reader moves; a failure is reported once, not on every move."""
        try:
            self.store.set_last_section(self.key, section_id, scroll)
        except _STORE_ERRORS as error:
            if not self._place_error_shown:
                self._place_error_shown = True
                self._report(error)

    # ---------------------------------------------------------- export/import

    def export_to(self, path: Path) -> str:
        """Save this handbook's bookmarks to a file; returns what to tell the reader."""
        try:
            count = self.store.export_json(self.key, Path(path))
        except _STORE_ERRORS as error:
            return self._report(error)
        return self.tr("Saved %n bookmark(s) to “%1”.", "", count).replace("%1", Path(path).name)

    def import_from(self, path: Path) -> str:
        """Merge bookmarks from an exported file; returns what to tell the reader."""
        try:
            added = self.store.import_json(self.key, Path(path))
        except _STORE_ERRORS as error:
            return self._report(error)
        self.refresh()
        name = Path(path).name
        if added == 0:
            return self.tr("Every bookmark in “%1” was already here.").replace("%1", name)
        return self.tr("Added %n new bookmark(s) from “%1”.", "", added).replace("%1", name)

    # ---------------------------------------------------------------- helpers

    def _find(self, section_id: str) -> Bookmark | None:
        try:
            return self.store.find(self.key, section_id)
        except _STORE_ERRORS as error:
            self._report(error)
            return None

    def _change_text(self, bookmark_id: int, text: str, field: str, label: str) -> None:
        bookmark = self._attempt(lambda store: store.get(bookmark_id))
        if bookmark is None:
            return
        old = bookmark.title if field == "title" else bookmark.note
        if old == text:
            return

        def setter(store: BookmarkStore, target: int, value: str) -> None:
            if field == "title":
                store.rename(target, value)
            else:
                store.set_note(target, value)

        if self._attempt_write(lambda store: setter(store, bookmark_id, text)):
            self.undo_stack.push(_TextCommand(self, label, setter, bookmark_id, old, text))
        self.refresh()

    def _attempt(self, change: Callable[[BookmarkStore], T]) -> T | None:
        """The change's result, or None after reporting why the store refused it."""
        try:
            return change(self.store)
        except _STORE_ERRORS as error:
            self._report(error)
            return None

    def _attempt_write(self, change: Callable[[BookmarkStore], object]) -> bool:
        try:
            change(self.store)
        except _STORE_ERRORS as error:
            self._report(error)
            return False
        return True

    def _apply(self, change: Callable[[BookmarkStore], None]) -> bool:
        """Run an undo/redo step and show the result; True if the store took it."""
        done = self._attempt_write(change)
        self._refresh(report=done)
        return done

    def _report(self, error: BaseException) -> str:
        if isinstance(error, BookmarkStoreError):
            message = str(error)
        else:
            message = self.tr(
                "Your bookmarks could not be read or saved just now. Nothing was changed."
            )
        self.error.emit(message)
        return message
