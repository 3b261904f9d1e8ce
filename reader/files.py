"""Reading handbook files safely, and the `Problem` records that report what is wrong."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """Something wrong in a handbook file, reported as `file:line: message`."""

    path: Path
    line: int
    message: str

    def format(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None and self.path.is_relative_to(root):
            shown = self.path.relative_to(root)
        return f"{shown}:{self.line}: {self.message}"


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


def slugify(text: str) -> str:
    """A readable, ASCII, lowercase id made of words and hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """A chapter's text, or None with a problem recorded. Bad bytes are replaced."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(path, 1, f"file is too large ({size // 1024} KB)"))
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(path, 1, "file not found"))
        return None
    except OSError as error:
        problems.append(Problem(path, 1, f"cannot read file: {error.strerror or error}"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(path, line, "text is not valid UTF-8; bad bytes were replaced"))
        return raw.decode("utf-8", errors="replace")
