"""Markdown chapters to safe HTML for the reading view, the PDF and `show --format html`.

Links and pictures are rewritten to the app's own schemes so that nothing can reach the
network or the file system: `section:chapter/anchor` for links inside the handbook,
`picture:relative/path.svg` for pictures in the handbook folder, `glossary:slug` for
marked terms. Everything, including raw HTML in a chapter, then goes through nh3 with
an allowlist; remote or local-file resources never survive it.
"""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from reader.content.allowlist import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, REMOVED_WITH_CONTENT
from reader.content.cost import LONG_LINE, costly_runs
from reader.content.links import EXTERNAL_SCHEMES, GLOSSARY_SCHEME, PICTURE_SCHEME, SECTION_SCHEME
from reader.handbook.gate import Refusal, locate, locate_file, real_root

if TYPE_CHECKING:
    from reader.handbook import Chapter, Handbook


def _standard_extensions(text: str) -> list[markdown.Extension]:
    """Python-Markdown's own extensions, as objects: naming them by string makes Markdown
    scan every installed package's entry points, which cost 50 ms of start-up. Fenced
    code is loaded only for text with fences: it imports Pygments where that is installed.
    """
    extensions: list[markdown.Extension] = [
        TableExtension(),
        AttrListExtension(),
        DefListExtension(),
        AdmonitionExtension(),
        SaneListExtension(),
    ]
    if "```" in text or "~~~" in text:
        from markdown.extensions.fenced_code import FencedCodeExtension

        extensions.append(FencedCodeExtension())
    return extensions


_IMG_WITHOUT_SRC = re.compile(r"<img\b(?![^>]*\bsrc=)([^>]*)>")
_ALT = re.compile(r'\balt="([^"]*)"')


@dataclass(frozen=True)
class LinkContext:
    """What the renderer needs to turn a chapter's relative links into app URLs."""

    chapter_id: str
    chapter_dir: Path
    root: Path
    chapter_ids_by_file: dict[str, str]
    known_sections: frozenset[str]
    aliases: Mapping[str, str] = field(default_factory=dict)  # other ids -> section ids

    @classmethod
    def for_chapter(cls, handbook: Handbook, chapter: Chapter) -> LinkContext:
        return cls(
            chapter_id=chapter.id,
            chapter_dir=chapter.path.parent,
            root=real_root(handbook.root),
            chapter_ids_by_file=_chapter_ids_by_file(handbook),
            known_sections=frozenset(s.id for s in handbook.sections()),
            aliases={
                f"{c.id}/{name}": (f"{c.id}/{anchor}" if anchor != "top" else c.id)
                for c in handbook.chapters
                for name, anchor in c.anchors.items()
            },
        )

    def link_target(self, href: str) -> str | None:
        """The app URL for a link in the chapter, or None when it leads nowhere safe."""
        parts = urlsplit(href)
        if parts.scheme.lower() in EXTERNAL_SCHEMES:
            return href if parts.netloc or parts.scheme.lower() == "mailto" else None
        if parts.scheme or parts.netloc:
            return None
        chapter_id = self.chapter_id
        if parts.path:
            found = self._chapter_at(self.chapter_dir / unquote(parts.path))
            if found is None:
                return None
            chapter_id = found
        section_id = f"{chapter_id}/{parts.fragment}" if parts.fragment else chapter_id
        section_id = self.aliases.get(section_id, section_id)
        if section_id not in self.known_sections:
            return None
        return f"{SECTION_SCHEME}:{section_id}"

    def _chapter_at(self, path: Path) -> str | None:
        """The chapter a link's path names: the file itself, or as MkDocs reads `page/`
        links, `page.md`, `page/index.md` or `page/README.md`. Found through the gate."""
        stem = Path(str(path).rstrip("/"))
        candidates = (
            path,
            stem.with_name(stem.name + ".md"),
            stem / "index.md",
            stem / "README.md",
        )
        for candidate in candidates:
            target = locate(self.root, candidate)
            if not isinstance(target, Refusal) and str(target) in self.chapter_ids_by_file:
                return self.chapter_ids_by_file[str(target)]
            twin = self.chapter_ids_by_file.get(os.path.normpath(candidate))
            if twin is not None:  # a chapter's name in the other language's folder
                return twin
        return None

    def picture_target(self, src: str) -> str | None:
        """`picture:<path relative to the handbook>` for a picture inside the folder."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        target = locate_file(self.root, self.chapter_dir / unquote(parts.path))
        if isinstance(target, Refusal):
            return None
        return f"{PICTURE_SCHEME}:{target.relative_to(self.root).as_posix()}"


def _chapter_ids_by_file(handbook: Handbook) -> dict[str, str]:
    """Each chapter's real path (through the gate) to its id, for links between them.

    In a translation (`es/chapters/risks.md`) a chapter not translated yet is the main
    language's file (`chapters/if-it-does-not-work.md`), and the two folders link to
    each other by file name alone: so each chapter is also known by its twin's path in
    the other folder (a name, never read; only chapter paths are listed)."""
    found = ((locate(handbook.root, c.path), c.id) for c in handbook.chapters)
    by_file = {str(path): chapter_id for path, chapter_id in found if isinstance(path, Path)}
    folder = handbook.language
    if handbook.base_language and folder != handbook.base_language:
        for root in {Path(handbook.root), real_root(handbook.root)}:
            for chapter in handbook.chapters:
                twin = _twin_path(Path(os.path.normpath(chapter.path)), root, folder)
                if twin is not None:
                    by_file.setdefault(str(twin), chapter.id)
    return by_file


def _twin_path(path: Path, root: Path, folder: str) -> Path | None:
    """`root/folder/x` for `root/x`, and back: the same file name in the other language."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return None
    if relative.parts[:1] == (folder,):
        return root.joinpath(*relative.parts[1:])
    return root / folder / relative


