"""Where glossary terms appear: marking them in rendered chapters, and which sections use each.

A term is found through its name, its aliases and their simple plural forms, as whole
words only ("gene" never inside "general" or "gene-editing"), with spaces and hyphens
interchangeable ("T cell" = "T-cell") and the longest name winning ("stem cell
transplant" over "stem cell"). Ordinary words match in any capitalisation; names written
all in capitals (GVHD, AAV, PI, IV) are abbreviations and match only in capitals, so
"iv" or "pi" in ordinary text are left alone. Their plural takes a small "s" (AAVs, PIs).

Marking is a Python-Markdown treeprocessor that runs after the link rewriting of
`reader/content/render.py`: a marked word becomes
`<a class="term" href="glossary:<slug>" title="<short definition>">word</a>`, never
inside headings, links, code or raw HTML links, so the sanitiser still has the last
word. "Which sections use a term" is read off the same pass, so the reading view, the
glossary panel and the `glossary` command always agree.
"""

from __future__ import annotations

import enum
import re
import weakref
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from reader.content.links import GLOSSARY_SCHEME
from reader.content.render import render_chapter
from reader.handbook import Chapter, Handbook
from reader.handbook.glossary import GLOSSARY_CHAPTER_ID, Glossary, Term, is_abbreviation


class MarkPolicy(enum.Enum):
    """How often a term is marked: at every use, or only at its first use per section."""

    EVERY = "every"
    FIRST_IN_SECTION = "first-in-section"


# A term is marked in every section where it appears, at its first use there: marking
# every use underlined one word in seven of some chapters ("gene", "PI"), which reads as
# noise. Change it here only; both policies are tested.
MARK_POLICY = MarkPolicy.FIRST_IN_SECTION

TERM_CLASS = "term"
# The marker runs after reader_links (priority 1), so its glossary: links are never
# taken for broken chapter links, and before Python-Markdown's unescape (priority 0).
MARKER_PRIORITY = 0.5

_SEPARATOR = r"[\s\-\u2010\u2011]+"
_SEPARATOR_RE = re.compile(_SEPARATOR)
_BEFORE = r"(?<![\w\-])"
_AFTER = r"(?!\w|-\w)"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SECTION_HEADINGS = {"h1", "h2", "h3"}
_UNMARKED = {"a", "code", "pre", "kbd", "samp", "script", "style", "abbr", *_HEADINGS}
_NEVER = re.compile(r"(?!)")
_RAW_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")


