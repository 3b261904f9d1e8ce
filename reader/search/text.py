"""Words for search: the analyzer, British-to-American spelling, Markdown to plain text,
and the spelling corrector over the handbook's own vocabulary.

Everything here is pure Python and Whoosh analysis; nothing opens an index. The same
analyzer runs over the text at build time and over the query at search time, so a
British spelling, a plural or a capitalised word meets its American, singular,
lower-case form in the index.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from whoosh.analysis import (
    STOP_WORDS,
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.support.charset import accent_map

from reader.folding import without_invisible

WORD = re.compile(r"\w+")
WORD_PATTERN = r"\w+"

# --- British to American spelling ------------------------------------------------------
# Applied to every token on both sides (text and query), so an over-eager rule only ever
# merges two spellings; it can never hide a word. Kept small and readable on purpose.

_CONSONANT = "bcdfghjklmnpqrstvwxyz"
# tumour, colour, behaviour, favourite (not four, hour, your, tour: too short)
_OUR = re.compile(r"(?<=\w[a-z]{2})our(s|ed|ing|able|ably|ite|ites|ful|less|er|ers)?$")
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # haemophilia, leukaemia, paediatric, anaesthetic, caesarean
    (re.compile(rf"(?<=[{_CONSONANT}])ae(?=[{_CONSONANT}])"), "e"),
    # oesophagus, oestrogen, oedema
    (re.compile(r"^oe(?=[dsn])"), "e"),
    # diarrhoea, foetus, manoeuvre
    (re.compile(r"oea(s?)$"), r"ea\1"),
    (re.compile(r"^foet"), "fet"),
    (re.compile(r"^manoeuvr"), "maneuver"),
    (_OUR, r"or\1"),
    # organise, specialised, minimising, hospitalisation
    (re.compile(r"(?<=\w\w)is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    # analyse, paralysed
    (re.compile(r"(?<=\w\w)ys(e|ed|es|ing)$"), r"yz\1"),
    # centre, litre, fibre
    (re.compile(r"(?<=\w\w)(t|b)re(s|d)?$"), r"\1er\2"),
    # catalogue, dialogue
    (re.compile(r"(?<=\w\w)ogue(s)?$"), r"og\1"),
    # counselling, travelled, labelled
    (
        re.compile(
            r"^(counsel|travel|label|model|cancel|fuel|signal|level|total)l(ed|ing|ings|or|ors|er|ers)$"
        ),
        r"\1\2",
    ),
    # defence, licence, offence
    (re.compile(r"^(defen|licen|offen|preten)ce(s?)$"), r"\1se\2"),
    (re.compile(r"^programme(s?)$"), r"program\1"),
    (re.compile(r"^grey"), "gray"),
)
_NOT_OUR = frozenset({"detour", "detours", "devour", "devours", "contour", "contours"})


@lru_cache(maxsize=20000)
def american_spelling(word: str) -> str:
    """The American spelling of one lower-case word (or the word itself)."""
    if len(word) < 4 or not word.isalpha():
        return word
    for pattern, replacement in _SPELLING_RULES:
        if pattern is _OUR and word in _NOT_OUR:
            continue
        word = pattern.sub(replacement, word)
    return word


class AmericanSpellingFilter(Filter):
    """Whoosh filter: British spellings become American ones before stemming."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = american_spelling(token.text)
            yield token


# Whoosh's list plus the question words families start with ("how long in hospital").
_QUESTION_WORDS = (
    "about also any been could did do does he her his how i into its me my our she "
    "should so than their them then there they was were what where which who why would"
)
SEARCH_STOP_WORDS = STOP_WORDS | frozenset(_QUESTION_WORDS.split())


def search_analyzer(language: str = "en") -> Analyzer:
    """Words, lower case, accents folded, American spelling, no stop words, stemmed;
    Spanish words get Spanish stems and stop words instead (reader/search/spanish.py)."""
    if language.split("-")[0].lower() == "es":
        from reader.search.spanish import spanish_analyzer

        return spanish_analyzer(WORD_PATTERN)
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | AmericanSpellingFilter()
        | StopFilter(stoplist=SEARCH_STOP_WORDS, minsize=2)
        | StemFilter(cachesize=50000)
    )


class WordStems:
    """The stem of any single word, through the search analyzer, remembered."""

    def __init__(
        self, known: dict[str, str] | None = None, limit: int = 100_000, language: str = "en"
    ) -> None:
        self._analyzer = search_analyzer(language)
        self._known: dict[str, str | None] = dict(known or {})
        self._limit = limit

    def __call__(self, word: str) -> str | None:
        """The stem of `word`, or None for a stop word or a word too short to index."""
        lowered = word.lower()
        try:
            return self._known[lowered]
        except KeyError:
            pass
        stems = [token.text for token in self._analyzer(lowered)]
        stem = stems[0] if len(stems) == 1 else None
        if len(self._known) < self._limit:
            self._known[lowered] = stem
        return stem

    def many(self, words: list[str]) -> list[str | None]:
        """The stems of many words at once (the fast path for snippets)."""
        known = self._known
        lowered = [word.lower() for word in words]
        return [known[word] if word in known else self(word) for word in lowered]

    def phrase(self, text: str) -> tuple[str, ...]:
        """The stems of a run of words, stop words left out."""
        return tuple(token.text for token in self._analyzer(text))


# --- Markdown to plain text ----------------------------------------------------------
# A regex strip instead of the full renderer: the renderer costs about 1 ms a section
# (10 s at 100 times the handbook), the strip about 30 µs, and search only needs words.

