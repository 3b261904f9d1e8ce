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
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from reader.content.links import GLOSSARY_SCHEME
from reader.content.render import render_chapter
from reader.content.term_finder import TermFinder
from reader.handbook import Chapter, Handbook
from reader.handbook.glossary import Glossary, Term


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

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SECTION_HEADINGS = {"h1", "h2", "h3"}
_UNMARKED = {"a", "code", "pre", "kbd", "samp", "script", "style", "abbr", *_HEADINGS}
_RAW_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")


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
