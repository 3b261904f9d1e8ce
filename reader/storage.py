"""Writing our own files safely (atomic replacement), checksums for change and damage,
and naming the kind of thing found at a path."""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterable
from pathlib import Path


def checksum(chunks: Iterable[bytes]) -> str:
    """A 64-bit checksum (CRC-32 and Adler-32 side by side) of the bytes in `chunks`.

    For noticing change and damage (a cache key, a truncated index file), not for
    security. zlib is loaded already; hashlib would load OpenSSL, 4 MB and 7 ms."""
    crc, adler = 0, 1
    for chunk in chunks:
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    return f"{crc:08x}{adler:08x}"


def file_checksum(path: Path) -> str:
    """`checksum` of a file's bytes, read a megabyte at a time."""
    with path.open("rb") as stream:
        return checksum(iter(lambda: stream.read(1 << 20), b""))


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` through a temporary file beside `path`: readers see the old file or
    the new one, never half of one, and a failure leaves nothing behind. An existing
    file keeps its permissions. Raises OSError."""
    import tempfile  # not at start-up: it brings shutil, bz2, lzma and random

    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


_KINDS = (
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in plain words, from its `st_mode`."""
    return next((name for test, name in _KINDS if test(mode)), "special file")
