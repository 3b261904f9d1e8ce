"""What the sanitiser keeps of a chapter's HTML: the one list the renderer applies and
`check` reports against, so that what an author is told is what a family sees.

Kept free of Markdown and of the handbook, like `links.py`: anything may read the rules
without loading the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
})  # fmt: skip

#: Attributes kept on every tag ("*") and on each tag; every other one is dropped.
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "name"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "ol": frozenset({"start"}),
}

#: Tags dropped with everything inside them, not just unwrapped: their content was never
#: meant to be read as text (a script, a style sheet, an embedded page).
REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})


def attribute_kept(tag: str, name: str) -> bool:
    """Whether the sanitiser keeps attribute `name` on `tag` (both lower case)."""
    return name in ALLOWED_ATTRIBUTES["*"] or name in ALLOWED_ATTRIBUTES.get(tag, frozenset())
