"""Search in the window: the one owner of the search index's life cycle (open after the
first paint, rebuild, shut down) and what the window does with search (the results panel
raised while the reader types, a result opened where its snippet is).

Nothing else opens or closes a `SearchIndex` in the window: the results panel is handed
the index through `SearchIndexOwner.index_changed` and only searches it, so a panel, a
language switch or a kiosk reset can never close an index another part still uses.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDockWidget, QStatusBar

from reader.handbook import Handbook
from reader.ui.content_view import ContentView
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.startup import forget_module_sources, import_search_engine
from reader.ui.worker_safety import settle_all

if TYPE_CHECKING:  # Whoosh is imported only when the index is opened, after first paint
    from reader.search.engine import SearchIndex

log = logging.getLogger(__name__)

#: How long shutting down waits for a worker still opening the index (seconds); past it
#: the daemon worker is left to finish and its index is closed as soon as it is made.
SHUT_DOWN_WAIT_S = 5.0
FAILED_MESSAGE_MS = 10_000
MATCHES_MESSAGE_MS = 5_000
#: A result scrolls up to its section's title when the snippet then sits no lower
#: than this share of the view's height.
HEADING_ROOM = 0.55


class _Opening:
    """One attempt to open the index in a worker: dropped (its index closed) if the owner
    has moved on, by a rebuild or a shut-down, before it finishes."""

    def __init__(self) -> None:
        self.dropped = threading.Event()
        self.thread: threading.Thread | None = None


class SearchIndexOwner(QObject):
    """Opens, rebuilds and closes the handbook's search index; the only holder of it.

    `start()` (after the first paint) imports Whoosh on this, the main thread, then
    opens or builds the index in a worker; `ready(index)` follows, or `failed(message)`.
    Every change of the index in use is announced by `index_changed(index or None)`,
    None first when an index is about to be closed, so no one searches a closed one.
    """

    index_changed = Signal(object)  # the SearchIndex to use from now on, or None
    ready = Signal(object)  # a SearchIndex was opened and is now in use
    failed = Signal(str)  # search is unavailable: one plain-language line
    _opened = Signal(object, object)  # from the worker: (_Opening, SearchIndex)
    _not_opened = Signal(object)  # from the worker: _Opening

    def __init__(
        self, handbook: Handbook, cache_dir: Path | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchIndexOwner")
        self.handbook = handbook
        self.cache_dir = cache_dir
        self._index: SearchIndex | None = None
        self._opening: _Opening | None = None
        self._shut = False
        self._opened.connect(self._adopt)
        self._not_opened.connect(self._report_failure)
        # The catalogue's context from before the owner existed, so the Spanish stays.
        self.failure_text = QCoreApplication.translate(
            "SearchIndexLoader", "Search is not available right now."
        )

    @property
    def index(self) -> SearchIndex | None:
        """The index in use, or None while it is being prepared (or search is off)."""
        return self._index

    @property
    def opening(self) -> bool:
        """True while a worker is opening or building the index."""
        return self._opening is not None

    def start(self) -> None:
        """Import Whoosh here, on the main thread, then open the index in a worker."""
        if self._shut or self._index is not None or self._opening is not None:
            return
        import_search_engine()
        forget_module_sources()  # Whoosh's, this time
        app = QCoreApplication.instance()
        if app is not None:  # quitting closes the index even if no one asks
            app.aboutToQuit.connect(self.shut_down)
        self._open_in_worker()

    def rebuild(self) -> None:
        """Open the index again from the handbook (a changed handbook gets a fresh index,
        a damaged one is rebuilt); searches wait meanwhile, then run on the new one."""
        if self._shut:
            return
        self._drop_opening()
        self._close_index()
        import_search_engine()
        self._open_in_worker()

    def shut_down(self) -> None:
        """Close the index and stop a worker still opening one (closing the window, a
        language switch, tests); nothing reopens it afterwards."""
        self._shut = True
        opening = self._drop_opening()
        if opening is not None and opening.thread is not None:
            opening.thread.join(SHUT_DOWN_WAIT_S)
        self._close_index()

    # -- the worker ------------------------------------------------------------------

    def _open_in_worker(self) -> None:
        opening = _Opening()
        opening.thread = threading.Thread(
            target=self._run, args=(opening,), name="search-index", daemon=True
        )
        self._opening = opening
        settle_all()  # its last signal is sent inside a Qt call (worker_safety.py)
        opening.thread.start()

    def _run(self, opening: _Opening) -> None:
        """In the worker: open or build; hand the result to the main thread."""
        try:
            from reader.search.engine import SearchIndex

            index = SearchIndex.open_or_build(self.handbook, self.cache_dir)
        except Exception as error:  # the reader keeps working without search
            log.warning("search index could not be prepared: %r", error)
            with contextlib.suppress(RuntimeError):  # the owner was deleted meanwhile
                self._not_opened.emit(opening)
            return
        if opening.dropped.is_set():
            index.close()
            return
        try:
            self._opened.emit(opening, index)
        except RuntimeError:  # the owner was deleted while the index was being built
            index.close()

    def _adopt(self, opening: _Opening, index: SearchIndex) -> None:
        """On the main thread: use the worker's index, unless the owner moved on."""
        if opening is not self._opening or opening.dropped.is_set():
            index.close()
            return
        self._opening = None
        self._index = index
        self.index_changed.emit(index)
        self.ready.emit(index)

    def _report_failure(self, opening: _Opening) -> None:
        if opening is self._opening and not opening.dropped.is_set():
            self._opening = None
            self.failed.emit(self.failure_text)

    def _drop_opening(self) -> _Opening | None:
        opening, self._opening = self._opening, None
        if opening is not None:
            opening.dropped.set()
        return opening

    def _close_index(self) -> None:
        index, self._index = self._index, None
        if index is not None:
            self.index_changed.emit(None)  # first let go of it, then close it
            index.close()


