"""Full-text search of the handbook: `SearchIndex.search(text)` gives ranked `Hit`s.

Families type what they heard in the clinic, misspelled, in lay words, British or
American. The query is planned from the handbook's own vocabulary (see search_query),
run against a Whoosh index kept in the user cache (see search_index), and only the hits
shown get a highlighted snippet. Searching never raises: at worst it finds nothing.
"""

from __future__ import annotations

import html
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from whoosh.searching import Searcher

from reader.handbook import Handbook
from reader.search.documents import KIND_GLOSSARY, KIND_SECTION
from reader.search.index import OpenedIndex, build_in_memory, open_or_build_index
from reader.search.query import Highlights, QueryPlan, QueryPlanner
from reader.search.scoring import KnownLengthsBM25F
from reader.search.text import WORD, WordStems

__all__ = ["KIND_GLOSSARY", "KIND_SECTION", "Hit", "SearchIndex", "SearchResult"]

log = logging.getLogger(__name__)

SNIPPET_WORDS = 30
WORDS_CACHE_SIZE = 400
MIN_HITS_BEFORE_ANY_WORD = 3
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
# A glossary entry's stored text ends with its names and related words, which are
# index data, not something to read in a snippet.
_GLOSSARY_FIELDS = re.compile(r"\s(?:Also called|See also):")
_SENTENCE_END = re.compile(r"[.!?:;]|\n")
_PHRASE_BREAK = re.compile(r"[,(—–]")
LEAD_WORDS = 6


@dataclass(frozen=True)
class Hit:
    id: str  # a section id that `show` accepts; glossary hits: "glossary/<slug>"
    chapter: str  # chapter title
    title: str  # section title
    snippet: str  # HTML: matched words in <b class="match">...</b>, the rest escaped
    score: float
    kind: str  # "section" | "glossary"
    terms: tuple[str, ...]  # the words in the text that matched, as written there
    # Runs of matched words as written ("Graft-versus-host disease"): what the page
    # highlights, so a name is marked whole and its pieces elsewhere are not.
    phrases: tuple[str, ...] = ()
    lead: str = ""  # the snippet's first words, plain: where opening the hit lands

    @property
    def plain_snippet(self) -> str:
        return snippet_text(self.snippet)


@dataclass(frozen=True)
class SearchResult:
    query: str
    suggestion: str | None
    hits: tuple[Hit, ...]
    # After no results: the handbook's own words to try (its synonyms.toml `try`).
    try_words: tuple[str, ...] = ()


def snippet_text(snippet: str) -> str:
    """A snippet's HTML as plain text (for the command line)."""
    return html.unescape(_TAG.sub("", snippet))


