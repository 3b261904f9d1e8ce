"""Where a word may break at the end of a line, by its language's hyphenation patterns,
so that a word wider than a list row breaks between syllables ("suficiente-mente",
"Acondiciona-miento") and not at whichever letter the row's edge falls on
("suficientem-ente").

The patterns are Pyphen's: LibreOffice's hyphenation dictionaries, read by Liang's
method (the one TeX uses), for some 80 languages; a language with none breaks by
letters. They are Pyphen's own files, never a handbook's, so nothing a handbook brings
is read here. Reading a language's patterns takes 5-60 ms for most languages and about
0.5 s for German, so the window reads them on a thread (`load`) when a word first needs
them and breaks by letters until then.
"""

from __future__ import annotations

import threading
from typing import Protocol


class _Patterns(Protocol):
    def positions(self, word: str) -> list[int]: ...


_loaded: dict[str, _Patterns | None] = {}  # language code -> its patterns (None: none)
_lock = threading.Lock()


def break_points(word: str, language: str) -> tuple[int, ...] | None:
    """The places (letter offsets) where `word` may break with a hyphen in `language`;
    () for a language without patterns, None while its patterns are not read yet."""
    if language not in _loaded:
        return None
    patterns = _loaded[language]
    return tuple(patterns.positions(word)) if patterns is not None else ()


def load(language: str) -> None:
    """Read `language`'s patterns, once (on a worker thread: see the module)."""
    with _lock:
        if language not in _loaded:
            _loaded[language] = _read(language)


def _read(language: str) -> _Patterns | None:
    import pyphen  # 20 ms, and only at a text size where a word is too wide

    found = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=found) if found else None
