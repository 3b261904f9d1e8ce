"""The bookmarks file on disk: its schema and migrations, and opening it safely.

Opening tells "busy" from "damaged": a file another process holds is waited for and
never set aside; only a file that is not SQLite, fails `quick_check`, lacks our
tables or was written by a newer version is (`Unreadable`, `TooNew`).
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

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
# also waits `BUSY_TIMEOUT` itself). Generous: a busy file must never look damaged.
OPEN_PATIENCE_SECONDS = 30.0
BUSY_TIMEOUT = 5.0
_RETRY_PAUSE = 0.05

# SQLite result codes meaning "this file cannot be used right now" (leave it alone),
# as opposed to "this file is damaged or not ours" (set it aside).
CANNOT_WRITE_CODES = frozenset(
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


class Unreadable(Exception):
    """The database file is damaged or not a bookmarks file."""


class TooNew(Exception):
    """The database file was written by a newer schema than this code knows."""


def primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(error: sqlite3.Error) -> bool:
    """Another connection holds the file: wait and retry, never treat it as damage."""
    return primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _companions(path: Path) -> list[tuple[Path, str]]:
    """The database file and its WAL/shared-memory files, with their name suffixes."""
    return [(path, ""), *((path.with_name(path.name + s), s) for s in ("-wal", "-shm"))]


def set_aside(path: Path, label: str, now: datetime) -> Path:
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


_SQLITE_HEADER = b"SQLite format 3\x00"
COLUMNS = "id, handbook, section_id, title, note, created, updated, position"


def connect(target: str | Path, busy_timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    connection = sqlite3.connect(target, timeout=busy_timeout, isolation_level=None)
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


def open_patiently(path: Path, patience: float) -> sqlite3.Connection:
    """`_open_checked`, retried while another process holds the file.

    SQLite's busy timeout covers most waits, but some (switching to WAL while another
    connection opens the file, a WAL recovery) return "busy" at once; those are
    retried here until `patience` runs out, and then the busy error is raised.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            return _open_checked(path, min(BUSY_TIMEOUT, patience))
        except sqlite3.Error as error:
            if not is_busy(error) or time.monotonic() >= deadline:
                raise
        time.sleep(_RETRY_PAUSE)


def _open_checked(path: Path, busy_timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """Connect, check the file is sound and ours, and bring its schema up to date."""
    if not _has_sqlite_header(path):
        # Checked before SQLite sees it: closing a connection to such a file deletes its
        # -wal file, which we want to keep with it.
        raise Unreadable("not an SQLite database")
    connection = connect(path, busy_timeout)
    try:
        _check_and_migrate(connection)
        # Later writes wait the full time, whatever the opening was allowed.
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
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
            raise Unreadable("; ".join(map(str, result[:3])))
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise TooNew(str(version))
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        migrate(connection)
        _check_tables(connection)
    except sqlite3.Error as error:
        if primary_code(error) in CANNOT_WRITE_CODES:
            raise
        raise Unreadable(str(error)) from error


def migrate(connection: sqlite3.Connection) -> None:
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
    connection.execute(f"SELECT {COLUMNS} FROM bookmarks LIMIT 0")
    connection.execute("SELECT handbook, key, value FROM state LIMIT 0")
