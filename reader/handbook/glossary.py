"""The glossary: hard words with plain definitions, loaded from the handbook's TOML file.

The glossary is data (`glossary.toml`, a list of `[[terms]]`). It also becomes a
generated chapter of the handbook, one section per term, so that search hits,
`show glossary/<term>` and PDF export treat it like any other section.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.handbook.gate import read_text
from reader.handbook.ids import heading_markup, slugify
from reader.problems import Problem

GLOSSARY_CHAPTER_ID = "glossary"


@dataclass(frozen=True)
class Term:
    term: str
    slug: str
    definition: str
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    line: int = 1
    # Other spellings, plurals, misspellings and the main language's names: found by
    # search and marked in the text, never shown to a reader as "Also called".
    search_aliases: tuple[str, ...] = ()
    # In a translation, the term as the main language names it ("In English: ...").
    main_term: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The term and all its aliases: every way the text or a search may name it."""
        return (self.term, *self.aliases, *self.search_aliases)

    @property
    def short_definition(self) -> str:
        """The first sentence: what a tooltip shows."""
        return first_sentence(self.definition)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|No)\.$")
# How far back from a full stop an abbreviation can start: "U.S." ends in two letter-dot
# pairs and "Mrs." is four characters, so any match ends within this reach (and `\b`
# still sees the character before it: a search from a position looks behind it).
_ABBREVIATION_REACH = 8

# A definition is a few plain sentences (the longest in the bundled glossaries is 398
# characters); one far longer is not a definition, and its tooltip would fill the screen.
MAX_DEFINITION_CHARS = 10_000
# Far above any real glossary (the bundled one has 91 terms); every term becomes a
# section and a name to mark in every chapter, so a file must not decide how many.
MAX_GLOSSARY_TERMS = 5_000
# The longest first sentence a tooltip shows; the bundled ones are under 300 characters.
SHORT_DEFINITION_CHARS = 600


def is_abbreviation(name: str) -> bool:
    """True for names written all in capitals (GVHD, ADA-SCID, LAD-1): matched as written."""
    return len(name) > 1 and any(c.isupper() for c in name) and not any(c.islower() for c in name)


def first_sentence(text: str) -> str:
    """The first sentence of a text, not fooled by "U.S.", "e.g." or a closing quote; at
    most SHORT_DEFINITION_CHARS of it (cut at a word, with "…"), since a tooltip shows it.

    One pass over a bounded head of the text: each sentence end looks only at the few
    characters around it, so no definition costs more than a few hundred characters'
    work (before, one of 8,000 "a. b." pieces took 11.6 s at window start)."""
    cut = len(text) > 2 * SHORT_DEFINITION_CHARS
    head = " ".join(text[: 2 * SHORT_DEFINITION_CHARS].split())
    for end in _SENTENCE_END.finditer(head, 0, SHORT_DEFINITION_CHARS + 1):
        after = end.end()
        if after == len(head):
            if cut:
                break
            return head
        # The head is single-spaced, so the next word starts one character on.
        next_char = head[after + 1]
        stop = end.start() + 1
        ends_abbreviation = _ABBREVIATION.search(head, max(0, stop - _ABBREVIATION_REACH), stop)
        if not ends_abbreviation and not next_char.islower():
            return head[:after]
    if len(head) <= SHORT_DEFINITION_CHARS and not cut:
        return head
    return head[:SHORT_DEFINITION_CHARS].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    path: Path | None = None
    problems: tuple[Problem, ...] = ()
    # In a translation: how its words say "in the main language" ("En inglés:").
    main_label: str = ""
    _by_name: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            self._by_name.setdefault(term.slug, term)
            for name in term.names:
                self._by_name.setdefault(name.casefold(), term)
        for term in self.terms:  # then each name without accents or punctuation
            for name in term.names:
                self._by_name.setdefault(slugify(name), term)

    def find(self, name: str) -> Term | None:
        """A term by its name, an alias or its slug, whatever the case and accents
        ("trasplante de medula" finds "trasplante de médula")."""
        return self._by_name.get(name.casefold()) or self._by_name.get(slugify(name))

    def section_id(self, term: Term) -> str:
        return f"{GLOSSARY_CHAPTER_ID}/{term.slug}"


def _term_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[terms]]"]


def _strings(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    return None


def _parse_term(raw: object, line: int, path: Path, problems: list[Problem]) -> Term | None:
    if not isinstance(raw, dict):
        problems.append(Problem(path, line, "a glossary entry must be a table"))
        return None
    name, definition = raw.get("term"), raw.get("definition")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(path, line, "glossary entry has no 'term'"))
        return None
    if not isinstance(definition, str) or not definition.strip():
        problems.append(Problem(path, line, f"glossary term '{name}' has no 'definition'"))
        return None
    if len(definition) > MAX_DEFINITION_CHARS:
        problems.append(
            Problem(
                path,
                line,
                f"glossary term '{name}': its definition is longer than "
                f"{MAX_DEFINITION_CHARS:,} characters (left out)",
            )
        )
        return None
    aliases, see_also = _strings(raw.get("aliases", [])), _strings(raw.get("see_also", []))
    search_aliases = _strings(raw.get("search_aliases", []))
    if aliases is None or see_also is None or search_aliases is None:
        message = f"'{name}': aliases, search_aliases and see_also must be lists"
        problems.append(Problem(path, line, message))
        return None
    name = " ".join(name.split())  # one line: a newline would start a section of its own
    # A translation names its terms in its own words but keeps the main language's ids
    # (`id = "graft-versus-host-disease"`), so glossary links survive a language switch.
    given_id = raw.get("id")
    slug = slugify(given_id) if isinstance(given_id, str) and given_id.strip() else slugify(name)
    return Term(name, slug, definition.strip(), aliases, see_also, line, search_aliases)


