"""Text for a terminal: what a handbook wrote, with nothing that the terminal obeys.

Titles, file names, entries and messages on the command line come from the handbook,
which is untrusted: an escape sequence in a title (`ESC[2J`, an OSC 8 link, a window
title) would be obeyed by the terminal, a carriage return would hide the start of a
line, a newline would forge a line of its own. Every line a command prints about a
handbook goes through `for_terminal`; JSON needs no help (json escapes them).
"""

from __future__ import annotations

import re

# Escape sequences whole (CSI; OSC up to BEL, ST or the line's end; two-character ESC
# forms), then any other C0/C1 control, DEL, and the bidirectional overrides that
# reorder a line.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"[\n\t]")


def for_terminal(text: str, *, lines: bool = False) -> str:
    """`text` with escape sequences and control characters taken out. A tab or newline
    becomes a space, unless `lines` (a page of text) keeps them."""
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    return text if lines else _LINE_BREAK.sub(" ", text)
