"""Bookmarks and the last place read, kept per handbook in one SQLite file (no Qt).

Why it is built this way:

- Every change is one `BEGIN IMMEDIATE … COMMIT` transaction, so a crash or a kill
  leaves either the whole change or none of it.
- The journal is WAL with `synchronous=FULL`. In WAL mode a commit only appends to the
  `-wal` file, so the main file is never half-rewritten; with NORMAL a commit would
  still survive the app being killed, but could be lost if the power went at that
  moment. Bookmark writes are rare and tiny, so FULL (one fsync per commit) costs
  nothing a person notices and a bookmark that was shown as saved stays saved.
- A file that cannot be read (not a database, failing `quick_check`, or not our
  tables), or one written by a newer version, is renamed aside together with its
  `-wal`/`-shm` files — never deleted — and a new empty file is started. A folder that
  cannot be written makes the store fall back to memory. Either way the reason is in
  `recovery_message`, in plain words, for the window to show.
- `PRAGMA user_version` is the schema version; `MIGRATIONS` is a list of step lists,
  one per version, and later versions are appended, never edited.
"""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.handbook import Handbook
from reader.handbook.ids import slugify
from reader.paths import UserDirs

DATABASE_NAME = "bookmarks.sqlite3"
EXPORT_FORMAT = "handbook-reader-bookmarks"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 10 * 1024 * 1024
LOCATION_SEPARATOR = " › "

# One list of SQL steps per schema version. Append new versions; never edit old ones,
# because files written by earlier releases have already run them.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            handbook TEXT NOT NULL,
            section_id TEXT NOT NULL,
            title TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            position INTEGER NOT NULL,
            UNIQUE (handbook, section_id)
        )""",
        "CREATE INDEX bookmarks_by_position ON bookmarks (handbook, position)",
        """CREATE TABLE state (
            handbook TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (handbook, key)
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# How long opening waits, in all, for a file another process holds (each SQLite call
# also waits `_BUSY_TIMEOUT` itself). Generous: a busy file must never look damaged.
OPEN_PATIENCE_SECONDS = 30.0
_BUSY_TIMEOUT = 5.0
_RETRY_PAUSE = 0.05

# SQLite result codes meaning "this file cannot be used right now" (leave it alone),
# as opposed to "this file is damaged or not ours" (set it aside).
_CANNOT_WRITE_CODES = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_AUTH,
    }
)

Clock = Callable[[], datetime]


class BookmarkStoreError(Exception):
    """A bookmark operation failed; the message is plain words for the person reading."""


class _Unreadable(Exception):
    """The database file is damaged or not a bookmarks file."""


class _TooNew(Exception):
    """The database file was written by a newer schema than this code knows."""


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


def default_path(dirs: UserDirs | None = None) -> Path:
    """Where the desktop app keeps bookmarks: `bookmarks.sqlite3` in the user data folder."""
    return (dirs or UserDirs.default()).data / DATABASE_NAME


def handbook_key(handbook: Handbook) -> str:
    """A stable key that keeps each handbook's bookmarks apart.

    With a manifest: the slug of its title plus its language, so the same handbook in
    another folder or on another computer shares its bookmarks, and a new edition keeps
    them. A plain folder of chapters has only its folder name to go by.
    """
    if handbook.has_manifest:
        return f"{slugify(handbook.title)}-{slugify(handbook.language or 'en')}"
    return slugify(handbook.root.resolve().name)


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


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_busy(error: sqlite3.Error) -> bool:
    """Another connection holds the file: wait and retry, never treat it as damage."""
    return _primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _save_failed_message(error: sqlite3.Error) -> str:
    code = _primary_code(error)
    if code == sqlite3.SQLITE_FULL:
        reason = "the disk is full"
    elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        reason = "another window of the reader is using the bookmarks file"
    elif code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        reason = "the bookmarks file cannot be written"
    else:
        reason = "the bookmarks file could not be written"
    return f"The bookmark change could not be saved because {reason}. Nothing was changed."


def _companions(path: Path) -> list[tuple[Path, str]]:
    """The database file and its WAL/shared-memory files, with their name suffixes."""
    return [(path, ""), *((path.with_name(path.name + s), s) for s in ("-wal", "-shm"))]


