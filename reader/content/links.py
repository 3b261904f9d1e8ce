"""The app's own link schemes in display HTML, and how to read them.

Rendering rewrites every link and picture to one of these schemes (see render.py); the
reading view, the glossary panel and the PDF read them back. This module is kept
free of Markdown so the window can handle links before Markdown has loaded.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SECTION_SCHEME = "section"
PICTURE_SCHEME = "picture"
GLOSSARY_SCHEME = "glossary"
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def glossary_slug_from_url(url: str) -> str | None:
    """The term slug of a `glossary:<slug>` link (what the reading view gets on a click)."""
    parts = urlsplit(url.strip())
    if parts.scheme != GLOSSARY_SCHEME or parts.netloc or parts.query or parts.fragment:
        return None
    slug = parts.path.strip("/")
    return slug if _SLUG.fullmatch(slug) else None
