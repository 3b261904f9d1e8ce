"""Headings as Python-Markdown reads them: `#` (ATX) and underlined (setext) headings,
their `{: #id}` attribute lists, and their titles as plain text for contents and search.

The reading view renders with Python-Markdown, so a heading counts here exactly when
it is a heading on the page; otherwise a chapter's contents, search results, bookmarks
and the PDF's contents page would disagree with what the reader sees.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_ATX = re.compile(r"^(#{1,6})(.*?)$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*([^{}\n]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s#.}]+)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT_RULE = re.compile(r"^(=+|-+)[ ]*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$")

_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_TAG = re.compile(r"<[^<>]+>")
_STRONG_EMPHASIS = re.compile(
    r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1|(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\3(?!\w)"
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"[`*_\[\]<>&\\!]")


@dataclass(frozen=True)
class Heading:
    """One heading: `line` is its text's 1-based line, `end` the line it ends on (the
    underline of a setext heading). `source` is the title as written, inline Markdown
    and all; `title` is what a reader sees."""

    level: int
    source: str
    title: str
    custom_id: str | None
    line: int
    end: int
    setext: bool = False


def split_attribute_list(text: str) -> tuple[str, str | None]:
    """The heading text without a trailing `{: #id .class}`, and the id it sets."""
    match = _ATTR_LIST.search(text)
    if not match:
        return text, None
    found = _ATTR_ID.search(match.group(1))
    return text[: match.start()], (found.group(1) if found else None)


def plain_text(source: str) -> str:
    """Inline Markdown as the words a reader sees: "Using the `markdown_py` Command"
    becomes "Using the markdown_py Command" (code spans are kept as they are)."""
    if not _MARKUP.search(source):
        return _SPACE.sub(" ", source).strip()  # most titles: nothing to take out
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(source):
        parts.append(_plain_inline(source[position : match.start()]))
        parts.append(match.group(2).strip())
        position = match.end()
    parts.append(_plain_inline(source[position:]))
    return _SPACE.sub(" ", "".join(parts)).strip()


def _plain_inline(text: str) -> str:
    text = _IMAGE.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis: ***a** b*
        text = _STRONG_EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", text)
    return html.unescape(_ESCAPE.sub(r"\1", text))


def _atx(line: str) -> tuple[int, str] | None:
    """`## Title ##` as (level, raw title). Python-Markdown also takes `#Title`."""
    match = _ATX.match(line)
    return (len(match.group(1)), match.group(2)) if match else None


def _make(level: int, raw: str, line: int, end: int, setext: bool) -> Heading:
    text, custom_id = split_attribute_list(raw)
    if not setext:
        text = _CLOSING_HASHES.sub("", text)
    source = text.strip()
    return Heading(level, source, plain_text(source), custom_id, line, end, setext)


def next_fence(fence: str | None, line: str, marker: str) -> str | None:
    """The open fence after `line`: Python-Markdown closes a fence only with the same
    run of backticks or tildes on a line of its own (```` is not closed by ```)."""
    if fence is None:
        return marker
    return None if line.strip() == fence else fence


def iter_headings(markdown: str) -> Iterator[Heading]:
    """Every heading outside fenced and indented code, in order."""
    lines = markdown.splitlines()
    fence: str | None = None
    previous_is_text = False  # the line before may become a setext heading's text
    for index, line in enumerate(lines):
        number = index + 1
        fence_match = _FENCE.match(line) if ("`" in line or "~" in line) else None
        if fence_match or fence is not None:
            if fence_match:
                fence = next_fence(fence, line, fence_match.group(1))
            previous_is_text = False
            continue
        if previous_is_text and line[:1] in ("=", "-") and _SETEXT_RULE.match(line):
            text = lines[index - 1]
            if not (_LIST_ITEM.match(text) or _RULE.match(text)):
                level = 1 if line.startswith("=") else 2
                yield _make(level, text, number - 1, number, True)
                previous_is_text = False
                continue
        if not line.strip() or line.startswith(("    ", "\t")):
            previous_is_text = False
            continue
        atx = _atx(line) if line.startswith("#") else None
        if atx is not None:
            yield _make(atx[0], atx[1], number, number, False)
            previous_is_text = False
            continue
        previous_is_text = True
