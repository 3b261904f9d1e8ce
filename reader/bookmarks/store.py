"""Bookmarks and the last place read, kept per handbook in one SQLite file (no Qt).

Why it is built this way:

- Every change is one `BEGIN IMMEDIATE … COMMIT` transaction, so a crash or a kill
  leaves either the whole change or none of it.
- The journal is WAL with `synchronous=FULL`: a commit only appends to the `-wal` file,
  and a bookmark that was shown as saved stays saved even if the power goes.
- Opening tells busy from damaged (see `schema`): a damaged or newer file is renamed
  aside with its `-wal`/`-shm` files, never deleted, and a new one started; a folder
  that cannot be written, or a file still busy after the wait, gives a memory store.
  Either way the reason is in `recovery_message`, in plain words, for the window.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reader.bookmarks.exchange import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    MAX_IMPORT_BYTES,
    BookmarkStoreError,
    iso_time,
    plan_import,
    read_export,
    reason,
    write_export,
)
from reader.bookmarks.model import (
    LOCATION_SEPARATOR,
    Bookmark,
    bookmark_from_row,
    handbook_key,
    is_stale,
    location_label,
)
from reader.bookmarks.schema import (
    COLUMNS,
    OPEN_PATIENCE_SECONDS,
    SCHEMA_VERSION,
    TooNew,
    Unreadable,
    connect,
    is_busy,
    migrate,
    open_patiently,
    primary_code,
    set_aside,
)
from reader.paths import UserDirs

__all__ = [
    "DATABASE_NAME",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "LOCATION_SEPARATOR",
    "MAX_IMPORT_BYTES",
    "SCHEMA_VERSION",
    "Bookmark",
    "BookmarkStore",
    "BookmarkStoreError",
    "default_path",
    "handbook_key",
    "is_stale",
    "location_label",
]

DATABASE_NAME = "bookmarks.sqlite3"

Clock = Callable[[], datetime]


def default_path(dirs: UserDirs | None = None) -> Path:
    """Where the desktop app keeps bookmarks: `bookmarks.sqlite3` in the user data folder."""
    return (dirs or UserDirs.default()).data / DATABASE_NAME


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _save_failed_message(error: sqlite3.Error) -> str:
    code = primary_code(error)
    if code == sqlite3.SQLITE_FULL:
        reason = "the disk is full"
    elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        reason = "another window of the reader is using the bookmarks file"
    elif code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        reason = "the bookmarks file cannot be written"
    else:
        reason = "the bookmarks file could not be written"
    return f"The bookmark change could not be saved because {reason}. Nothing was changed."


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
            return cls(open_patiently(path, patience), path, clock=clock)
        except Unreadable:
            label, why = "corrupt", "could not be read"
        except TooNew:
            label, why = "newer", "was made by a newer version of Handbook Reader"
        except (OSError, sqlite3.Error) as error:
            return cls._memory_fallback(path, error, clock)
        try:
            aside = set_aside(path, label, clock())
            connection = open_patiently(path, patience)
        except (OSError, sqlite3.Error, Unreadable, TooNew) as error:
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
        connection = connect(":memory:")
        migrate(connection)
        return cls(connection, None, clock=clock)

    @classmethod
    def _memory_fallback(cls, path: Path, error: BaseException, clock: Clock) -> BookmarkStore:
        store = cls.in_memory(clock=clock)
        if isinstance(error, sqlite3.Error) and is_busy(error):
            store.recovery_message = (
                "Your bookmarks file is being used by another window of the reader, so "
                "bookmarks you make now will be forgotten when this window closes. Your "
                f"saved bookmarks are safe in {path.parent}."
            )
            return store
        store.recovery_message = (
            "Bookmarks can't be saved on this computer right now, so any you make will be "
            f"forgotten when the reader closes. (The folder {path.parent} could not be "
            f"used: {reason(error)}.)"
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
            f"SELECT {COLUMNS} FROM bookmarks WHERE handbook = ? ORDER BY position, id",
            (handbook,),
        )
        return [bookmark_from_row(row) for row in rows]

    def get(self, bookmark_id: int) -> Bookmark | None:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)
        ).fetchone()
        return bookmark_from_row(row) if row else None

    def find(self, handbook: str, section_id: str) -> Bookmark | None:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM bookmarks WHERE handbook = ? AND section_id = ?",
            (handbook, section_id),
        ).fetchone()
        return bookmark_from_row(row) if row else None

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
            now = iso_time(self._clock())
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
                f"INSERT INTO bookmarks ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
        """Remember the reading place. Not worth a wait for the disk: written as the
        window closes or is replaced, on the window's thread (see `_write`)."""
        with self._write(durable=False) as db:
            db.executemany(
                "INSERT OR REPLACE INTO state (handbook, key, value) VALUES (?, ?, ?)",
                [
                    (handbook, "last_section", section_id),
                    (handbook, "last_scroll", repr(min(1.0, max(0.0, float(scroll))))),
                ],
            )

    # --------------------------------------------------------- export / import

    def export_json(self, handbook: str, path: Path) -> int:
        """Write the handbook's bookmarks to a JSON file; returns how many.

        Goes through the safe writer: a device, pipe or folder at `path` is refused."""
        bookmarks = self.list(handbook)
        write_export(path, handbook, bookmarks, iso_time(self._clock()))
        return len(bookmarks)

    def import_json(self, handbook: str, path: Path) -> int:
        """Merge bookmarks from an exported file; returns how many were new.

        The same section is the same bookmark: its title and note are taken from the
        file only if they were changed there more recently. A bad file raises
        BookmarkStoreError and changes nothing.
        """
        entries = read_export(handbook, Path(path))
        with self._write() as db:
            plan = plan_import(entries, {b.section_id: b for b in self.list(handbook)})
            start = self._count(handbook)
            db.executemany(
                "INSERT INTO bookmarks (handbook, section_id, title, note, created,"
                " updated, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (handbook, e.section_id, e.title, e.note, e.created, e.last_changed, start + n)
                    for n, e in enumerate(plan.new)
                ],
            )
            db.executemany(
                "UPDATE bookmarks SET title = ?, note = ?, updated = ? WHERE id = ?",
                [(e.title, e.note, e.last_changed, bookmark_id) for e, bookmark_id in plan.newer],
            )
        return len(plan.new)

    # ----------------------------------------------------------------- helpers

    @contextmanager
    def _write(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction; any SQLite failure rolls back and becomes a plain message.

        `durable=False` commits without waiting for the disk (`synchronous=NORMAL` for
        this one transaction): in WAL mode the file stays whole whatever happens, and a
        power cut may lose only this write. The reading place is written so; a bookmark
        never is (a FULL commit took 45 ms of a language switch's 101 ms stall)."""
        if not durable:
            with suppress(sqlite3.Error):
                self._db.execute("PRAGMA synchronous=NORMAL")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            self._durable_again(durable)
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
        finally:
            self._durable_again(durable)

    def _durable_again(self, durable: bool) -> None:
        if not durable:
            with suppress(sqlite3.Error):
                self._db.execute("PRAGMA synchronous=FULL")

    def _count(self, handbook: str) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM bookmarks WHERE handbook = ?", (handbook,))
        return int(row.fetchone()[0])

    def _update_text(self, bookmark_id: int, column: str, text: str) -> None:
        assert column in ("title", "note")
        with self._write() as db:
            db.execute(
                f"UPDATE bookmarks SET {column} = ?, updated = ? WHERE id = ?",
                (text, iso_time(self._clock()), bookmark_id),
            )

    def _state(self, handbook: str, key: str) -> str | None:
        row = self._db.execute(
            "SELECT value FROM state WHERE handbook = ? AND key = ?", (handbook, key)
        ).fetchone()
        return str(row[0]) if row else None
