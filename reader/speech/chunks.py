"""A long sentence cut into pieces a voice can take in one go.

A handbook decides how long a sentence is, and a neural voice's memory grows with the
length of what it is given at once: Piper used about 1.4 GB for a 200-word sentence and
about 12 GB for 1,200 words (measured; README, "Read aloud"). So no voice is ever given
more than `MAX_VOICE_CHARS` characters: a longer sentence is cut after its last comma,
semicolon, colon or dash that fits, else at its last space that fits, else (one "word"
longer than the cap) at the cap itself. The reading script makes such a sentence into
sub-sentences cut the same way (reader/speech/script.py), so sound starts, the highlight
moves and Stop answers within one piece; a voice still cuts whatever it is given.

Letters joined by full stops ("a.b.c.", "e.g." over and over) are spaced out first
("a. b. c."), which a voice reads the same: past about 85 such letters in one clause,
eSpeak NG 1.51 (the program, and the copy inside Piper, which runs in the window's own
process) overflows a buffer and aborts ("stack smashing detected").
"""

from __future__ import annotations

import re

#: The most characters a voice is given at once: about 45 English words (eSpeak NG takes
#: well under a second). Piper cuts its pieces further, by the seconds of speech they
#: make (reader/speech/piper_voice.py, `max_phoneme_ids`), as its memory follows those.
MAX_VOICE_CHARS = 240

# A clause ends after one of these when a space follows: a natural place to pause.
_CLAUSE_MARKS = ",;:—–"
_CLAUSE_END = re.compile(rf"[{_CLAUSE_MARKS}]\s")
#: English words a phrase starts with: a reader who must take a breath mid-sentence
#: takes it before one of these ("a stem cell transplant | but have no matched donor"),
#: never between "stem" and "cell".
PHRASE_WORDS_EN = frozenset(
    ["and", "or", "but", "because", "so", "that", "which", "who", "whose", "whom", "where",
     "when", "while", "if", "unless", "than", "with", "without", "for", "to", "from", "in",
     "into", "of", "on", "at", "by", "as", "such", "including", "like", "after", "before",
     "until", "since", "following", "during", "between", "through", "about", "against",
     "within", "over", "under", "via", "using", "among"])  # fmt: skip
# A lone letter and its full stop, with a letter right after ("a.b", "e.g"; not "3.5").
_DOTTED_LETTER = re.compile(r"\b([^\W\d_])\.(?=[^\W\d_])")


def voice_chunks(text: str, limit: int = MAX_VOICE_CHARS) -> list[str]:
    """`text` as a voice should get it: in pieces of at most `limit` characters, cut
    where a reader would pause, with letters joined by full stops spaced out."""
    return cut_pieces(_DOTTED_LETTER.sub(r"\1. ", text), limit)


def cut_pieces(text: str, limit: int = MAX_VOICE_CHARS) -> list[str]:
    """`text` in pieces of at most `limit` characters, each stripped but otherwise as
    written (so a piece can be found on the page), cut where a reader would pause.

    Linear in the text's length: each piece reads at most `limit` characters of it."""
    if limit < 1:
        raise ValueError("the limit must be at least one character")
    pieces: list[str] = []
    start, length = 0, len(text)
    while start < length:
        if text[start].isspace():
            start += 1
            continue
        end = length if length - start <= limit else _cut(text, start, start + limit)
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """Where a piece that starts at `start` and may not pass `stop` ends: after the last
    clause mark before `stop`, else at the last space, else at `stop`."""
    window = text[start : stop + 1]  # one more: a space just after the cap still counts
    clause_ends = [match.end() - 1 for match in _CLAUSE_END.finditer(window)]
    if clause_ends:
        return start + clause_ends[-1]
    space = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
    if space > 0:
        return start + space
    return stop


def pause_cut(
    text: str, target: int, limit: int, phrase_words: frozenset[str], stretch: int = 0
) -> int:
    """Where a reader would break `text` into a first part of at most `limit`
    characters, near `target` characters: after a clause mark or before a bracket,
    else before one of `phrase_words`, else at a space, else at `limit`.

    Such a pause is looked for between 3/5 of `target` and `limit` first, then anywhere
    up to `stretch`; a plain space only where there is none. Of the places of the best
    kind, the one nearest `target`. Linear in the longer of `limit` and `stretch`."""
    limit = max(1, min(limit, len(text) - 1))
    stretch = max(limit, min(stretch, len(text) - 1))
    low = target * 3 // 5
    best: tuple[int, int, int, int] | None = None  # (rank, kind, distance, place)
    for place in range(1, stretch + 1):
        if not text[place].isspace() or text[place - 1].isspace():
            continue
        inside = low <= place <= limit
        kind = _pause_kind(text, place, phrase_words)
        if kind == 2 and place > limit:
            continue
        rank = (0 if inside else 1) if kind < 2 else (2 if inside else 3)
        candidate = (rank, kind, abs(place - target), place)
        best = candidate if best is None or candidate < best else best
    return limit if best is None else best[3]


def _pause_kind(text: str, place: int, phrase_words: frozenset[str]) -> int:
    """0 after a clause mark or before a bracket, 1 before a phrase word, 2 a space."""
    following = text[place + 1 : place + 16].split(maxsplit=1)
    word = following[0].strip("\"'“‘").casefold() if following else ""
    if text[place - 1] in _CLAUSE_MARKS or word.startswith("("):
        return 0
    return 1 if word in phrase_words else 2
