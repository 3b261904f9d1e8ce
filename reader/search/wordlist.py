"""Whether a typed word is a real word of the language, so "Did you mean" never swaps it.

A worried parent who types "cure" or "muerte" wrote a real word that the handbook
happens not to use; offering "care" or "fuerte" instead misleads. The word lists come
from `pyspellchecker` (MIT), which ships curated frequency lists for English, Spanish
and other languages as gzipped JSON (English 160,000 words, Spanish 86,000, each seen
at least 50 times in its corpus). We read the JSON ourselves: it is data, never code,
and it is loaded only when a correction is about to be offered.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from reader.folding import fold_accents

# The shipped lists are under 1.5 MB compressed and 6 MB of JSON; anything much larger
# is not the file we know, so it is refused before it is decoded.
MAX_LIST_BYTES = 24 * 1024 * 1024


def _list_file(language: str) -> bytes | None:
    """The list's JSON, found beside the package without importing it (its import
    builds a spell checker we do not use)."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "resources" / f"{language}.json.gz"
    try:
        with gzip.open(path) as text:
            data = text.read(MAX_LIST_BYTES + 1)
    except (OSError, EOFError):
        return None
    return data if len(data) <= MAX_LIST_BYTES else None


@lru_cache(maxsize=4)
def language_words(language: str) -> frozenset[str]:
    """The language's words, lower case and without accents; empty when none ships."""
    code = language.split("-")[0].split("_")[0].lower()
    data = _list_file(code)
    if data is None:
        return frozenset()
    try:
        counts = json.loads(data)
    except ValueError:
        return frozenset()
    if not isinstance(counts, dict):
        return frozenset()
    words = (str(word).casefold() for word in counts)
    return frozenset(word if word.isascii() else fold_accents(word) for word in words)


def is_word_of(language: str, word: str) -> bool:
    """True when `word` (any case, with or without accents) is in the language's list."""
    return fold_accents(word.casefold()) in language_words(language)
