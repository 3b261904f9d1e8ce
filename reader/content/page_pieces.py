"""A long chapter's display HTML cut into pieces at its headings, so the reading view
can take it in a piece at a time and the window keeps answering (issue #34).

Pure text: the cuts fall only before a heading that stands at the top level of the page
(never inside a note box, a table or a list), so every piece is whole HTML that starts
a new paragraph.
"""

from __future__ import annotations

import re

#: About how many characters of HTML each piece holds (cut only at headings, a piece
#: runs up to half as long again): a piece is parsed, laid out and its glossary words
#: underlined in one go on the window's thread. At 20,000 a turn took 30 to 60 ms on a
#: busy 2-core machine, too near the 100 ms a window may stall; at 10,000, at most 27 ms
#: of the thread's time (measured with the 1 MB chapter of tests/bench/stall_bench.py).
PIECE_CHARS = 10_000

_TAG = re.compile(r"<(/?)(div|table|ul|ol|dl|blockquote|details|pre|h[1-6])\b[^>]*>", re.I)


def heading_cuts(page: str) -> list[int]:
    """Where a top-level heading starts, in order (0 is never one)."""
    depth = 0
    cuts: list[int] = []
    for match in _TAG.finditer(page):
        closing, name = match.group(1), match.group(2).lower()
        if name.startswith("h"):
            if not closing and depth == 0 and match.start() > 0:
                cuts.append(match.start())
            continue
        depth = max(0, depth - 1) if closing else depth + 1
    return cuts


def split_page(page: str, piece_chars: int = PIECE_CHARS) -> list[str]:
    """The page in pieces of about `piece_chars`, each cut before a top-level heading;
    a page with no such heading (or a short one) is one piece. Joined, they are `page`."""
    pieces: list[str] = []
    start = 0
    for cut in heading_cuts(page):
        if cut - start >= piece_chars:
            pieces.append(page[start:cut])
            start = cut
    pieces.append(page[start:])
    return pieces
