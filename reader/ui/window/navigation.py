"""Moving through the handbook in the window: which section is shown, the way back and
forward, and the status line that names the place.

The window keeps the state (`current_section_id`, the chapter on screen) because its
panels and controllers read it; this part changes it, in one way for every caller:
links, contents, search results, history, bookmarks and the start page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from reader.handbook import Section
from reader.history import Place
from reader.ui.window.review import with_review_foot

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class Navigator(QObject):
    """Shows sections and chapters in a window, and keeps its history and status."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("navigator")
        self.window = window
        self.shown_chapter_id = ""
        self._navigating = False

    @property
    def current_section_id(self) -> str:
        return self.window.current_section_id

    def forget_place(self) -> None:
        """No section is current: the next one shown is not recorded in the history
        (a kiosk's next visitor starts afresh)."""
        self.window.current_section_id = ""

    def current_place(self) -> Place:
        window = self.window
        return Place(window.current_section_id, window.content.verticalScrollBar().value())

    def navigate(self, section_id: str, *, record: bool = True, scroll: int | None = None) -> bool:
        """Show a section (or a chapter, by its id). Returns False if it doesn't exist."""
        window = self.window
        section = window.handbook.section(section_id)
        if section is None:
            window.statusBar().showMessage(self.tr("That section is not in this handbook."), 5000)
            return False
        if record and window.current_section_id and section_id != window.current_section_id:
            window.history.leave(self.current_place())
        self._navigating = True
        try:
            self.show_chapter(section.chapter_id)
            if scroll is not None:
                window.content.verticalScrollBar().setValue(scroll)
            else:
                window.content.scroll_to_anchor(section.anchor)
        finally:
            self._navigating = False
        self._set_current(section)
        return True

    def show_chapter(self, chapter_id: str, *, force: bool = False) -> None:
        window = self.window
        if chapter_id == self.shown_chapter_id and not force:
            return
        html = window.pages.chapter_html(chapter_id, mark_terms=window.preferences.mark_terms)
        window.content.show_html(with_review_foot(window.handbook, chapter_id, html))
        self.shown_chapter_id = chapter_id
        if window.find_bar.isVisible():
            window.find_bar.find_text(window.find_bar.box.text())

    def reload_page(self) -> None:
        """Show the page again (new theme, marking), at the same place."""
        if not self.shown_chapter_id:
            return
        bar = self.window.content.verticalScrollBar()
        scroll = bar.value()
        self.show_chapter(self.shown_chapter_id, force=True)
        bar.setValue(scroll)

    def _set_current(self, section: Section) -> None:
        window = self.window
        changed = section.id != window.current_section_id
        window.current_section_id = section.id
        window.toc.select_section(section.id)
        window.action_set["back"].setEnabled(window.history.can_go_back)
        window.action_set["forward"].setEnabled(window.history.can_go_forward)
        self.update_status()
        if changed:
            window.section_changed.emit(section.id)

    def follow_scroll(self) -> None:
        """As the reader scrolls, the current section (TOC selection, status) follows."""
        window = self.window
        if not self.shown_chapter_id or self._navigating or window.content.keeping_place:
            return
        anchor = window.content.anchor_at_top()
        chapter_id = self.shown_chapter_id
        section_id = chapter_id if anchor == "top" else f"{chapter_id}/{anchor}"
        section = window.handbook.section(section_id)
        if section is not None and section.id != window.current_section_id:
            self._set_current(section)

    def go_back(self) -> None:
        place = self.window.history.back(self.current_place())
        if place is not None:
            self.navigate(place.section_id, record=False, scroll=place.scroll)

    def go_forward(self) -> None:
        place = self.window.history.forward(self.current_place())
        if place is not None:
            self.navigate(place.section_id, record=False, scroll=place.scroll)

    def step_section(self, step: int) -> None:
        target = self.window.handbook.neighbour(self.window.current_section_id, step)
        if target:
            self.navigate(target)

    def update_status(self) -> None:
        """The status line: chapter N of M, its title, and the section on screen."""
        window = self.window
        handbook = window.handbook
        section = handbook.section(window.current_section_id)
        if section is None:
            window.status_label.setText(handbook.title)
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
        window.status_label.setText(text)

    def start(self, section_id: str | None = None) -> None:
        """Show the first page: the given section, else (on a desktop) where the reader
        left off last time, else the handbook's start page."""
        window = self.window
        handbook = window.handbook
        scroll = 0.0
        target = section_id if section_id and handbook.section(section_id) else None
        if (
            target is None
            and window.policy.reopens_last_place
            and (place := window.bookmarks.last_place())
        ):
            target, scroll = place
        target = target or window.home_section_id
        if target:
            self.navigate(target, record=False)
        if scroll:
            QTimer.singleShot(0, lambda: self._scroll_to_fraction(scroll))
        QTimer.singleShot(0, self.follow_scroll)

    def _scroll_to_fraction(self, fraction: float) -> None:
        bar = self.window.content.verticalScrollBar()
        bar.setValue(int(bar.maximum() * fraction))
