"""Sentences out of a block of text, and the small rewrites a voice needs to say them.

The split is deliberately simple: a sentence ends at `.`, `!` or `?` (and what closes
after it) when a capital letter, a digit or an opening mark (`¿`, `¡`, a quote) follows,
unless the word before is a known abbreviation ("Dr.", "e.g.").
"""

from __future__ import annotations

import re

# Abbreviations whose full stop does not end a sentence (lower case, without the dot).
ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "approx", "no", "fig",
     "sr", "sra", "dra", "p. ej", "ej", "pág", "núm", "u.s", "ee. uu", "ee.uu"}
)  # fmt: skip

_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")

# Said as words, per language: symbols a voice would skip or spell.
_SAY = {
    "en": (("e.g.", "for example"), ("i.e.", "that is"), ("&", " and "), ("%", " percent"),
           ("→", " to "), ("≈", " about ")),
    "es": (("p. ej.", "por ejemplo"), ("&", " y "), ("%", " por ciento"), ("→", " a "),
           ("≈", " aproximadamente ")),
}  # fmt: skip


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "¿¡\"“'‘(["


def _ends_with_abbreviation(text: str) -> bool:
    words = text.rstrip().rstrip(".").lower().split()
    if not words:
        return False
    last = words[-1].lstrip('("“')
    two = " ".join(words[-2:])
    return last in ABBREVIATIONS or two in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def split_sentences(text: str) -> list[str]:
    """`text` cut into sentences, each stripped; the words are kept exactly."""
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(text):
        piece = text[start : match.end()]
        rest = text[match.end() :]
        if not rest or not _starts_sentence(rest):
            continue
        if match.group().startswith(".") and _ends_with_abbreviation(piece):
            continue
        sentences.append(piece.strip())
        start = match.end()
    last = text[start:].strip()
    if last:
        sentences.append(last)
    return sentences


def spoken_form(text: str, language: str) -> str:
    """The sentence as a voice should get it: symbols in words, and an end mark so that
    headings and table cells get a falling tone and a pause."""
    for written, said in _SAY.get(language, _SAY["en"]):
        text = text.replace(written, said)
    text = " ".join(text.split())
    if text and text[-1] not in ".!?…:;":
        text += "."
    return text


def word_count(text: str) -> int:
    """Words as a listener hears them (what the speaking rate is measured in)."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))
