"""The content checker: everything wrong in a handbook folder, as `file:line` problems.

`check_handbook` is for authors and clinic IT before they ship a handbook. It reports
what the loader found (bad manifest, unreadable or empty files, duplicate ids), links
and pictures that lead nowhere, glossary terms no section uses, and raw HTML that the
renderer would strip, so that what an author wrote is what a family sees. It reads
the text the way the renderer does (fenced code and code spans are text, not markup)
and never renders, so it stays fast on very large or hostile folders.
"""

from __future__ import annotations

import html
import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.content.links import EXTERNAL_SCHEMES
from reader.content.render import ALLOWED_TAGS, LinkContext
from reader.content.term_uses import term_sections
from reader.handbook import MANIFEST_NAME, Chapter, Handbook
from reader.problems import Problem

LONG_LINE_CHARS = 10_000
MAX_NESTING = 20

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^<>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_MD_LINK = re.compile(
    r"""(!?)\[([^\[\]]*)\]\(\s*(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()<>]*\))*)"""
    r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"""
)
_REF_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_REF_USE = re.compile(r"(!?)\[([^\[\]\n]*)\]\[([^\[\]\n]*)\]")
_ATTRIBUTE_LIST = re.compile(r"\{:?([^{}\n=]*=[^{}\n]*)\}")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>)+")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d]*[1-9])"
    r"|font-size\s*:\s*0(?![.\d]*[1-9])|(?:left|top|text-indent)\s*:\s*-\d{3,}"
    r"|(?:width|height)\s*:\s*0(?![.\d]*[1-9])",
    re.IGNORECASE,
)

#: Tags whose whole content the renderer drops, with why, in words for an author.
REMOVED_WITH_CONTENT = {
    "script": "script <script> is removed: the reader never runs scripts",
    "style": "style sheet <style> is removed: the reader uses its own styles",
    "iframe": "embedded page <iframe> is removed: the reader shows only the handbook",
    "object": "embedded object <object> is removed: the reader shows only the handbook",
    "embed": "embedded content <embed> is removed: the reader shows only the handbook",
    "template": "template <template> is removed with its content",
}
_RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "xlink:href"}
_LINK_ATTRIBUTES = {"href", "action", "formaction"}


def check_handbook(handbook: Handbook) -> list[Problem]:
    """Every problem in the handbook, sorted by file then line, without duplicates."""
    problems: list[Problem] = [*handbook.problems, *handbook.glossary.problems]
    missing, manifest_problems = _manifest_problems(handbook)
    problems = [p for p in problems if _resolved(p.path) not in missing]
    problems += manifest_problems
    for chapter in handbook.reading_chapters:
        problems += check_chapter(handbook, chapter)
    problems += _glossary_problems(handbook)
    return sorted_problems(problems, handbook.root)


def check_chapter(handbook: Handbook, chapter: Chapter) -> list[Problem]:
    """Links, pictures, raw HTML, very long lines and deep nesting in one chapter."""
    text = _Text.of(chapter.path, chapter.markdown)
    scanner = _Scanner(LinkContext.for_chapter(handbook, chapter), text)
    scanner.scan()
    scanner.problems += _long_lines(chapter.path, chapter.markdown)
    scanner.problems += _deep_nesting(chapter.path, text.scannable)
    return scanner.problems


def sorted_problems(problems: Iterable[Problem], root: Path) -> list[Problem]:
    """Absolute paths, duplicates dropped, ordered by file (as shown) then line."""
    base = _resolved(root)
    unique = {Problem(_resolved(p.path), p.line, p.message) for p in problems}

    def key(problem: Problem) -> tuple[str, int, str]:
        path = problem.path
        shown = path.relative_to(base) if path.is_relative_to(base) else path
        return (shown.as_posix(), problem.line, problem.message)

    return sorted(unique, key=key)


def format_problems(problems: Iterable[Problem], root: Path) -> list[str]:
    """`file:line: message` lines, with files relative to the handbook folder."""
    base = _resolved(root)
    return [problem.format(base) for problem in problems]


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


# --- the manifest and the glossary -------------------------------------------------


def _manifest_problems(handbook: Handbook) -> tuple[set[Path], list[Problem]]:
    """Chapters the manifest lists but that are missing, and files it forgets to list.

    Returns the missing files too, so the loader's bare "file not found" for them can
    give way to a problem on the manifest line that names them.
    """
    manifest = handbook.root / MANIFEST_NAME
    if not handbook.has_manifest:
        return set(), []
    text = manifest.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return set(), []  # the loader already reported it
    root = _resolved(handbook.root)
    problems: list[Problem] = []
    missing: set[Path] = set()
    entries = data.get("chapters")
    listed = [e for e in entries if isinstance(e, str)] if isinstance(entries, list) else []
    for entry in listed:
        path = _resolved(root / entry)
        if path.is_relative_to(root) and not path.is_file():
            missing.add(path)
            message = f"chapter '{entry}' is listed in {MANIFEST_NAME} but the file is missing"
            problems.append(Problem(manifest, _line_mentioning(text, entry), message))
    listed_paths = {_resolved(root / entry) for entry in listed}
    if listed_paths:
        for path in _chapter_like_files(root):
            if path not in listed_paths:
                message = f"chapter file is not listed in {MANIFEST_NAME}, so nobody will see it"
                problems.append(Problem(path, 1, message))
    start = data.get("start")
    if isinstance(start, str) and start and handbook.section(start) is None:
        message = f"start section '{start}' does not exist"
        problems.append(Problem(manifest, _line_mentioning(text, start), message))
    return missing, problems


def _chapter_like_files(root: Path) -> list[Path]:
    files = (*root.glob("*.md"), *root.glob("chapters/*.md"))
    return [_resolved(p) for p in files if p.is_file() and p.name.lower() != "readme.md"]


def _line_mentioning(text: str, value: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if f'"{value}"' in line or f"'{value}'" in line:
            return number
    return 1


def _glossary_problems(handbook: Handbook) -> list[Problem]:
    """Terms no section uses, and links, pictures or HTML inside definitions."""
    path = handbook.glossary_path
    if path is None:
        return []
    problems: list[Problem] = []
    usage = term_sections(handbook)
    for term in handbook.glossary.terms:
        if not usage.get(term.slug):
            message = f"glossary term '{term.term}' is not used in any section"
            problems.append(Problem(path, term.line, message))
    chapter = next((c for c in handbook.chapters if handbook.is_glossary(c)), None)
    if chapter is not None:
        context = LinkContext.for_chapter(handbook, chapter)
        for term in handbook.glossary.terms:
            scanner = _Scanner(context, _Text.of(path, term.definition, fixed_line=term.line))
            scanner.scan()
            problems += scanner.problems
    return problems


# --- reading the text the way the renderer will -----------------------------------


@dataclass(frozen=True)
class _Text:
    """A file's text with code blanked out (offsets kept), and where each offset is."""

    path: Path
    scannable: str
    line_starts: tuple[int, ...]
    fixed_line: int | None = None

    @classmethod
    def of(cls, path: Path, text: str, fixed_line: int | None = None) -> _Text:
        scannable = _blank_comments(_blank_code(text))
        starts = (0, *(m.end() for m in re.finditer("\n", scannable)))
        return cls(path, scannable, starts, fixed_line)

    def line_at(self, offset: int) -> int:
        if self.fixed_line is not None:
            return self.fixed_line
        return bisect_right(self.line_starts, offset)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_code(text: str) -> str:
    """Fenced code blocks and code spans become spaces: they are shown as text."""
    lines: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)[0]
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            lines.append(" " * len(line))
        elif fence is not None:
            lines.append(" " * len(line))
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


