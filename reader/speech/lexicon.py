"""How the voice says the handbook's hard words: a pronunciation lexicon kept as data.

Both voices misread words a family hears often ("lentiviral", "busulfan", "ADA-SCID",
brand names, Spanish "EE. UU." and "EICH"). Which word is said how is a matter of the
handbook's language and content, not of code, so each language folder may hold a
`pronunciation.toml` (format: handbook/README.md, "Pronunciation"):

    [say]
    "ADA-SCID" = "A D A skid"        # written form = what the voice is given

It changes only what is spoken: each sentence keeps its shown words, which the window
finds on the page and highlights. A written form in lower case matches whatever its
case; one with a capital matches only as written. Whole words only, longest first.
The same pass also drops write-in lines ("____________") and reads a slash between
two words as a space ("CRISPR/Cas", "EMA/CHMP"), which both voices otherwise say.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from reader.handbook import Handbook
from reader.handbook.data_files import parse_toml, read_data_file
from reader.problems import Problem

PRONUNCIATION_FILE = "pronunciation.toml"
# Far above any real list (the bundled ones hold about 20 words each); a file past
# these is cut, with a problem line, before any pattern is built from it.
MAX_LEXICON_ENTRIES = 2_000
MAX_WRITTEN_CHARS = 60
MAX_SAID_CHARS = 120

_WRITE_IN = re.compile(r"_{2,}")
_SLASH_BETWEEN_WORDS = re.compile(r"(?<=[^\W\d_])/(?=[^\W_])")


@dataclass(frozen=True)
class Entry:
    written: str
    said: str
    line: int


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The entries of one language's `pronunciation.toml` (none: only the general rules)."""

    entries: tuple[Entry, ...] = ()
    path: Path | None = None
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _said: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.entries:
            return
        said: dict[str, str] = {}
        alternatives: list[str] = []
        for entry in sorted(self.entries, key=lambda e: -len(e.written)):
            key = _key(entry.written)
            if key in said:
                continue
            said[key] = entry.said
            body = re.escape(entry.written)
            alternatives.append(f"(?i:{body})" if entry.written.islower() else body)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_said", said)

    def matches(self, text: str) -> set[str]:
        """The written forms (as keys: see `_key`) that occur in `text`."""
        if self._pattern is None:
            return set()
        return {_key(match.group(0)) for match in self._pattern.finditer(text)}

    def key_of(self, entry: Entry) -> str:
        return _key(entry.written)

    def spoken(self, text: str) -> str:
        """`text` as the voice should get it: entries replaced, write-in lines dropped,
        a slash between words read as a space. Linear in the text's length."""
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: self._said.get(_key(m.group(0)), m.group(0)), text)
        text = _SLASH_BETWEEN_WORDS.sub(" ", _WRITE_IN.sub(" ", text))
        return " ".join(text.split())


def _key(written: str) -> str:
    """An entry's identity: lower-case words as written, so "Busulfan" finds "busulfan".
    (An entry with a capital matches only as written, so its key is never ambiguous.)"""
    return written.casefold()


def lexicon_path(handbook: Handbook) -> Path:
    """The language's file: beside the main manifest, or in the translation's folder."""
    translated = handbook.base_language and handbook.language != handbook.base_language
    folder = handbook.root / handbook.language if translated else handbook.root
    return folder / PRONUNCIATION_FILE


_LEXICONS: weakref.WeakKeyDictionary[Handbook, Lexicon] = weakref.WeakKeyDictionary()


def load_lexicon(handbook: Handbook, problems: list[Problem] | None = None) -> Lexicon:
    """The handbook's lexicon for its language, read through the gate; a missing file
    is an empty lexicon and a broken one a problem line, never an error.

    Without `problems` (reading aloud) it is read and compiled once per handbook, not
    for every section read; `check` passes `problems` and gets a fresh read."""
    if problems is None and (cached := _LEXICONS.get(handbook)) is not None:
        return cached
    found = [] if problems is None else problems
    path = lexicon_path(handbook)
    text = read_data_file(handbook.root, path, found)
    lexicon = Lexicon() if text is None else parse_lexicon(text, path, found)
    if problems is None:
        _LEXICONS[handbook] = lexicon
    return lexicon


def parse_lexicon(text: str, path: Path, problems: list[Problem]) -> Lexicon:
    """The `[say]` table's entries; each bad one is a problem line and left out."""
    data = parse_toml(text, path, problems)
    if data is None:
        return Lexicon(path=path)
    table = data.get("say", {})
    if not isinstance(table, dict):
        problems.append(Problem(path, 1, '[say] must be a table of "written" = "said"'))
        return Lexicon(path=path)
    lines = _key_lines(text)
    entries: list[Entry] = []
    for written, said in table.items():
        line = lines.get(written, 1)
        if len(entries) >= MAX_LEXICON_ENTRIES:
            message = f"more than {MAX_LEXICON_ENTRIES} words; the rest left out"
            problems.append(Problem(path, line, message))
            break
        message = _entry_problem(written, said)
        if message:
            problems.append(Problem(path, line, message))
            continue
        entries.append(Entry(" ".join(written.split()), " ".join(said.split()), line))
    return Lexicon(tuple(entries), path)


def _entry_problem(written: str, said: object) -> str:
    if not isinstance(said, str) or not said.strip() or not written.strip():
        return f"'{written[:40]}' must be given the words to say"
    if len(written) > MAX_WRITTEN_CHARS or len(said) > MAX_SAID_CHARS:
        limits = f"{MAX_WRITTEN_CHARS} characters written, {MAX_SAID_CHARS} said"
        return f"'{written[:40]}' is too long (at most {limits})"
    return ""


def _key_lines(text: str) -> dict[str, int]:
    """Each key's line (`busulfan = …`, `"ADA-SCID" = …`), in one pass over the file:
    for `check`'s reports. A key written otherwise is reported on line 1."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        key, equals, _ = line.partition("=")
        if equals:
            lines.setdefault(key.strip().strip("\"'"), number)
    return lines
