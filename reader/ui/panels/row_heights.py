"""The contents tree's row heights: a long title wraps onto more lines instead of being
cut off, and working that out never makes Qt call Python once per row.

Qt sizes a tree row for one line, so at a large text size a long title was cut to
"About this…". A delegate answering `sizeHint` in Python fixed that, but Qt asks the
delegate for every row it lays out: opening a chapter of 980 sections made 1,700 calls
from C++ into Python, and while a long chapter renders in another thread each call
waits for the interpreter (250 to 550 ms frozen, issue #34). Here the heights are
worked out in one pass in Python when the rows, the width or the font change, and kept
in the rows (`Qt.SizeHintRole`), which Qt's own delegate reads without Python. The
pass itself asks Qt little: titles, fonts and one-line widths are read once per
handbook (and font), so a new width is arithmetic plus a layout of the few titles
near the edge.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem

from reader.ui.panels.long_words import (
    SOFT_HYPHEN,
    TALL,
    WordWidths,
    breakable,
    wrapped_height,
)

#: Room around a row's text, above and below together (px): rows are a little airier
#: than Qt's own, and a wrapped title keeps the same air.
ROW_PADDING = 12
#: Room to the right of a row's text (px), inside the width its title wraps at.
RIGHT_MARGIN = 12
#: A title this much narrower than its room (px) surely fits on one line; closer ones
#: are laid out to see (a width in whole pixels can round either way).
FIT_SLACK = 2

FontKey = tuple[bool, bool]  # a row's own font: (bold, italic) over the tree's


class RowHeights:
    """Gives each row of `tree` the height its title needs at the tree's width."""

    def __init__(self, tree: QTreeWidget) -> None:
        self._tree = tree
        self._items: list[QTreeWidgetItem] = []
        self._texts: list[str] = []
        self._keys: list[FontKey] = []
        self._depths: list[int] = []
        self._natural: list[int] = []  # each title's one-line width, in the font below
        self._given: list[int] = []  # the height each row was given (-1: none yet)
        self._fonts: dict[FontKey, _FontSizes] = {}
        self._font: QFont | None = None
        self._width = -1
        self._language = ""
        # A fit once the changes stop coming: a timer of its own, not a posted call,
        # so it runs in a step of its own rather than with the layouts it follows.
        self._soon = QTimer(tree)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.fit)
        # The current row, when it was in view as a new font came: rows that grow push
        # it down and out of the tree, so the fit scrolls it back into view.
        self._in_view: QTreeWidgetItem | None = None

    def take_rows(self, language: str) -> None:
        """Read the tree's rows (after it was filled with titles in `language`) and
        give each its height."""
        self._language = language
        root = self._tree.invisibleRootItem()
        rows = [(root.child(i), 0) for i in range(root.childCount())]
        self._items, self._texts, self._keys, self._depths = [], [], [], []
        while rows:
            item, depth = rows.pop()
            if item is None:
                continue
            own = item.font(0)
            self._items.append(item)
            self._texts.append(item.text(0).replace(SOFT_HYPHEN, ""))  # as written
            self._keys.append((own.bold(), own.italic()))
            self._depths.append(depth)
            rows.extend((item.child(i), depth + 1) for i in range(item.childCount()))
        self._given = [-1] * len(self._items)
        self._font = None  # measure the new titles
        self.fit()

    def fit(self) -> None:
        """The rows' heights at the tree's width and font (nothing to do if unchanged)."""
        tree = self._tree
        if not tree.isVisible():  # sizes before it shows are not its own: wait for them
            return
        width, font = tree.viewport().width(), tree.font()
        if font != self._font:
            self._measure_titles(font)
        elif width == self._width:
            return
        self._width = width
        step = tree.indentation()
        for row, item in enumerate(self._items):
            room = width - step * (self._depths[row] + 1) - RIGHT_MARGIN
            height, shown = self._height(row, room)
            if shown != item.text(0):  # a word wider than the row breaks (long_words.py)
                item.setText(0, shown)
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, self._texts[row])
            if height != self._given[row]:
                self._given[row] = height
                item.setSizeHint(0, QSize(self._natural[row] + ROW_PADDING, height))
        kept, self._in_view = self._in_view, None
        if kept is not None and kept is tree.currentItem():
            tree.scrollToItem(kept)

    def resized(self) -> None:
        """The tree's width changed: the heights at it once the changes stop coming.

        A text size change resizes the tree several times in one step (the window's
        layout, then the docks' tabs coming and going), and measuring every row at each
        width made that step one long freeze on a handbook of a thousand sections."""
        self._fit_soon()

    def patterns_read(self, language: str) -> None:
        """A language's hyphenation patterns arrived (long_words.py): break its long
        words again, between syllables now."""
        if language == self._language:
            self._width = -1
            self.fit()

    def restyle(self) -> None:
        """The font or the style changed: measure again, whatever the width, once the
        changes stop coming (a new style sheet sends several, each to every tree)."""
        if self._font is not None:
            self._font = None
            self._in_view = self._current_in_view()
            self._fit_soon()

    def _current_in_view(self) -> QTreeWidgetItem | None:
        current = self._tree.currentItem()
        if current is None:
            return None
        shown = self._tree.visualItemRect(current)
        return current if shown.intersects(self._tree.viewport().rect()) else None

    def _fit_soon(self) -> None:
        if not self._soon.isActive():
            self._soon.start()

    def _height(self, row: int, room: int) -> tuple[int, str]:
        """The row's height at `room` px, and its title as shown there."""
        sizes, title = self._fonts[self._keys[row]], self._texts[row]
        if room <= 0:  # not laid out yet: nothing to wrap in
            return sizes.least, title
        if self._natural[row] <= room - FIT_SLACK:
            return sizes.one_line, title
        shown = breakable(title, sizes.words, room - FIT_SLACK, self._language)
        wrapped = wrapped_height(sizes.metrics, shown, room)  # it may not fit on one line
        return max(sizes.least, wrapped + ROW_PADDING), shown

    def _measure_titles(self, font: QFont) -> None:
        """A new font (text size, style sheet): each title's width on one line again."""
        self._font = QFont(font)
        self._fonts = {}
        for key in set(self._keys):
            own = QFont()
            own.setBold(key[0])
            own.setItalic(key[1])
            self._fonts[key] = _FontSizes(self._tree, own.resolve(font))
        self._natural = [
            self._fonts[key].metrics.horizontalAdvance(text)
            for key, text in zip(self._keys, self._texts, strict=True)
        ]


class _FontSizes:
    """One row font's metrics, the least height Qt gives a row in it, and the height
    a one-line title gets here (laid out as a wrapped one is, so the lines match)."""

    def __init__(self, tree: QTreeWidget, font: QFont) -> None:
        self.metrics = QFontMetrics(font)
        self.words = WordWidths(self.metrics)
        option = QStyleOptionViewItem()
        option.initFrom(tree.viewport())
        # as Qt asks: a row's size never counts the focus frame (the style sheet's
        # `::item:focus` border would otherwise make every row 4 px taller)
        option.state &= ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_MouseOver)
        option.font = font
        option.text = "Xg"
        option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
        contents = QStyle.ContentsType.CT_ItemViewItem
        self.least = tree.style().sizeFromContents(contents, option, QSize(), tree).height()
        line = wrapped_height(self.metrics, "Xg", TALL)
        self.one_line = max(self.least, line + ROW_PADDING)
