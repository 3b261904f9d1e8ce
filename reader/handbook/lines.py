"""Which line of a manifest or mkdocs.yml names a value, for problems: one pass, once.

A problem found in a config file points at the line that names the entry it is about.
Looking that line up by reading the file again for every problem made a 7 MB
mkdocs.yml with thousands of problems take minutes, so the file is read once into a
table of the values each line names: quoted strings, and YAML's bare keys, values and
list items (flow lists too). A value no line names as a whole is reported on line 1.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'""")
_FLOW = re.compile(r"[\[\]{},]")


class LineIndex:
    """The first line that names each value in one file's text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            for value in _named_values(line):
                self._lines.setdefault(value, number)

    def line_of(self, value: str) -> int:
        """The first line naming `value` (quoted or bare), 1 if none does."""
        return self._lines.get(value.strip(), 1)


def _named_values(line: str) -> list[str]:
    """Every value one line names: quoted strings, and YAML's bare key and value of each
    flow-list piece (`- Title: page.md` names "Title" and "page.md")."""
    values = [a or b for a, b in _QUOTED.findall(line)]
    bare = _QUOTED.sub(" ", line).split("#", 1)[0]
    for piece in _FLOW.split(bare):
        piece = piece.strip()
        while piece.startswith("- ") or piece == "-":
            piece = piece[2:].strip()
        key, colon, value = piece.partition(":")
        values.append(key.strip())
        if colon:
            values.append(value.strip())
    return [value for value in values if value]
