"""Sentences out of a block of text, and the small rewrites a voice needs to say them.

The split is deliberately simple: a sentence ends at `.`, `!` or `?` (and what closes
after it) when a capital letter, a digit or an opening mark (`¿`, `¡`, a quote) follows,
unless the word before is a known abbreviation ("Dr.", "e.g.").

It is linear in the text's length, whatever the text: a run of end marks is tried once
from its first mark (never again from each mark inside it), and each candidate end looks
only at the next character and at a short window before it, never at the whole
sentence so far. A handbook decides the text, so this matters: "X. a. " repeated, where
no end is a sentence end, used to cost time quadratic in the paragraph's length.
"""

from __future__ import annotations

import re

# Abbreviations whose full stop does not end a sentence (lower case, without the dot).
ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "approx", "no", "fig",
     "sr", "sra", "dra", "p. ej", "ej", "pág", "núm", "u.s"}
)  # fmt: skip

# Abbreviations written as two words ("EE. UU.", "p. ej."): no full stop inside one ends a
# sentence, whatever follows it (lower case, with the full stops, one space between).
# After the whole of one, a capital starts a new sentence as after any word ("... en los
# EE. UU. Esta sección ..."); "p. ej." stays in ABBREVIATIONS, as its example follows.
SPACED_ABBREVIATIONS = ("ee. uu.", "p. ej.", "e. g.", "i. e.", "a. m.", "p. m.", "a. c.", "d. c.")
_SPACED_REACH = max(len(a) for a in SPACED_ABBREVIATIONS)

# An end mark run (tried only from its first mark, and never given back), what closes
# after it, then the space before the next sentence; group 1 is the run and its closers.
_END = re.compile(r"(?<![.!?…])([.!?…]++[\"'”’)\]]*+)\s+")

#: Characters before an end mark that can hold the abbreviation before it: longer than
#: any two words of ABBREVIATIONS, so a longer word cannot be one.
_ABBREVIATION_WINDOW = 32

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


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, which ends with a full stop, ends with an abbreviation.

    Only a short window before `end` is read (a word cut by its left edge is left out),
    so the cost does not grow with the sentence."""
    window_start = max(start, end - _ABBREVIATION_WINDOW)
    words = text[window_start:end].rstrip(".").lower().split()
    if window_start > start and not text[window_start - 1].isspace() and words:
        words = words[1:]  # the window's edge cut this word: it is too long to matter
    if not words:
        return False
    last = words[-1].lstrip('("“')
    two = " ".join(words[-2:])
    return last in ABBREVIATIONS or two in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _inside_spaced_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop just before `end` is the first of a two-word abbreviation
    ("EE." of "EE. UU."). Reads at most a few characters either side of `end`."""
    before = text[max(0, end - _SPACED_REACH) : end].lower()
    after = " " + " ".join(text[end : end + _SPACED_REACH + 4].lower().split())
    for abbreviation in SPACED_ABBREVIATIONS:
        first, second = abbreviation.split(" ", 1)
        word_start = len(before) - len(first)
        starts_word = word_start == 0 or (word_start > 0 and not before[word_start - 1].isalnum())
        if before.endswith(first) and starts_word and after.startswith(" " + second):
            return True
    return False


def split_sentences(text: str) -> list[str]:
    """`text` cut into sentences, each stripped; the words are kept exactly."""
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(text):
        after = match.end()
        if after == len(text) or not _starts_sentence(text[after : after + 1]):
            continue
        if match.group(1).startswith(".") and (
            _ends_with_abbreviation(text, start, match.end(1))
            or _inside_spaced_abbreviation(text, match.end(1))
        ):
            continue
        sentences.append(text[start:after].strip())
        start = after
    last = text[start:].strip()
    if last:
        sentences.append(last)
    return sentences


def spoken_form(text: str, language: str, *, end_mark: bool = True) -> str:
    """The sentence as a voice should get it: symbols in words, and an end mark so that
    headings and table cells get a falling tone and a pause (`end_mark=False` for a
    piece of a longer sentence, which goes on)."""
    for written, said in _SAY.get(language, _SAY["en"]):
        text = text.replace(written, said)
    text = " ".join(text.split())
    if end_mark and text and text[-1] not in ".!?…:;":
        text += "."
    return text


def word_count(text: str) -> int:
    """Words as a listener hears them (what the speaking rate is measured in)."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))
