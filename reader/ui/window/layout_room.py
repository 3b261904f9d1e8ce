"""The reading column keeps room for its widest word: at large text sizes on a small
screen, two side columns left the page about 400 px, and "manual" broke into "manu" /
"al". So the side columns take turns there: opening one closes the other (as a tab
would), closing it brings the other back, and both come back by themselves once the
text is smaller or the window larger. Headings also grow less over large body text.

The need is measured, not guessed: the widest word of the page shown, at the page's
own fonts (headings and body), outside tables (a three-column table at 300% cannot fit
a 1024 px screen whatever the panels do) and web addresses (no column fits those)."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QFontMetricsF,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
)
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from reader.ui.content_view import MIN_MARGIN, ContentView
from reader.ui.window.tab_fit import fit_dock_tabs

#: Headings over large body text: Qt's own steps (h1 twice the body, h2 1.5 times) made
#: a 17-letter Spanish h2 word wider than a 1024 px screen's page at 300%. These are
#: relative to the body, so they follow every later text size without a new page.
SMALLER_HEADINGS_CSS = """
h1 { font-size: x-large; }
h2 { font-size: large; }
h3 { font-size: medium; }
"""

#: Qt's size steps for h1-h3 (xx-large, x-large, large) and the smaller ones above.
HEADING_STEPS = {1: 3, 2: 2, 3: 1}
SMALLER_HEADING_STEPS = {1: 2, 2: 1, 3: 0}

#: At most this many paragraphs of a page are measured (a long chapter's first ones).
MAX_BLOCKS_MEASURED = 5000
#: ...and at most this many characters: measuring runs on the window's thread at about
#: 3 µs a character (the bundled chapters are all under it; the first 1,000 paragraphs
#: of a 1 MB chapter took 1.5 s and froze an export that moved a dock).
MAX_CHARS_MEASURED = 30_000
#: A "word" longer than this is a web address or a code name: it wraps anywhere.
MAX_WORD_CHARS = 30
#: Room kept beyond the word itself: Qt's line keeps a cursor's width and rounds.
SLACK_PX = 8
#: Where a line may break: spaces, and after a hyphen or a slash.
_PIECES = re.compile(r"[^\s\-/]+|[\-/]|\s+")
#: A web or mail address ("primaryimmune.org", "www.ema.europa.eu"): wraps anywhere.
ADDRESS = re.compile(r"[^\W\d]\.[^\W\d]|@|^www\.", re.IGNORECASE)


def set_heading_steps(document: QTextDocument, smaller: bool) -> None:
    """The page already shown takes the new heading sizes in place (no new page: the
    reader's place, the contents' tree and the history stay as they are)."""
    steps = SMALLER_HEADING_STEPS if smaller else HEADING_STEPS
    block = document.begin()
    for _ in range(MAX_BLOCKS_MEASURED):
        if not block.isValid():
            break
        step = steps.get(block.blockFormat().headingLevel())
        if step is not None:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            change = QTextCharFormat()
            change.setProperty(QTextFormat.Property.FontSizeAdjustment, step)
            cursor.mergeCharFormat(change)
        block = block.next()


def _in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None


class _Advances:
    """Pieces' advances by their format's index in the document and their text (a page
    says "the" hundreds of times), and each format's widest glyph: a run whose letters
    times that cannot beat the widest run so far is not measured at all. Qt calls are
    the measure's main cost (about 3 µs a character before)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, str], float] = {}
        self._metrics: dict[int, QFontMetricsF] = {}
        self._widest_glyph: dict[int, float] = {}

    def _of_style(self, style: int, fragment: QTextFragment) -> QFontMetricsF:
        metrics = self._metrics.get(style)
        if metrics is None:
            metrics = self._metrics[style] = QFontMetricsF(fragment.charFormat().font())
            self._widest_glyph[style] = metrics.maxWidth()
        return metrics

    def glyph_bound(self, style: int, fragment: QTextFragment) -> float:
        bound = self._widest_glyph.get(style)
        if bound is None:
            self._of_style(style, fragment)
            bound = self._widest_glyph[style]
        return bound

    def of(self, run: list[tuple[int, str, QTextFragment]]) -> float:
        total = 0.0
        for style, piece, fragment in run:
            advance = self._known.get((style, piece))
            if advance is None:
                advance = self._of_style(style, fragment).horizontalAdvance(piece)
                self._known[(style, piece)] = advance
            total += advance
        return total


def _contenders(text: str, letters: float) -> str:
    """`text` without the words between its first and last (those may join a run of
    the fragments beside it) that have no more than `letters` letters: they cannot be
    the widest. Done at C speed, it spares measuring most of a page's words."""
    words = text.split()
    if len(words) < 3:
        return text
    kept = [word for word in words[1:-1] if len(word) > letters]
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() else ""
    return before + " ".join([words[0], *kept, words[-1]]) + after


