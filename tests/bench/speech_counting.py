"""How the word-error benchmarks count: what the recogniser wrote and what the voice was
meant to say, both made into words the same way, then word edits between them.

Two countings, reported side by side:
- `whisper` (the default): Whisper's own English text normaliser (vendored from
  openai-whisper, tests/bench/whisper_normalizers/, MIT), the standard way Whisper's word
  error is reported: British spellings as American ones, numbers in words as digits
  ("twenty two per cent" and "22%" alike), contractions spelled out, hyphens and other
  symbols as spaces. One change: words in brackets count (the handbook says them;
  Whisper's normaliser drops them as a transcript's notes). A compound heard as two
  words ("chicken pox") is an error, as in Whisper's own evaluation.
- `before`: this benchmark's first counting, kept to compare with earlier figures: its
  own normaliser (numbers under 100 as digits, "%" as "percent", letters and digits
  apart) and two heard words that make one written word counted as one
  ("chicken pox" for "chickenpox").

Not collected by pytest; used by speech_bench.py --wer, speech_wer_sweep.py and
speech_wer_errors.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

COUNTINGS = ("whisper", "before")

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: Numbers said in words, as digits: a recogniser writes "nine" or "9" as it likes.
_NUMBER_WORDS = {word: str(n) for n, word in enumerate(_UNITS)} | {
    word: str(20 + 10 * n) for n, word in enumerate(_TENS)
}


def words_before(text: str) -> list[str]:
    """The first counting's words: lower case, punctuation and hyphens as spaces, "%" as
    a word, numbers under 100 as digits ("twenty two" and "22" alike), a space where
    letters meet digits ("LAD1" and "LAD-1" alike; not "3rd" or "1980s")."""
    text = text.lower().replace("%", " percent ").replace("’", "'")
    text = re.sub(r"([a-z])([0-9])", r"\1 \2", text)
    text = re.sub(r"([0-9])([a-z])", r"\1 \2", text)
    text = re.sub(r"([0-9])\s+(st|nd|rd|th|s)\b", r"\1\2", text)
    words = [_NUMBER_WORDS.get(w, w) for w in re.sub(r"[^\w\s']|_", " ", text).split()]
    joined: list[str] = []
    for word in words:
        tens = joined[-1] if joined else ""
        if (
            len(tens) == 2
            and tens[0] in "23456789"
            and tens[1] == "0"
            and (len(word) == 1 and word in "123456789")
        ):
            joined[-1] = tens[0] + word  # "twenty two": 22
            continue
        joined.append(word)
    return joined


@cache
def _whisper_normaliser() -> Callable[[str], str]:
    from tests.bench.whisper_normalizers import EnglishTextNormalizer

    return EnglishTextNormalizer()  # type: ignore[no-any-return]


#: Brackets as spaces: Whisper's normaliser drops what is between brackets, taking it for
#: a transcript's notes ("(laughs)"); in the handbook it is said ("(3 of 62 children in
#: the largest study)"), so it counts, in what is meant and in what is heard alike.
_BRACKETS = str.maketrans("()[]<>", "      ")


def whisper_words(text: str) -> list[str]:
    """Words as Whisper's own English normaliser leaves them (brackets kept as words)."""
    return _whisper_normaliser()(text.replace("’", "'").translate(_BRACKETS)).split()


def counted_words(text: str, counting: str = "whisper") -> list[str]:
    """`text` as words to compare, by `counting` ("whisper" or "before")."""
    return whisper_words(text) if counting == "whisper" else words_before(text)


def heard_words(reference: list[str], heard_text: str, counting: str = "whisper") -> list[str]:
    """What the recogniser wrote, as words counted against `reference`."""
    heard = counted_words(heard_text, counting)
    return heard if counting == "whisper" else _joined_as_written(reference, heard)


def _joined_as_written(reference: list[str], heard: list[str]) -> list[str]:
    """Two heard words that make one word of the reference, as one ("chicken pox" for
    "chickenpox"): the first counting took how a word is split as the recogniser's
    spelling, not the voice's."""
    vocabulary = set(reference)
    out: list[str] = []
    index = 0
    while index < len(heard):
        pair = "".join(heard[index : index + 2])
        if index + 1 < len(heard) and heard[index] not in vocabulary and pair in vocabulary:
            out.append(pair)
            index += 2
            continue
        if index + 1 < len(heard) and pair in vocabulary and heard[index + 1] not in vocabulary:
            out.append(pair)
            index += 2
            continue
        out.append(heard[index])
        index += 1
    return out