def _blank_comments(text: str) -> str:
    """HTML comments are dropped by the renderer, so nothing inside them matters."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        parts += [text[position:start], _blank(text[start : end + 3])]
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


class _Scanner:
    """Finds the links, pictures and raw HTML in one text and judges each."""

    def __init__(self, context: LinkContext, text: _Text) -> None:
        self.context = context
        self.text = text
        self.problems: list[Problem] = []

    def report(self, offset: int, message: str) -> None:
        self.problems.append(Problem(self.text.path, self.text.line_at(offset), message))

    def scan(self) -> None:
        self._scan_html()
        self._scan_markdown_links()
        self._scan_reference_links()
        self._scan_autolinks()
        self._scan_attribute_lists()

    # Markdown links and pictures

    def _scan_markdown_links(self) -> None:
        for match in _MD_LINK.finditer(self.text.scannable):
            target = match.group(3).strip("<>")
            if match.group(1):
                self._check_picture(match.start(), target, match.group(2))
            else:
                self._check_link(match.start(), target)

    def _scan_reference_links(self) -> None:
        scannable = self.text.scannable
        pictures: dict[str, str] = {}
        for use in _REF_USE.finditer(scannable):
            label = _label(use.group(3) or use.group(2))
            if use.group(1):
                pictures[label] = use.group(2)
                if not use.group(2).strip():
                    self.report(use.start(), _NO_ALT)
        for definition in _REF_DEFINITION.finditer(scannable):
            label, target = _label(definition.group(1)), definition.group(2).strip("<>")
            if label.startswith("^"):
                continue  # a footnote's text, not an address
            if label in pictures:
                self._check_picture(definition.start(), target, pictures[label] or "-")
            else:
                self._check_link(definition.start(), target)

    def _scan_autolinks(self) -> None:
        for match in _AUTOLINK.finditer(self.text.scannable):
            self._check_link(match.start(), match.group(1))

    def _scan_attribute_lists(self) -> None:
        """`{: onclick="..." style="..."}` after a paragraph or heading sets attributes."""
        for match in _ATTRIBUTE_LIST.finditer(self.text.scannable):
            for attribute in _ATTRIBUTE.finditer(match.group(1)):
                name = attribute.group(1).lower()
                value = html.unescape((attribute.group(2) or "").strip("\"'"))
                if name.startswith("on"):
                    self.report(match.start(), _event_handler_message(name))
                elif name == "style":
                    self.report(match.start(), _style_message(value))

    def _check_link(self, offset: int, href: str) -> None:
        href = _clean_url(href)
        scheme = _scheme(href)
        if scheme is None:
            self.report(offset, f"link address '{_short(href)}' is not valid")
        elif scheme in EXTERNAL_SCHEMES:
            if self.context.link_target(href) is None:
                self.report(offset, f"web address '{_short(href)}' is not complete")
        elif scheme:
            self.report(offset, _unsafe_link_message(scheme, href))
        elif self.context.link_target(href) is None:
            self.report(offset, self._broken_link_message(href))

    def _broken_link_message(self, href: str) -> str:
        parts = urlsplit(href)
        chapter_id = self.context.chapter_id
        if parts.netloc:
            return f"link '{_short(href)}' leads nowhere in the handbook"
        if parts.path:
            target = _resolved(self.context.chapter_dir / unquote(parts.path))
            if not target.exists():
                return f"link to missing file '{parts.path}'"
            found = self.context.chapter_ids_by_file.get(str(target))
            if found is None:
                return f"link to '{parts.path}', which is not a chapter of this handbook"
            chapter_id = found
        return f"link to missing heading '#{parts.fragment}' in chapter '{chapter_id}'"

    def _check_picture(self, offset: int, src: str, alt: str) -> None:
        if not alt.strip():
            self.report(offset, _NO_ALT)
        src = _clean_url(src)
        scheme = _scheme(src)
        parts = urlsplit(src) if scheme is not None else None
        if parts is None:
            self.report(offset, f"picture address '{_short(src)}' is not valid")
        elif scheme in {"http", "https"} or parts.netloc:
            self.report(offset, _remote_message("picture", src))
        elif scheme:
            self.report(offset, f"picture address '{_short(src)}' is not allowed; use a file")
        elif not parts.path:
            self.report(offset, "picture has no file name")
        else:
            target = _resolved(self.context.chapter_dir / unquote(parts.path))
            if not target.is_relative_to(self.context.root):
                self.report(offset, f"picture '{parts.path}' is outside the handbook folder")
            elif not target.is_file():
                self.report(offset, f"picture '{parts.path}' not found")

    # Raw HTML

    def _scan_html(self) -> None:
        scannable = self.text.scannable
        skip_until = 0
        for match in _TAG.finditer(scannable):
            if match.start() < skip_until or match.group(1):
                continue
            name = match.group(2).lower()
            if name in REMOVED_WITH_CONTENT:
                self.report(match.start(), REMOVED_WITH_CONTENT[name])
                close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(scannable, match.end())
                skip_until = close.end() if close else len(scannable)
                continue
            if name not in ALLOWED_TAGS:
                self.report(match.start(), f"HTML tag <{name}> is not allowed and is removed")
            self._check_attributes(match.start(), name, match.group(3))

    def _check_attributes(self, offset: int, tag: str, text: str) -> None:
        attributes = {
            m.group(1).lower(): html.unescape((m.group(2) or "").strip("\"'"))
            for m in _ATTRIBUTE.finditer(text)
        }
        for name, value in attributes.items():
            if name.startswith("on"):
                self.report(offset, _event_handler_message(name))
            elif name == "style":
                self.report(offset, _style_message(value))
            elif name in _RESOURCE_ATTRIBUTES and not (tag == "img" and name == "src"):
                self._check_resource(offset, name, value)
            elif name in _LINK_ATTRIBUTES and tag == "a":
                self._check_link(offset, value)
            elif name in _LINK_ATTRIBUTES:
                self._check_resource(offset, name, value)
        if tag == "img":
            self._check_picture(offset, attributes.get("src", ""), attributes.get("alt", ""))

    def _check_resource(self, offset: int, attribute: str, value: str) -> None:
        value = _clean_url(value)
        scheme = _scheme(value) or ""
        if scheme in {"http", "https"} or value.startswith("//"):
            self.report(offset, _remote_message(f"'{attribute}' resource", value))
        elif scheme:
            self.report(offset, _unsafe_link_message(scheme, value))


_NO_ALT = "picture has no text alternative: describe it between the [ ]"


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _clean_url(url: str) -> str:
    """The address as a browser would read it: entities decoded, blanks dropped."""
    return _URL_NOISE.sub("", html.unescape(url))


def _scheme(url: str) -> str | None:
    """The lower-case scheme ('' for a relative address), or None if it cannot parse."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unsafe_link_message(scheme: str, url: str) -> str:
    reasons = {
        "javascript": "the reader never runs scripts",
        "vbscript": "the reader never runs scripts",
        "file": "the reader never opens files outside the handbook",
        "data": "embedded data is not shown",
    }
    reason = reasons.get(scheme, "only handbook links, web and e-mail addresses are kept")
    return f"'{scheme}:' address '{_short(url)}' is removed: {reason}"


