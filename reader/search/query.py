"""From what a family typed to a Whoosh query, without ever handing the text to a parser.

The typed text is cut into words and quoted phrases; each word becomes a group of
alternatives: the word itself, the glossary's other names for it, the handbook words it
was probably meant to be (if it is not a handbook word), or, for the word still being
typed, the handbook words it starts. Operators, field names, wildcards and brackets are
just punctuation here, so no input can change the query's shape or blow it up.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from whoosh.query import And, Or, Query, Term

from reader.folding import without_invisible
from reader.handbook.lay_words import LayWords
from reader.search.documents import Vocabulary, concept_token, pair_token
from reader.search.text import SpellingCorrector, WordStems
from reader.search.wordlist import is_word_of

MAX_QUERY_CHARS = 256
MAX_GROUPS = 12
MAX_PREFIX_EXPANSIONS = 6
MAX_PREFIX_SCAN = 4000
MIN_PREFIX_LENGTH = 3
MIN_POSTING_BUDGET = 2000
MAX_CORRECTIONS = 3
FIELD_WEIGHTS = (("title", 3.0), ("body", 1.0))

# Everyday words a family types for what the handbook names otherwise (synonyms.toml)
# are searched a little less strongly than the word itself.
LAY_WEIGHT = 0.8

_QUOTES = '"“”„«»'
_PIECE = re.compile(rf"[{_QUOTES}]([^{_QUOTES}]*)(?:[{_QUOTES}]|$)|\w+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Alternative:
    """One way to match a group: a word (one stem) or a phrase (several), with a weight."""

    stems: tuple[str, ...]
    weight: float = 1.0


@dataclass
class Group:
    """Alternatives of which a section should match at least one.

    `concept` is a glossary term's slug: the section names that term, by any alias.
    `names` are that term's names (as stems), for highlighting.
    """

    alternatives: list[Alternative] = field(default_factory=list)
    concept: str | None = None
    names: tuple[tuple[str, ...], ...] = ()

    def add(self, stems: tuple[str, ...], weight: float) -> None:
        if stems and all(a.stems != stems for a in self.alternatives):
            self.alternatives.append(Alternative(stems, weight))


@dataclass(frozen=True)
class Highlights:
    """The stems to mark in a text: lone words, and phrases (marked only when whole)."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    def flags(self, stems: Sequence[str | None]) -> list[bool]:
        """For each word of a text (given as its stem), whether to mark it."""
        flags = [stem in self.words for stem in stems]
        if not self.phrases:
            return flags
        positions = [i for i, stem in enumerate(stems) if stem is not None]
        sequence = [stems[i] for i in positions]
        for phrase in self.phrases:
            size = len(phrase)
            for start in range(len(sequence) - size + 1):
                if sequence[start] == phrase[0] and tuple(sequence[start : start + size]) == phrase:
                    for offset in range(size):
                        flags[positions[start + offset]] = True
        return flags


@dataclass(frozen=True)
class QueryPlan:
    groups: tuple[Group, ...]
    suggestion: str | None

    @property
    def stems(self) -> frozenset[str]:
        """Every stem any group may match."""
        return frozenset(s for g in self.groups for a in g.alternatives for s in a.stems)

    @property
    def highlights(self) -> Highlights:
        """What snippets mark: single words anywhere, phrases only where they stand."""
        alternatives = [a.stems for g in self.groups for a in g.alternatives]
        alternatives += [name for g in self.groups for name in g.names]
        return Highlights(
            frozenset(a[0] for a in alternatives if len(a) == 1),
            tuple(sorted({a for a in alternatives if len(a) > 1})),
        )

    def whoosh_query(self, *, every_group: bool) -> Query | None:
        """All groups required (`every_group`) or any group, better with more."""
        queries = [_group_query(g) for g in self.groups if g.alternatives or g.concept]
        if not queries:
            return None
        if len(queries) == 1:
            return queries[0]
        return And(queries) if every_group else Or(queries, scale=0.9)


def _alternative_query(fieldname: str, alternative: Alternative, boost: float) -> Query:
    """A word is its stem; a phrase is every pair of neighbouring stems in it."""
    weight = alternative.weight * boost
    stems = alternative.stems
    if len(stems) == 1:
        return Term(fieldname, stems[0], boost=weight)
    pairs = [pair_token(a, b) for a, b in itertools.pairwise(stems)]
    return And([Term(fieldname, pair, boost=weight) for pair in dict.fromkeys(pairs)])


