"""Markdown chapters split into sections: headings, their ids, and the text under them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.handbook.ids import plain_title, slugify
from reader.handbook.model import Chapter, Section
from reader.problems import Problem

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_CUSTOM_ID = re.compile(r"\{[^}]*#([A-Za-z0-9][\w\-]*)[^}]*\}\s*$")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
ORDER_PREFIX = re.compile(r"^\d+[-_. ]+")


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
    return level, plain_title(title), custom_id


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


def parse_chapter(chapter_id: str, path: Path, markdown: str, problems: list[Problem]) -> Chapter:
    """Split a chapter into its opening text and one section per `##`/`###` heading."""
    lines = markdown.splitlines()
    headings = [h for h in iter_headings(markdown) if h.level <= 3]
    title_heading = next((h for h in headings if h.level == 1), None)
    title = title_heading.title if title_heading else ""
    if not title:
        problems.append(Problem(path, 1, "chapter has no '# Title' heading"))
        title = ORDER_PREFIX.sub("", path.stem).replace("-", " ").replace("_", " ").title()
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
    return slugify(ORDER_PREFIX.sub("", path.stem))