def word_error(reference: list[str], heard: list[str]) -> float:
    """Word error rate: word edits (Levenshtein) over the reference's words."""
    row = list(range(len(heard) + 1))
    for i, word in enumerate(reference, start=1):
        diagonal, row[0] = row[0], i
        for j, other in enumerate(heard, start=1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (word != other))
    return row[len(heard)] / max(1, len(reference))


def aligned(reference: list[str], heard: list[str]) -> list[tuple[str, int, int]]:
    """One least-edit alignment, as (kind, reference index, heard index) for each edit:
    "sub", "del" (a reference word not heard; heard index where it would be) or "ins"
    (a heard word with no reference word; reference index where it would be)."""
    rows = [list(range(len(heard) + 1))]
    for i, word in enumerate(reference, start=1):
        row = [i]
        for j, other in enumerate(heard, start=1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (word != other)))
        rows.append(row)
    edits: list[tuple[str, int, int]] = []
    i, j = len(reference), len(heard)
    while i or j:
        if i and j and rows[i][j] == rows[i - 1][j - 1] + (reference[i - 1] != heard[j - 1]):
            if reference[i - 1] != heard[j - 1]:
                edits.append(("sub", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + 1:
            edits.append(("del", i - 1, j))
            i -= 1
        else:
            edits.append(("ins", i, j - 1))
            j -= 1
    return edits[::-1]


def count_lexicon_words(
    lexicon: object,
    reference: list[str],
    heard: list[str],
    counts: dict[str, list[int]],
    counting: str = "whisper",
) -> None:
    """For each lexicon word: how often it is on the page, and how often heard (capped
    at the page's count), compared as words."""
    text, said = " ".join(reference), " ".join(heard)
    for entry in lexicon.entries:  # type: ignore[attr-defined]
        words = " ".join(counted_words(entry.written, counting))
        pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
        on_page = len(pattern.findall(text))
        if on_page:
            count = counts.setdefault(entry.written, [0, 0])
            count[0] += min(on_page, len(pattern.findall(said)))
            count[1] += on_page


def transcribe(model: object, wav: str, hotwords: str | None = None) -> str:
    """What the recogniser writes; `hotwords` (the lexicon's written forms) stands for a
    listener who has read the handbook and knows the names exist."""
    segments, _ = model.transcribe(  # type: ignore[attr-defined]
        wav, language="en", beam_size=5, hotwords=hotwords
    )
    return " ".join(segment.text for segment in segments)


class Tally:
    """Word error over several sections by one counting: per section, overall, against
    the respellings the voice was given, and the lexicon's words heard as written."""

    def __init__(self, lexicon: object, counting: str = "whisper") -> None:
        self.lexicon, self.counting = lexicon, counting
        self.by_section: dict[str, float] = {}
        self.errors = self.errors_as_given = 0.0
        self.words = 0
        self.lexicon_heard: dict[str, list[int]] = {}

    def add(self, section: str, written: str, spoken: str, heard_text: str) -> None:
        """One section: `written` is what the voice is meant to say (the page's words),
        `spoken` what it was given (the lexicon's respellings), `heard_text` what the
        recogniser wrote. Against the respellings ("skid" for "SCID") what is left is
        the voice's own error, not the recogniser's spelling of rare words."""
        reference = counted_words(written, self.counting)
        given = counted_words(spoken, self.counting)
        heard = heard_words(reference, heard_text, self.counting)
        error = word_error(reference, heard)
        as_given = word_error(given, heard_words(given, heard_text, self.counting))
        self.by_section[section] = round(100 * error, 1)
        self.errors += error * len(reference)
        self.errors_as_given += as_given * len(given)
        self.words += len(reference)
        count_lexicon_words(self.lexicon, reference, heard, self.lexicon_heard, self.counting)

    def report(self) -> dict[str, object]:
        return {
            "counting": self.counting,
            "wer_pct": round(100 * self.errors / max(1, self.words), 2),
            "wer_pct_by_section": self.by_section,
            "words": self.words,
            "wer_pct_against_respellings": round(
                100 * self.errors_as_given / max(1, self.words), 2
            ),
            "lexicon_words_heard_as_written": {
                word: f"{heard}/{said}" for word, (heard, said) in self.lexicon_heard.items()
            },
        }
