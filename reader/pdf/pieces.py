"""Long print flows cut into pieces that Qt can lay out whole.

Qt lays a QTextDocument out in fixed-point units that end at 2**23 (8,388,608) layout
units: at LAYOUT_DPI 1200 that is 719 A4 pages, and every line past it is silently left
out (measured: a chapter of 8,000 paragraphs printed 5,751 of them). Layout also costs
more than linear time in a document's length (each page-break fix lays out the rest
again) and in one paragraph's length. So a flow's HTML is cut between top-level
elements into pieces of at most MAX_PIECE_CHARS characters, each laid out as its own
document that starts on a new page, and an element longer than MAX_ELEMENT_CHARS is
refused before any layout. Pure Python (no Qt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.pdf.plan import Part
from reader.pdf.request import PdfExportError

MAX_PIECE_CHARS = 400_000  # HTML characters in one laid-out document (about 80 pages)
MAX_ELEMENT_CHARS = 200_000  # one paragraph, list or table: about 50 pages of text

# A tag, with quoted attribute values that may hold ">" (an alt text "a>b").
_TAG = re.compile(r"""<(/?)([A-Za-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)


class TooLongToPrint(PdfExportError):
    """One element of a part is longer than a printout can hold; says which part."""

    def __init__(self, title: str, length: int) -> None:
        super().__init__(title)
        self.title = title
        self.length = length


@dataclass
class Piece:
    """HTML laid out as one document: its top-level elements, each with its part."""

    elements: list[tuple[Part, str]] = field(default_factory=list)
    size: int = 0

    def add(self, part: Part, element: str) -> None:
        self.elements.append((part, element))
        self.size += len(element)

    @property
    def parts(self) -> tuple[Part, ...]:
        """The parts the piece holds text of, in order, each once."""
        found: list[Part] = []
        for part, _ in self.elements:
            if not found or found[-1] is not part:
                found.append(part)
        return tuple(found)

    @property
    def html(self) -> str:
        return "\n".join(element for _, element in self.elements)


def top_level_elements(html: str) -> list[str]:
    """The fragment cut at depth 0: each element with its children, or a run of text.
    One pass over the tags; a stray end tag never takes the depth below 0."""
    elements: list[str] = []
    depth, start = 0, 0
    for tag in _TAG.finditer(html):
        if depth == 0 and tag.start() > start and html[start : tag.start()].strip():
            elements.append(html[start : tag.start()])
            start = tag.start()
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            depth = max(0, depth - 1)
        elif name not in _VOID and not tag.group(3).rstrip().endswith("/"):
            depth += 1
        if depth == 0:
            elements.append(html[start : tag.end()])
            start = tag.end()
    if html[start:].strip():
        elements.append(html[start:])
    return elements


def cut_into_pieces(parts: tuple[Part, ...], max_chars: int = MAX_PIECE_CHARS) -> list[Piece]:
    """The parts' HTML in pieces of at most `max_chars` (an element is never cut).
    Raises TooLongToPrint for an element over MAX_ELEMENT_CHARS."""
    pieces = [Piece()]
    for part in parts:
        for element in top_level_elements(part.html):
            if len(element) > MAX_ELEMENT_CHARS:
                raise TooLongToPrint(part.title, len(element))
            if pieces[-1].elements and pieces[-1].size + len(element) > max_chars:
                pieces.append(Piece())
            pieces[-1].add(part, element)
    return [piece for piece in pieces if piece.elements]


def halves(piece: Piece) -> tuple[Piece, Piece] | None:
    """The piece cut in two between elements (for one that laid out too tall), or None
    when it is a single element."""
    if len(piece.elements) < 2:
        return None
    middle = len(piece.elements) // 2
    first, second = Piece(), Piece()
    for part, element in piece.elements[:middle]:
        first.add(part, element)
    for part, element in piece.elements[middle:]:
        second.add(part, element)
    return first, second


def html_elements(html: str) -> list[str]:
    """The HTML's top-level elements, each with the white space after it (where Qt
    reads it), for parsing a few at a time (reader.content.text_document); joined, they
    are `html` (top_level_elements leaves out white space at the very end, which Qt
    reads as a trailing space: it goes back on the last element)."""
    elements = _whitespace_after(top_level_elements(html))
    tail = html[sum(len(element) for element in elements) :]
    if elements and tail:
        elements[-1] += tail
    return elements or [html]


def _whitespace_after(elements: list[str]) -> list[str]:
    """The elements with the white space before each moved to the end of the one before
    (top_level_elements puts it at the start of the next)."""
    moved: list[str] = []
    for element in elements:
        body = element.lstrip()
        if moved and len(body) < len(element):
            moved[-1] += element[: len(element) - len(body)]
            element = body
        moved.append(element)
    return moved