def _group_query(group: Group) -> Query:
    """Any alternative in the title or body; a glossary term by any of its names.

    A word that is itself one of the term's names is left to the term's token, which
    already counts every place the word stands: scoring it twice costs time.
    """
    alternatives = [a for a in group.alternatives if a.stems not in group.names]
    if group.concept:
        alternatives.insert(0, Alternative((concept_token(group.concept),)))
    return Or(
        [
            _alternative_query(fieldname, alternative, boost)
            for alternative in alternatives
            for fieldname, boost in FIELD_WEIGHTS
        ]
    )


@dataclass
class _Word:
    surface: str
    start: int
    end: int
    stem: str
    group: Group
    correction: str | None = None


def clean_query_text(text: str) -> str:
    """At most MAX_QUERY_CHARS of printable text, compatibility forms folded; invisible
    format characters go (a pasted "inmuno\u00addeficiencia" is one word, not two)."""
    text = without_invisible(text[: MAX_QUERY_CHARS * 2])
    text = unicodedata.normalize("NFKC", text)[:MAX_QUERY_CHARS]
    return "".join(ch if ch.isprintable() else " " for ch in text)


class QueryPlanner:
    """Turns typed text into groups of alternatives, using the handbook's vocabulary."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        doc_frequency: Callable[[str], int] | None = None,
        posting_budget: int = MIN_POSTING_BUDGET,
        lay_words: LayWords | None = None,
    ) -> None:
        self.lay_words = lay_words or LayWords()
        self.language = vocabulary.language
        self.doc_frequency = doc_frequency or (lambda stem: 0)
        self.posting_budget = max(MIN_POSTING_BUDGET, posting_budget)
        self.counts = vocabulary.counts
        self.stem_of = WordStems(vocabulary.stems, language=vocabulary.language)
        self.known_stems = frozenset(vocabulary.stems.values())
        self.sorted_words = sorted(w for w in vocabulary.counts if w.isalpha())
        self.corrector = SpellingCorrector(vocabulary.counts)
        self.concept_names: dict[str, tuple[tuple[str, ...], ...]] = {
            slug: tuple(tuple(name) for name in names)
            for slug, names in vocabulary.concepts.items()
        }
        self.concept_of: dict[tuple[str, ...], str] = {}
        for slug, names in self.concept_names.items():
            for name in names:
                self.concept_of.setdefault(name, slug)
        self.longest_name = max((len(n) for n in self.concept_of), default=1)

    def plan(self, query: str, *, as_typed: bool = False) -> QueryPlan:
        """The query's groups; `as_typed` leaves out spelling corrections (to tell
        whether the words as typed find enough before offering "Did you mean")."""
        text = clean_query_text(query)
        groups: list[Group] = []
        words: list[_Word] = []
        run: list[_Word] = []  # consecutive plain words, for glossary names
        for match in _PIECE.finditer(text):
            if match.group(1) is not None:
                groups += self._synonym_groups(run)
                run = []
                phrase = self.stem_of.phrase(match.group(1) or "")
                if phrase:
                    group = Group()
                    group.add(phrase, 1.0)
                    groups.append(group)
                continue
            word = self._word(match, typing=match.end() == len(text), as_typed=as_typed)
            if word is not None:
                words.append(word)
                run.append(word)
        groups += self._synonym_groups(run)
        return QueryPlan(tuple(groups[:MAX_GROUPS]), self._suggestion(text, words))

    def _word(self, match: re.Match[str], *, typing: bool, as_typed: bool = False) -> _Word | None:
        surface = match.group()
        stem = self.stem_of(surface)
        if stem is None:
            return None
        word = _Word(surface, match.start(), match.end(), stem, Group())
        word.group.add((stem,), 1.0)
        self._add_lay_meanings(word)
        if stem in self.known_stems:
            if not as_typed:
                self._offer_likelier(word)
            return word
        if as_typed or len(word.group.alternatives) > 1:
            return word  # a lay word is understood, not misspelled
        if typing:
            for expansion in self._prefix_expansions(surface.lower()):
                word.group.add((expansion,), 0.8)
            if len(word.group.alternatives) > 1:
                return word
        if is_word_of(self.language, surface):
            return word  # a real word the handbook does not use: never swapped for another
        candidates = self.corrector.candidates(surface, MAX_CORRECTIONS)
        for rank, candidate in enumerate(candidates):
            candidate_stem = self.stem_of(candidate)
            if candidate_stem:
                word.group.add((candidate_stem,), 1.0 if rank == 0 else 0.6)
        if candidates:
            word.correction = candidates[0]
            word.stem = self.stem_of(candidates[0]) or stem
        return word

    def _add_lay_meanings(self, word: _Word) -> None:
        """The handbook words (or phrases) the handbook's synonyms give for the word."""
        for meaning in self.lay_words.meaning_of(word.surface):
            stems = self.stem_of.phrase(meaning)
            if stems and all(stem in self.known_stems for stem in stems):
                word.group.add(stems, LAY_WEIGHT)

    def _offer_likelier(self, word: _Word) -> None:
        """Search a rare word's common neighbour too, and suggest it, unless the word
        typed is a real word of the language (then it was meant as typed)."""
        likelier = self.corrector.likelier_word(word.surface)
        likelier_stem = self.stem_of(likelier) if likelier else None
        if not likelier or not likelier_stem or likelier_stem == word.stem:
            return
        if not is_word_of(self.language, word.surface):
            word.group.add((likelier_stem,), 0.8)
            word.correction = likelier

    def _prefix_expansions(self, prefix: str) -> list[str]:
        """The stems of the most frequent handbook words that start with `prefix`.

        At most MAX_PREFIX_EXPANSIONS, and, past the first, only while the sections
        they occur in add up to the posting budget: scoring cost grows with that sum,
        and "gen" in a handbook a hundred times bigger must stay fast.
        """
        if len(prefix) < MIN_PREFIX_LENGTH or not prefix.isalpha():
            return []
        first = bisect.bisect_left(self.sorted_words, prefix)
        found: list[str] = []
        for word in self.sorted_words[first : first + MAX_PREFIX_SCAN]:
            if not word.startswith(prefix):
                break
            found.append(word)
        found.sort(key=lambda w: -self.counts.get(w, 0))
        stems: list[str] = []
        postings = 0
        for word in found:
            stem = self.stem_of(word)
            if not stem or stem in stems:
                continue
            postings += self.doc_frequency(stem)
            if stems and postings > self.posting_budget:
                break
            stems.append(stem)
            if len(stems) >= MAX_PREFIX_EXPANSIONS:
                break
        return stems

    def _synonym_groups(self, run: Sequence[_Word]) -> list[Group]:
        """One group per word, except where words name a glossary term: one for all.

        A one-word name keeps the word's own alternatives beside the term; a longer
        name is matched through the term alone (the index marks where it is named).
        """
        groups: list[Group] = []
        position = 0
        while position < len(run):
            length, slug = self._longest_name_at(run, position)
            if slug is None:
                groups.append(run[position].group)
                position += 1
                continue
            group = run[position].group if length == 1 else Group()
            group.concept = slug
            group.names = self.concept_names.get(slug, ())
            groups.append(group)
            position += length
        return groups

    def _longest_name_at(self, run: Sequence[_Word], position: int) -> tuple[int, str | None]:
        for length in range(min(self.longest_name, len(run) - position), 0, -1):
            key = tuple(w.stem for w in run[position : position + length])
            slug = self.concept_of.get(key)
            if slug is not None:
                return length, slug
        return 1, None

    def _suggestion(self, text: str, words: list[_Word]) -> str | None:
        """The typed text with each corrected word replaced, or None if none was."""
        corrected = [w for w in words if w.correction and not _same_word(w.surface, w.correction)]
        if not corrected:
            return None
        parts: list[str] = []
        last = 0
        for word in corrected:
            parts += [text[last : word.start], _same_case(word.correction or "", word.surface)]
            last = word.end
        parts.append(text[last:])
        return _SPACES.sub(" ", "".join(parts)).strip()


def _same_word(typed: str, correction: str) -> bool:
    """Another form of the same word ("risky" and "risk", "treatments" and
    "treatment"): searched for silently, never offered as a correction."""
    a, b = typed.casefold(), correction.casefold()
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter) and len(longer) - len(shorter) <= 3


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
