"""Adds bookmarks to a store file in an endless loop, printing each committed id.

Run by tests/bookmarks/test_bookmarks.py as a child process that is then killed with SIGKILL,
to prove that every bookmark reported as saved is still there afterwards.
Usage: python bookmark_writer.py DATABASE_PATH
"""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from reader.bookmarks.store import BookmarkStore


def main(database: Path) -> None:
    store = BookmarkStore.open(database)
    if store.recovery_message:
        raise SystemExit(store.recovery_message)
    note = "a long note to make each write span several pages " * 200
    for number in count():
        bookmark = store.add("writer", f"chapter/section-{number}", f"Section {number}", note)
        store.set_note(bookmark.id, note[: number % 500])
        print(bookmark.id, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