def _widest_in_block(block: QTextBlock, advances: _Advances, widest: float = 0.0) -> float:
    """The widest unbreakable run of the paragraph (or `widest`, if none is wider), summed
    across its formats (a glossary word's underline or a drop of bold splits a word into
    fragments)."""
    run: list[tuple[int, str, QTextFragment]] = []
    bound = 0.0
    letters = 0
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        style = fragment.charFormatIndex()
        text = _contenders(fragment.text(), widest / advances.glyph_bound(style, fragment))
        addresses = ADDRESS.search(text) is not None  # rare: ask each piece only then
        for piece in _PIECES.findall(text):
            if piece.isspace() or (addresses and ADDRESS.search(piece)):
                run, bound, letters = [], 0.0, 0
                continue
            run.append((style, piece, fragment))
            bound += len(piece) * advances.glyph_bound(style, fragment)
            letters += len(piece)
            if letters <= MAX_WORD_CHARS and bound > widest:
                widest = max(widest, advances.of(run))
            if piece in "-/":
                run, bound, letters = [], 0.0, 0
        fragments += 1
    return widest


def widest_word(document: QTextDocument) -> float:
    """The advance (px) of the page's widest word outside tables and addresses."""
    measure = Measure()
    measure.go_on(document)
    return measure.widest


class Measure:
    """A page's widest word, measured from its start and able to go on from where it
    stopped: a long chapter arrives in pieces, and measuring its first 30,000 characters
    again for each took 80-150 ms on the window's thread, once per piece or dock moved."""

    def __init__(self) -> None:
        self.widest = 0.0
        self.measured = 0  # characters measured, up to MAX_CHARS_MEASURED
        #: Where to go on: the last paragraph measured (text may be added to its end),
        #: or None once the cap is reached (nothing later counts).
        self.resume: int | None = 0
        self._before_last = 0  # `measured` before that paragraph
        self.reach = 0  # where the measure stopped at the cap

    def outdated_by(self, position: int, removed: int, added: int) -> bool:
        """Whether a change (Qt's contentsChange) touches what was measured: a change
        before where the measure goes on, or text taken out anywhere (a new page)."""
        return position < (self.reach if self.resume is None else self.resume) or removed > added

    def go_on(self, document: QTextDocument) -> None:
        """Measure from `resume` to the end of the page or the cap."""
        if self.resume is None:
            return
        advances = _Advances()
        block = document.findBlock(self.resume)
        self.measured = self._before_last
        for _ in range(MAX_BLOCKS_MEASURED):
            if not block.isValid():
                return
            if self.measured > MAX_CHARS_MEASURED:
                self.resume, self.reach = None, block.position()
                return
            self.resume, self._before_last = block.position(), self.measured
            if not _in_table(block):
                self.widest = _widest_in_block(block, advances, self.widest)
                self.measured += block.length()
            block = block.next()
        self.resume, self.reach = None, block.position()


class PageRoom:
    """How wide the page must be for its widest word, and how wide its text column is
    at a given width of the reading view. Measured once per page and text size; text
    added at the page's end (a long chapter's next piece) is measured on its own."""

    def __init__(self, content: ContentView) -> None:
        self.content = content
        self._size = 0.0
        self._measure = Measure()
        self._going_on = False
        content.document().contentsChange.connect(self._changed)

    def _changed(self, position: int, removed: int, added: int) -> None:
        if self._measure.outdated_by(position, removed, added):
            self._measure = Measure()
        elif self._measure.resume is not None and not self._going_on:
            # A piece came in at the end: measured in a turn of its own, now, rather
            # than with every later piece at once when a column next moves.
            self._going_on = True
            QTimer.singleShot(0, self.content, self._go_on)  # not after the page is gone

    def _go_on(self) -> None:
        self._going_on = False
        self._measure.go_on(self.content.document())

    def needed(self) -> float:
        size = self.content.point_size()
        if size != self._size:
            self._size, self._measure = size, Measure()
        self._measure.go_on(self.content.document())
        return self._measure.widest

    def text_room(self, view_width: int) -> float:
        """The text column's width if the reading view were `view_width` px wide."""
        chrome = self.content.width() - self.content.viewport().width()  # the scroll bar
        margins = 2 * MIN_MARGIN + 2 * self.content.document().documentMargin()
        return view_width - chrome - margins

    def fits(self, view_width: int) -> bool:
        return self.text_room(view_width) >= self.needed() + SLACK_PX


