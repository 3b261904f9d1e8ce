"""The handbook's small TOML data files beside its manifest (`synonyms.toml`,
`pronunciation.toml`): read through the gate, and a broken file is one problem line,
never an error, so the handbook still opens without what it says."""

from __future__ import annotations

import tomllib
from pathlib import Path

from reader.handbook.gate import exists, read_text
from reader.problems import Problem


def parse_toml(text: str, path: Path, problems: list[Problem]) -> dict[str, object] | None:
    """The file's tables, or None (and a problem with its line) when it is not TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", 1) or 1
        problems.append(Problem(path, line, f"not valid TOML: {error}"))
        return None


def read_data_file(root: Path, path: Path, problems: list[Problem]) -> str | None:
    """The file's text through the gate; None when it is absent (no problem: the file is
    optional) or cannot be read (the gate's problem line)."""
    if not exists(root, path):
        return None
    return read_text(root, path, problems)
