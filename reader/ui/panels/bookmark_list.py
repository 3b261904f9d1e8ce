"""The bookmark list inside the bookmarks dock: one row per bookmark (title, place,
note, date), drawn by a delegate that keeps long titles and notes readable: each wraps
onto as many lines as the list's width needs. They used to be cut to one line each,
and at 300% on a 1024x768 screen "Sobre este manual" showed as "Sobre este…" and a
parent's own note lost its end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.panels.long_words import WRAP, Patterns, breakable, wrapped_height

ROW_ROLE = Qt.ItemDataRole.UserRole
BOOKMARK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STALE_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class BookmarkRow:
    """What one row shows, worked out once in `set_bookmarks`, never while painting."""

    bookmark_id: int
    section_id: str
    title: str
    location: str
    note: str
    date: str
    stale: bool

    def lines(self) -> list[str]:
        return [text for text in (self.title, self.location, self.note, self.date) if text]


def local_date(created: str) -> str:
    """'28 Nov 2026' in the interface language; empty if the date cannot be read."""
    try:
        moment = datetime.fromisoformat(created).astimezone()
    except ValueError:
        return ""
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), "d MMM yyyy")


def _text_color(palette: QPalette, *, selected: bool, greyed: bool) -> QColor:
    """Text colour; greyed rows mix text into background, but keep readable contrast
    (the theme's 'disabled' grey is often too faint to read)."""
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    text = palette.color(QPalette.ColorRole.Text)
    if not greyed:
        return text
    base = palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(
        text.redF() * 0.6 + base.redF() * 0.4,
        text.greenF() * 0.6 + base.greenF() * 0.4,
        text.blueF() * 0.6 + base.blueF() * 0.4,
    )


class RowDelegate(QStyledItemDelegate):
    """Paints a row as: title (bold), location (small), note, date (small), each
    wrapped at the list's width (a word wider than the row breaks with a hyphen, between
    syllables of `language`: long_words.py)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.padding = 6
        self.language = ""  # the handbook's, for breaking a word wider than the row

    def _fonts(self, option: QStyleOptionViewItem) -> list[QFont]:
        bold, small, note = QFont(option.font), QFont(option.font), QFont(option.font)
        bold.setBold(True)
        size = option.font.pointSizeF()
        if size > 0:
            small.setPointSizeF(size * 0.85)
        note.setItalic(True)
        return [bold, small, note, small]

    def _parts(self, row: BookmarkRow, option: QStyleOptionViewItem) -> list[tuple[str, QFont]]:
        fonts = self._fonts(option)
        texts = [row.title, row.location, row.note, row.date]
        return [(text, font) for text, font in zip(texts, fonts, strict=True) if text]

    def _laid_out(
        self, row: BookmarkRow, option: QStyleOptionViewItem, room: int
    ) -> list[tuple[str, QFont, int]]:
        """Each part as shown at `room` px, its font and the height it takes there."""
        laid_out = []
        for text, font in self._parts(row, option):
            metrics = QFontMetrics(font)
            shown = breakable(text, metrics, room, self.language)
            height = wrapped_height(metrics, shown, room)
            laid_out.append((shown, font, max(height, metrics.lineSpacing())))
        return laid_out

    def _width(self, option: QStyleOptionViewItem) -> int:
        """The row's width: the list's, which `option.rect` is not yet when sizing."""
        view = option.widget
        if isinstance(view, QAbstractItemView) and view.viewport().width() > 0:
            return view.viewport().width()
        return option.rect.width() or 200

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(ROW_ROLE)
        if not isinstance(row, BookmarkRow):
            return super().sizeHint(option, index)
        width = self._width(option)
        parts = self._laid_out(row, option, max(1, width - 2 * self.padding))
        return QSize(width, sum(height for _, _, height in parts) + 2 * self.padding)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, BookmarkRow):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(_text_color(option.palette, selected=selected, greyed=row.stale))
        top = option.rect.top() + self.padding
        room = max(1, option.rect.width() - 2 * self.padding)
        for text, font, height in self._laid_out(row, option, room):
            painter.setFont(font)
            box = QRect(option.rect.left() + self.padding, top, room, height)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft) | int(WRAP), text)
            top += height
        painter.restore()


class BookmarkList(QListWidget):
    """The list itself: reorder by drag or Alt+Up/Down, Delete removes, Enter jumps."""

    move_requested = Signal(int, int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Lay the rows out again at every new width (with word wrap on, QListView does
        # so whichever way the size changed), so that their wrapped heights follow it.
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.model().rowsMoved.connect(self._on_rows_moved)
        Patterns.shared().ready.connect(self._patterns_read)

    def current_bookmark_id(self) -> int | None:
        item = self.currentItem()
        return int(item.data(BOOKMARK_ID_ROLE)) if item and item.isSelected() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bookmark_id = self.current_bookmark_id()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if bookmark_id is not None and alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            target = self.currentRow() + step
            if 0 <= target < self.count():
                self.move_requested.emit(bookmark_id, target)
            event.accept()
            return
        if bookmark_id is not None and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit(bookmark_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _patterns_read(self, _language: str) -> None:
        self.doItemsLayout()  # a word too wide breaks between syllables now

    def _on_rows_moved(
        self, _parent: QModelIndex, start: int, _end: int, _destination: QModelIndex, row: int
    ) -> None:
        """A drag moved a row; the store decides the real order on the next refresh."""
        new_row = row - 1 if row > start else row
        item = self.item(new_row)
        if item is not None and new_row != start:
            self.move_requested.emit(int(item.data(BOOKMARK_ID_ROLE)), new_row)
