"""Matching as a family types: without minding case or accents ("medula", "MÉDULA").

Families type on keyboards without accents, and a Spanish word typed plainly must find
the accented one everywhere they type: search, the glossary, its filter, find in page.
Plain Python, so the core and the window share it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def fold_accents(word: str) -> str:
    """ "médula" -> "medula", "niño" -> "nino": what a keyboard without accents types."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def folded(text: str) -> str:
    """`text` without accents, in case-folded form: for comparing what people type."""
    return fold_accents(text).casefold()


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each plain Latin letter and the accented letters that fold to it."""
    table: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = fold_accents(char)
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            table.setdefault(base.lower(), set()).update({char.lower(), char.upper()})
    return {base: "".join(sorted(chars)) for base, chars in table.items()}


def accent_blind_pattern(text: str) -> str:
    """A regular expression (for Python's `re` and Qt's QRegularExpression alike) that
    matches `text` whatever its accents; case is left to the caller's flag."""
    variants = _variants()
    parts = []
    for char in fold_accents(text):
        others = variants.get(char.lower())
        parts.append(f"[{re.escape(char)}{others}]" if others else re.escape(char))
    return "".join(parts)
