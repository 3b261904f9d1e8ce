"""Matching as a family types: without minding case or accents ("medula", "MÉDULA"),
nor the invisible characters a copied word can carry ("Inmu\u00adnodeficiencia").

Families type on keyboards without accents, and a Spanish word typed plainly must find
the accented one everywhere they type: search, the glossary, its filter, find in page.
A word pasted from a web page, a PDF or a narrow pane can hold format characters that
nobody sees (a soft hyphen, a zero-width space or joiner, a word joiner, a byte-order
mark): they are taken out, so the pasted word finds what the typed one does.
Plain Python, so the core and the window share it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def without_invisible(text: str) -> str:
    """`text` without format characters (Unicode's category Cf: U+00AD soft hyphen,
    U+200B zero-width space, U+200C/U+200D joiners, U+2060 word joiner, U+FEFF, the
    direction marks): they change how a word is drawn, never which word it is, and a
    search for "inmuno\u00addeficiencia" must not look for two words."""
    if text.isascii():
        return text  # what is typed, nearly always: no format character is ASCII
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def fold_accents(word: str) -> str:
    """ "médula" -> "medula", "niño" -> "nino": what a keyboard without accents types
    (and without the invisible characters of `without_invisible`)."""
    decomposed = unicodedata.normalize("NFKD", without_invisible(word))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def folded(text: str) -> str:
    """`text` without accents or invisible characters, case-folded: for comparing what
    people type."""
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


#: Between two letters of a pattern: any run of the invisible characters a page may
#: hold inside a word (soft hyphen, zero-width space, non-joiner, joiner, word joiner,
#: BOM), as the characters themselves: PCRE2 reads no "\u" escape.
INVISIBLE_CLASS = "[\u00ad\u200b-\u200d\u2060\ufeff]"
_INVISIBLE_RUN = INVISIBLE_CLASS + "*"


def invisible_blind_pattern(text: str) -> str:
    """A regular expression (for `re` and QRegularExpression) that matches `text` as
    written, also where the page has invisible characters inside its words: a search
    result's opening words, from the index (where they are gone), on a handbook's page
    that breaks "immuno&shy;deficiency" by hand."""
    return _INVISIBLE_RUN.join(re.escape(char) for char in without_invisible(text))


def accent_blind_pattern(text: str) -> str:
    """A regular expression (for Python's `re` and Qt's QRegularExpression alike) that
    matches `text` whatever its accents, and across invisible characters inside the
    page's words ("inmuno\u00addeficiencia"); case is left to the caller's flag."""
    variants = _variants()
    parts = []
    for char in fold_accents(text):
        others = variants.get(char.lower())
        parts.append(f"[{re.escape(char)}{others}]" if others else re.escape(char))
    return _INVISIBLE_RUN.join(parts)
