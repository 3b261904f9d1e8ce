"""Helpers the handbook content tests share: a chapter by id, its text as written, and
text with spacing and case evened out for comparing."""

from __future__ import annotations

import re
from pathlib import Path

from reader.handbook import Handbook
from reader.handbook.model import Chapter


def normal(text: str) -> str:
    """Runs of spaces and line breaks as one space, case folded."""
    return re.sub(r"\s+", " ", text).casefold()


def chapter_of(handbook: Handbook, chapter_id: str) -> Chapter:
    chapter = handbook.chapter(chapter_id)
    assert chapter is not None, chapter_id
    return chapter


def written(chapter: Chapter) -> str:
    """The chapter as its writer wrote it, placeholders and all (the loaded text has the
    clinic's values or the write-in line in their place)."""
    return Path(chapter.path).read_text(encoding="utf-8")
