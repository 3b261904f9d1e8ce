"""Bookmarks to and from a JSON file: the export format, and checking a file to import.

An import file is parsed and checked completely before the store changes anything; an
export goes through the one safe writer of user-chosen paths.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.safe_output import OutputRefused, write_atomically

if TYPE_CHECKING:
    from reader.bookmarks.store import Bookmark

EXPORT_FORMAT = "handbook-reader-bookmarks"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 10 * 1024 * 1024


class BookmarkStoreError(Exception):
    """A bookmark operation failed; the message is plain words for the person reading."""


def iso_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def reason(error: BaseException) -> str:
    """An OS error's own words, in lower case, for the end of a sentence."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def write_export(path: Path, handbook: str, bookmarks: list[Bookmark], exported: str) -> None:
    """The bookmarks as an export file at `path`. Raises BookmarkStoreError."""
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "handbook": handbook,
        "exported": exported,
        "bookmarks": [
            {
                "section_id": b.section_id,
                "title": b.title,
                "note": b.note,
                "created": b.created,
                "updated": b.last_changed,
            }
            for b in bookmarks
        ],
    }
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        write_atomically(Path(path), data)
    except OutputRefused as refused:
        raise BookmarkStoreError(
            f"The bookmarks were not saved: {refused.path} is {refused.what}, not a file, "
            "so it was left alone."
        ) from None
    except OSError as error:
        raise BookmarkStoreError(
            f"The bookmarks could not be saved to {path}: {reason(error)}."
        ) from error


@dataclass(frozen=True)
class Entry:
    section_id: str
    title: str
    note: str
    created: str
    last_changed: str


def read_export(handbook: str, path: Path) -> list[Entry]:
    """Parse and check an exported file completely before anything is changed."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise BookmarkStoreError(f"“{path.name}” is too large to be a bookmarks file.")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BookmarkStoreError(f"“{path.name}” is not a bookmarks file.") from None
    except OSError as error:
        raise BookmarkStoreError(f"“{path}” could not be read: {reason(error)}.") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        raise BookmarkStoreError(
            f"“{path.name}” is not a bookmarks file (it is not valid JSON)."
        ) from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise BookmarkStoreError(f"“{path.name}” is not a Handbook Reader bookmarks file.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BookmarkStoreError(f"“{path.name}” has no readable version number.")
    if version > EXPORT_VERSION:
        raise BookmarkStoreError(
            f"“{path.name}” was made by a newer version of Handbook Reader; "
            "update the reader to import it."
        )
    if document.get("handbook") != handbook:
        raise BookmarkStoreError(
            f"“{path.name}” holds bookmarks for another handbook "
            f"(“{document.get('handbook')}”), not this one."
        )
    items = document.get("bookmarks")
    if not isinstance(items, list):
        raise BookmarkStoreError(f"“{path.name}” has no list of bookmarks.")
    return [_entry(item, number, path) for number, item in enumerate(items, start=1)]


def _entry(item: object, number: int, path: Path) -> Entry:
    def damaged(what: str) -> BookmarkStoreError:
        return BookmarkStoreError(f"Bookmark {number} in “{path.name}” is damaged ({what}).")

    if not isinstance(item, dict):
        raise damaged("it is not a bookmark")
    section_id = item.get("section_id")
    if not isinstance(section_id, str) or not section_id.strip():
        raise damaged("it names no section")
    title = item.get("title", section_id)
    note = item.get("note", "")
    if not isinstance(title, str) or not isinstance(note, str):
        raise damaged("its title or note is not text")
    created = item.get("created")
    updated = item.get("updated", created)
    if not isinstance(created, str) or not isinstance(updated, str):
        raise damaged("it has no date")
    try:
        created_at = parse_time(created)
        updated_at = parse_time(updated)
    except ValueError:
        raise damaged("its date cannot be read") from None
    return Entry(section_id, title or section_id, note, iso_time(created_at), iso_time(updated_at))
