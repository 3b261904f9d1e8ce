"""What goes into the search index: the schema, one document per section and glossary
entry with its tokens (stems, stem pairs, glossary concepts), and the vocabulary kept
beside the index for spelling and query planning."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, STORED, TEXT, Schema

from reader.folding import without_invisible
from reader.handbook import Chapter, Handbook, Section
from reader.search.text import WORD, WordStems, markdown_to_plain

KIND_SECTION = "section"
KIND_GLOSSARY = "glossary"


# Markers for the extra tokens in the title and body fields. Stems are made of word
# characters only, so these can never collide with a word.
PAIR_MARK = ">"
CONCEPT_MARK = "="


def search_schema() -> Schema:
    """Title (with glossary aliases) and body as tokens we make ourselves; stored text.

    The text is analysed once, by `IndexTokens`, into three kinds of token per field:
    each word's stem; each pair of neighbouring stems (`stem>cell`), so a quoted
    phrase is a few term look-ups instead of a slow positional match; and, for each
    place a glossary term is named by any alias, `=slug` ("bone marrow transplant" and
    "HSCT" both give `=stem-cell-transplant`), so a synonym costs one look-up.
    """
    tokens = SpaceSeparatedTokenizer()
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        title=TEXT(analyzer=tokens, phrase=False),
        body=TEXT(analyzer=tokens, phrase=False),
        shown_title=STORED(),
        chapter=STORED(),
        text=STORED(),
    )


def pair_token(first: str, second: str) -> str:
    return f"{first}{PAIR_MARK}{second}"


def concept_token(slug: str) -> str:
    return f"{CONCEPT_MARK}{slug}"


@dataclass(frozen=True)
class SearchDocument:
    """One section or glossary entry as the index sees it."""

    id: str
    kind: str
    title: str
    names: tuple[str, ...]
    chapter: str
    body: str

    @property
    def indexed_title(self) -> str:
        return " \n".join((self.title, *self.names))


class IndexTokens:
    """Turns text into index tokens (stems, stem pairs, glossary terms) and counts words."""

    def __init__(self, concepts: dict[str, list[list[str]]], language: str = "en") -> None:
        self.language = language
        self.stem_of = WordStems(language=language)
        self.counts: Counter[str] = Counter()
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for slug, names in concepts.items():
            for name in names:
                if name:
                    self._by_first.setdefault(name[0], []).append((tuple(name), slug))

    def __call__(self, text: str) -> str:
        words = [word.lower() for word in WORD.findall(without_invisible(text))]
        self.counts.update(words)
        stems = [stem for word in words if (stem := self.stem_of(word)) is not None]
        pairs = [pair_token(a, b) for a, b in itertools.pairwise(stems)]
        return " ".join([*stems, *pairs, *map(concept_token, self.concepts_in(stems))])

    def concepts_in(self, stems: list[str]) -> list[str]:
        """The slug of the glossary term named at each place (repeats kept)."""
        found: list[str] = []
        for position, stem in enumerate(stems):
            for name, slug in self._by_first.get(stem, ()):
                if tuple(stems[position : position + len(name)]) == name:
                    found.append(slug)
        return found

    def fields(self, document: SearchDocument) -> dict[str, str]:
        self.counts.update(word.lower() for word in WORD.findall(document.chapter))
        return {
            "id": document.id,
            "kind": document.kind,
            "title": self(document.indexed_title),
            "body": self(document.body),
            "shown_title": document.title,
            "chapter": document.chapter,
            "text": document.body,
        }

    def vocabulary(self, concepts: dict[str, list[list[str]]]) -> Vocabulary:
        stems = {w: stem for w in self.counts if (stem := self.stem_of(w)) is not None}
        return Vocabulary(dict(self.counts), stems, concepts, self.language)


def _section_document(handbook: Handbook, chapter: Chapter, section: Section) -> SearchDocument:
    glossary = handbook.is_glossary(chapter)
    term = handbook.glossary.find(section.anchor) if glossary and section.level > 1 else None
    return SearchDocument(
        id=section.id,
        kind=KIND_GLOSSARY if glossary else KIND_SECTION,
        title=section.title,
        names=(*term.aliases, *term.search_aliases) if term else (),  # every name finds it
        chapter=chapter.title,
        body=markdown_to_plain(section.markdown),
    )


def handbook_documents(handbook: Handbook) -> Iterator[SearchDocument]:
    """Every section of every chapter, glossary entries included, in reading order."""
    for chapter in handbook.chapters:
        for section in chapter.sections:
            yield _section_document(handbook, chapter, section)


@dataclass
class Vocabulary:
    """The handbook's own words: how often each occurs and its stem; glossary names.

    Saved beside the index so that a reused index needs no pass over the text.
    """

    counts: dict[str, int] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)
    concepts: dict[str, list[list[str]]] = field(default_factory=dict)
    language: str = "en"  # which analyzer made the stems: the query must use the same

    def to_json(self) -> dict[str, object]:
        return {
            "counts": self.counts,
            "stems": self.stems,
            "concepts": self.concepts,
            "language": self.language,
        }

    @classmethod
    def from_json(cls, data: object) -> Vocabulary:
        if not isinstance(data, dict):
            raise ValueError("vocabulary is not a table")
        counts, stems, concepts = data.get("counts"), data.get("stems"), data.get("concepts")
        if not isinstance(counts, dict) or not isinstance(stems, dict):
            raise ValueError("vocabulary has no words")
        if not isinstance(concepts, dict):
            raise ValueError("vocabulary has no glossary terms")
        language = data.get("language", "en")
        return cls(counts, stems, concepts, language if isinstance(language, str) else "en")


def glossary_concepts(handbook: Handbook) -> dict[str, list[list[str]]]:
    """For each glossary term's slug, the stems of each of its names."""
    stem_of = WordStems(language=handbook.language)
    concepts: dict[str, list[list[str]]] = {}
    for term in handbook.glossary.terms:
        names = {stem_of.phrase(name) for name in term.names}
        names.discard(())
        if names:
            concepts[term.slug] = [list(name) for name in sorted(names)]
    return concepts
