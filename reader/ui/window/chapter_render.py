"""A long chapter's HTML made off the window's thread: Markdown to HTML (glossary words
marked) and cut into pieces for reader/ui/page_feed.py. The bundled handbook's chapters
render in milliseconds and never come here; a 1 MB chapter takes seconds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from reader.content.page_pieces import split_page

#: A chapter with more Markdown than this is rendered off the window's thread and shown
#: in pieces (the bundled handbook's longest is about 27,000 characters; at 40,000 rendering and
#: laying out at once take about 100 ms, the most a window may stall).
LONG_CHAPTER_CHARS = 40_000


class ChapterRender(QThread):
    """Runs `render` in a QThread (Python threads must not emit Qt signals) and hands
    the pieces back to the window's thread through `rendered`."""

    #: The ticket it was started with, and the page's pieces (list[str]) in order.
    rendered = Signal(int, list)
    #: Rendering failed (its ticket); the chapter cannot be shown.
    failed = Signal(int)

    def __init__(
        self, ticket: int, render: Callable[[], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chapterRender")
        self.ticket = ticket  # tells a result still wanted from one asked for earlier
        self._render = render

    def run(self) -> None:
        try:
            pieces = split_page(self._render())
        except Exception:  # anything: an escape would only print a traceback in this thread
            self.failed.emit(self.ticket)
            return
        self.rendered.emit(self.ticket, pieces)