class SideColumns(QObject):
    """One side column at a time where two leave the page too narrow (see the module's
    docstring). A column is the docks in one side area, tabs included; a floating dock
    belongs to none."""

    def __init__(self, window: QMainWindow, content: ContentView, docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self.setObjectName("sideColumns")
        self.window = window
        self.docks = docks
        self.room = PageRoom(content)
        self.displaced: list[QDockWidget] = []  # closed by this rule, to come back
        self._front: QDockWidget | None = None  # the displaced tab that was in front
        self._displaced_at = (0, 0.0)  # the window's width and text size then
        self._order: list[Qt.DockWidgetArea] = self._open_areas()  # earliest opened first
        self._settling = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.settle)
        for dock in docks:
            dock.visibilityChanged.connect(self.schedule)
        window.installEventFilter(self)

    def schedule(self, *_args: object) -> None:
        """Settle once the current change (a tab raised, a window resized) is done."""
        if not self._settling:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.schedule()
        elif watched is self.window and event.type() == QEvent.Type.Show:
            # At once: what the reader does next (a place noted in the history) is at
            # the page's final width, not at a width the columns are about to change.
            self.settle()
        return False

    def _area(self, dock: QDockWidget) -> Qt.DockWidgetArea | None:
        if dock.isFloating() or dock.isHidden():
            return None
        return self.window.dockWidgetArea(dock)

    def _open_areas(self) -> list[Qt.DockWidgetArea]:
        """Open side areas, the right one first: with nothing opened yet (the window's
        first layout), the glossary gives way and the contents stay."""
        areas = {self._area(dock) for dock in self.docks} - {None}
        return sorted((a for a in areas if a is not None), key=lambda a: -a.value)

    def settle(self, *, before_shown: bool = False) -> None:
        """Apply the rule to what is open now; remember which column opened last.
        `before_shown`: the window's first page, laid out before the window shows."""
        if not self.window.isVisible() and not before_shown:
            return  # laid out at its real size once shown
        layout = self.window.layout()
        if layout is not None:
            layout.activate()
        self._settling = True
        try:
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # widths now
            now = self._open_areas()
            kept = [area for area in self._order if area in now]
            self._order = kept + [area for area in now if area not in kept]
            if any(not dock.isHidden() for dock in self.displaced):
                self.displaced = []  # the reader opened it again: it is theirs now
            widths = [dock.width() for dock in self.docks]
            self._give_way(self._page_width(before_shown))
            self._bring_back()
            self._narrow_for_page()
            if widths != [dock.width() for dock in self.docks]:
                # The columns' tab titles in a type that fits their new widths.
                QTimer.singleShot(0, self, lambda: fit_dock_tabs(self.window))
        finally:
            self._settling = False

    def _page_width(self, before_shown: bool) -> int:
        """The page's width; before the window is first shown Qt has laid nothing out
        (every dock and the page are 100 px wide), so it is the window's width less
        what each open column asks for. Reading 100 px there closed the glossary of
        every new window, whatever the screen."""
        if not before_shown:
            return self.room.content.width()
        asked = 0
        for area in self._order:
            column = [dock for dock in self.docks if self._area(dock) == area]
            asked += max(max(d.sizeHint().width(), d.minimumSizeHint().width()) for d in column)
        return max(0, self.window.width() - asked)

    def _give_way(self, page_width: int) -> None:
        """Two columns open and the page too narrow: the one opened earlier closes."""
        if len(self._order) < 2 or self.room.fits(page_width):
            return
        earliest = self._order.pop(0)
        closing = [dock for dock in self.docks if self._area(dock) == earliest]
        staying = [dock for dock in self.docks if self._area(dock) == self._order[0]]
        shown = [dock.width() for dock in staying if not dock.visibleRegion().isEmpty()]
        fronts = [dock for dock in closing if not dock.visibleRegion().isEmpty()]
        self._front = fronts[0] if fronts else None
        for dock in closing:
            dock.close()
        self.displaced = closing
        self._displaced_at = self._sizes()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # Qt would hand the staying column's width to the page and shrink it to its
        # least: it keeps the width the reader saw (none yet before the first paint).
        if shown:
            self.window.resizeDocks(staying, [max(shown)] * len(staying), Qt.Orientation.Horizontal)

    def _narrow_for_page(self) -> None:
        """One column open and the page still a little short: the column gives up the
        difference if it can without going under its least width (a table of contents
        stays readable); a page far too narrow keeps the reader's column as it is."""
        short = self.room.needed() + SLACK_PX - self.room.text_room(self.room.content.width())
        if len(self._order) != 1 or short <= 0:
            return
        column = [dock for dock in self.docks if self._area(dock) == self._order[0]]
        least = max(max(d.minimumWidth(), d.minimumSizeHint().width()) for d in column)
        width = max(d.width() for d in column) - int(short) - 1
        if width >= least and self.window.isVisible():  # else giving up room helps nothing
            self.window.resizeDocks(column, [width] * len(column), Qt.Orientation.Horizontal)

    def _bring_back(self) -> None:
        """The columns this rule closed come back when the page keeps room beside them
        (smaller text, a larger window) or when the column that took their place closes."""
        if not self.displaced:
            return
        if self._order:
            if self._sizes() == self._displaced_at:
                return  # only another page: columns do not come and go as one reads
            beside = max(dock.width() for dock in self.displaced)
            if not self.room.fits(self.room.content.width() - beside):
                return
        returning, self.displaced = self.displaced, []
        for dock in returning:
            dock.show()
        if self._front is not None:
            self._front.raise_()
        back = {self.window.dockWidgetArea(dock) for dock in returning}
        self._order = sorted(self._open_areas(), key=lambda area: area not in back)

    def _sizes(self) -> tuple[int, float]:
        return self.window.width(), self.room.content.point_size()
