"""The one gate every handbook file is read through."""

from __future__ import annotations

from pathlib import Path

from reader.problems import Problem

MAX_FILE_BYTES = 8 * 1024 * 1024


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