def _plural_forms(name: str) -> list[str]:
    name = name.strip()
    if not name:
        return []
    if not name[-1].isalpha():
        return [name]
    if is_abbreviation(name):
        return [name, name + "s"]
    lowered = name.lower()
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        return [name, name + "es"]
    if lowered.endswith("y") and lowered[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return [name, name[:-1] + "ies"]
    return [name, name + "s"]


def _form_regex(form: str) -> str:
    words = [re.escape(part) for part in _SEPARATOR_RE.split(form)]
    body = _SEPARATOR.join(words)
    return body if is_abbreviation(form) else f"(?i:{body})"


def _form_key(text: str, exact: bool) -> str:
    joined = _SEPARATOR_RE.sub(" ", text.strip())
    return joined if exact else joined.casefold()


def _ordered(forms: Iterable[str]) -> list[str]:
    """Longest first, so the longest name wins; then alphabetical, so output is stable."""
    return sorted(set(forms), key=lambda f: (-len(f), f))


def _compile(forms: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(_form_regex(f) for f in _ordered(forms))
    return re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}")


@lru_cache(maxsize=256)
def term_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all the ways a term is written, longest first, whole words only."""
    forms = [f for name in names for f in _plural_forms(name)]
    return _compile(forms) if forms else _NEVER


def term_used_in(term: Term, text: str) -> bool:
    """Whether plain text names the term (any alias or plural, whole words)."""
    return bool(term_pattern(term.names).search(text))


@dataclass(frozen=True, eq=False)
class TermFinder:
    """Finds every glossary term in a text at once, and says which term each match is.

    A name given explicitly (a term or an alias) beats a generated plural of another
    term's name, and the first term (A to Z) wins when two share a name. For speed, the
    text is read word by word and only the names starting with that word are tried: the
    result is the same as `pattern.finditer`, about ten times faster on a chapter.
    """

    forms: tuple[str, ...]
    exact: dict[str, Term]
    folded: dict[str, Term]
    by_first_word: _FirstWordPatterns | None = None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """All names in one regex; compiled only if a name has no first word."""
        return _compile(self.forms) if self.forms else _NEVER

    @classmethod
    def for_glossary(cls, glossary: Glossary) -> TermFinder:
        return _finder_for(glossary.terms)

    def term_for(self, matched: str) -> Term | None:
        return self.exact.get(_form_key(matched, True)) or self.folded.get(
            _form_key(matched, False)
        )

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Term]]:
        for match in self._matches(text):
            term = self.term_for(match.group())
            if term is not None:
                yield match, term

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        if self.by_first_word is None:
            yield from self.pattern.finditer(text)
            return
        done = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < done or (start > 0 and text[start - 1] == "-"):
                continue
            names = self.by_first_word.get(word.group().casefold())
            match = names.match(text, start) if names is not None else None
            if match is not None:
                done = match.end()
                yield match


_WORD = re.compile(r"\w+")


class _FirstWordPatterns:
    """Names grouped by their first word, each group one regex, compiled on first use:
    compiling all of them cost more than the rest of start-up's marking together."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self._groups = groups
        self._compiled: dict[str, re.Pattern[str]] = {}

    def get(self, word: str) -> re.Pattern[str] | None:
        pattern = self._compiled.get(word)
        if pattern is None:
            group = self._groups.get(word)
            if group is None:
                return None
            alternatives = "|".join(_form_regex(f) for f in _ordered(group))
            pattern = self._compiled[word] = re.compile(f"(?:{alternatives}){_AFTER}")
        return pattern


def _first_word_index(forms: list[str]) -> _FirstWordPatterns | None:
    """The names by first word; None if some name has no first word at all."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        first = _WORD.match(form)
        if first is None:
            return None
        groups.setdefault(first.group().casefold(), []).append(form)
    return _FirstWordPatterns(groups)


@lru_cache(maxsize=16)
def _finder_for(terms: tuple[Term, ...]) -> TermFinder:
    exact: dict[str, Term] = {}
    folded: dict[str, Term] = {}
    named = [(name, term) for term in terms for name in term.names if name.strip()]
    plurals = [(form, term) for name, term in named for form in _plural_forms(name)[1:]]
    for form, term in named + plurals:
        is_exact = is_abbreviation(form)
        table = exact if is_exact else folded
        table.setdefault(_form_key(form, is_exact), term)
    forms = [f.strip() for f, _ in named + plurals]
    if not forms:
        return TermFinder((), exact, folded)
    return TermFinder(tuple(forms), exact, folded, _first_word_index(forms))


@dataclass
class TermUses:
    """What a marking pass saw: for each term slug, the section ids that use it, in order."""

    sections: dict[str, list[str]] = field(default_factory=dict)

    def add(self, slug: str, section_id: str) -> None:
        found = self.sections.setdefault(slug, [])
        if section_id not in found:
            found.append(section_id)


class _MarkTerms(Treeprocessor):
    """Wraps glossary terms in body text with `glossary:` links, walking in reading order."""

    def __init__(self, md: markdown.Markdown, extension: TermMarkExtension) -> None:
        super().__init__(md)
        self.ext = extension
        self._section = extension.chapter_id
        self._seen: set[str] = set()
        self._raw_depth = 0

    def run(self, root: etree.Element) -> None:
        self._section = self.ext.chapter_id
        self._seen = set()
        for block in list(root):
            self._raw_depth = 0  # an unclosed raw <a> or <code> ends with its block
            self._visit_child(root, block)

    def _visit(self, element: etree.Element) -> None:
        element.text = self._mark_into(element, 0, element.text)
        for child in list(element):
            self._visit_child(element, child)

    def _visit_child(self, parent: etree.Element, child: etree.Element) -> None:
        if child.tag in _SECTION_HEADINGS:
            self._enter_section(child)
        if child.tag not in _UNMARKED:
            self._visit(child)
        position = list(parent).index(child) + 1
        child.tail = self._mark_into(parent, position, child.tail)

    def _enter_section(self, heading: etree.Element) -> None:
        section_id = self.ext.section_ids.get(heading.get("id", ""))
        if section_id is not None:
            self._section = section_id
            self._seen = set()

    def _mark_into(self, parent: etree.Element, position: int, text: str | None) -> str | None:
        """Marks terms in `text`; the new links go into `parent` at `position`.

        Returns what is left of `text` before the first new link.
        """
        if not text:
            return text
        pieces = list(self._pieces(text))
        if all(isinstance(piece, str) for piece in pieces):
            return text
        leading = ""
        anchor: etree.Element | None = None
        for piece in pieces:
            if isinstance(piece, str):
                if anchor is None:
                    leading += piece
                else:
                    anchor.tail = (anchor.tail or "") + piece
            else:
                anchor = piece
                parent.insert(position, anchor)
                position += 1
        return leading

    def _pieces(self, text: str) -> Iterator[str | etree.Element]:
        """The text cut into plain strings and term links, in order."""
        start = 0
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
            yield from self._mark_plain(text[start : placeholder.start()])
            yield placeholder.group()
            self._follow_raw_html(placeholder)
            start = placeholder.end()
        yield from self._mark_plain(text[start:])

    def _mark_plain(self, text: str) -> Iterator[str | etree.Element]:
        if self._raw_depth > 0:
            yield text
            return
        done = 0
        for match, term in self.ext.finder.finditer(text):
            self.ext.uses.add(term.slug, self._section)
            if self.ext.policy is MarkPolicy.FIRST_IN_SECTION and term.slug in self._seen:
                continue
            self._seen.add(term.slug)
            yield text[done : match.start()]
            yield _term_link(term, match.group())
            done = match.end()
        yield text[done:]

    def _follow_raw_html(self, placeholder: re.Match[str]) -> None:
        """Counts raw `<a>`/`<code>` tags written in the Markdown, so text inside stays."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        index = int(placeholder.group(1))
        raw = blocks[index] if index < len(blocks) else ""
        tag = _RAW_TAG.match(raw if isinstance(raw, str) else "")
        if tag is None or tag.group(2).lower() not in _UNMARKED or raw.rstrip().endswith("/>"):
            return
        self._raw_depth = max(0, self._raw_depth + (-1 if tag.group(1) else 1))


@lru_cache(maxsize=1024)
def _link_attributes(term: Term) -> dict[str, str]:
    """Worked out once per term: a chapter marks the same term dozens of times."""
    return {
        "class": TERM_CLASS,
        "href": f"{GLOSSARY_SCHEME}:{term.slug}",
        "title": term.short_definition,
    }


def _term_link(term: Term, text: str) -> etree.Element:
    link = etree.Element("a", dict(_link_attributes(term)))
    link.text = text
    return link


class TermMarkExtension(markdown.Extension):
    """Marks glossary terms in one chapter and records which sections use them.

    `section_ids` maps a heading's id (the section anchor) to its section id, so uses
    are counted per section. After rendering, `uses` holds what was found.
    """

    def __init__(
        self,
        glossary: Glossary,
        chapter_id: str = "",
        section_ids: dict[str, str] | None = None,
        policy: MarkPolicy = MARK_POLICY,
    ) -> None:
        super().__init__()
        self.finder = TermFinder.for_glossary(glossary)
        self.chapter_id = chapter_id
        self.section_ids = section_ids or {}
        self.policy = policy
        self.uses = TermUses()

    @classmethod
    def for_chapter(
        cls, handbook: Handbook, chapter: Chapter, policy: MarkPolicy = MARK_POLICY
    ) -> TermMarkExtension:
        section_ids = {s.anchor: s.id for s in chapter.sections}
        return cls(handbook.glossary, chapter.id, section_ids, policy)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_MarkTerms(md, self), "glossary_terms", MARKER_PRIORITY)


