"""Moving through the handbook in the window: which section is shown, the way back and
forward, and the status line that names the place.

The Navigator owns the place (`current_section_id`, the chapter on screen) and changes
it in one way for every caller: links, contents, search results, history, bookmarks and
the start page. It is built with what it uses and reports through signals, which the
window connects to its toc, actions and status bar.

A long chapter (more than LONG_CHAPTER_CHARS of Markdown) is rendered off the window's
thread and taken into the view a piece at a time (issue #34): the section becomes
current at once, and the page lands on it when its piece has arrived.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.content.pages import Pages
from reader.handbook import Handbook, Section
from reader.history import History, Place
from reader.pyside_locks import settle
from reader.ui.content_view import ContentView
from reader.ui.page_feed import PageFeed
from reader.ui.window.chapter_render import LONG_CHAPTER_CHARS, ChapterRender
from reader.ui.window.review import with_review_foot

#: Where the reader left off last time: a section id and how far down (0..1), or None.
LastPlace = Callable[[], tuple[str, float] | None]


class Navigator(QObject):
    """Shows sections and chapters in the reading view, and keeps history and status."""

    #: The current section changed (its id).
    section_changed = Signal(str)
    #: The status line's new text (chapter N of M, its title, the section).
    status_changed = Signal(str)
    #: Whether Back and Forward can be used now.
    history_changed = Signal(bool, bool)
    #: A passing message for the status bar, and how long it stays (ms; 0 until replaced).
    message = Signal(str, int)
    #: A chapter's page is wholly in the view (its id): find-in-page searches it again.
    chapter_shown = Signal(str)

    def __init__(
        self,
        handbook: Handbook,
        pages: Pages,
        content: ContentView,
        history: History,
        mark_terms: Callable[[], bool],
        parent: QObject | None = None,
        *,
        home: str = "",
    ) -> None:
        """`home`: the section the window starts on and comes Home to ("": the
        handbook's own start page)."""
        super().__init__(parent)
        self.setObjectName("navigator")
        self.handbook = handbook
        self.home = home or handbook.start_section_id or ""
        self.pages = pages
        self.content = content
        self.history = history
        self._mark_terms = mark_terms
        self.current_section_id = ""
        self.shown_chapter_id = ""
        self._navigating = False
        self._render: ChapterRender | None = None  # the long chapter being rendered
        self._ticket = 0
        self._feed = PageFeed(content, self)
        self._feed.progressed.connect(self._show_progress)
        self._feed.finished.connect(self._page_arrived)
        # Where to land once a long page has arrived: an anchor, or a scroll value.
        self._landing: tuple[str, int | None] = ("top", None)
        self._reading_mark = ""  # or: the paragraph read before the page changed form
        self._retaking = False  # the page on screen is being taken in again, not opened
        self._when_shown: list[Callable[[], None]] = []
        # A long page taken in again: at a new text size, or as its tables change form.
        content.retake_wanted.connect(self._retake)
        content.tables.refeed_wanted.connect(
            lambda pieces: self._retake(pieces, content.reading_mark())
        )

    # -- the place -------------------------------------------------------------------

    def current_place(self) -> Place:
        return Place(self.current_section_id, self.content.verticalScrollBar().value())

    def opening(self) -> bool:
        """True while a long chapter is still being rendered or taken in."""
        return self._render is not None or self._feed.busy()

    def forget_current(self) -> None:
        """No section is current (a kiosk visit ends): the next one shown counts as new."""
        self.current_section_id = ""

    def navigate(self, section_id: str, *, record: bool = True, scroll: int | None = None) -> bool:
        """Show a section (or a chapter, by its id). Returns False if it doesn't exist."""
        section = self.handbook.section(section_id)
        if section is None:
            self.message.emit(self.tr("That section is not in this handbook."), 5000)
            return False
        if record and self.current_section_id and section_id != self.current_section_id:
            self.history.leave(self.current_place())
        self._navigating = True
        try:
            self._landing, self._reading_mark = (section.anchor, scroll), ""
            self.show_chapter(section.chapter_id)
            if not self.opening():
                self._land()
        finally:
            self._navigating = False
        self._set_current(section)
        return True

    def _land(self) -> None:
        anchor, scroll = self._landing
        mark, self._reading_mark = self._reading_mark, ""
        if mark:
            self.content.return_to(mark)
        elif scroll is not None:
            self.content.scroll_to(scroll)
        else:
            self.content.scroll_to_anchor(anchor)

    # -- pages -------------------------------------------------------------------------

    def show_chapter(self, chapter_id: str, *, force: bool = False) -> None:
        if chapter_id == self.shown_chapter_id and not force:
            return
        self._stop_opening()
        self.shown_chapter_id = chapter_id
        chapter = self.handbook.chapter(chapter_id)
        if chapter is not None and len(chapter.markdown) > LONG_CHAPTER_CHARS:
            self._open_long(chapter_id)
            return
        self.content.show_html(self._page_html(chapter_id, self._mark_terms()))
        self.chapter_shown.emit(chapter_id)

    def _page_html(self, chapter_id: str, marked: bool) -> str:
        """The chapter's page as shown (called off the window's thread for long ones)."""
        html = self.pages.chapter_html(chapter_id, mark_terms=marked)
        return with_review_foot(self.handbook, chapter_id, html)

    def _open_long(self, chapter_id: str) -> None:
        """Render off the window's thread; the feed then takes it in, piece by piece."""
        self.content.show_html("")
        self._show_progress(0)
        self._ticket += 1
        marked = self._mark_terms()
        render = ChapterRender(self._ticket, lambda: self._page_html(chapter_id, marked), self)
        render.rendered.connect(self._rendered)  # a slot of this object: queued to its thread
        render.failed.connect(self._render_failed)
        render.finished.connect(render.deleteLater)
        settle(render)  # deleted while the print thread may be at work (worker_safety.py)
        self._render = render
        render.start()

    def _rendered(self, ticket: int, pieces: list[str]) -> None:
        if self._render is not None and ticket == self._render.ticket:  # still wanted
            self._render = None
            self._feed.start(pieces)

    def _render_failed(self, ticket: int) -> None:
        if self._render is not None and ticket == self._render.ticket:
            self._render = None
            self.shown_chapter_id = ""
            self._when_shown.clear()
            self.message.emit(self.tr("This chapter could not be shown."), 10000)

    def _retake(self, pieces: list[str], mark: str) -> None:
        """Take the long page in again, a piece at a time: its tables change form, or its
        text size changed. It lands at `mark`, the paragraph read; a page still arriving
        is started again whole and keeps the landing it had."""
        if self._render is not None:  # its pieces come at the new width and size anyway
            return
        if self._feed.busy():
            pieces = self._feed.pieces()
        else:
            self._reading_mark, self._retaking = mark, True
        self._feed.start(pieces)

    def _show_progress(self, percent: int) -> None:
        if self._retaking:  # at a new text size or width: the chapter is open already
            text = self.tr("Adjusting the page… %1%")
        else:
            text = self.tr("Opening the chapter… %1%")
        self.message.emit(text.replace("%1", str(percent)), 0)

    def _page_arrived(self) -> None:
        self.message.emit("", 1)  # the progress line goes
        self._retaking = False
        self._navigating = True
        try:
            self._land()
        finally:
            self._navigating = False
        self.chapter_shown.emit(self.shown_chapter_id)
        waiting, self._when_shown = self._when_shown, []
        for callback in waiting:
            callback()

    def _stop_opening(self) -> None:
        """Another page is wanted: drop the long one still opening (its thread ends on
        its own; its result is ignored)."""
        self._retaking = False
        if self._render is not None:
            self._render = None
            self.message.emit("", 1)
        if self._feed.busy():
            self._feed.cancel()
            self.message.emit("", 1)
        self._when_shown.clear()

    def when_shown(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the page on screen is whole: now-ish, or when it arrives."""
        if self.opening():
            self._when_shown.append(callback)
        else:
            QTimer.singleShot(0, callback)

    def shut_down(self) -> None:
        """Wait for a chapter still rendering (the window closes: its thread must end
        before the window's objects go)."""
        self._render = None
        for render in self.findChildren(ChapterRender):  # those dropped on the way too
            render.wait()
        self._feed.cancel()

    def reload_page(self) -> None:
        """Show the page again (new theme, marking), at the same place."""
        if not self.shown_chapter_id:
            return
        bar = self.content.verticalScrollBar()
        scroll = bar.value()
        self._landing, self._reading_mark = ("top", scroll), ""
        self.show_chapter(self.shown_chapter_id, force=True)
        if not self.opening():
            bar.setValue(scroll)

    # -- moving ------------------------------------------------------------------------

    def _set_current(self, section: Section) -> None:
        changed = section.id != self.current_section_id
        self.current_section_id = section.id
        self.history_changed.emit(self.history.can_go_back, self.history.can_go_forward)
        self.update_status()
        if changed:
            self.section_changed.emit(section.id)

    def follow_scroll(self) -> None:
        """As the reader scrolls, the current section (TOC selection, status) follows."""
        if not self.shown_chapter_id or self._navigating or self.content.keeping_place:
            return
        if self.opening():  # the headings are not all there yet
            return
        anchor = self.content.anchor_at_top()
        chapter_id = self.shown_chapter_id
        section_id = chapter_id if anchor == "top" else f"{chapter_id}/{anchor}"
        section = self.handbook.section(section_id)
        if section is not None and section.id != self.current_section_id:
            self._set_current(section)

    def go_back(self) -> None:
        place = self.history.back(self.current_place())
        if place is not None:
            self.navigate(place.section_id, record=False, scroll=place.scroll)

    def go_forward(self) -> None:
        place = self.history.forward(self.current_place())
        if place is not None:
            self.navigate(place.section_id, record=False, scroll=place.scroll)

    def step_section(self, step: int) -> None:
        target = self.handbook.neighbour(self.current_section_id, step)
        if target:
            self.navigate(target)

    def update_status(self) -> None:
        """The status line: chapter N of M, its title, and the section on screen."""
        handbook = self.handbook
        section = handbook.section(self.current_section_id)
        if section is None:
            self.status_changed.emit(handbook.title)
            return
        chapters = handbook.chapters
        chapter = handbook.chapter(section.chapter_id)
        number = chapters.index(chapter) + 1 if chapter in chapters else 0
        text = self.tr("Chapter %1 of %2: %3").replace("%1", str(number))
        text = text.replace("%2", str(len(chapters))).replace(
            "%3", chapter.title if chapter else ""
        )
        if section.level > 1:
            text += f" › {section.title}"
        self.status_changed.emit(text)

    def start(self, section_id: str | None = None, last_place: LastPlace | None = None) -> None:
        """Show the first page: the given section, else where the reader left off last
        time (`last_place`, given only where places are kept), else the start page."""
        handbook = self.handbook
        scroll = 0.0
        target = section_id if section_id and handbook.section(section_id) else None
        if target is None and last_place is not None and (place := last_place()):
            target, scroll = place
        target = target or self.home
        if target:
            self.navigate(target, record=False)
        if scroll:
            self.when_shown(lambda: self._scroll_to_fraction(scroll))
        QTimer.singleShot(0, self.follow_scroll)

    def _scroll_to_fraction(self, fraction: float) -> None:
        bar = self.content.verticalScrollBar()
        bar.setValue(int(bar.maximum() * fraction))
