"""The handbook model: a folder of Markdown chapters loaded into Handbook/Chapter/Section.

A handbook folder either has a `handbook.toml` manifest (title, edition, chapter order,
glossary file) or is a plain folder of `.md` files ordered by name. Loading never
raises for bad content: every problem found becomes a `Problem` (file, line, message)
and the sound parts still load, so the reader can show what it can.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.files import Problem, checksum, read_text, slugify
from reader.glossary import GLOSSARY_CHAPTER_ID, Glossary, glossary_markdown, load_glossary

MANIFEST_NAME = "handbook.toml"

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_CUSTOM_ID = re.compile(r"\{[^}]*#([A-Za-z0-9][\w\-]*)[^}]*\}\s*$")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_ORDER_PREFIX = re.compile(r"^\d+[-_. ]+")


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
    source: str = ""
    start: str = ""
    glossary_path: Path | None = None
    glossary: Glossary = field(default_factory=Glossary)
    chapters: tuple[Chapter, ...] = ()
    problems: tuple[Problem, ...] = ()
    has_manifest: bool = False
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
        if self.glossary_path and self.glossary_path.is_file():
            parts.append(self.glossary_path.read_bytes())
        return checksum(parts)


@dataclass
class _Heading:
    level: int
    title: str
    custom_id: str | None
    line: int


def _parse_heading(line: str) -> tuple[int, str, str | None] | None:
    match = _HEADING.match(line)
    if not match:
        return None
    level, title = len(match.group(1)), match.group(2)
    custom = _CUSTOM_ID.search(title)
    custom_id = custom.group(1) if custom else None
    if custom:
        title = title[: custom.start()]
    title = _CLOSING_HASHES.sub("", " " + title).strip()
    return level, title, custom_id


def iter_headings(markdown: str) -> Iterator[_Heading]:
    """ATX headings outside fenced code blocks, with their 1-based line numbers."""
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0]
            elif marker[0] == fence:
                fence = None
            continue
        if fence is not None or line.startswith((" ", "\t")):
            continue
        parsed = _parse_heading(line)
        if parsed:
            yield _Heading(parsed[0], parsed[1], parsed[2], number)


def section_label(handbook: Handbook, section_id: str) -> str:
    """A section as a reader names it: "Chapter › Section", or the chapter title alone."""
    section = handbook.section(section_id)
    if section is None:
        return section_id
    chapter = handbook.chapter(section.chapter_id)
    if section.level == 1 or chapter is None:
        return section.title
    return f"{chapter.title} › {section.title}"


def parse_chapter(chapter_id: str, path: Path, markdown: str, problems: list[Problem]) -> Chapter:
    """Split a chapter into its opening text and one section per `##`/`###` heading."""
    lines = markdown.splitlines()
    headings = [h for h in iter_headings(markdown) if h.level <= 3]
    title_heading = next((h for h in headings if h.level == 1), None)
    title = title_heading.title if title_heading else ""
    if not title:
        problems.append(Problem(path, 1, "chapter has no '# Title' heading"))
        title = _ORDER_PREFIX.sub("", path.stem).replace("-", " ").replace("_", " ").title()
    section_heads = [h for h in headings if h.level in (2, 3)]
    starts = [h.line for h in section_heads]
    intro_end = (starts[0] - 1) if starts else len(lines)
    intro_start = title_heading.line if title_heading and title_heading.line <= intro_end else 0
    sections = [
        Section(
            id=chapter_id,
            chapter_id=chapter_id,
            title=title,
            level=1,
            anchor="top",
            markdown="\n".join(lines[intro_start:intro_end]).strip("\n"),
            line=intro_start or 1,
        )
    ]
    seen: dict[str, int] = {"top": 1}
    for index, heading in enumerate(section_heads):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        anchor = heading.custom_id or slugify(heading.title)
        if anchor in seen:
            problems.append(
                Problem(path, heading.line, f"duplicate section id '{chapter_id}/{anchor}'")
            )
            seen[anchor] += 1
            anchor = f"{anchor}-{seen[anchor]}"
        seen.setdefault(anchor, 1)
        sections.append(
            Section(
                id=f"{chapter_id}/{anchor}",
                chapter_id=chapter_id,
                title=heading.title or anchor,
                level=heading.level,
                anchor=anchor,
                markdown="\n".join(lines[heading.line : end]).strip("\n"),
                line=heading.line,
            )
        )
    return Chapter(chapter_id, title, path, markdown, tuple(sections))


def chapter_id_for(path: Path) -> str:
    return slugify(_ORDER_PREFIX.sub("", path.stem))


def _load_chapters(root: Path, files: list[Path], problems: list[Problem]) -> tuple[Chapter, ...]:
    chapters: list[Chapter] = []
    used: set[str] = set()
    for path in files:
        text = read_text(path, problems)
        if text is None:
            continue
        if not text.strip():
            problems.append(Problem(path, 1, "chapter file is empty"))
            continue
        chapter_id = chapter_id_for(path)
        if chapter_id in used:
            problems.append(Problem(path, 1, f"duplicate chapter id '{chapter_id}'"))
            continue
        used.add(chapter_id)
        chapters.append(parse_chapter(chapter_id, path, text, problems))
    return tuple(chapters)


def _plain_folder_files(root: Path) -> list[Path]:
    """`*.md` in the folder and its `chapters/`, by file name; a README only if alone."""
    files = [p for p in (*root.glob("*.md"), *root.glob("chapters/*.md")) if p.is_file()]
    chapters = [p for p in files if p.name.lower() != "readme.md"]
    return sorted(chapters or files, key=lambda p: p.name)


def _manifest_string(data: dict[str, object], key: str, path: Path, problems: list[Problem]) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        problems.append(Problem(path, 1, f"'{key}' must be text"))
        return ""
    return value


def _manifest_chapter_files(
    root: Path, data: dict[str, object], manifest: Path, problems: list[Problem]
) -> list[Path]:
    entries = data.get("chapters")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(manifest, 1, "'chapters' must be a non-empty list of files"))
        return _plain_folder_files(root)
    files: list[Path] = []
    for entry in entries:
        if not isinstance(entry, str):
            problems.append(Problem(manifest, 1, f"chapter entry {entry!r} is not a file name"))
            continue
        path = (root / entry).resolve()
        if not path.is_relative_to(root.resolve()):
            problems.append(Problem(manifest, 1, f"chapter '{entry}' is outside the handbook"))
            continue
        files.append(path)
    return files


def load_handbook(root: Path) -> Handbook:
    """Load a handbook folder. Raises HandbookError only if nothing at all can be read."""
    root = Path(root)
    if not root.is_dir():
        raise HandbookError(f"No handbook folder at {root}")
    problems: list[Problem] = []
    manifest = root / MANIFEST_NAME
    data: dict[str, object] = {}
    if manifest.is_file():
        text = read_text(manifest, problems)
        try:
            data = tomllib.loads(text or "")
        except tomllib.TOMLDecodeError as error:
            line = getattr(error, "lineno", None) or _toml_error_line(str(error), text or "")
            problems.append(Problem(manifest, line, f"manifest is not valid TOML: {error}"))
    if data:
        files = _manifest_chapter_files(root, data, manifest, problems)
    else:
        files = _plain_folder_files(root)
    chapters = _load_chapters(root, files, problems)
    if not chapters and not files:
        raise HandbookError(f"{root} holds no Markdown chapters")
    title = _manifest_string(data, "title", manifest, problems) if data else ""
    glossary_name = _manifest_string(data, "glossary", manifest, problems) if data else ""
    if not glossary_name and (root / "glossary.toml").is_file():
        glossary_name = "glossary.toml"
    glossary_path = (root / glossary_name) if glossary_name else None
    if glossary_path is not None and not glossary_path.is_file():
        problems.append(Problem(manifest, 1, f"glossary file '{glossary_name}' not found"))
        glossary_path = None
    glossary = load_glossary(glossary_path)
    problems.extend(glossary.problems)
    if glossary.terms and GLOSSARY_CHAPTER_ID not in {c.id for c in chapters}:
        glossary_text = glossary_markdown(glossary)
        assert glossary_path is not None
        chapters += (parse_chapter(GLOSSARY_CHAPTER_ID, glossary_path, glossary_text, []),)
    return Handbook(
        root=root,
        title=title or (chapters[0].title if chapters else root.name),
        subtitle=_manifest_string(data, "subtitle", manifest, problems) if data else "",
        language=(_manifest_string(data, "language", manifest, problems) if data else "") or "en",
        edition=_manifest_string(data, "edition", manifest, problems) if data else "",
        date=_manifest_string(data, "date", manifest, problems) if data else "",
        source=_manifest_string(data, "source", manifest, problems) if data else "",
        start=_manifest_string(data, "start", manifest, problems) if data else "",
        glossary_path=glossary_path,
        glossary=glossary,
        chapters=chapters,
        problems=tuple(problems),
        has_manifest=bool(data),
    )


def _toml_error_line(message: str, text: str) -> int:
    match = re.search(r"line (\d+)", message)
    if match:
        return int(match.group(1))
    if "end of document" in message:
        return max(1, len(text.splitlines()))
    return 1