class WindowSearch(QObject):
    """What the window does with search, built from the parts it uses: the index owner
    feeds the results panel; typing raises the results beside the page; a chosen result
    opens at its snippet with its words highlighted; Escape in an empty box goes back to
    the page."""

    def __init__(
        self,
        owner: SearchIndexOwner,
        panel: SearchPanel,
        content: ContentView,
        handbook: Handbook,
        navigate: Callable[[str], bool],
        docks: tuple[QDockWidget, QDockWidget],
        status: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        """`docks`: the results' dock and the one to bring back when the box is
        cleared (the contents)."""
        super().__init__(parent)
        self.setObjectName("windowSearch")
        self.content = content
        self.handbook = handbook
        self.navigate = navigate
        self.results_dock, self.contents_dock = docks
        self.status = status
        owner.index_changed.connect(panel.set_index)
        owner.failed.connect(lambda message: status.showMessage(message, FAILED_MESSAGE_MS))
        panel.query_changed.connect(self.query_changed)
        panel.result_activated.connect(self.open_result)
        panel.search_box.left.connect(content.setFocus)

    def query_changed(self, text: str) -> None:
        """Typing shows the results beside the page; clearing the box brings back
        whatever the reader had there before."""
        self.content.highlights.clear_words()  # a new query: the old matches are stale
        if text.strip():
            if not self.results_dock.isVisible():
                self.results_dock.show()
            self.results_dock.raise_()
        elif self.results_dock.isVisible():
            self.contents_dock.raise_()

    def open_result(self, section_id: str, words: list[str], lead: str = "") -> None:
        """Open a result where its snippet is: the snippet's sentence near the top of
        the view, the matched words (whole) highlighted."""
        if not self.navigate(section_id):
            return
        section = self.handbook.section(section_id)
        if section is None:
            return
        start = self.content.anchor_position(section.anchor)
        count = self.content.highlights.mark_words(words, start_at=start, lead=lead)
        self._bring_heading_into_view(start)
        chapter = self.handbook.chapter(section.chapter_id)
        where = QCoreApplication.translate("SearchCommands", "Found in “%1”, “%2”.")
        where = where.replace("%1", chapter.title if chapter else "")
        message = where.replace("%2", section.title)  # context, the title scrolled off
        if count:
            text = QCoreApplication.translate(  # the catalogue's context, kept
                "SearchCommands", "%1 matches highlighted on this page."
            )
            message = f"{message} {text.replace('%1', str(count))}"
        self.status.showMessage(message, MATCHES_MESSAGE_MS)

    def _bring_heading_into_view(self, heading: int) -> None:
        """The section's title above the snippet, when both fit: scroll up to the title
        if the snippet then stays in the upper part of the view (else the snippet stays
        near the top, and the status line names the chapter and section)."""
        content = self.content
        document = content.document()
        top = document.documentLayout().blockBoundingRect(document.findBlock(heading)).top()
        bar = content.verticalScrollBar()
        if 0 <= bar.value() - top <= content.viewport().height() * HEADING_ROOM:
            bar.setValue(max(0, round(top)))