class SearchIndex:
    """An open index and what it needs to answer queries quickly.

    One searcher is opened and kept for the life of the object. Use `open_or_build`.
    """

    def __init__(self, opened: OpenedIndex, handbook: Handbook | None = None) -> None:
        self._handbook = handbook
        self._lock = threading.Lock()
        self._use(opened)
        self.rebuilt = opened.rebuilt

    def _use(self, opened: OpenedIndex) -> None:
        self._opened = opened
        weighting = KnownLengthsBM25F()
        searcher = opened.index.searcher(weighting=weighting)
        weighting.read_ahead(searcher)
        self._searcher: Searcher | None = searcher
        self._planner = QueryPlanner(
            opened.vocabulary,
            doc_frequency=lambda stem: searcher.doc_frequency("body", stem),
            posting_budget=opened.doc_count,
            lay_words=self._handbook.lay_words if self._handbook else None,
        )
        self._stem_of: WordStems = self._planner.stem_of
        self._words_cache: OrderedDict[int, TextWords] = OrderedDict()

    @classmethod
    def open_or_build(cls, handbook: Handbook, cache_dir: Path | None) -> SearchIndex:
        """The handbook's index, reused from `cache_dir` when it is sound, else built.

        Never raises for a bad cache: a damaged index is rebuilt, and a cache folder that
        cannot be written gives an index in memory. `cache_dir=None` means in memory.
        """
        return cls(open_or_build_index(handbook, cache_dir), handbook)

    @property
    def location(self) -> Path | None:
        """The index folder on disk, the .handbook file whose index was read into memory,
        or None for an index built in memory."""
        return self._opened.location

    @property
    def doc_count(self) -> int:
        return self._opened.doc_count

    def search(self, query: str, limit: int = 20) -> SearchResult:
        """The best `limit` sections for `query`, with a spelling suggestion if any."""
        with self._lock:
            try:
                return self._search(query, limit)
            except Exception as error:
                log.warning("search failed (%r); rebuilding the index in memory", error)
            if not self._recover():
                return SearchResult(query, None, ())
            try:
                return self._search(query, limit)
            except Exception as error:
                log.warning("search failed again (%r)", error)
                return SearchResult(query, None, ())

    def plan(self, query: str) -> QueryPlan:
        """How `query` will be searched (for tests and the benchmark)."""
        return self._planner.plan(query)

    def _search(self, query: str, limit: int) -> SearchResult:
        plan = self._planner.plan(query)
        if limit < 1 or not plan.groups or self._searcher is None:
            return SearchResult(query, plan.suggestion, (), self._try_words() if limit else ())
        found = self._ranked(plan, limit)
        highlights = plan.highlights
        hits = tuple(self._hit(doc, fields, score, highlights) for doc, fields, score in found)
        suggestion = plan.suggestion if plan.suggestion and self._too_little(query) else None
        return SearchResult(query, suggestion, hits, () if hits else self._try_words())

    def _try_words(self) -> tuple[str, ...]:
        return self._handbook.lay_words.try_words if self._handbook else ()

    def _too_little(self, query: str) -> bool:
        """Whether the words as typed (no corrections) find too little to stand alone:
        only then is "Did you mean" worth the reader's attention."""
        assert self._searcher is not None
        typed = self._planner.plan(query, as_typed=True).whoosh_query(every_group=True)
        if typed is None:
            return True
        found = self._searcher.search(typed, limit=MIN_HITS_BEFORE_ANY_WORD, terms=False)
        return len(found) < MIN_HITS_BEFORE_ANY_WORD

    def _ranked(self, plan: QueryPlan, limit: int) -> list[tuple[int, dict[str, str], float]]:
        """Sections with every group first; if too few, sections with any group."""
        assert self._searcher is not None
        found: list[tuple[int, dict[str, str], float]] = []
        seen: set[int] = set()
        passes = [True] if len(plan.groups) == 1 else [True, False]
        for every_group in passes:
            whoosh_query = plan.whoosh_query(every_group=every_group)
            if whoosh_query is None:
                break
            results = self._searcher.search(whoosh_query, limit=limit, terms=False)
            for hit in results:
                if hit.docnum not in seen and len(found) < limit:
                    seen.add(hit.docnum)
                    found.append((hit.docnum, hit.fields(), float(hit.score or 0.0)))
            if len(found) >= min(limit, MIN_HITS_BEFORE_ANY_WORD):
                break
        return found

    def _hit(
        self, docnum: int, fields: dict[str, str], score: float, highlights: Highlights
    ) -> Hit:
        title = fields.get("shown_title", "")
        text = fields.get("text", "")
        if fields.get("kind") == KIND_GLOSSARY:
            text = _GLOSSARY_FIELDS.split(text, maxsplit=1)[0]
        words = self._words_of(docnum, text)
        snippet, terms = make_snippet(words, highlights)
        title_words = WORD.findall(title)
        title_flags = highlights.flags([self._stem_of(w) for w in title_words])
        title_terms = [w for w, flag in zip(title_words, title_flags, strict=True) if flag]
        return Hit(
            id=fields.get("id", ""),
            chapter=fields.get("chapter", ""),
            title=title,
            snippet=snippet,
            score=round(score, 4),
            kind=fields.get("kind", KIND_SECTION),
            terms=_unique_words([*title_terms, *terms]),
            phrases=_unique_words(matched_phrases(words, highlights)),
            lead=snippet_lead(snippet),
        )

    def _words_of(self, docnum: int, text: str) -> TextWords:
        """A section's words and stems, kept for the sections shown most recently.

        Families refine a query letter by letter, so the same sections come back again
        and again; splitting them once saves most of the snippet time.
        """
        words = self._words_cache.get(docnum)
        if words is None or words.text != text:
            words = TextWords.of(text, self._stem_of)
            self._words_cache[docnum] = words
            if len(self._words_cache) > WORDS_CACHE_SIZE:
                self._words_cache.popitem(last=False)
        else:
            self._words_cache.move_to_end(docnum)
        return words

    def _recover(self) -> bool:
        """Swap in an index built in memory from the handbook; False if that fails too."""
        if self._handbook is None:
            return False
        try:
            opened = build_in_memory(self._handbook)
        except Exception as error:
            log.warning("cannot rebuild the search index (%r)", error)
            self._close_searcher()
            return False
        self._close_searcher()
        self._use(opened)
        return True

    def _close_searcher(self) -> None:
        searcher, self._searcher = self._searcher, None
        if searcher is not None:
            try:
                searcher.close()
                self._opened.index.close()
            except Exception as error:  # closing a broken index must not break the app
                log.debug("closing the search index: %r", error)

    def close(self) -> None:
        """Release the index files (needed before deleting them, on Windows)."""
        with self._lock:
            self._close_searcher()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _unique_words(words: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    unique: list[str] = []
    for word in words:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            unique.append(word)
    return tuple(unique)


def _best_window(flags: list[bool], width: int) -> int:
    """The first word of the `width`-word window holding the most matches."""
    if len(flags) <= width:
        return 0
    count = sum(flags[:width])
    best, best_start = count, 0
    for start in range(1, len(flags) - width + 1):
        count += flags[start + width - 1] - flags[start - 1]
        if count > best:
            best, best_start = count, start
    first_match = next((i for i in range(best_start, best_start + width) if flags[i]), best_start)
    return max(0, min(first_match - 4, len(flags) - width))


@dataclass(frozen=True)
class TextWords:
    """A text split into words (with where each stands) and their stems."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    stems: tuple[str | None, ...]

    @classmethod
    def of(cls, text: str, stem_of: WordStems) -> TextWords:
        matches = list(WORD.finditer(text))
        words = [m.group() for m in matches]
        return cls(
            text,
            tuple(words),
            tuple(m.start() for m in matches),
            tuple(m.end() for m in matches),
            tuple(stem_of.many(words)),
        )


def make_snippet(
    words: TextWords, highlights: Highlights, width: int = SNIPPET_WORDS
) -> tuple[str, list[str]]:
    """About `width` words around the densest matches, as HTML, and the matched words."""
    text = words.text
    flags = highlights.flags(words.stems)
    matched = [word for word, flag in zip(words.words, flags, strict=True) if flag]
    count = len(words.words)
    if not count:
        return html.escape(_SPACE.sub(" ", text[:200]).strip()), matched
    start = _readable_start(words, flags, _best_window(flags, width), width)
    end = _readable_end(words, start, width)
    begin_char = 0 if start == 0 else words.starts[start]
    end_char = len(text) if end == count else words.ends[end - 1]
    parts: list[str] = ["… "] if begin_char > 0 else []
    position = begin_char
    for index in range(start, end):
        gap = text[position : words.starts[index]]
        parts.append(gap if gap == " " else html.escape(_SPACE.sub(" ", gap)))
        word = words.words[index]  # word characters only: nothing to escape
        parts.append(f'<b class="match">{word}</b>' if flags[index] else word)
        position = words.ends[index]
    parts.append(html.escape(_SPACE.sub(" ", text[position:end_char]).rstrip()))
    if end_char < len(text):
        parts.append(" …")
    return "".join(parts).strip(), matched


def _starts_sentence(words: TextWords, index: int) -> bool:
    gap = words.text[words.ends[index - 1] : words.starts[index]]
    return bool(_SENTENCE_END.search(gap))


def _readable_start(words: TextWords, flags: list[bool], start: int, width: int) -> int:
    """Move a snippet's start back to its sentence's first word (or a phrase's), so it
    never opens mid-sentence; past half a snippet back, start at the match itself."""
    end = min(len(flags), start + width)
    first_match = next((i for i in range(start, end) if flags[i]), start)
    for index in range(first_match, max(-1, first_match - width // 2), -1):
        if index == 0 or _starts_sentence(words, index):
            return index
    for index in range(first_match, max(0, first_match - width // 3), -1):
        gap = words.text[words.ends[index - 1] : words.starts[index]]
        if _PHRASE_BREAK.search(gap):
            return index
    return first_match


def _readable_end(words: TextWords, start: int, width: int) -> int:
    """End at a sentence's end when one falls near the snippet's length."""
    count = len(words.words)
    limit = min(count, start + width)
    for index in range(limit, start + width * 2 // 3, -1):
        if index >= count or _starts_sentence(words, index):
            return index
    return limit


def matched_phrases(words: TextWords, highlights: Highlights) -> list[str]:
    """Each run of neighbouring matched words in the text, as written there."""
    flags = highlights.flags(words.stems)
    phrases: list[str] = []
    run_start = -1
    for index, flag in enumerate([*flags, False]):
        if flag and run_start < 0:
            run_start = index
        elif not flag and run_start >= 0:
            piece = words.text[words.starts[run_start] : words.ends[index - 1]]
            phrases.append(_SPACE.sub(" ", piece))
            run_start = -1
    return phrases


def snippet_lead(snippet: str) -> str:
    """The snippet's first few words, plain: a string to find on the page."""
    plain = snippet_text(snippet).strip().removeprefix("…").strip()
    return " ".join(plain.split()[:LEAD_WORDS])
