"""Bookmarks to and from a JSON file: the export format, and checking a file to import.

An import file is parsed and checked completely before the store changes anything; an
export goes through the one safe writer of user-chosen paths. An import file is anyone's
file: only a regular file of at most MAX_IMPORT_BYTES is read (a named pipe would hang
the window, a device would be read until memory runs out), and anything odd in its JSON
(deep nesting, a 5,000-digit number, half a surrogate pair, a date past the year 9999)
becomes one BookmarkStoreError, never a crash.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.safe_output import OutputRefused, write_atomically
from reader.storage import kind_of

if TYPE_CHECKING:
    from reader.bookmarks.store import Bookmark

EXPORT_FORMAT = "handbook-reader-bookmarks"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 10 * 1024 * 1024
# A handbook has one bookmark per section at most (the bundled one has 193 sections);
# past this, the bookmarks panel alone would take seconds to fill.
MAX_IMPORT_BOOKMARKS = 10_000
# Open without waiting for a writer (a named pipe) and never as a controlling terminal.
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
# Half a surrogate pair: valid JSON (`"\\ud800"`), but no UTF-8 text, so SQLite refuses it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


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
    document = _json_document(path)
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
            f"(“{_shown(document.get('handbook'))}”), not this one."
        )
    items = document.get("bookmarks")
    if not isinstance(items, list):
        raise BookmarkStoreError(f"“{path.name}” has no list of bookmarks.")
    if len(items) > MAX_IMPORT_BOOKMARKS:
        raise BookmarkStoreError(
            f"“{path.name}” holds {len(items):,} bookmarks; at most "
            f"{MAX_IMPORT_BOOKMARKS:,} can be imported, so none were."
        )
    return [_entry(item, number, path) for number, item in enumerate(items, start=1)]


def _json_document(path: Path) -> object:
    """The file's JSON; deep nesting or a number too long to convert is "not valid JSON"."""
    try:
        text = _import_bytes(path).decode("utf-8-sig")  # a BOM, as Notepad writes
    except UnicodeDecodeError:
        raise BookmarkStoreError(f"“{path.name}” is not a bookmarks file.") from None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        raise BookmarkStoreError(
            f"“{path.name}” is not a bookmarks file (it is not valid JSON)."
        ) from None


def _import_bytes(path: Path) -> bytes:
    """The bytes of the regular file at `path`: anything else, or a file over
    MAX_IMPORT_BYTES, is refused before a byte is read."""
    try:
        handle = os.open(path, _READ_FLAGS)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        message = f"“{_shown(str(path))}” could not be read: {reason(error)}."
        raise BookmarkStoreError(message) from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise BookmarkStoreError(
            f"“{path.name}” is a {kind_of(mode)}, not a bookmarks file; nothing was read."
        )
    try:
        with os.fdopen(handle, "rb") as stream:
            data = stream.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise BookmarkStoreError(f"“{path}” could not be read: {reason(error)}.") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise BookmarkStoreError(f"“{path.name}” is too large to be a bookmarks file.")
    return data


def _shown(value: object) -> str:
    """A name from the file, fit for a message: text only, no control characters or
    half surrogate pairs, at most 80 characters."""
    text = _UNSHOWABLE.sub("", value) if isinstance(value, str) else ""
    return text if len(text) <= 80 else text[:79] + "…"


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
    if any(_LONE_SURROGATE.search(text) for text in (section_id, title, note)):
        raise damaged("its text holds characters that are not valid Unicode")
    try:
        created_at = iso_time(parse_time(created))
        updated_at = iso_time(parse_time(updated))
    except (ValueError, OverflowError):  # OverflowError: a date past the year 9999 in UTC
        raise damaged("its date cannot be read") from None
    return Entry(section_id, title or section_id, note, created_at, updated_at)


@dataclass(frozen=True)
class ImportPlan:
    """What an import changes: bookmarks to add (in the file's order), and existing
    bookmarks (by id) whose title and note the file changed more recently."""

    new: list[Entry]
    newer: list[tuple[Entry, int]]


def plan_import(entries: Iterable[Entry], existing: Mapping[str, Bookmark]) -> ImportPlan:
    """One pass with one dictionary lookup per entry (it was a query and a count per
    entry: 120,000 bookmarks took over 300 s). A section the file names twice counts
    once, with its more recent title and note."""
    latest: dict[str, Entry] = {}
    for entry in entries:
        seen = latest.get(entry.section_id)
        if seen is None or parse_time(entry.last_changed) > parse_time(seen.last_changed):
            latest[entry.section_id] = entry
    new: list[Entry] = []
    newer: list[tuple[Entry, int]] = []
    for entry in latest.values():
        old = existing.get(entry.section_id)
        if old is None:
            new.append(entry)
        elif parse_time(entry.last_changed) > parse_time(old.last_changed):
            newer.append((entry, old.id))
    return ImportPlan(new, newer)
