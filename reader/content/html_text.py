"""The words of an HTML fragment, without Markdown or its sanitiser: for `show --format
text`, the readability check, and the column names of a table shown as rows (the
reading view needs it before its first page, and loading Markdown then costs
start-up time)."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_LINE_ENDS = re.compile(r"</(p|div|h\d|li|tr|dt|dd|blockquote|pre)>|<br\s*/?>")


def html_to_text(fragment: str) -> str:
    """Readable plain text of an HTML fragment: one line per paragraph, row or item."""
    text = html.unescape(_TAG.sub("", _LINE_ENDS.sub("\n", fragment)))
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
