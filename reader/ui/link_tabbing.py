"""Tab through a text view's links in reading order, from where the reader is looking.

Qt's QTextBrowser starts from its text cursor, which stays at the top of the page while
the reader scrolls: Tab jumped back to the chapter's start, and Tab and Shift+Tab never
left a view full of links. Here Tab starts at the view's first visible line, a glossary
word is a stop only where a section first uses it, and past the last link the focus moves on.
Ctrl+Down and Ctrl+Up jump heading to heading, so a keyboard reader can skim as a screen
reader user does.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.content.links import GLOSSARY_SCHEME
from reader.ui.accessibility.factory import install_document_accessibility
from reader.ui.panels.long_words import without_soft_hyphens


def link_stops(document: QTextDocument) -> list[tuple[int, int, str]]:
    """(start, end, href) of each link in reading order; a glossary word once in each
    section (where it is first used there), so it is reachable but never a trap."""
    stops: list[tuple[int, int, str]] = []
    seen_terms: set[str] = set()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            seen_terms = set()
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
            start, end = fragment.position(), fragment.position() + fragment.length()
            if href and stops and stops[-1][2] == href and stops[-1][1] == start:
                stops[-1] = (stops[-1][0], end, href)  # one link split by formatting
            elif href and not (href.startswith(GLOSSARY_SCHEME + ":") and href in seen_terms):
                seen_terms.add(href)
                stops.append((start, end, href))
            iterator += 1
        block = block.next()
    return stops


def heading_starts(document: QTextDocument) -> list[tuple[int, int]]:
    """(start, end) of each heading's text, in reading order."""
    found: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.length() > 1:
            found.append((block.position(), block.position() + block.length() - 1))
        block = block.next()
    return found


class LinkTabBrowser(QTextBrowser):
    """A QTextBrowser whose Tab and Shift+Tab step through links without jumping."""

    #: (start, end) of the link the keyboard has just reached: a screen reader's focus.
    link_focused = Signal(int, int)
    #: (start, end) of the heading Ctrl+Down or Ctrl+Up has just reached.
    heading_reached = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stops: list[tuple[int, int, str]] | None = None
        # The accessible document a screen reader was given (reader/ui/accessibility),
        # kept here so it lives as long as the view; None until one asks.
        self.accessible_document: object | None = None
        install_document_accessibility()  # once per process: the page as a document
        self.document().contentsChanged.connect(self._forget_stops)

    def _forget_stops(self) -> None:
        self._stops = None

    def createMimeDataFromSelection(self) -> QMimeData:
        """What Ctrl+C and a drag carry: the words without the soft hyphens a narrow
        pane put into them (reader/ui/panels/long_words.py)."""
        return without_soft_hyphens(super().createMimeDataFromSelection())

    def link_stops(self) -> list[tuple[int, int, str]]:
        if self._stops is None:
            self._stops = link_stops(self.document())
        return self._stops

    def visible_range(self) -> tuple[int, int]:
        """Document positions of the first and last lines on screen."""
        layout = self.document().documentLayout()
        layout.documentSize()  # laid out to the end: a page laid out lazily hit-tests wrong
        x = self.viewport().width() / 2
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        fuzzy = Qt.HitTestAccuracy.FuzzyHit
        return (
            max(0, layout.hitTest(QPointF(x, top), fuzzy)),
            max(0, layout.hitTest(QPointF(x, bottom), fuzzy)),
        )

    def focused_link(self) -> str:
        """The href of the link the keyboard is on ("" when none)."""
        cursor = self.textCursor()
        for start, end, href in self.link_stops():
            if cursor.hasSelection() and (start, end) == (
                cursor.selectionStart(),
                cursor.selectionEnd(),
            ):
                return href
        return ""

    def focusNextPrevChild(self, next: bool) -> bool:
        if not self.hasFocus():
            return super().focusNextPrevChild(next)
        stop = self._next_stop(next)
        if stop is None:
            # Leave no link selected, with the cursor on screen: a cursor at the top
            # of the page would scroll the page there.
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.visible_range()[0])
            self.setTextCursor(cursor)
            return QWidget.focusNextPrevChild(self, next)
        self.select_span(stop[0], stop[1])
        self.link_focused.emit(stop[0], stop[1])
        return True

    def select_span(self, start: int, end: int) -> None:
        """Select start..end (a link, a heading) and scroll it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()), 0)
        if step and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.jump_heading(step > 0)
            return
        super().keyPressEvent(event)

    def jump_heading(self, forward: bool) -> bool:
        """Select the next (or previous) heading after (before) the one the keyboard is
        on, else after (before) the view's first (last) visible line. False at the end."""
        cursor = self.textCursor()
        first, last = self.visible_range()
        on_screen = first <= cursor.selectionStart() <= last
        headings = heading_starts(self.document())
        if forward:
            after = cursor.selectionStart() + cursor.hasSelection() if on_screen else first
            target = next((h for h in headings if h[0] >= after), None)
        else:
            before = cursor.selectionStart() if on_screen else last
            target = next((h for h in reversed(headings) if h[0] < before), None)
        if target is None:
            return False
        self.select_span(*target)
        self.heading_reached.emit(*target)
        return True

    def _next_stop(self, forward: bool) -> tuple[int, int, str] | None:
        stops = self.link_stops()
        first, last = self.visible_range()
        cursor = self.textCursor()
        on_screen = cursor.hasSelection() and first <= cursor.selectionStart() <= last
        if forward:
            after = cursor.selectionEnd() if on_screen else first
            return next((s for s in stops if s[0] >= after), None)
        before = cursor.selectionStart() if on_screen else last
        return next((s for s in reversed(stops) if s[1] <= before), None)
