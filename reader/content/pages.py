"""Rendered chapters for the reading view, computed once per chapter and kept.

Rendering (and glossary marking) happens here, once per chapter and option set, never
on paint; the reading view only swaps in the cached HTML. With a `PageStore` the pages
also outlive the run, and Markdown is imported only when a page must be rendered.
"""

from __future__ import annotations

from reader.content.clinic_card import with_start_card
from reader.content.page_store import PageStore
from reader.handbook import Chapter, Handbook
from reader.handbook.gate import still_there


class Pages:
    """Cache of each chapter's display HTML, keyed by chapter id and marking choice."""

    def __init__(self, handbook: Handbook, store: PageStore | None = None) -> None:
        self.handbook = handbook
        self.store = store
        self._cache: dict[tuple[str, bool], str] = {}

    def chapter_html(self, chapter_id: str, *, mark_terms: bool = True) -> str:
        """The chapter's HTML; with `mark_terms`, glossary terms link to their entry.

        The generated glossary chapter is never marked (every word there is a term).
        Raises KeyError for an unknown chapter id.
        """
        key = (chapter_id, mark_terms)
        if key in self._cache and not still_there(self.handbook.root):
            # The folder has gone (a USB stick pulled out): the pictures of a kept page
            # can no longer load, and a fresh render puts their text in their place.
            self._cache.clear()
            self.store = None
        if key not in self._cache:
            chapter = self.handbook.chapter(chapter_id)
            if chapter is None:
                raise KeyError(chapter_id)
            stored = self.store.get(chapter_id, marked=mark_terms) if self.store else None
            page = stored or self._render(chapter, mark_terms)
            # the clinic card is added here, never stored: the store keeps the chapter's own
            self._cache[key] = with_start_card(self.handbook, chapter_id, page)
        return self._cache[key]

    def _render(self, chapter: Chapter, mark_terms: bool) -> str:
        from reader.content.marking import marked_chapter_html
        from reader.content.render import render_chapter

        if mark_terms:
            html = marked_chapter_html(self.handbook, chapter)[0]
        else:
            html = render_chapter(self.handbook, chapter)
        if self.store is not None:
            self.store.put(chapter.id, html, marked=mark_terms)
        return html
