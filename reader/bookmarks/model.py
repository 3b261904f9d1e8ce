"""A bookmark, and how it reads against a handbook: its key, its place, whether it is stale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.handbook import Handbook
from reader.handbook.gate import real_root
from reader.handbook.ids import slugify
from reader.handbook.packed import PACK_SUFFIX

LOCATION_SEPARATOR = " › "


@dataclass(frozen=True)
class Bookmark:
    """A kept section. `created`/`updated` are ISO 8601 UTC; `position` is 0-based."""

    id: int
    handbook: str
    section_id: str
    title: str
    note: str
    created: str
    position: int
    updated: str = ""

    @property
    def last_changed(self) -> str:
        """When the title or note last changed: what import compares."""
        return self.updated or self.created


def handbook_key(handbook: Handbook) -> str:
    """A stable key that keeps each handbook's bookmarks apart.

    With a manifest: the slug of its title plus its language, so the same handbook in
    another folder or on another computer shares its bookmarks, and a new edition keeps
    them. A plain folder of chapters has only its folder name to go by (a packed one,
    its file name without `.handbook`, so `guide/` and `guide.handbook` share).
    """
    if handbook.has_manifest:
        title = handbook.base_title or handbook.title  # a translation shares bookmarks
        return f"{slugify(title)}-{slugify(handbook.base_language or handbook.language or 'en')}"
    name = real_root(handbook.root).name
    if name.lower().endswith(PACK_SUFFIX):
        name = name[: -len(PACK_SUFFIX)]
    return slugify(name)


def is_stale(bookmark: Bookmark, handbook: Handbook) -> bool:
    """The bookmarked section is no longer in this handbook."""
    return handbook.section(bookmark.section_id) is None


def location_label(handbook: Handbook, section_id: str) -> str | None:
    """'Chapter › Section' (or just the chapter for its opening text); None if gone."""
    section = handbook.section(section_id)
    if section is None:
        return None
    chapter = handbook.chapter(section.chapter_id)
    if chapter is None or section.level == 1:
        return section.title
    return f"{chapter.title}{LOCATION_SEPARATOR}{section.title}"


def bookmark_from_row(row: tuple[Any, ...]) -> Bookmark:
    id_, handbook, section_id, title, note, created, updated, position = row
    return Bookmark(
        id=id_,
        handbook=handbook,
        section_id=section_id,
        title=title,
        note=note,
        created=created,
        position=position,
        updated=updated,
    )
