"""The clinic's `notes` as Markdown that can only be text: no HTML, no pictures, no
links (a link on a family's page leads where the clinic's IT never looked), and no
headings or attribute lists, which would add sections or ids to the care-team page.

What is taken out leaves its words: a picture its description, a link its text, so a
note stays readable. The renderer's own sanitiser still runs after this.
"""

from __future__ import annotations

import re

_PICTURE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]")
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:.*$", re.MULTILINE)
_HEADING = re.compile(r"^([ \t]{0,3})(#)", re.MULTILINE)
_SETEXT_RULE = re.compile(r"^([ \t]{0,3})([=]+[ \t]*)$", re.MULTILINE)


def safe_notes_markdown(notes: str) -> str:
    """`notes` with every construct that is not plain formatted text made text."""
    text = notes.replace("&", "&amp;").replace("<", "&lt;")
    text = _PICTURE.sub(lambda m: m.group(1), text)
    text = _LINK_DEFINITION.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REFERENCE_LINK.sub(lambda m: m.group(1), text)
    text = _HEADING.sub(r"\1\\\2", text)
    text = _SETEXT_RULE.sub(r"\1\\\2", text)
    return text.replace("{", "\\{").replace("}", "\\}")