def marked_chapter_html(
    handbook: Handbook, chapter: Chapter, policy: MarkPolicy = MARK_POLICY
) -> tuple[str, TermUses]:
    """The chapter's display HTML with its glossary terms marked, and the uses found."""
    if handbook.is_glossary(chapter) or not handbook.glossary.terms:
        return render_chapter(handbook, chapter), TermUses()
    extension = TermMarkExtension.for_chapter(handbook, chapter, policy)
    return render_chapter(handbook, chapter, extra=[extension]), extension.uses


SectionsByTerm = dict[str, list[str]]
_USES_CACHE: weakref.WeakKeyDictionary[Handbook, SectionsByTerm] = weakref.WeakKeyDictionary()


def _all_uses(handbook: Handbook) -> SectionsByTerm:
    cached = _USES_CACHE.get(handbook)
    if cached is None:
        cached = {term.slug: [] for term in handbook.glossary.terms}
        for chapter in handbook.reading_chapters:
            for slug, sections in marked_chapter_html(handbook, chapter)[1].sections.items():
                cached.setdefault(slug, []).extend(sections)
        _USES_CACHE[handbook] = cached
    return cached


def term_sections(handbook: Handbook, glossary: Glossary | None = None) -> dict[str, list[str]]:
    """For each term slug, the ids of the (non-glossary) sections whose body text uses it.

    "Uses" means exactly what the reading view marks: body text, not headings, links or
    code. Sections come in reading order. Computed once per handbook and kept.
    """
    if glossary is not None and glossary != handbook.glossary:
        return _uses_with(handbook, glossary)
    return {slug: list(ids) for slug, ids in _all_uses(handbook).items()}


