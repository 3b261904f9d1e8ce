"""Where the handbook names a clinic's own detail: `{{clinic.phone_24h}}` in a chapter.

A national handbook cannot know a ward's 24-hour number, yet a family needs it in the
very sentence that says when to call. The text names the detail; the reader puts in the
clinic's value where it has one, and a write-in line ("____________ (ask your team)")
where it has not, so the sentence reads, prints and is read aloud well both ways. The
write-in words are the handbook's (`write_in` in its manifest), in its language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

# The details a clinic can give (the clinic file's keys that may stand in the text).
CLINIC_FIELDS = (
    "name",
    "team",
    "phone_day",
    "phone_24h",
    "emergency",
    "fever_threshold",
    "address",
    "interpreter",
    "patient_group",
    "notes",
)
PLACEHOLDER = re.compile(r"\{\{\s*clinic\.([A-Za-z0-9_]{1,40})\s*\}\}")
DEFAULT_WRITE_IN = "____________ (ask your team)"
# The clinic's values for a handbook language (reader/clinic/details.py's `values_for`):
# the loader asks with the language its manifest names, so each language's chapters get
# the clinic's words in that language.
ClinicValues = Callable[[str], Mapping[str, str]]
MAX_WRITE_IN = 80


def write_in_markdown(words: str) -> str:
    """The write-in words as Markdown: underscores stay a line, never emphasis."""
    return words[:MAX_WRITE_IN].replace("\\", "\\\\").replace("_", "\\_").replace("*", "\\*")


def fill_placeholders(
    markdown: str, values: Mapping[str, str] | None = None, write_in: str = DEFAULT_WRITE_IN
) -> str:
    """`markdown` with every known clinic placeholder filled in (an unknown one is left
    as written, for `check` to name). Never adds or removes a line."""
    if "{{" not in markdown:
        return markdown
    given = values or {}
    blank = write_in_markdown(write_in or DEFAULT_WRITE_IN)

    def fill(match: re.Match[str]) -> str:
        field = match.group(1)
        if field not in CLINIC_FIELDS:
            return match.group(0)
        value = " ".join(given.get(field, "").split())
        return value or blank

    return PLACEHOLDER.sub(fill, markdown)


def unknown_placeholders(markdown: str) -> Iterator[tuple[int, str]]:
    """(line, field) for each placeholder that names no clinic detail."""
    for number, line in enumerate(markdown.splitlines(), 1):
        for match in PLACEHOLDER.finditer(line):
            if match.group(1) not in CLINIC_FIELDS:
                yield number, match.group(1)
