"""The handbook model: Handbook, Chapter and Section, the data every feature reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.handbook.gate import read_bytes
from reader.handbook.glossary import GLOSSARY_CHAPTER_ID, Glossary
from reader.handbook.lay_words import LayWords
from reader.problems import Problem
from reader.storage import checksum


class HandbookError(Exception):
    """The folder cannot be opened as a handbook at all (missing, not a folder, empty)."""


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, up to the next heading.

    `markdown` is the text under the heading, without the heading line itself.
    `id` is `chapter-id/anchor` for `##`/`###` headings, and the chapter id itself for
    the chapter's opening text (level 1). It depends only on the heading's own text (or
    its `{#custom-id}`), so edits elsewhere in the chapter never change it.
    """

    id: str
    chapter_id: str
    title: str
    level: int
    anchor: str
    markdown: str
    line: int


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    path: Path
    markdown: str
    sections: tuple[Section, ...]
    #: Other ids the page defines (`{: #id}` on a paragraph, `<a id>`, toc's `_1` for a
    #: repeated heading), each to the anchor of the section that holds it.
    anchors: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: The nav sections (MkDocs) the chapter sits in, outermost first.
    part: tuple[str, ...] = ()

    @property
    def intro(self) -> Section:
        return self.sections[0]


@dataclass(frozen=True)
class Handbook:
    root: Path
    title: str
    subtitle: str = ""
    language: str = "en"
    edition: str = ""
    date: str = ""
    reviewed: str = ""  # YYYY-MM: when a reviewer last checked the facts
    review_by: str = ""  # YYYY-MM: when they must be checked again
    source: str = ""
    start: str = ""
    glossary_path: Path | None = None
    glossary: Glossary = field(default_factory=Glossary)
    lay_words: LayWords = field(default_factory=LayWords, compare=False)
    chapters: tuple[Chapter, ...] = ()
    problems: tuple[Problem, ...] = ()
    has_manifest: bool = False
    # The languages the folder holds (see languages.py); in a translation, the main
    # language's title and code, which keep the bookmark key the same in every language.
    languages: tuple[str, ...] = ()
    base_title: str = ""
    base_language: str = ""
    # The clinic's card as plain lines, its name first (reader/clinic/page.py): on the
    # start page and the cover of every printout. Empty when no clinic file is used.
    clinic_card: tuple[str, ...] = ()
    _index: dict[str, Section] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for chapter in self.chapters:
            for section in chapter.sections:
                self._index.setdefault(section.id, section)

    @property
    def reading_chapters(self) -> tuple[Chapter, ...]:
        """The written chapters, without the generated glossary chapter."""
        return tuple(c for c in self.chapters if not self.is_glossary(c))

    def is_glossary(self, chapter: Chapter) -> bool:
        return chapter.id == GLOSSARY_CHAPTER_ID and chapter.path == self.glossary_path

    def sections(self) -> Iterator[Section]:
        for chapter in self.chapters:
            yield from chapter.sections

    def section(self, section_id: str) -> Section | None:
        return self._index.get(section_id)

    def chapter(self, chapter_id: str) -> Chapter | None:
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        return None

    def nearest_section(self, section_id: str) -> Section | None:
        """The section itself, else the top of its chapter: where a place kept from the
        handbook in another language (or an older edition) lands when this one has no
        such heading, instead of the start page."""
        chapter_id = section_id.split("/", 1)[0]
        return self.section(section_id) or self.section(chapter_id)

    def chapter_of(self, section_id: str) -> Chapter | None:
        section = self.section(section_id)
        return self.chapter(section.chapter_id) if section else None

    @property
    def start_section_id(self) -> str | None:
        if self.start and self.section(self.start):
            return self.start
        return self.chapters[0].id if self.chapters else None

    def neighbour(self, section_id: str, step: int) -> str | None:
        """The section `step` places before/after `section_id` in reading order."""
        ids = [s.id for s in self.sections()]
        try:
            position = ids.index(section_id)
        except ValueError:
            return None
        target = position + step
        return ids[target] if 0 <= target < len(ids) else None

    def content_hash(self) -> str:
        """Changes whenever any chapter, the glossary or the manifest changes."""
        parts = [self.title.encode()]
        for chapter in self.chapters:
            parts.append(chapter.id.encode() + b"\0" + chapter.markdown.encode() + b"\0")
            # Titles can come from front matter or a nav, outside the chapter's text.
            parts.append("\0".join((chapter.title, *chapter.part)).encode() + b"\0")
        if self.glossary_path:
            glossary = read_bytes(self.root, self.glossary_path)
            if isinstance(glossary, bytes):
                parts.append(glossary)
        return checksum(parts)


def section_label(handbook: Handbook, section_id: str) -> str:
    """A section as a reader names it: "Chapter › Section", or the chapter title alone."""
    section = handbook.section(section_id)
    if section is None:
        return section_id
    chapter = handbook.chapter(section.chapter_id)
    if section.level == 1 or chapter is None:
        return section.title
    return f"{chapter.title} › {section.title}"
