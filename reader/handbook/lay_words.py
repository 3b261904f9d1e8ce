"""The words families type for what the handbook names otherwise, kept as data.

A parent types "price", "muerte" or "cubrebocas"; the handbook says "cost", "morir" or
"mascarilla". Which everyday word leads to which handbook words is a matter of the
handbook's language and content, not of code, so it lives beside the glossary in
`synonyms.toml` (each language folder has its own):

    try = ["risks", "side effects", "cost"]      # offered after a search finds nothing

    [words]
    price = ["cost", "expensive"]                # typed word = handbook words or phrases

Search looks for the handbook words too, a little less strongly than the word typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.handbook.data_files import parse_toml, read_data_file
from reader.problems import Problem

SYNONYMS_FILE = "synonyms.toml"
# Far above any real list (the bundled ones hold about 150 words each); a file past
# these is cut, with a problem line, before the search planner ever sees it.
MAX_LAY_WORDS = 5_000
MAX_MEANINGS = 12
MAX_TRY_WORDS = 8
MAX_WORD_LENGTH = 60


@dataclass(frozen=True, eq=False)
class LayWords:
    """Typed word (case-folded) to handbook words; and words to try after no results."""

    meanings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    try_words: tuple[str, ...] = ()
    path: Path | None = None

    def meaning_of(self, typed: str) -> tuple[str, ...]:
        return self.meanings.get(typed.casefold(), ())


def _words(value: object, limit: int) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    kept = [" ".join(v.split()) for v in value if v.strip() and len(v) <= MAX_WORD_LENGTH]
    return tuple(dict.fromkeys(kept))[:limit]


def parse_lay_words(text: str, path: Path, problems: list[Problem]) -> LayWords:
    """The file's words; a broken file or entry is a problem line, never an error."""
    data = parse_toml(text, path, problems)
    if data is None:
        return LayWords(path=path)
    try_words = _words(data.get("try", []), MAX_TRY_WORDS)
    if try_words is None:
        problems.append(Problem(path, 1, "'try' must be a list of words"))
        try_words = ()
    table = data.get("words", {})
    if not isinstance(table, dict):
        problems.append(Problem(path, 1, "[words] must be a table of word = [handbook words]"))
        table = {}
    meanings: dict[str, tuple[str, ...]] = {}
    for typed, value in table.items():
        if len(meanings) >= MAX_LAY_WORDS:
            problems.append(Problem(path, 1, f"more than {MAX_LAY_WORDS} words; the rest left out"))
            break
        means = _words(value, MAX_MEANINGS)
        if means is None or not typed.strip() or len(typed) > MAX_WORD_LENGTH:
            problems.append(Problem(path, 1, f"'{typed[:40]}' must name a list of words"))
            continue
        meanings[" ".join(typed.split()).casefold()] = means
    return LayWords(meanings, try_words, path)


def load_lay_words(root: Path, problems: list[Problem]) -> LayWords:
    """`synonyms.toml` beside the manifest, read through the gate; none is no words."""
    path = root / SYNONYMS_FILE
    text = read_data_file(root, path, problems)
    return LayWords() if text is None else parse_lay_words(text, path, problems)
