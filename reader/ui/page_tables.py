"""The page's tables at the width and text size the reader has now: a table whose
columns cannot hold their words in the reading column is shown as rows
(reader/content/stacked_tables.py), and shown as a table again once it fits (smaller
text, a wider window, a side column closed).

Whether a table fits is measured, not guessed: each column needs its widest word (at
the page's font, headings in bold) and its cell padding; the table fits when the sum
does. A change of width or size is looked at once it settles, and the page is shown
again only when some table's form changes, at the paragraph the reader was reading.
A long page, which arrives in pieces (reader/ui/page_feed.py), is taken in again in
pieces (`refeed_wanted`), so the window keeps answering while it changes form.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

from reader.content.stacked_tables import Table, stack_tables

#: Room a column takes beyond its widest word: the reading style's 6 px padding each
#: side, Qt's cell spacing and border, and its rounding.
CELL_EXTRA_PX = 16
#: A change of width or text size is looked at once it has settled this long (ms).
SETTLE_MS = 150
#: Where a line may break inside a cell: spaces, and after a hyphen or a slash.
_WORDS = re.compile(r"[^\s\-/]+[\-/]?")


def needed_width(table: Table, body: QFont) -> float:
    """The least width (px) at which every word of `table` fits its column."""
    plain, bold = QFontMetricsF(body), QFont(body)
    bold.setBold(True)
    heading = QFontMetricsF(bold)
    total = 0.0
    for column in table.columns():
        widest = 0.0
        for number, text in enumerate(column):
            metrics = heading if number == 0 and table.headings else plain
            for word in _WORDS.findall(text):
                widest = max(widest, metrics.horizontalAdvance(word))
        total += widest + CELL_EXTRA_PX
    return total


def _has_table(html: str) -> bool:
    return "<table" in html.lower()


def fitted(page: str, body: QFont, room: float) -> tuple[str, tuple[bool, ...]]:
    """`page` with the tables too wide for `room` px shown as rows, and which were."""
    stacked: list[bool] = []

    def too_wide(table: Table) -> bool:
        stacked.append(needed_width(table, body) > room)
        return stacked[-1]

    return stack_tables(page, too_wide), tuple(stacked)


class PageTables(QObject):
    """Keeps the page's tables in the form that fits; owned by the reading view.

    `show(html)` is the view's own page replacement (without fitting again); `room()`
    is the width of its text column now."""

    #: A long page's tables must change form: its pieces as first given, to be taken in
    #: again a piece at a time (the Navigator owns the feed).
    refeed_wanted = Signal(list)

    def __init__(
        self,
        document: Callable[[], QTextDocument],
        show: Callable[[str], None],
        room: Callable[[], float],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._document, self._show, self._room = document, show, room
        self._pieces: list[str] = []  # the page as given; a long page's later pieces after
        self._tabled = False  # some piece has a table
        self._forms: tuple[bool, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.refit)

    def page(self, html: str) -> str:
        """A new page (or a long page's first piece): what to show of it now."""
        self._pieces = [html]
        self._tabled = _has_table(html)
        shown, self._forms = fitted(html, self._document().defaultFont(), self._room())
        return shown

    def piece(self, html: str) -> str:
        """A later piece of a long page, fitted as it comes, and kept (as given) in case
        the width changes."""
        self._pieces.append(html)
        if not _has_table(html):
            return html
        self._tabled = True
        shown, forms = fitted(html, self._document().defaultFont(), self._room())
        self._forms += forms
        return shown

    def long_page(self) -> bool:
        """The page came in pieces (reader/ui/page_feed.py)."""
        return len(self._pieces) > 1

    def pieces(self) -> list[str]:
        """The page's pieces as first given."""
        return list(self._pieces)

    def room_changed(self) -> None:
        if self._tabled:
            self._timer.start()

    def refit(self) -> None:
        """Look again at whether each table fits; show the page again if one changes."""
        if not self._tabled:
            return
        font, room = self._document().defaultFont(), self._room()
        if len(self._pieces) > 1:
            forms = tuple(form for piece in self._pieces if _has_table(piece)
                          for form in fitted(piece, font, room)[1])  # fmt: skip
            if forms != self._forms:
                self.refeed_wanted.emit(self.pieces())
            return
        shown, forms = fitted(self._pieces[0], font, room)
        if forms != self._forms:
            self._forms = forms
            self._show(shown)
