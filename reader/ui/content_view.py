"""The reading view: one chapter at a time, pictures from the handbook folder only,
glossary words with a dotted underline and a tooltip, search matches highlighted.

It never loads anything from the network or from outside the handbook folder: the only
resources it serves are `picture:` URLs that resolve inside the folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QPaintEvent,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.content.links import GLOSSARY_SCHEME, PICTURE_SCHEME
from reader.ui import page_marks
from reader.ui.link_tabbing import LinkTabBrowser
from reader.ui.page_highlights import PageHighlights
from reader.ui.page_pictures import PagePictures
from reader.ui.page_tables import PageTables
from reader.ui.term_tips import show_term_tip

READING_WIDTH_EM = 40
MIN_MARGIN = 24
#: A page at most this much wider than the view (px) shows no horizontal scroll bar: Qt
#: lays a table that fills the text column out a pixel wider than it (with its header
#: cells' padding), which put a scroll bar under every page with such a table.
SLIGHT_OVERFLOW_PX = 2
MAX_PICTURE_WIDTH = 820


class ContentView(LinkTabBrowser):
    """A QTextBrowser that only shows handbook content and reports what is being read."""

    link_activated = Signal(QUrl)
    term_activated = Signal(str)
    # Once, when the first page is painted: reader/ui/startup.py runs the work put off
    # until then (and runs it anyway if the view is never painted).
    first_painted = Signal()
    #: Take a long page in again a piece at a time (its pieces as given) at its new text
    #: size, landing at the paragraph starting with these words; the Navigator feeds it.
    retake_wanted = Signal(list, str)
    #: The page was put at a place on purpose (a section opened, a search hit shown): a
    #: place noted before it is no longer the reader's (reader/ui/window/place_keeper.py).
    placed = Signal()

    def __init__(self, handbook_root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentView")
        self.setAccessibleName(self.tr("Handbook text"))
        self.setAccessibleDescription(
            self.tr("The section you are reading. Links and underlined words can be opened.")
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.anchorClicked.connect(self._on_anchor)
        self._root = handbook_root
        self._page_pictures = PagePictures(handbook_root)  # one pixel budget per page
        self._painted = False
        self._anchors: list[tuple[float, str]] = []
        self._anchors_moved = False  # measured again when next asked (a whole-page pass)
        self.highlights = PageHighlights(self, self.scroll_to)  # search, reading aloud
        self._point_size = 12.0
        # True while the text size changes: scrolling then is not the reader's.
        self.keeping_place = False
        self._pictures: set[str] = set()  # picture: paths shown on this page
        self._picture_width = 0
        self._view_width = 0  # the view's own width (its viewport's changes with a scroll bar)
        self._width_waiting = False  # a long page's new width is taken next turn
        self._reflow = QTimer(self)
        self._reflow.setSingleShot(True)
        self._reflow.setInterval(120)
        self._reflow.timeout.connect(self._resize_pictures)
        self.tables = PageTables(self.document, self._refit, self._column_width, self)
        self.horizontalScrollBar().rangeChanged.connect(self._scroll_sideways_if_needed)

    # -- content ---------------------------------------------------------------

    def show_html(self, html: str) -> None:
        """Replace the page; glossary words get their dotted underline once, here. A long
        page's later pieces follow, each announced by `piece_added`
        (reader/ui/page_feed.py)."""
        self._replace(self.tables.page(html))

    def _replace(self, html: str) -> None:
        self.highlights.forget()
        self._pictures = set()
        self._page_pictures.new_page()
        self._reflow.stop()  # this page's pictures are drawn at the width there is now
        self._picture_width = self._picture_column()
        self.document().clear()
        self.setHtml(html)
        self._update_margins()  # before later pieces, which are then laid out once
        self._anchors, self._anchors_moved = [], False
        self.piece_added(0)

    def fitted_piece(self, html: str) -> str:
        """A long page's next piece, its tables in the form that fits (page_tables.py)."""
        return self.tables.piece(html)

    def _refit(self, html: str) -> None:
        """The page again, its tables in another form, at the paragraph read now."""
        mark = self.reading_mark()
        self._replace(html)
        self.return_to(mark)

    def reading_mark(self) -> str:
        """The words that start the paragraph being read: a place that outlives the page
        being shown again in another form (its pixels and positions do not)."""
        return self.document().findBlock(self.top_paragraph()[0]).text()[:80]

    def return_to(self, mark: str) -> None:
        """Scroll back to the paragraph `reading_mark()` gave, if it is on the page."""
        found = self.document().find(mark) if mark else None
        if found is not None and not found.isNull():
            self.restore_top_paragraph((found.block().position(), 0.0))
            self.placed.emit()

    def piece_added(self, start: int) -> None:
        """Text came in from document position `start` on: underline its glossary words
        and note its headings (the page above is laid out already and stays put)."""
        self.underline_terms(start)
        self._anchors += page_marks.heading_positions(self.document(), start)

    def anchor_names(self) -> list[str]:
        return [name for _, name in self._anchors]

    def scroll_to_anchor(self, anchor: str) -> None:
        if anchor == "top":
            self.scroll_to(0)
            return
        self.scrollToAnchor(anchor)
        self.placed.emit()

    def scroll_to(self, value: int) -> None:
        """Put the page at this scroll offset (a place kept in the history)."""
        self.verticalScrollBar().setValue(value)
        self.placed.emit()

    def anchor_at_top(self) -> str:
        """The anchor of the heading the reader is in (the last one above the view's top)."""
        if self._anchors_moved:
            self._anchors, self._anchors_moved = self._anchor_positions(), False
        top = self.verticalScrollBar().value() + self.viewport().height() * 0.15
        current = "top"
        for position, name in self._anchors:
            if position <= top:
                current = name
            else:
                break
        return current

    def _anchor_positions(self) -> list[tuple[float, str]]:
        return page_marks.heading_positions(self.document())

    # -- glossary words ----------------------------------------------------------

    def underline_terms(self, start: int) -> None:
        """Dotted underline, no link colour, for `glossary:` anchors from document
        position `start` on (a long page's new piece), in the theme's text colour."""
        self.ensurePolished()  # the palette is the theme's only once polished
        page_marks.underline_terms(self.document(), start, self.palette().text().color())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            show_term_tip(self, event)
            return True
        return super().event(event)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == GLOSSARY_SCHEME:
            self.term_activated.emit(url.path())
        else:
            self.link_activated.emit(url)

    # -- places on the page ------------------------------------------------------------

    def anchor_position(self, anchor: str) -> int:
        """The document position of a heading's anchor (0 for the top or an unknown one)."""
        return page_marks.anchor_position(self.document(), anchor)

    # -- pictures ------------------------------------------------------------------

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Serve `picture:` files from inside the handbook folder; refuse everything else.

        Qt calls this override from C++: an exception escaping it kills the process, so
        any failure here is a missing picture, never a crash."""
        try:
            url = QUrl(url)
            if kind != QTextDocument.ResourceType.ImageResource.value:
                return None
            if url.scheme() != PICTURE_SCHEME:
                return None
            self._pictures.add(url.path())
            image = self.picture(url.path())
            if image is None and url.path() in self._page_pictures.too_large:
                return self._page_pictures.placeholder(
                    self.document(), url.toString(), self.devicePixelRatioF()
                )
            return image
        except Exception:  # see the docstring: nothing may escape to Qt
            return None

    def _resize_pictures(self) -> None:
        """Redraw the page's pictures at the column's new width (after the window or a
        side panel changed size), so they never stick out past the text."""
        if not self._pictures_need_redrawing():
            return  # drawn at this width already: a page shown again since the change
        document = self.document()
        kind = QTextDocument.ResourceType.ImageResource.value
        place = self.top_paragraph()  # pictures of a new height above it move it
        self._page_pictures.new_page()  # every picture is drawn again, at the new width
        for path in self._pictures:
            image = self.picture(path)
            if image is not None:
                document.addResource(kind, QUrl(f"{PICTURE_SCHEME}:{path}"), image)
        with self._keeping_place():
            document.markContentsDirty(0, document.characterCount())
        self.restore_top_paragraph(place)
        self._anchors_moved = True

    def picture(self, relative: str) -> QImage | None:
        """A picture read through the handbook gate, SVGs drawn at the column's width;
        None if refused or unreadable."""
        width = self._picture_column()
        image = self._page_pictures.image(relative, width, self.devicePixelRatioF())
        if image is not None:
            self._picture_width = width
        return image

    # -- layout --------------------------------------------------------------------

    def set_point_size(self, size: float) -> None:
        """The body text size; kept when a style sheet or theme resets the widget font."""
        self._point_size = size
        if self.document().defaultFont() != self._page_font():
            self._restyle(self._apply_point_size)

    def _page_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._point_size)
        return font

    def _restyle(self, change: Callable[[], None]) -> None:
        """Make a font change; a long page is emptied first and taken in again a piece
        at a time at the new size (`retake_wanted`), at the paragraph being read."""
        if not self.tables.long_page():
            change()
            return
        mark, pieces = self.reading_mark(), self.tables.pieces()
        with self._keeping_place():  # the emptied page scrolls to its top: not the reader
            self.document().clear()
            change()
            self.retake_wanted.emit(pieces, mark)

    @contextmanager
    def _keeping_place(self) -> Iterator[None]:
        """Scrolling meanwhile is the view's own, not the reader's (nests)."""
        before, self.keeping_place = self.keeping_place, True
        try:
            yield
        finally:
            self.keeping_place = before

    def point_size(self) -> float:
        return self.document().defaultFont().pointSizeF()

    def _apply_point_size(self, place: tuple[int, float] | None = None) -> None:
        font = self._page_font()
        if self.document().defaultFont() != font:
            place = place or self.top_paragraph()
            with self._keeping_place():
                self.document().setDefaultFont(font)
                self._update_margins()
                self._anchors_moved = True
            self.restore_top_paragraph(place)
            self.tables.room_changed()

    def top_paragraph(self) -> tuple[int, float]:
        """The paragraph at the top of the view (its position in the document) and how
        far into it the view starts, as a fraction of its height: what a text size
        change must keep in place, since the pixel offset means nothing afterwards."""
        middle = QPointF(self.viewport().width() / 2, self.verticalScrollBar().value())
        return page_marks.paragraph_at(self.document(), middle)

    def restore_top_paragraph(self, place: tuple[int, float]) -> None:
        """Scroll so the paragraph from `top_paragraph()` is at the top again."""
        position, fraction = place
        document = self.document()
        if document.isEmpty() or (position == 0 and fraction == 0.0):
            self.verticalScrollBar().setValue(0)
            return
        layout = document.documentLayout()
        layout.documentSize()  # lays the whole page out, so the scroll range is right
        rect = layout.blockBoundingRect(document.findBlock(position))
        self.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() != QEvent.Type.FontChange:
            super().changeEvent(event)
            return
        self._restyle(lambda: self._font_changed(event))

    def _font_changed(self, event: QEvent) -> None:
        # QTextEdit gives the page the widget's font first (a style sheet's size), which
        # scrolls it; keep the place from before that, and tell the window it is passing.
        place = self.top_paragraph()
        with self._keeping_place():
            super().changeEvent(event)
        self._apply_point_size(place)

    def _picture_column(self) -> int:
        """How wide a picture is drawn now: the text column's width, within limits."""
        return min(MAX_PICTURE_WIDTH, max(64, self._column_width()))

    def _pictures_need_redrawing(self) -> bool:
        """The page's pictures were drawn at a width more than a few pixels off now's."""
        return abs(self._picture_column() - self._picture_width) > 4

    def _column_width(self) -> int:
        """The text column: about 40em, or the whole view less its margins if narrower."""
        em = QFontMetrics(self.document().defaultFont()).horizontalAdvance("M") or 10
        return min(READING_WIDTH_EM * em, self.viewport().width() - 2 * MIN_MARGIN)

    def _scroll_sideways_if_needed(self, _least: int, most: int) -> None:
        """The horizontal scroll bar for a page that is really wider than the view (a
        long line of code, say), not for a pixel of a table in the right margin."""
        policy = Qt.ScrollBarPolicy
        wanted = (
            policy.ScrollBarAsNeeded if most > SLIGHT_OVERFLOW_PX else policy.ScrollBarAlwaysOff
        )
        if self.horizontalScrollBarPolicy() != wanted:  # setting it lays the view out again
            self.setHorizontalScrollBarPolicy(wanted)

    def _update_margins(self) -> None:
        """Keep lines a comfortable length: centre the text column in the view."""
        margin = max(MIN_MARGIN, (self.viewport().width() - self._column_width()) // 2)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if frame_format.leftMargin() != margin:
            frame_format.setLeftMargin(margin)
            frame_format.setRightMargin(margin)
            frame_format.setTopMargin(MIN_MARGIN)
            frame_format.setBottomMargin(MIN_MARGIN * 3)
            frame.setFrameFormat(frame_format)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width lays the whole page out again in one go, and Qt does it inside
        this event: on a long page (1 MB) that, with its pictures, froze the window for
        284-416 ms. So when the view itself is resized (the window, a side column shown
        or hidden) on a long page, the new width waits for the next turn of the event
        loop (`_take_new_width`), where the page is emptied and taken in again a piece at
        a time, as for a new text size. A scroll bar that comes or goes resizes only the
        viewport and is laid out at once (the page it comes and goes with is short), so
        taking the page in again can never bring itself about again."""
        if self._width_waiting:
            return
        view_resized, self._view_width = self.width() != self._view_width, self.width()
        if view_resized and self.tables.long_page() and not self.keeping_place:
            self._width_waiting = True
            QTimer.singleShot(0, self, self._take_new_width)
            return
        self._resized(event)

    def _take_new_width(self) -> None:
        """Out of any edit of the page (a resize can come from inside one)."""
        self._width_waiting = False
        relaid = QResizeEvent(self.viewport().size(), QSize())  # no old width: lay out
        self._restyle(lambda: self._resized(relaid))

    def _resized(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()
        if self._pictures and self._pictures_need_redrawing():
            self._reflow.start()
        self._anchors_moved = True
        self.tables.room_changed()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.document().isEmpty():
            self._report_first_paint()

    def _report_first_paint(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
