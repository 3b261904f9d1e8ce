"""The handbooks a reader opened, newest first: File > Open Recent, and which handbook
the window opens when no --handbook is given (the last one opened).

A small JSON list of folder paths in the config folder, written atomically. Losing it
costs only the menu, so read and write failures are never errors for the reader. A
handbook is remembered only once it has opened (reader/ui/app.py, File > Open), so one
that fails is never the one the next start tries first.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.storage import write_text_atomically

RECENT_FILE = "recent-handbooks.json"
MAX_RECENT = 8


def load_recent(folder: Path) -> list[Path]:
    """The remembered handbooks, newest first (ones that have gone are kept: a USB
    stick may come back; the menu shows them and opening says what is wrong)."""
    try:
        data = json.loads((folder / RECENT_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return []
    if not isinstance(data, list):
        return []
    # A NUL makes every file call on the path raise ValueError: no path has one.
    paths = [item for item in data if isinstance(item, str) and item and "\0" not in item]
    return [Path(item) for item in paths][:MAX_RECENT]


def remember_handbook(folder: Path, handbook: Path) -> list[Path]:
    """Put `handbook` first in the list and save it; the new list."""
    path = handbook.absolute()
    recent = [path, *(p for p in load_recent(folder) if p != path)][:MAX_RECENT]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(folder / RECENT_FILE, json.dumps([str(p) for p in recent]))
    except OSError:
        pass  # only the menu is lost
    return recent


def last_opened(folder: Path) -> Path | None:
    """The handbook opened last, if it is still there."""
    return next((p for p in load_recent(folder)[:1] if _exists(p)), None)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, a character the system refuses
        return False
