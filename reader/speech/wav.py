"""Writing a WAV file to a path the user chose, safely.

The file is written beside the target under a temporary name and renamed over it, so a
failure never leaves half a file; a target that exists but is not a regular file (a
folder, a device, a pipe) is refused, never replaced. Small and self-contained so the
shared safe-output helper can take its place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import wave
from pathlib import Path


class OutputRefused(Exception):
    """The target cannot be written; the message is one plain line."""


def _check_target(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputRefused(f"{path} exists and is not a regular file; choose a file name")
    if not path.parent.is_dir():
        raise OutputRefused(f"cannot write {path}: the folder {path.parent} does not exist")


def write_wav(path: Path, samples: bytes, sample_rate: int) -> Path:
    """16-bit mono `samples` as a WAV file at `path`; returns the path written."""
    _check_target(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as raw, wave.open(raw, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(sample_rate)
            out.writeframes(samples)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    return path