def _remote_message(what: str, url: str) -> str:
    return f"remote {what} '{_short(url)}' is not loaded: the reader never uses the network"


def _event_handler_message(name: str) -> str:
    return f"event handler '{name}' is removed: the reader never runs scripts"


def _style_message(value: str) -> str:
    if _HIDING_STYLE.search(value):
        return "style attribute hides text; the reader removes styles, so the text will show"
    return "style attribute is removed: the reader uses its own styles"


# --- whole-file checks ------------------------------------------------------------


def _long_lines(path: Path, text: str) -> Iterator[Problem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > LONG_LINE_CHARS:
            message = f"very long line ({len(line):,} characters): break it into paragraphs"
            yield Problem(path, number, message)


def _deep_nesting(path: Path, scannable: str) -> list[Problem]:
    """The first line of each block nested more than MAX_NESTING deep (quotes or lists)."""
    problems: list[Problem] = []
    quote_reported = list_reported = False
    indents: list[int] = []
    for number, line in enumerate(scannable.split("\n"), start=1):
        quote = _QUOTE_PREFIX.match(line)
        depth = quote.group(0).count(">") if quote else 0
        if depth > MAX_NESTING and not quote_reported:
            message = f"quotes nested {depth} levels deep (more than {MAX_NESTING})"
            problems.append(Problem(path, number, message))
        quote_reported = depth > MAX_NESTING
        item = _LIST_ITEM.match(line)
        if item is None:
            if line.strip() and not line[:1].isspace():
                indents, list_reported = [], False
            continue
        indent = len(item.group(1).expandtabs(4))
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        if len(indents) > MAX_NESTING and not list_reported:
            message = f"lists nested more than {MAX_NESTING} levels deep"
            problems.append(Problem(path, number, message))
            list_reported = True
    return problems
