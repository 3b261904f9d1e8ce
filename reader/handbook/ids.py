"""Section and chapter ids: readable ASCII slugs that bookmarks and links rely on."""

from __future__ import annotations

import html
import re
import unicodedata


def slugify(text: str) -> str:
    """A readable, ASCII, lowercase id made of words and hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


def toc_slug(text: str) -> str:
    """The id Python-Markdown's toc extension (and so MkDocs) gives a heading's plain
    text: links written for those tools use it. Same as `slugify` but underscores stay."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text) or "section"


_TAG = re.compile(r"<[^>]*>")


def plain_title(title: str) -> str:
    """A heading as plain text, the same in the contents, the PDF and the ids: HTML
    tags dropped, entities decoded, on one line."""
    return " ".join(html.unescape(_TAG.sub("", title)).split())


def heading_markup(title: str) -> str:
    """A plain title written back into a Markdown heading so that it shows as written:
    no tag, entity or `{#id}` in it can act."""
    escaped = html.escape(title, quote=False)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")