def _uses_with(handbook: Handbook, glossary: Glossary) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {term.slug: [] for term in glossary.terms}
    for chapter in handbook.reading_chapters:
        extension = TermMarkExtension(
            glossary, chapter.id, {s.anchor: s.id for s in chapter.sections}
        )
        render_chapter(handbook, chapter, extra=[extension])
        for slug, sections in extension.uses.sections.items():
            found.setdefault(slug, []).extend(sections)
    return found


def terms_in_sections(handbook: Handbook, section_ids: Sequence[str]) -> list[Term]:
    """The glossary terms used by any of the given sections, A to Z (for take-home packets).

    A glossary section (`glossary/<slug>`) counts as using its own term.
    """
    wanted = set(section_ids)
    uses = _all_uses(handbook)
    prefix = GLOSSARY_CHAPTER_ID + "/"
    own = {sid.removeprefix(prefix) for sid in wanted if sid.startswith(prefix)}
    return [
        term
        for term in handbook.glossary.terms
        if term.slug in own or wanted.intersection(uses.get(term.slug, ()))
    ]


def unused_terms(handbook: Handbook) -> list[Term]:
    """Glossary terms that no section of the handbook uses (a content problem to fix)."""
    uses = _all_uses(handbook)
    return [term for term in handbook.glossary.terms if not uses.get(term.slug)]


def abbreviation_heading(term: Term) -> str:
    """The entry's heading: "GVHD — Graft-versus-host disease" when it has an abbreviation."""
    short = next((name for name in term.aliases if is_abbreviation(name)), None)
    if is_abbreviation(term.term):
        full = next((name for name in term.aliases if not is_abbreviation(name)), None)
        return f"{term.term} — {full}" if full else term.term
    return f"{short} — {term.term}" if short else term.term


def other_names(term: Term) -> list[str]:
    """The aliases not already shown by `abbreviation_heading`."""
    shown = abbreviation_heading(term).split(" — ")
    return [name for name in term.aliases if name not in shown]
