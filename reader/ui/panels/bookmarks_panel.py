"""The bookmarks dock: the kept sections of this handbook, with their notes and dates.

The panel only shows bookmarks and forwards what the reader wants (jump, rename, edit
the note, delete, reorder) as signals; BookmarksController writes the store.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.bookmarks.store import Bookmark, is_stale, location_label
from reader.handbook import Handbook
from reader.ui.panels.bookmark_list import (
    BOOKMARK_ID_ROLE,
    ROW_ROLE,
    SECTION_ID_ROLE,
    STALE_ROLE,
    BookmarkList,
    BookmarkRow,
    RowDelegate,
    local_date,
)
from reader.ui.plain_text import plain_tooltip
from reader.ui.worker_safety import delete_on_close

#: The buttons' rows are at most this long (two rows of them at the usual sizes).
MAX_BUTTONS_PER_ROW = 3
#: Fewer than this to a row and the buttons give way to one menu button.
MIN_BUTTONS_PER_ROW = 2


class BookmarksPanel(QDockWidget):
    """Dock listing the handbook's bookmarks. Emits the reader's wishes, saves nothing."""

    activated = Signal(str)
    rename_requested = Signal(int, str)
    note_requested = Signal(int, str)
    delete_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self._touch = False
        self._rows: list[BookmarkRow] = []
        self._delegate = RowDelegate(self)
        self.list = BookmarkList()
        self.list.setObjectName("bookmarksList")
        self.list.setItemDelegate(self._delegate)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("bookmarksEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = {
            name: self._button(name)
            for name in ("rename", "note", "delete", "move_up", "move_down")
        }
        self.actions_button = QPushButton()
        self.actions_button.setObjectName("bookmarks_actions")
        self.actions_button.clicked.connect(self._show_actions_button_menu)
        self.actions_button.hide()
        self.setWidget(self._layout())
        self._connect()
        self.retranslate()
        self._show_rows()

    # ------------------------------------------------------------------ building

    def _button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(f"bookmarks_{name}")
        return button

    def _layout(self) -> QWidget:
        body = QWidget()
        body.setObjectName("bookmarksBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.empty_label)
        column.addWidget(self.list, 1)
        # As many to a row as fit whole (three, two, or one under another at large
        # text sizes: "Rename…" cut to "name" helped nobody); see _regrid.
        self._grid = QGridLayout()
        self._per_row = -1
        column.addLayout(self._grid)
        column.addWidget(self.actions_button)
        self._regrid()
        return body

    def _regrid(self) -> None:
        """Lay the buttons out in rows of as many as fit with their whole labels; when
        not even two fit side by side (large text, a narrow panel), one "Bookmark
        actions" button with the same menu takes their place, so the panel never
        grows taller than the screen."""
        body = self.widget()
        width = (body.width() if body is not None else 0) - 8
        spacing = max(0, self._grid.horizontalSpacing())
        widest = max(b.sizeHint().width() for b in self.buttons.values())
        per_row = max(1, min(MAX_BUTTONS_PER_ROW, (width + spacing) // (widest + spacing)))
        if width > 0 and per_row < MIN_BUTTONS_PER_ROW:
            per_row = 0  # the one menu button instead
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for button in self.buttons.values():
            self._grid.removeWidget(button)
        for index, button in enumerate(self.buttons.values()):
            if per_row:
                self._grid.addWidget(button, index // per_row, index % per_row)
        self._show_buttons()

    def _show_buttons(self) -> None:
        """The buttons when there are bookmarks: the row of them, or the one menu."""
        has_rows = bool(self._rows)
        self.actions_button.setVisible(has_rows and self._per_row == 0)
        for button in self.buttons.values():
            button.setVisible(has_rows and self._per_row != 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._regrid()

    def _connect(self) -> None:
        self.list.itemClicked.connect(self._on_activated)
        self.list.itemActivated.connect(self._on_activated)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.move_requested.connect(self.move_requested)
        self.list.delete_requested.connect(self.delete_requested)
        self.list.customContextMenuRequested.connect(self._show_context_menu)
        self.buttons["rename"].clicked.connect(self.ask_rename)
        self.buttons["note"].clicked.connect(self.ask_note)
        self.buttons["delete"].clicked.connect(self.request_delete)
        self.buttons["move_up"].clicked.connect(lambda: self.request_move(-1))
        self.buttons["move_down"].clicked.connect(lambda: self.request_move(1))

    def retranslate(self) -> None:
        """Re-apply every visible text (also after the interface language changes)."""
        self.setWindowTitle(self.tr("Bookmarks"))
        self.setAccessibleName(self.tr("Bookmarks"))
        self.actions_button.setText(self.tr("Actions…"))
        self.actions_button.setAccessibleName(self.tr("Bookmark actions"))
        self.list.setAccessibleName(self.tr("Bookmarked sections"))
        self.list.setAccessibleDescription(
            self.tr("Press Enter to read a section; Alt+Up and Alt+Down change the order.")
        )
        self.empty_label.setText(
            self.tr("No bookmarks yet. Press Ctrl+D or the star to keep a section here.")
        )
        self.empty_label.setAccessibleName(self.tr("No bookmarks yet"))
        texts = {
            "rename": (self.tr("Rename…"), self.tr("Rename the selected bookmark")),
            "note": (self.tr("Edit Note…"), self.tr("Write a note for the selected bookmark")),
            "delete": (self.tr("Delete"), self.tr("Delete the selected bookmark")),
            "move_up": (self.tr("Move Up"), self.tr("Move the selected bookmark up (Alt+Up)")),
            "move_down": (
                self.tr("Move Down"),
                self.tr("Move the selected bookmark down (Alt+Down)"),
            ),
        }
        for name, (text, tip) in texts.items():
            self.buttons[name].setText(text)
            self.buttons[name].setAccessibleName(text.rstrip("…"))
            self.buttons[name].setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Larger labels: fewer to a row, once the buttons have their new fonts.
            QTimer.singleShot(0, self, self._regrid)  # dropped if the panel goes first

    # ------------------------------------------------------------------ showing

    def set_bookmarks(self, bookmarks: list[Bookmark], handbook: Handbook) -> None:
        """Show these bookmarks, flagging those whose section this handbook lacks."""
        self._delegate.language = handbook.language
        self._rows = [self._row(bookmark, handbook) for bookmark in bookmarks]
        self._show_rows()

    def _row(self, bookmark: Bookmark, handbook: Handbook) -> BookmarkRow:
        stale = is_stale(bookmark, handbook)
        location = location_label(handbook, bookmark.section_id)
        return BookmarkRow(
            bookmark_id=bookmark.id,
            section_id=bookmark.section_id,
            title=bookmark.title,
            location=self.tr("Section no longer in this handbook") if stale else location or "",
            note=bookmark.note,
            date=local_date(bookmark.created),
            stale=stale,
        )

    def _show_rows(self) -> None:
        selected = self.list.current_bookmark_id()
        scroll = self.list.verticalScrollBar().value()
        self.list.clear()
        for row in self._rows:
            self.list.addItem(self._item(row))
            if row.bookmark_id == selected:
                self.list.setCurrentRow(self.list.count() - 1)
        self.list.verticalScrollBar().setValue(scroll)
        self.empty_label.setVisible(not self._rows)
        self.list.setVisible(bool(self._rows))
        self._show_buttons()
        self._update_buttons()

    def _item(self, row: BookmarkRow) -> QListWidgetItem:
        item = QListWidgetItem(" — ".join(row.lines()))
        item.setData(ROW_ROLE, row)
        item.setData(BOOKMARK_ID_ROLE, row.bookmark_id)
        item.setData(SECTION_ID_ROLE, row.section_id)
        item.setData(STALE_ROLE, row.stale)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(row.lines()))
        item.setToolTip(plain_tooltip("\n".join(row.lines())))
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.NoItemFlags if self._touch else Qt.ItemFlag.ItemIsDragEnabled)
        )
        item.setFlags(flags)
        return item

    def set_touch_mode(self, touch: bool) -> None:
        """Kiosk: no context menus or dragging, taller rows and buttons for fingers."""
        self._touch = touch
        self._delegate.padding = 16 if touch else 6
        self.list.setContextMenuPolicy(
            Qt.ContextMenuPolicy.NoContextMenu if touch else Qt.ContextMenuPolicy.CustomContextMenu
        )
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if touch
            else QAbstractItemView.DragDropMode.InternalMove
        )
        for button in self.buttons.values():
            button.setMinimumHeight(48 if touch else 0)
        self._show_rows()

    # ---------------------------------------------------------------- requests

    def selected_row(self) -> BookmarkRow | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        row = item.data(ROW_ROLE)
        return row if isinstance(row, BookmarkRow) else None

    def select_bookmark(self, bookmark_id: int) -> None:
        for index in range(self.list.count()):
            if self.list.item(index).data(BOOKMARK_ID_ROLE) == bookmark_id:
                self.list.setCurrentRow(index)
                return

    def _on_activated(self, item: QListWidgetItem) -> None:
        row = item.data(ROW_ROLE)
        if isinstance(row, BookmarkRow) and not row.stale:
            self.activated.emit(row.section_id)

    def request_delete(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.delete_requested.emit(row.bookmark_id)

    def request_move(self, step: int) -> None:
        row = self.selected_row()
        target = self.list.currentRow() + step
        if row is not None and 0 <= target < self.list.count():
            self.move_requested.emit(row.bookmark_id, target)

    def ask_rename(self) -> None:
        """Ask for a new title in a window-modal dialog (not blocking: tests can answer)."""
        row = self.selected_row()
        if row is None:
            return
        dialog = self._text_dialog(
            "bookmarkRenameDialog", self.tr("Rename Bookmark"), self.tr("Title:"), row.title
        )
        dialog.textValueSelected.connect(
            lambda text: self._emit_rename(row.bookmark_id, row.title, text)
        )
        dialog.open()

    def ask_note(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = self._text_dialog(
            "bookmarkNoteDialog", self.tr("Bookmark Note"), self.tr("Note:"), row.note
        )
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.textValueSelected.connect(
            lambda text: self._emit_note(row.bookmark_id, row.note, text)
        )
        dialog.open()

    def _text_dialog(self, name: str, title: str, label: str, text: str) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName(name)
        dialog.setAccessibleName(title)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        delete_on_close(dialog)
        return dialog

    def _emit_rename(self, bookmark_id: int, old: str, text: str) -> None:
        title = text.strip()
        if title and title != old:
            self.rename_requested.emit(bookmark_id, title)

    def _emit_note(self, bookmark_id: int, old: str, text: str) -> None:
        note = text.strip()
        if note != old:
            self.note_requested.emit(bookmark_id, note)

    def _show_context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if self._touch or item is None:
            return
        self.list.setCurrentItem(item)
        self._actions_menu().popup(self.list.viewport().mapToGlobal(position))

    def _show_actions_button_menu(self) -> None:
        """The one "Bookmark actions" button of large text sizes: the same menu."""
        button = self.actions_button
        self._actions_menu().popup(button.mapToGlobal(button.rect().bottomLeft()))

    def _actions_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("bookmarksMenu")
        menu.setAccessibleName(self.tr("Bookmark actions"))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for name, slot in (
            ("rename", self.ask_rename),
            ("note", self.ask_note),
            ("move_up", lambda: self.request_move(-1)),
            ("move_down", lambda: self.request_move(1)),
            ("delete", self.request_delete),
        ):
            action = menu.addAction(self.buttons[name].text())
            action.setObjectName(f"bookmarksMenu_{name}")
            action.setEnabled(self.buttons[name].isEnabled())
            action.triggered.connect(slot)
        return menu

    def _update_buttons(self) -> None:
        row = self.selected_row()
        current = self.list.currentRow()
        self.buttons["rename"].setEnabled(row is not None)
        self.buttons["note"].setEnabled(row is not None)
        self.buttons["delete"].setEnabled(row is not None)
        self.buttons["move_up"].setEnabled(row is not None and current > 0)
        self.buttons["move_down"].setEnabled(row is not None and current < self.list.count() - 1)
