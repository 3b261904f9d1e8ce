"""Markdown chapters split into sections: headings, their ids, and the text under them.

A section's anchor is the heading's `{#id}` if it has one, else the id Python-Markdown's
toc extension (and so MkDocs) would give it, so links written for those tools work.
Other ids a page defines (`{: #id}` on a paragraph, `<a id>`, toc's `_1` for repeated
headings) become aliases of the section that holds them (found by bisection: a page of
30,000 ids once took a minute when each looked through every section).
A chapter makes at most MAX_SECTIONS sections; headings past that stay text in the
last one, and the chapter says so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from reader.handbook.frontmatter import split_front_matter
from reader.handbook.headings import (
    Heading,
    iter_headings,
    next_fence,
    plain_text,
    split_attribute_list,
)
from reader.handbook.ids import slugify, toc_slug
from reader.handbook.model import Chapter, Section
from reader.problems import Problem

ORDER_PREFIX = re.compile(r"^\d+[-_. ]+")
_BLOCK_ID = re.compile(r"\{:?[ \t]*[^{}\n]*?(?<![\w-])#([A-Za-z][\w\-:.]*)[^{}\n]*\}")
_HTML_ID = re.compile(r"<a\s[^<>]*?\b(?:id|name)\s*=\s*[\"']([^\"'<>]+)[\"']", re.IGNORECASE)
_QUOTED_HEADING = re.compile(r"^[ ]{0,3}(?:>[ ]?)+(#{1,6})(.*)$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
MAX_SECTIONS = 10_000


def title_from_file_name(path: Path) -> str:
    return ORDER_PREFIX.sub("", path.stem).replace("-", " ").replace("_", " ").title()


def parse_chapter(
    chapter_id: str,
    path: Path,
    markdown: str,
    problems: list[Problem],
    *,
    title: str = "",
) -> Chapter:
    """Split a chapter into its opening text and one section per `##`/`###` heading.

    `title` (from a nav) names the chapter before its front matter or `# Title` does.
    The chapter's text keeps its line numbers, with front matter lines left blank.
    """
    front = split_front_matter(markdown)
    if front.error:
        problems.append(Problem(path, 1, front.error))
    markdown = front.body
    lines = markdown.splitlines()
    every_heading = list(iter_headings(markdown))
    headings = [h for h in every_heading if h.level <= 3]
    title_heading = next((h for h in headings if h.level == 1), None)
    title = title or front.title or (title_heading.title if title_heading else "")
    if not title:
        problems.append(Problem(path, 1, "chapter has no '# Title' heading"))
        title = title_from_file_name(path)
    section_heads = [h for h in headings if h.level in (2, 3)]
    if len(section_heads) > MAX_SECTIONS:
        message = f"chapter has more than {MAX_SECTIONS:,} section headings; the rest are text"
        problems.append(Problem(path, section_heads[MAX_SECTIONS].line, message))
        section_heads = section_heads[:MAX_SECTIONS]
    starts = [h.line for h in section_heads]
    intro_end = (starts[0] - 1) if starts else len(lines)
    intro_start = title_heading.end if title_heading and title_heading.line <= intro_end else 0
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
    aliases: dict[str, str] = {}
    for index, heading in enumerate(section_heads):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        anchor = heading.custom_id or toc_slug(heading.title)
        if anchor in seen:
            problems.append(
                Problem(path, heading.line, f"duplicate section id '{chapter_id}/{anchor}'")
            )
            aliases.setdefault(f"{anchor}_{seen[anchor]}", f"{anchor}-{seen[anchor] + 1}")
            seen[anchor] += 1
            anchor = f"{anchor}-{seen[anchor]}"
        seen.setdefault(anchor, 1)
        legacy = slugify(heading.title)
        if not heading.custom_id and legacy != anchor:
            aliases.setdefault(legacy, anchor)
        sections.append(
            Section(
                id=f"{chapter_id}/{anchor}",
                chapter_id=chapter_id,
                title=heading.title or anchor,
                level=heading.level,
                anchor=anchor,
                markdown="\n".join(lines[heading.end : end]).strip("\n"),
                line=heading.line,
            )
        )
    if title_heading is not None:
        aliases.setdefault(title_heading.custom_id or toc_slug(title_heading.title), "top")
    aliases.update(_other_heading_ids(every_heading, section_heads, title_heading, sections))
    aliases.update(_block_ids(lines, sections, set(seen)))
    aliases = {k: v for k, v in aliases.items() if k not in seen}
    return Chapter(chapter_id, title, path, markdown, tuple(sections), anchors=aliases)


class _Holders:
    """Which section holds a line: the sections' first lines, searched by bisection."""

    def __init__(self, sections: list[Section]) -> None:
        self.lines = [s.line for s in sections[1:]]  # in order: sections follow the text
        self.anchors = [s.anchor for s in sections[1:]]

    def of(self, line: int) -> str:
        """The anchor of the last section starting at or before `line` ("top" if none)."""
        index = bisect_right(self.lines, line)
        return self.anchors[index - 1] if index else "top"


def _other_heading_ids(
    headings: list[Heading],
    section_heads: list[Heading],
    title: Heading | None,
    sections: list[Section],
) -> dict[str, str]:
    """`####` headings and second `#` titles are not sections, but links reach them."""
    found: dict[str, str] = {}
    skip = {id(heading) for heading in section_heads} | {id(title)}
    holders = _Holders(sections)
    for heading in headings:
        if id(heading) in skip:
            continue
        name = heading.custom_id or toc_slug(heading.title)
        found.setdefault(name, holders.of(heading.line))
    return found


def _block_ids(lines: list[str], sections: list[Section], taken: set[str]) -> dict[str, str]:
    """Ids set on paragraphs and other blocks, each mapped to the section it is in."""
    found: dict[str, str] = {}
    fence: str | None = None
    holders = _Holders(sections)
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if match or fence is not None:
            if match:
                fence = next_fence(fence, line, match.group(1))
            continue
        # Cheap tests first: most lines hold no id at all.
        ids = [m.group(1) for m in _HTML_ID.finditer(line)] if "<" in line else []
        if "{" in line:
            ids += [m.group(1) for m in _BLOCK_ID.finditer(line)]
        quoted = _QUOTED_HEADING.match(line) if ">" in line else None
        if quoted:  # `> #### name` in a quote is still a heading with an id
            text, custom_id = split_attribute_list(quoted.group(2).strip().rstrip("#"))
            ids.append(custom_id or toc_slug(plain_text(text)))
        for name in ids:
            if name in taken or name in found:
                continue
            found[name] = holders.of(number)
    return found


def anchored_markdown(chapter: Chapter) -> str:
    """The chapter's Markdown with every section heading written as an ATX heading
    carrying its model anchor, so the page's ids are the sections' ids."""
    lines = chapter.markdown.splitlines()
    headings = list(iter_headings(chapter.markdown))
    by_line = {h.line: h for h in headings if h.level > 1}
    titles = {h.end: h for h in headings if h.level == 1}  # the opening text starts there
    for section in chapter.sections:
        heading = (titles if section.level == 1 else by_line).get(section.line)
        if heading is None or heading.end > len(lines):
            continue
        source = heading.source or section.title
        lines[heading.line - 1] = f"{'#' * heading.level} {source} {{#{section.anchor}}}"
        if heading.setext:
            lines[heading.end - 1] = ""
    return "\n".join(lines)


def chapter_id_for(path: Path) -> str:
    return slugify(ORDER_PREFIX.sub("", path.stem))