def _check_duplicates(terms: list[Term], path: Path, problems: list[Problem]) -> list[Term]:
    owners: dict[str, Term] = {}
    kept: list[Term] = []
    slugs: set[str] = set()  # one set for the whole list: 40,000 terms took 94 s
    for term in terms:
        if term.slug in slugs:
            problems.append(
                Problem(path, term.line, f"glossary term '{term.term}' is defined twice")
            )
            continue
        for name in term.names:
            owner = owners.setdefault(name.casefold(), term)
            if owner is not term:
                problems.append(
                    Problem(
                        path, term.line, f"'{name}' names both '{owner.term}' and '{term.term}'"
                    )
                )
        slugs.add(term.slug)
        kept.append(term)
    return kept


def _check_see_also(terms: list[Term], path: Path, problems: list[Problem]) -> None:
    known = {name.casefold() for term in terms for name in term.names}
    for term in terms:
        for other in term.see_also:
            if other.casefold() not in known:
                problems.append(
                    Problem(path, term.line, f"'{term.term}' refers to unknown term '{other}'")
                )


def _at_most_the_cap(raw_terms: list[object], path: Path, problems: list[Problem]) -> list[object]:
    """The first MAX_GLOSSARY_TERMS entries; the rest are refused in one problem line."""
    if len(raw_terms) <= MAX_GLOSSARY_TERMS:
        return raw_terms
    problems.append(
        Problem(
            path,
            1,
            f"the glossary has {len(raw_terms):,} terms; only the first "
            f"{MAX_GLOSSARY_TERMS:,} are read",
        )
    )
    return raw_terms[:MAX_GLOSSARY_TERMS]


def load_glossary(path: Path | None, root: Path | None = None) -> Glossary:
    """Load a glossary file from inside `root` (its own folder if not given); an absent
    path gives an empty glossary, never an error."""
    if path is None:
        return Glossary()
    problems: list[Problem] = []
    text = read_text(root or path.parent, path, problems)
    if text is None:
        return Glossary(path=path, problems=tuple(problems))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(error))) else 1
        problems.append(Problem(path, line, f"glossary is not valid TOML: {error}"))
        return Glossary(path=path, problems=tuple(problems))
    raw_terms = data.get("terms", [])
    if not isinstance(raw_terms, list):
        problems.append(Problem(path, 1, "'terms' must be a list of [[terms]] tables"))
        raw_terms = []
    raw_terms = _at_most_the_cap(raw_terms, path, problems)
    lines = _term_lines(text)
    parsed = [
        _parse_term(raw, lines[i] if i < len(lines) else 1, path, problems)
        for i, raw in enumerate(raw_terms)
    ]
    terms = _check_duplicates([t for t in parsed if t is not None], path, problems)
    _check_see_also(terms, path, problems)
    terms.sort(key=lambda t: t.term.casefold())
    return Glossary(tuple(terms), path, tuple(problems))


@dataclass(frozen=True)
class GlossaryWords:
    """The generated glossary chapter's own words; a translation sets them in its manifest
    (`[glossary_words]`), because they are handbook text, not interface text."""

    title: str = "Glossary"
    intro: str = "Hard words used in this handbook, explained in plain language."
    also_called: str = "Also called:"
    see_also: str = "See also:"
    in_main_language: str = ""  # a translation's "En inglés:", before the main term

    @classmethod
    def from_manifest(cls, data: dict[str, object]) -> GlossaryWords:
        given = data.get("glossary_words")
        if not isinstance(given, dict):
            return cls()
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in given.items() if k in known and isinstance(v, str)})


def glossary_markdown(glossary: Glossary, words: GlossaryWords | str = "Glossary") -> str:
    """The glossary as a chapter: one `##` section per term, A to Z."""
    if isinstance(words, str):
        words = GlossaryWords(title=words)
    parts = [f"# {words.title}", "", words.intro]
    for term in glossary.terms:
        parts += ["", f"## {heading_markup(term.term)} {{#{term.slug}}}", "", term.definition]
        if term.aliases:
            parts += ["", f"*{words.also_called}* " + ", ".join(term.aliases)]
        if term.main_term and words.in_main_language:
            parts += ["", f"*{words.in_main_language}* {term.main_term}"]
        if term.see_also:
            links = ", ".join(f"[{name}](#{_slug_of(glossary, name)})" for name in term.see_also)
            parts += ["", f"*{words.see_also}* " + links]
    return "\n".join(parts) + "\n"


def _slug_of(glossary: Glossary, name: str) -> str:
    found = glossary.find(name)
    return found.slug if found else slugify(name)


def with_main_terms(glossary: Glossary, main: Glossary, label: str) -> Glossary:
    """A translation's glossary with each term's main-language name (same id), where
    it differs, so a reader can say the word the hospital uses."""
    terms = []
    for term in glossary.terms:
        found = main.find(term.slug)
        named = found.term if found and found.term.casefold() != term.term.casefold() else ""
        terms.append(dataclasses.replace(term, main_term=named))
    return dataclasses.replace(glossary, terms=tuple(terms), main_label=label, _by_name={})
