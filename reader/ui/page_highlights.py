"""What is marked on the reading page: a search result's words, and the sentence being
read aloud. Both are Qt "extra selections" of the one view, which takes them as a single
list, so one owner keeps the two apart and puts them together (page_marks.py finds the
words and draws the marks)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui import page_marks


class PageHighlights:
    """The marks on `view`'s page; `scroll_to` puts the page at a scroll offset as a
    place chosen on purpose (ContentView.scroll_to)."""

    def __init__(self, view: QTextEdit, scroll_to: Callable[[int], None]) -> None:
        self._view = view
        self._scroll_to = scroll_to
        self._words: list[QTextEdit.ExtraSelection] = []
        self._reading: list[QTextEdit.ExtraSelection] = []

    def forget(self) -> None:
        """A new page: nothing on it is marked."""
        self._words, self._reading = [], []
        self._view.setExtraSelections([])

    # -- a search result's words --------------------------------------------------------

    def mark_words(self, words: list[str], start_at: int = 0, lead: str = "") -> int:
        """Highlight every whole-word occurrence of `words` (words or names) on the page
        and show where the result's snippet begins (`lead`, found at or after
        `start_at`, the section's heading), else the first match there. Returns the
        number of highlights."""
        document = self._view.document()
        self._words, first = page_marks.word_selections(document, words, start_at)
        self._show()
        landing = self.find_lead(lead, start_at) if lead else None
        target = landing or first
        if target is not None:
            self.show_near_top(target)
        return len(self._words)

    def clear_words(self) -> None:
        self._words = []
        self._show()

    def find_lead(self, lead: str, start_at: int) -> QTextCursor | None:
        """Where a snippet's opening words stand on the page, at or after `start_at`."""
        return page_marks.find_lead(self._view.document(), lead, start_at)

    def show_near_top(self, cursor: QTextCursor) -> None:
        """Scroll so `cursor`'s line sits a little below the top of the view, and put
        the text cursor there (no selection: the highlights show the words)."""
        plain = QTextCursor(cursor)
        plain.setPosition(cursor.selectionStart())
        self._view.setTextCursor(plain)
        margin = self._view.viewport().height() // 6
        line_top = page_marks.line_top(self._view.document(), plain)
        self._scroll_to(max(0, round(line_top) - margin))

    # -- the sentence being read aloud --------------------------------------------------

    def mark_reading(self, start: int, end: int) -> None:
        """Mark the sentence being read (document positions) and keep it in view,
        above the middle of the page; `start == end` removes the mark."""
        self._reading = []
        if end > start:
            selection = page_marks.reading_selection(self._view.document(), start, end)
            self._reading = [selection]
            self._keep_in_view(selection.cursor)
        self._show()

    def reading(self) -> tuple[int, int]:
        """The document span of the sentence marked as being read, or (0, 0)."""
        if not self._reading:
            return (0, 0)
        cursor = self._reading[0].cursor
        return (cursor.selectionStart(), cursor.selectionEnd())

    def _keep_in_view(self, cursor: QTextCursor) -> None:
        top = QTextCursor(cursor)
        top.setPosition(cursor.selectionStart())
        bottom = QTextCursor(cursor)
        bottom.setPosition(cursor.selectionEnd())
        first, last = self._view.cursorRect(top), self._view.cursorRect(bottom)
        height = self._view.viewport().height()
        if first.top() < 0 or last.bottom() > height:
            bar = self._view.verticalScrollBar()
            bar.setValue(bar.value() + first.top() - height // 8)

    def _show(self) -> None:
        self._view.setExtraSelections(self._words + self._reading)