class _RewriteLinks(Treeprocessor):
    """Points links and pictures at app URLs, turns lone pictures into captioned figures."""

    def __init__(self, md: markdown.Markdown, context: LinkContext | None) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "a":
                    self._rewrite_link(child)
                elif child.tag == "img":
                    self._rewrite_picture(parent, child)
            if parent.tag == "p" and _is_lone_picture(parent):
                _make_figure(parent)

    def _rewrite_link(self, link: etree.Element) -> None:
        href = link.get("href", "")
        target = self.context.link_target(href) if self.context else None
        if target is None:
            link.attrib.pop("href", None)
            link.set("class", "broken-link")
        else:
            link.set("href", target)
            if not target.startswith(SECTION_SCHEME + ":"):
                link.set("class", "external")

    def _rewrite_picture(self, parent: etree.Element, image: etree.Element) -> None:
        src = image.get("src", "")
        target = self.context.picture_target(src) if self.context else None
        if target is not None:
            image.set("src", target)
            return
        image.attrib.pop("src", None)


def _is_lone_picture(paragraph: etree.Element) -> bool:
    children = list(paragraph)
    return (
        len(children) == 1
        and children[0].tag == "img"
        and not (paragraph.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _make_figure(paragraph: etree.Element) -> None:
    image = paragraph[0]
    caption = image.attrib.pop("title", "")
    paragraph.tag = "div"
    paragraph.set("class", "figure")
    if caption:
        caption_element = etree.SubElement(paragraph, "p")
        caption_element.set("class", "caption")
        caption_element.text = caption


class _LinkExtension(markdown.Extension):
    def __init__(self, context: LinkContext | None) -> None:
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_RewriteLinks(md, self.context), "reader_links", 1)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Second line of defence after the tree rewrite: only app URLs for pictures."""
    if tag == "img" and attribute == "src" and not value.startswith(PICTURE_SCHEME + ":"):
        return None
    if attribute == "href":
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme not in {SECTION_SCHEME, GLOSSARY_SCHEME, *EXTERNAL_SCHEMES}:
            return None
    return value


def _alt_text_for(match: re.Match[str]) -> str:
    alt = _ALT.search(match.group(1))
    text = html.unescape(alt.group(1)) if alt else ""
    label = f"[Picture: {text}]" if text else "[Picture not available]"
    return f'<span class="missing-picture">{html.escape(label)}</span>'


def sanitize(fragment: str) -> str:
    """Only allowlisted tags, attributes and app URLs survive; missing pictures become text."""
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={SECTION_SCHEME, PICTURE_SCHEME, GLOSSARY_SCHEME, *EXTERNAL_SCHEMES},
        link_rel=None,
        strip_comments=True,
    )
    return _IMG_WITHOUT_SRC.sub(_alt_text_for, cleaned)


def markdown_to_html(
    text: str,
    context: LinkContext | None = None,
    extra: list[markdown.Extension] | None = None,
) -> str:
    """Markdown to sanitised HTML. A pure function of its inputs."""
    text, aside = _set_aside_long_lines(_headings_apart(text))
    converter = markdown.Markdown(
        extensions=[*_standard_extensions(text), _LinkExtension(context), *(extra or [])],
        output_format="html",
    )
    try:
        converted = converter.convert(text)
    except RecursionError:
        # Python-Markdown recurses once per nesting level: a few hundred nested lists
        # exhaust the stack. Show such a text plainly rather than not at all.
        converted = _plain_paragraphs(text)
    # Put back after sanitising: the text set aside is escaped already, and nh3 takes
    # seconds on a megabyte of entities (8.8 s measured), so it is better not asked.
    converted = sanitize(converted)
    for token, line in aside.items():
        converted = converted.replace(f"<p>{token}</p>", line).replace(token, line)
    return converted


def _set_aside_long_lines(text: str) -> tuple[str, dict[str, str]]:
    """Lines longer than LONG_LINE, and runs of lines that would make Python-Markdown
    quadratic (see `reader.content.cost`), are shown as plain text: its inline patterns
    took 46 s on 20,000 `[` on one line, which would freeze the reading view. Each
    such line or run is swapped for a token that Markdown leaves alone, and put back,
    escaped, after conversion."""
    lines = text.splitlines()
    aside: dict[str, str] = {}
    for run in reversed(costly_runs(lines)):
        token = f"HBRPLAIN{run.first}X{len(aside)}"
        aside[token] = _plain_lines(lines[run.first : run.last + 1])
        lines[run.first : run.last + 1] = ["", token, ""]
    for number, line in enumerate(lines):
        if len(line) > LONG_LINE:
            token = f"HBRLONGLINE{number}X{len(aside)}"
            aside[token] = html.escape(line)
            lines[number] = token
    return ("\n".join(lines), aside) if aside else (text, {})


_HEADING_START = re.compile(r"^#{1,6}(?:[ \t]|$)")
_FENCE_START = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")


def _headings_apart(text: str) -> str:
    """A blank line before each heading, outside fenced code. Python-Markdown splits a
    block at each heading and copies the rest of it, so 2,000 headings with no blank
    lines between them took 1.4 s and 10,000 took 32 s; apart, they render at once.
    A heading already ends the paragraph before it, so the page is the same."""
    if "\n#" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        fence_match = _FENCE_START.match(line)
        if fence_match:
            marker = fence_match.group(1)[0]
            fence = marker if fence is None else (None if marker == fence else fence)
        elif fence is None and _HEADING_START.match(line) and out and out[-1].strip():
            out.append("")
        out.append(line)
    return "\n".join(out)


def _plain_lines(lines: list[str]) -> str:
    """Lines as escaped preformatted text. Measured for 170,000 lines in the window:
    a <pre> lays out in 3.4 s at 98 MB; paragraphs with <br> took 2 s but 430 MB."""
    text = html.escape("\n".join(lines))
    return f'<pre class="plain">{text}</pre>'


def _plain_paragraphs(text: str) -> str:
    """Text as escaped paragraphs, with no Markdown at all: the safe fallback."""
    blocks = (block.strip() for block in re.split(r"\n\s*\n", text))
    return "".join(f"<p>{html.escape(block)}</p>\n" for block in blocks if block)


def anchored_markdown(chapter: Chapter) -> str:
    """The chapter's Markdown with every section heading given its model anchor."""
    from reader.handbook.chapters import anchored_markdown as anchored

    return anchored(chapter)


def render_chapter(
    handbook: Handbook, chapter: Chapter, extra: list[markdown.Extension] | None = None
) -> str:
    """A whole chapter as an HTML fragment whose heading ids are the section anchors."""
    context = LinkContext.for_chapter(handbook, chapter)
    return markdown_to_html(anchored_markdown(chapter), context, extra)
