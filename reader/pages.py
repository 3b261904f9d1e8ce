"""Rendered chapters for the reading view, computed once per chapter and kept.

Rendering (and glossary marking) happens here, once per chapter and option set, never
on paint; the reading view only swaps in the cached HTML.
"""

from __future__ import annotations

from reader.handbook import Handbook
from reader.marking import marked_chapter_html
from reader.render import render_chapter


class Pages:
    """Cache of each chapter's display HTML, keyed by chapter id and marking choice."""

    def __init__(self, handbook: Handbook) -> None:
        self.handbook = handbook
        self._cache: dict[tuple[str, bool], str] = {}

    def chapter_html(self, chapter_id: str, *, mark_terms: bool = True) -> str:
        """The chapter's HTML; with `mark_terms`, glossary terms link to their entry.

        The generated glossary chapter is never marked (every word there is a term).
        Raises KeyError for an unknown chapter id.
        """
        key = (chapter_id, mark_terms)
        if key in self._cache and not self.handbook.root.is_dir():
            # The folder has gone (a USB stick pulled out): the pictures of a kept page
            # can no longer load, and a fresh render puts their text in their place.
            self._cache.clear()
        if key not in self._cache:
            chapter = self.handbook.chapter(chapter_id)
            if chapter is None:
                raise KeyError(chapter_id)
            if mark_terms:
                self._cache[key] = marked_chapter_html(self.handbook, chapter)[0]
            else:
                self._cache[key] = render_chapter(self.handbook, chapter)
        return self._cache[key]