_FENCE_LINE = re.compile(r"^[ \t]*(```|~~~).*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_REF_DEFINITION = re.compile(r"^[ \t]*\[[^\]]+\]:.*$", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{[:#.][^}]*\}")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->", re.DOTALL)
# Elements the renderer drops with their content (see render.sanitize): their text is
# never on the page, so a search must not find it (or show a script in a snippet).
# One left open hides everything after it, as it does on the page.
_HIDDEN_ELEMENT = re.compile(
    r"<(script|style|iframe|object|embed|template)\b[^>]*>(?:.*?</\1\s*>|.*)",
    re.DOTALL | re.IGNORECASE,
)
_HEADING_MARK = re.compile(r"^[ \t]*#{1,6}[ \t]*", re.MULTILINE)
_QUOTE_MARK = re.compile(r"^[ \t]*(>[ \t]?)+", re.MULTILINE)
_LIST_MARK = re.compile(r"^[ \t]*([-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_ADMONITION = re.compile(r'^[ \t]*!!![ \t]*\w+[ \t]*(?:"([^"]*)")?', re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t|:\-]+$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|`+)")
_PIPE = re.compile(r"[ \t]*\|[ \t]*")
_BLANKS = re.compile(r"[ \t]+")
_LINE_END_BLANKS = re.compile(r"[ \t]+\n")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def markdown_to_plain(markdown: str) -> str:
    """The readable words of a Markdown fragment: no marks, links as their text."""
    text = _FENCE_LINE.sub("", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _REF_DEFINITION.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _HIDDEN_ELEMENT.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ADMONITION.sub(r"\1", text)
    text = _HEADING_MARK.sub("", text)
    text = _QUOTE_MARK.sub("", text)
    text = _LIST_MARK.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _PIPE.sub(" ", text)
    text = without_invisible(html.unescape(text))  # "inmuno&shy;deficiencia": one word
    text = _LINE_END_BLANKS.sub("\n", _BLANKS.sub(" ", text))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


# --- Spelling correction -------------------------------------------------------------


def osa_distance(a: str, b: str, limit: int) -> int:
    """Edit distance where swapping two neighbouring letters counts as one edit.

    Stops early and returns `limit + 1` once the distance must exceed `limit`.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous_previous[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[len(b)]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def max_edits_for(word: str) -> int:
    """How many typing mistakes a word of this length may carry and still be corrected."""
    if len(word) < 3:
        return 0
    return 1 if len(word) <= 5 else 2


class SpellingCorrector:
    """Finds the handbook words closest to a misspelled one.

    Each vocabulary word is stored under itself and its one-letter deletions; a query
    word is looked up under itself and its one- and two-letter deletions. That finds
    every word one edit away (a swap of two letters counts as one) and most words two
    edits away, with a few dictionary look-ups instead of a scan of the vocabulary.
    """

    MIN_LENGTH = 3
    RARE = 2  # a handbook word seen at most this often may be a quoted misspelling
    RARE_MIN_LENGTH = 6
    COMMON = 4
    LIKELIER = 3

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = {w: n for w, n in counts.items() if self._correctable(w)}
        self._deletion_index: dict[str, list[str]] | None = None

    @property
    def _by_deletion(self) -> dict[str, list[str]]:
        """Words by their one-letter deletions: made on the first misspelling, since most
        searches never need it and it is the largest part of the search's memory (about
        1 MB for the bundled handbook, built in 5 ms)."""
        if self._deletion_index is None:
            index: dict[str, list[str]] = {}
            for word in self.counts:
                for key in {word, *_deletions(word)}:
                    index.setdefault(key, []).append(word)
            self._deletion_index = index
        return self._deletion_index

    @classmethod
    def _correctable(cls, word: str) -> bool:
        return len(word) >= cls.MIN_LENGTH and word.isalpha()

    def candidates(self, word: str, limit: int = 3) -> list[str]:
        """Up to `limit` vocabulary words nearest to `word`, the likeliest first.

        Empty for a handbook word (see `likelier_word` for those).
        """
        word = word.lower()
        if word in self.counts:
            return []
        return self._nearest(word, max_edits_for(word), limit)

    def likelier_word(self, word: str) -> str | None:
        """For a rare handbook word, a much more common one a single edit away.

        The handbook may quote a misspelling ("some people say crisper"); a family who
        typed it most likely meant the common word.
        """
        word = word.lower()
        count = self.counts.get(word, 0)
        if not count or count > self.RARE or len(word) < self.RARE_MIN_LENGTH:
            return None
        for candidate in self._nearest(word, 1, 3):
            common = self.counts[candidate] >= max(self.COMMON, self.LIKELIER * count)
            if candidate != word and common and candidate[0] == word[0]:
                return candidate
        return None

    def _nearest(self, word: str, max_edits: int, limit: int) -> list[str]:
        if not max_edits or not word.isalpha():
            return []
        probes = {word, *_deletions(word)}
        if max_edits > 1:
            probes |= {d for one in list(probes) for d in _deletions(one)}
        found: set[str] = set()
        for probe in probes:
            found.update(self._by_deletion.get(probe, ()))
        scored = []
        for candidate in found:
            distance = osa_distance(word, candidate, max_edits)
            if 0 < distance <= max_edits:
                same_start = candidate[0] == word[0]
                scored.append((distance, not same_start, -self.counts[candidate], candidate))
        scored.sort()
        if not scored:
            return []
        best = scored[0][0]
        return [c for d, _, _, c in scored if d == best][:limit]
