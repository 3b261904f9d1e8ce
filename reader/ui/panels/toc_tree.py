"""The table of contents: chapters and their sections, following what is being read."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.handbook import Handbook

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole


class TocTree(QTreeWidget):
    """Chapters > sections. Emits `section_requested` when the reader picks one."""

    section_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tocTree")
        self.setAccessibleName(self.tr("Contents"))
        self.setAccessibleDescription(self.tr("Chapters and sections of the handbook"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(True)
        self.setIndentation(14)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.itemActivated.connect(self._on_activated)
        self.itemClicked.connect(self._on_activated)

    def set_handbook(self, handbook: Handbook) -> None:
        self.clear()
        self._items.clear()
        parts: dict[tuple[str, ...], QTreeWidgetItem] = {}
        for chapter in handbook.chapters:
            holder = self._part_item(chapter.part, parts)
            top = QTreeWidgetItem([chapter.title])
            top.setData(0, SECTION_ID_ROLE, chapter.id)
            top.setToolTip(0, chapter.title)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if holder is None:
                self.addTopLevelItem(top)
            else:
                holder.addChild(top)
            self._items[chapter.id] = top
            parents = {2: top}
            for section in chapter.sections[1:]:
                parent = parents.get(section.level - 1, top)
                item = QTreeWidgetItem(parent, [section.title])
                item.setData(0, SECTION_ID_ROLE, section.id)
                item.setToolTip(0, section.title)
                self._items[section.id] = item
                parents[section.level] = item
            top.setExpanded(False)

    def _part_item(
        self, part: tuple[str, ...], made: dict[tuple[str, ...], QTreeWidgetItem]
    ) -> QTreeWidgetItem | None:
        """The row of a nav section (MkDocs) that holds chapters: a heading, not a page."""
        if not part:
            return None
        if part not in made:
            parent = self._part_item(part[:-1], made)
            item = QTreeWidgetItem([part[-1]])
            item.setToolTip(0, part[-1])
            font = item.font(0)
            font.setBold(True)
            font.setItalic(True)
            item.setFont(0, font)
            if parent is None:
                self.addTopLevelItem(item)
            else:
                parent.addChild(item)
            item.setExpanded(True)
            made[part] = item
        return made[part]

    def select_section(self, section_id: str) -> None:
        """Follow the reader: select the section's row without emitting a request."""
        item = self._items.get(section_id)
        if item is None or item is self.currentItem():
            return
        self.blockSignals(True)
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(False)

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        section_id = item.data(0, SECTION_ID_ROLE)
        if section_id:
            if item.childCount() and not item.isExpanded():
                item.setExpanded(True)
            self.section_requested.emit(section_id)