def _set_aside(path: Path, label: str, now: datetime) -> Path:
    """Rename the file (and its -wal/-shm) to `<name>.<label>-<timestamp>`; keep them."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while any(base.with_name(base.name + s).exists() for _, s in _companions(path)):
        counter += 1
        base = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    for source, suffix in _companions(path):
        if source.exists():
            source.rename(base.with_name(base.name + suffix))
    return base


class BookmarkStore:
    """Bookmarks and reading state for any number of handbooks, in one SQLite database."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        recovery_message: str | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self._db = connection
        self.path = path
        self.recovery_message = recovery_message
        self._clock = clock

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(
        cls, path: Path, *, clock: Clock = _utc_now, patience: float = OPEN_PATIENCE_SECONDS
    ) -> BookmarkStore:
        """Open (or create) the file; never raises for a bad file or folder.

        A file another process is using is waited for (up to `patience` seconds) and
        never set aside: busy is not damaged. A damaged or newer file is set aside and
        an empty store starts; a folder that cannot be written, or a file still busy
        after the wait, gives an in-memory store. `recovery_message` says which.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(_open_patiently(path, patience), path, clock=clock)
        except _Unreadable:
            label, why = "corrupt", "could not be read"
        except _TooNew:
            label, why = "newer", "was made by a newer version of Handbook Reader"
        except (OSError, sqlite3.Error) as error:
            return cls._memory_fallback(path, error, clock)
        try:
            aside = _set_aside(path, label, clock())
            connection = _open_patiently(path, patience)
        except (OSError, sqlite3.Error, _Unreadable, _TooNew) as error:
            return cls._memory_fallback(path, error, clock)
        message = (
            f"Your bookmarks file {why}, so it was set aside as “{aside.name}” "
            f"(in {path.parent}) and a new one was started. Your earlier bookmarks "
            "are not shown, but the old file was kept."
        )
        return cls(connection, path, message, clock)

    @classmethod
    def in_memory(cls, *, clock: Clock = _utc_now) -> BookmarkStore:
        """A store that writes nothing to disk (kiosk mode, or when saving is impossible)."""
        connection = _connect(":memory:")
        _migrate(connection)
        return cls(connection, None, clock=clock)

    @classmethod
    def _memory_fallback(cls, path: Path, error: BaseException, clock: Clock) -> BookmarkStore:
        store = cls.in_memory(clock=clock)
        if isinstance(error, sqlite3.Error) and _is_busy(error):
            store.recovery_message = (
                "Your bookmarks file is being used by another window of the reader, so "
                "bookmarks you make now will be forgotten when this window closes. Your "
                f"saved bookmarks are safe in {path.parent}."
            )
            return store
        store.recovery_message = (
            "Bookmarks can't be saved on this computer right now, so any you make will be "
            f"forgotten when the reader closes. (The folder {path.parent} could not be "
            f"used: {_reason(error)}.)"
        )
        return store

    @property
    def persistent(self) -> bool:
        """False for the in-memory store: nothing survives closing the reader."""
        return self.path is not None

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ reading

    def list(self, handbook: str) -> builtins.list[Bookmark]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE handbook = ? ORDER BY position, id",
            (handbook,),
        )
        return [_bookmark(row) for row in rows]

    def get(self, bookmark_id: int) -> Bookmark | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)
        ).fetchone()
        return _bookmark(row) if row else None

    def find(self, handbook: str, section_id: str) -> Bookmark | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE handbook = ? AND section_id = ?",
            (handbook, section_id),
        ).fetchone()
        return _bookmark(row) if row else None

    def handbooks(self) -> builtins.list[str]:
        """Every handbook key that has bookmarks."""
        rows = self._db.execute("SELECT DISTINCT handbook FROM bookmarks ORDER BY handbook")
        return [row[0] for row in rows]

    # ------------------------------------------------------------------ changing

    def add(self, handbook: str, section_id: str, title: str, note: str = "") -> Bookmark:
        """Keep a section at the end of the list; an existing bookmark is returned as is."""
        with self._write() as db:
            existing = self.find(handbook, section_id)
            if existing is not None:
                return existing
            now = _iso(self._clock())
            cursor = db.execute(
                "INSERT INTO bookmarks (handbook, section_id, title, note, created, updated,"
                " position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (handbook, section_id, title, note, now, now, self._count(handbook)),
            )
            assert cursor.lastrowid is not None
            bookmark = self.get(cursor.lastrowid)
        assert bookmark is not None
        return bookmark

    def remove(self, bookmark_id: int) -> Bookmark | None:
        """Delete a bookmark; returns it (for undo), or None if there was none."""
        with self._write() as db:
            bookmark = self.get(bookmark_id)
            if bookmark is None:
                return None
            db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            db.execute(
                "UPDATE bookmarks SET position = position - 1 WHERE handbook = ? AND position > ?",
                (bookmark.handbook, bookmark.position),
            )
        return bookmark

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Undo of `remove`: the same id, texts and dates, back at the same position.

        If the section was bookmarked again meanwhile, that bookmark is kept and returned.
        """
        with self._write() as db:
            existing = self.get(bookmark.id) or self.find(bookmark.handbook, bookmark.section_id)
            if existing is not None:
                return existing
            position = max(0, min(bookmark.position, self._count(bookmark.handbook)))
            db.execute(
                "UPDATE bookmarks SET position = position + 1 WHERE handbook = ? AND position >= ?",
                (bookmark.handbook, position),
            )
            db.execute(
                f"INSERT INTO bookmarks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bookmark.id,
                    bookmark.handbook,
                    bookmark.section_id,
                    bookmark.title,
                    bookmark.note,
                    bookmark.created,
                    bookmark.last_changed,
                    position,
                ),
            )
        return replace(bookmark, position=position, updated=bookmark.last_changed)

    def rename(self, bookmark_id: int, title: str) -> None:
        self._update_text(bookmark_id, "title", title)

    def set_note(self, bookmark_id: int, note: str) -> None:
        self._update_text(bookmark_id, "note", note)

    def move(self, bookmark_id: int, new_position: int) -> None:
        """Put a bookmark at `new_position` (clamped to the list) and shift the others."""
        with self._write() as db:
            bookmark = self.get(bookmark_id)
            if bookmark is None:
                return
            ids = [b.id for b in self.list(bookmark.handbook)]
            ids.remove(bookmark_id)
            ids.insert(max(0, min(new_position, len(ids))), bookmark_id)
            db.executemany(
                "UPDATE bookmarks SET position = ? WHERE id = ?",
                [(position, each) for position, each in enumerate(ids)],
            )

    def clear(self, handbook: str | None = None) -> None:
        """Forget bookmarks and the last place read: of one handbook, or of all (kiosk)."""
        with self._write() as db:
            if handbook is None:
                db.execute("DELETE FROM bookmarks")
                db.execute("DELETE FROM state")
            else:
                db.execute("DELETE FROM bookmarks WHERE handbook = ?", (handbook,))
                db.execute("DELETE FROM state WHERE handbook = ?", (handbook,))

    # ------------------------------------------------------------ reading place

    def last_section(self, handbook: str) -> str | None:
        return self._state(handbook, "last_section")

    def last_scroll(self, handbook: str) -> float:
        """How far down the last section was scrolled, 0.0-1.0 (0.0 if unknown)."""
        value = self._state(handbook, "last_scroll")
        try:
            return min(1.0, max(0.0, float(value))) if value is not None else 0.0
        except ValueError:
            return 0.0

    def set_last_section(self, handbook: str, section_id: str, scroll: float = 0.0) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO state (handbook, key, value) VALUES (?, ?, ?)",
                [
                    (handbook, "last_section", section_id),
                    (handbook, "last_scroll", repr(min(1.0, max(0.0, float(scroll))))),
                ],
            )

    # --------------------------------------------------------- export / import

    def export_json(self, handbook: str, path: Path) -> int:
        """Write the handbook's bookmarks to a JSON file; returns how many."""
        bookmarks = self.list(handbook)
        document = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "handbook": handbook,
            "exported": _iso(self._clock()),
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
        path = Path(path)
        temporary = path.with_name(path.name + ".part")
        try:
            temporary.write_text(
                json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            os.replace(temporary, path)
        except OSError as error:
            with suppress(OSError):
                temporary.unlink()
            raise BookmarkStoreError(
                f"The bookmarks could not be saved to {path}: {_reason(error)}."
            ) from error
        return len(bookmarks)

    def import_json(self, handbook: str, path: Path) -> int:
        """Merge bookmarks from an exported file; returns how many were new.

        The same section is the same bookmark: its title and note are taken from the
        file only if they were changed there more recently. A bad file raises
        BookmarkStoreError and changes nothing.
        """
        entries = _read_export(handbook, Path(path))
        added = 0
        with self._write() as db:
            for entry in entries:
                existing = self.find(handbook, entry.section_id)
                if existing is None:
                    db.execute(
                        "INSERT INTO bookmarks (handbook, section_id, title, note, created,"
                        " updated, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            handbook,
                            entry.section_id,
                            entry.title,
                            entry.note,
                            entry.created,
                            entry.last_changed,
                            self._count(handbook),
                        ),
                    )
                    added += 1
                elif _parse_time(entry.last_changed) > _parse_time(existing.last_changed):
                    db.execute(
                        "UPDATE bookmarks SET title = ?, note = ?, updated = ? WHERE id = ?",
                        (entry.title, entry.note, entry.last_changed, existing.id),
                    )
        return added

    # ----------------------------------------------------------------- helpers

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; any SQLite failure rolls back and becomes a plain message."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise BookmarkStoreError(_save_failed_message(error)) from error
        try:
            yield self._db
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise BookmarkStoreError(_save_failed_message(error)) from error
        except BaseException:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    def _count(self, handbook: str) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM bookmarks WHERE handbook = ?", (handbook,))
        return int(row.fetchone()[0])

    def _update_text(self, bookmark_id: int, column: str, text: str) -> None:
        assert column in ("title", "note")
        with self._write() as db:
            db.execute(
                f"UPDATE bookmarks SET {column} = ?, updated = ? WHERE id = ?",
                (text, _iso(self._clock()), bookmark_id),
            )

    def _state(self, handbook: str, key: str) -> str | None:
        row = self._db.execute(
            "SELECT value FROM state WHERE handbook = ? AND key = ?", (handbook, key)
        ).fetchone()
        return str(row[0]) if row else None


