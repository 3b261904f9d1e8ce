"""Writing to a path the user chose (a PDF, a bookmarks export): never clobber a non-file.

A chosen path may already hold anything: a file (replaced atomically, so a failure
keeps the old one), a symbolic link (written through to the regular file it points to,
so the link stays a link), or something that is not a file at all: a device such as
/dev/full, a named pipe, a socket, a folder, a link loop or a link to nothing. Those
are refused with `OutputRefused` before any work is done, and never replaced.
Every writer of user-chosen paths goes through `write_atomically` here.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader.storage import kind_of


class OutputRefused(Exception):
    """The path holds something a save must not replace; `what` says what, in words."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path} is {what}, not a file, so it was not replaced")
        self.path = path
        self.what = what


def output_target(out: Path) -> Path:
    """The regular file a write to `out` should replace: `out` itself, or the file a
    link at `out` points to. Raises OutputRefused for anything else, FileNotFoundError
    if the folder is missing."""
    out = Path(out)
    try:
        link = os.lstat(out)
    except FileNotFoundError:
        if not out.parent.is_dir():
            raise
        return out
    if not stat.S_ISLNK(link.st_mode):
        _require_regular(out, link.st_mode)
        return out
    target = Path(os.path.realpath(out))
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        raise OutputRefused(out, "a link to nothing") from None
    if stat.S_ISLNK(mode):
        raise OutputRefused(out, "a link loop")
    _require_regular(out, mode)
    return target


def _require_regular(out: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise OutputRefused(out, f"a {kind_of(mode)}")


def write_atomically(
    out: Path, data: bytes, *, suffix: str = ".part", check: Callable[[Path], None] | None = None
) -> Path:
    """Write `data` in place of the file at `out` (see `output_target`), all or nothing:
    a temporary file beside it (named `.<name>.<random><suffix>`) is synced, given to
    `check` (which raises to stop), and renamed over it only once complete and checked.
    An existing file keeps its permissions. Returns the file written. Raises
    OutputRefused, OSError or what `check` raises; on failure nothing is left behind."""
    target = output_target(out)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    temp: Path | None = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(name, mode)
        if check is not None:
            check(Path(name))
        if output_target(out) != target:  # swapped for something else meanwhile
            raise OutputRefused(out, "something that changed while saving")
        os.replace(name, target)
        temp = None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return target
