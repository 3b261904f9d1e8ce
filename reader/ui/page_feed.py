"""A long chapter taken into the reading view a piece at a time, so the window keeps
answering while it opens (issue #34: a 1 MB chapter froze it for seconds).

The pieces come from reader/content/page_pieces.py, cut before top-level headings. One
piece is parsed and laid out per turn of the event loop (a zero-delay timer), so input,
painting and the progress line run between pieces. The document that results is the
same as `setHtml` of the whole page (tests/ui/test_long_chapter.py compares them).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reader.content.text_document import append_html
from reader.ui.content_view import ContentView


class PageFeed(QObject):
    """Feeds one page's pieces to a ContentView, one per event-loop turn."""

    #: How much of the page is shown, in percent (100 once it is all there).
    progressed = Signal(int)
    #: The whole page is in the view, its glossary words marked and its headings found.
    finished = Signal()

    def __init__(self, view: ContentView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageFeed")
        self._view = view
        self._pieces: list[str] = []
        self._next = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def busy(self) -> bool:
        """True while pieces are still to come."""
        return self._timer.isActive() or 0 < self._next < len(self._pieces)

    def pieces(self) -> list[str]:
        """The whole page being taken in (empty once it is all there)."""
        return list(self._pieces)

    def start(self, pieces: list[str]) -> None:
        """Replace the view's page with the first piece now, the rest in later turns."""
        self.cancel()
        self._pieces = pieces
        self._next = 1
        self._view.show_html(pieces[0].strip() if len(pieces) > 1 else pieces[0])
        self._after_piece()

    def cancel(self) -> None:
        """Stop feeding (another page is wanted); what is shown stays."""
        self._timer.stop()
        self._pieces = []
        self._next = 0

    def _step(self) -> None:
        if not self._pieces:
            return
        document = self._view.document()
        start = document.characterCount() - 1
        append_html(document, self._view.fitted_piece(self._pieces[self._next]))
        self._next += 1
        self._view.piece_added(start)
        self._after_piece()

    def _after_piece(self) -> None:
        if self._next < len(self._pieces):
            self.progressed.emit(100 * self._next // len(self._pieces))
            self._timer.start()
            return
        self._pieces = []
        self._next = 0
        # Qt tells the view a page's new height on a timer; landing on a section near
        # the end cannot wait for it (the scroll bar would stop short), so tell it now.
        layout = self._view.document().documentLayout()
        layout.documentSizeChanged.emit(layout.documentSize())
        self.progressed.emit(100)
        self.finished.emit()