_SQLITE_HEADER = b"SQLite format 3\x00"
_COLUMNS = "id, handbook, section_id, title, note, created, updated, position"


def _bookmark(row: tuple[Any, ...]) -> Bookmark:
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


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def _connect(target: str | Path, busy_timeout: float = _BUSY_TIMEOUT) -> sqlite3.Connection:
    connection = sqlite3.connect(target, timeout=busy_timeout, isolation_level=None)
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


def _open_patiently(path: Path, patience: float) -> sqlite3.Connection:
    """`_open_checked`, retried while another process holds the file.

    SQLite's busy timeout covers most waits, but some (switching to WAL while another
    connection opens the file, a WAL recovery) return "busy" at once; those are
    retried here until `patience` runs out, and then the busy error is raised.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            return _open_checked(path, min(_BUSY_TIMEOUT, patience))
        except sqlite3.Error as error:
            if not _is_busy(error) or time.monotonic() >= deadline:
                raise
        time.sleep(_RETRY_PAUSE)


def _open_checked(path: Path, busy_timeout: float = _BUSY_TIMEOUT) -> sqlite3.Connection:
    """Connect, check the file is sound and ours, and bring its schema up to date."""
    if not _has_sqlite_header(path):
        # Checked before SQLite sees it: closing a connection to such a file deletes its
        # -wal file, which we want to keep with it.
        raise _Unreadable("not an SQLite database")
    connection = _connect(path, busy_timeout)
    try:
        _check_and_migrate(connection)
        # Later writes wait the full time, whatever the opening was allowed.
        connection.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT * 1000)}")
    except BaseException:
        connection.close()
        raise
    return connection


def _has_sqlite_header(path: Path) -> bool:
    """True for an SQLite file, and for a missing or empty one (SQLite starts it afresh)."""
    if not path.exists():
        return True
    with path.open("rb") as file:
        header = file.read(len(_SQLITE_HEADER))
    return not header or header == _SQLITE_HEADER


def _check_and_migrate(connection: sqlite3.Connection) -> None:
    try:
        # Check before changing anything, so a file set aside keeps its exact bytes.
        result = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise _Unreadable("; ".join(map(str, result[:3])))
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _TooNew(str(version))
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        _migrate(connection)
        _check_tables(connection)
    except sqlite3.Error as error:
        if _primary_code(error) in _CANNOT_WRITE_CODES:
            raise
        raise _Unreadable(str(error)) from error


def _migrate(connection: sqlite3.Connection) -> None:
    """Run every migration after the file's version, each version in one transaction.

    The version is read again inside each write transaction: another process may have
    migrated the file between our first look and our lock, and running its steps twice
    would fail ("table already exists") and make a good file look damaged.
    """
    while connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                for step in MIGRATIONS[version]:
                    connection.execute(step)
                connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise


def _check_tables(connection: sqlite3.Connection) -> None:
    """A file that says it is ours but lacks our columns is treated as unreadable."""
    connection.execute(f"SELECT {_COLUMNS} FROM bookmarks LIMIT 0")
    connection.execute("SELECT handbook, key, value FROM state LIMIT 0")


# ------------------------------------------------------------------ import file


@dataclass(frozen=True)
class _Entry:
    section_id: str
    title: str
    note: str
    created: str
    last_changed: str


def _read_export(handbook: str, path: Path) -> builtins.list[_Entry]:
    """Parse and check an exported file completely before anything is changed."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise BookmarkStoreError(f"“{path.name}” is too large to be a bookmarks file.")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BookmarkStoreError(f"“{path.name}” is not a bookmarks file.") from None
    except OSError as error:
        raise BookmarkStoreError(f"“{path}” could not be read: {_reason(error)}.") from None
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
    if not isinstance(items, builtins.list):
        raise BookmarkStoreError(f"“{path.name}” has no list of bookmarks.")
    return [_entry(item, number, path) for number, item in enumerate(items, start=1)]


def _entry(item: object, number: int, path: Path) -> _Entry:
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
        created_at = _parse_time(created)
        updated_at = _parse_time(updated)
    except ValueError:
        raise damaged("its date cannot be read") from None
    return _Entry(section_id, title or section_id, note, _iso(created_at), _iso(updated_at))
