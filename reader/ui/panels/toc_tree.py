"""The table of contents: chapters and their sections, following what is being read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.handbook import Chapter, Handbook
from reader.ui.panels.long_words import Patterns, copied_as_written
from reader.ui.panels.row_heights import RowHeights
from reader.ui.plain_text import plain_tooltip

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole


class TocTree(QTreeWidget):
    """Chapters > sections. Emits `section_requested` when the reader picks one."""

    section_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = RowHeights(self)  # first: it hears every font change
        Patterns.shared().ready.connect(self._rows_patterns_read)
        self.setObjectName("tocTree")
        self.setAccessibleName(self.tr("Contents"))
        self.setAccessibleDescription(self.tr("Chapters and sections of the handbook"))
        self.setHeaderHidden(True)
        # Long titles wrap (at a large text size they would be cut to "About this…"):
        # each row's height is worked out by RowHeights.
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setIndentation(14)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._pending = ""  # the section to show once the reader is done with the tree
        self.itemActivated.connect(self._on_activated)
        self.itemClicked.connect(self._on_activated)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not copied_as_written(self, event):  # a title's words without soft hyphens
            super().keyPressEvent(event)

    def set_handbook(self, handbook: Handbook) -> None:
        """A row per chapter and section. Each chapter's rows are made apart from the
        tree and all are put in at once, not one by one through the tree's model: a
        1 MB chapter's 1,214 rows, part of a language switch's longest turn, took 25 ms
        so and take 21 ms now (7 runs each, alternating)."""
        self.clear()
        self._items.clear()
        parts: dict[tuple[str, ...], QTreeWidgetItem] = {}
        tops: list[QTreeWidgetItem] = []
        for chapter in handbook.chapters:
            holder = self._part_item(chapter.part, parts, tops)
            top = self._chapter_rows(chapter)
            if holder is None:
                tops.append(top)
            else:
                holder.addChild(top)
        self.addTopLevelItems(tops)
        for part in parts.values():  # a row opens only once it is in the tree
            part.setExpanded(True)
        self._rows.take_rows(handbook.language)

    def _chapter_rows(self, chapter: Chapter) -> QTreeWidgetItem:
        """The chapter's row with its sections' rows under it, not yet in the tree
        (collapsed, as a row put in is)."""
        top = QTreeWidgetItem([chapter.title])
        top.setData(0, SECTION_ID_ROLE, chapter.id)
        top.setToolTip(0, plain_tooltip(chapter.title))
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        self._items[chapter.id] = top
        parents = {2: top}
        for section in chapter.sections[1:]:
            parent = parents.get(section.level - 1, top)
            item = QTreeWidgetItem(parent, [section.title])
            item.setData(0, SECTION_ID_ROLE, section.id)
            item.setToolTip(0, plain_tooltip(section.title))
            self._items[section.id] = item
            parents[section.level] = item
        return top

    def _rows_patterns_read(self, language: str) -> None:
        self._rows.patterns_read(language)  # through the tree: gone with it

    def _part_item(
        self,
        part: tuple[str, ...],
        made: dict[tuple[str, ...], QTreeWidgetItem],
        tops: list[QTreeWidgetItem],
    ) -> QTreeWidgetItem | None:
        """The row of a nav section (MkDocs) that holds chapters: a heading, not a page;
        one at the top goes into `tops`, in its place among the chapters."""
        if not part:
            return None
        if part not in made:
            parent = self._part_item(part[:-1], made, tops)
            item = QTreeWidgetItem([part[-1]])
            item.setToolTip(0, plain_tooltip(part[-1]))
            font = item.font(0)
            font.setBold(True)
            font.setItalic(True)
            item.setFont(0, font)
            if parent is None:
                tops.append(item)
            else:
                parent.addChild(item)
            made[part] = item
        return made[part]

    def in_use(self) -> bool:
        """The reader is pointing at the tree or moving in it with the keyboard."""
        return self.underMouse() or self.hasFocus()

    def select_section(self, section_id: str) -> None:
        """Follow the reader: select the section's row without emitting a request.

        While the tree is in use it never opens rows or scrolls (a click would land on
        another row): the row is marked only if it is already shown, and the tree
        catches up when the pointer and the focus leave."""
        item = self._items.get(section_id)
        if item is None:
            return
        if item is self.currentItem():
            self._pending = ""  # already there: an older pending row must not come back
            return
        if self.in_use():
            self._pending = section_id
            if self._shown(item):
                self.blockSignals(True)
                scroll = self.verticalScrollBar().value()
                self.setCurrentItem(item)
                self.verticalScrollBar().setValue(scroll)
                self.blockSignals(False)
            return
        self._pending = ""
        self.blockSignals(True)
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(False)

    def _shown(self, item: QTreeWidgetItem) -> bool:
        parent = item.parent()
        while parent is not None:
            if not parent.isExpanded():
                return False
            parent = parent.parent()
        return True

    def _catch_up(self) -> None:
        if self._pending and not self.in_use():
            pending, self._pending = self._pending, ""
            current = self.currentItem()
            if current is not None and current.data(0, SECTION_ID_ROLE) == pending:
                self.scrollToItem(current)
            else:
                self.select_section(pending)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._rows.fit()  # rows are measured once the tree has its own width and font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rows.resized()  # wrapped rows take their new heights

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rows.restyle()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._catch_up()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._catch_up()

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        section_id = item.data(0, SECTION_ID_ROLE)
        if section_id:
            if item.childCount() and not item.isExpanded():
                item.setExpanded(True)
            self.section_requested.emit(section_id)
