"""Reading a chapter's text the way the renderer will, to find what it would change.

Fenced code and code spans are text, not markup, and HTML comments are dropped, so
they are blanked out first (offsets kept, for line numbers). The scanner then finds
every link, picture, raw HTML tag and attribute list and judges each one against
what the renderer keeps (`reader.content.allowlist`, `LinkContext`); it never renders,
so it stays fast on any text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.content.allowlist import ALLOWED_TAGS, REMOVED_WITH_CONTENT, attribute_kept
from reader.content.links import EXTERNAL_SCHEMES
from reader.content.render import LinkContext
from reader.handbook.gate import NUL_IN_NAME, Refusal, exists, locate_file, real_path
from reader.problems import Problem

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:"[^"]*"|'[^']*'|[^<>"'])*)>""")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_MD_LINK = re.compile(
    r"""(!?)\[([^\[\]]*)\]\(\s*(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()<>]*\))*)"""
    r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"""
)
_REF_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_REF_USE = re.compile(r"(!?)\[([^\[\]\n]*)\]\[([^\[\]\n]*)\]")
_ATTRIBUTE_LIST = re.compile(r"\{:?([^{}\n=]*=[^{}\n]*)\}")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d]*[1-9])"
    r"|font-size\s*:\s*0(?![.\d]*[1-9])|(?:left|top|text-indent)\s*:\s*-\d{3,}"
    r"|(?:width|height)\s*:\s*0(?![.\d]*[1-9])",
    re.IGNORECASE,
)

#: Why the renderer drops each of the allowlist's REMOVED_WITH_CONTENT tags, in words
#: for an author; a tag added there without words here gets `_removed_message`'s own.
_REMOVED_WHY = {
    "script": "script <script> is removed: the reader never runs scripts",
    "style": "style sheet <style> is removed: the reader uses its own styles",
    "iframe": "embedded page <iframe> is removed: the reader shows only the handbook",
    "object": "embedded object <object> is removed: the reader shows only the handbook",
    "embed": "embedded content <embed> is removed: the reader shows only the handbook",
    "template": "template <template> is removed with its content",
}
_RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "xlink:href"}
_LINK_ATTRIBUTES = {"href", "action", "formaction"}


@dataclass(frozen=True)
class MarkupText:
    """A file's text with code blanked out (offsets kept), and where each offset is."""

    path: Path
    scannable: str
    line_starts: tuple[int, ...]
    fixed_line: int | None = None

    @classmethod
    def of(cls, path: Path, text: str, fixed_line: int | None = None) -> MarkupText:
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


class MarkupScanner:
    """Finds the links, pictures and raw HTML in one text and judges each."""

    def __init__(self, context: LinkContext, text: MarkupText) -> None:
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
            target = real_path(self.context.chapter_dir / unquote(parts.path))
            if target is None:
                return f"link to '{_short(parts.path)}' is refused: its {NUL_IN_NAME}"
            if not exists(self.context.root, target):
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
            found = locate_file(self.context.root, self.context.chapter_dir / unquote(parts.path))
            if isinstance(found, Refusal):
                self.report(offset, _picture_refusal_message(parts.path, found.reason))

    # Raw HTML

    def _scan_html(self) -> None:
        scannable = self.text.scannable
        for declaration in _DECLARATION.finditer(scannable):
            self.report(declaration.start(), _DECLARATION_MESSAGE)
        skip_until = 0
        for match in _TAG.finditer(scannable):
            if match.start() < skip_until or match.group(1):
                continue
            name = match.group(2).lower()
            if name in REMOVED_WITH_CONTENT:
                self.report(match.start(), _removed_message(name))
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
            elif tag in ALLOWED_TAGS and not attribute_kept(tag, name):
                self.report(offset, f"attribute '{name}' on <{tag}> is removed")
        if tag == "img":
            self._check_picture(offset, attributes.get("src", ""), attributes.get("alt", ""))

    def _check_resource(self, offset: int, attribute: str, value: str) -> None:
        value = _clean_url(value)
        scheme = _scheme(value) or ""
        if scheme in {"http", "https"} or value.startswith("//"):
            self.report(offset, _remote_message(f"'{attribute}' resource", value))
        elif scheme:
            self.report(offset, _unsafe_link_message(scheme, value))


def _picture_refusal_message(name: str, reason: str) -> str:
    if reason == "file not found":
        return f"picture '{name}' not found"
    if "outside" in reason:
        return f"picture '{name}' is outside the handbook folder"
    return f"picture '{name}' is refused: {reason}"


_DECLARATION = re.compile(r"<(?:![A-Za-z\[]|\?)")
_DECLARATION_MESSAGE = "markup declaration (<!…>, <?…?>, CDATA) is removed with what it holds"


def _removed_message(tag: str) -> str:
    return _REMOVED_WHY.get(tag, f"<{tag}> is removed with its content")


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
