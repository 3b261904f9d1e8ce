"""One kiosk visit's traces in files: its temporary files (removed at the reset), the
countdown's seconds, and where a kiosk printout is saved (never a file browser)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from reader.kiosk.settings import KioskConfig


class VisitFiles:
    """Temporary files of one visit (e.g. a PDF spooled for the printer), in a private
    temp folder outside the user folders; `clear()` at reset removes them all."""

    def __init__(self, parent: Path | None = None) -> None:
        self._parent = parent
        self._folder: Path | None = None
        self._count = 0

    def new_path(self, suffix: str = ".pdf") -> Path:
        if self._folder is None or not self._folder.is_dir():
            self._folder = Path(tempfile.mkdtemp(prefix="handbook-kiosk-", dir=self._parent))
        self._count += 1
        return self._folder / f"visit-{self._count}{suffix}"

    @property
    def folder(self) -> Path | None:
        return self._folder

    def clear(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None


def seconds_left_text(remaining_ms: int) -> int:
    """Whole seconds shown on the countdown: 0.2 s left still shows 1."""
    return max(0, -(-remaining_ms // 1000))


def printout_name(now: datetime) -> str:
    return f"handbook-{now:%Y-%m-%d-%H%M}.pdf"


def unique_path(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `name-2`, `name-3`... when taken: never overwrite."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def kiosk_print_target(
    config: KioskConfig, now: Callable[[], datetime] = datetime.now
) -> Callable[[], Path | None]:
    """For the print dialog's `save_target`: a fresh file path in the configured folder
    each call, or None when the kiosk does not save printouts to a folder. No file
    browser is ever involved."""
    folder = config.print_folder

    def target() -> Path | None:
        if config.print_target != "folder" or folder is None:
            return None
        return unique_path(folder, printout_name(now()))

    return target
