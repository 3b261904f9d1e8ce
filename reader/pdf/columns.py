"""The glossary in two columns, each entry whole: laid out once as one tall column, then
cut between entries into the columns of each page, the last page's two balanced.

Qt's rich text has no columns, and its pagination would split an entry; cutting a
laid-out column between entries ourselves gives both. QtGui only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QTextDocument

from reader.pdf.layout import MM, draw_region

COLUMN_GAP = 8 * MM
MIN_FIRST_COLUMN = 45 * MM  # less room than this under earlier text: start on a new page


@dataclass(frozen=True)
class ColumnSlice:
    """A run of whole entries: `top`..`bottom` of the tall column, drawn at `y` (from the
    top of the page's body) in column `column` of page `sheet` of the glossary."""

    sheet: int
    column: int
    top: float
    bottom: float
    y: float


def entry_spans(starts: list[float], end: float) -> list[tuple[float, float]]:
    """Each entry from its top to the next entry's top (its space after included)."""
    ordered = sorted(starts)
    return list(zip(ordered, [*ordered[1:], end], strict=True))


def cut_columns(
    spans: list[tuple[float, float]], page_height: float, first_top: float
) -> list[ColumnSlice]:
    """Fill columns page by page (the first page's columns start at `first_top`), never
    splitting an entry; the last page's two columns are balanced."""
    slices: list[ColumnSlice] = []
    sheet, column, top = 0, 0, first_top
    index = 0
    while index < len(spans):
        capacity = page_height - top
        rest = spans[index:]
        balanced = _balanced(rest, capacity, sheet, top) if column == 0 else None
        if balanced is not None:
            slices += balanced
            break
        count = _fitting(rest, capacity)
        slices.append(ColumnSlice(sheet, column, rest[0][0], rest[count - 1][1], top))
        index += count
        column += 1
        if column == 2:
            sheet, column, top = sheet + 1, 0, 0.0
    return slices


def _height(spans: list[tuple[float, float]]) -> float:
    return spans[-1][1] - spans[0][0] if spans else 0.0


def _fitting(spans: list[tuple[float, float]], capacity: float) -> int:
    """How many entries fit in a column (at least one: an entry taller than a page is
    drawn cut rather than lost)."""
    count = 0
    while count < len(spans) and spans[count][1] - spans[0][0] <= capacity:
        count += 1
    return max(1, count)


def _balanced(
    spans: list[tuple[float, float]], capacity: float, sheet: int, top: float
) -> list[ColumnSlice] | None:
    """The last entries in two columns of nearly equal height (the left never the
    shorter), or None when they do not fit in this page's two columns."""
    for split in range(1, len(spans) + 1):
        left, right = _height(spans[:split]), _height(spans[split:])
        if left <= capacity and right <= capacity and left >= right:
            out = [ColumnSlice(sheet, 0, spans[0][0], spans[split - 1][1], top)]
            if split < len(spans):
                out.append(ColumnSlice(sheet, 1, spans[split][0], spans[-1][1], top))
            return out
    return None


def draw_column_slice(
    painter: QPainter, doc: QTextDocument, piece: ColumnSlice, body: QRectF, width: float
) -> None:
    """Paint one slice of the tall column into its place on the page."""
    x = body.left() + piece.column * (width + COLUMN_GAP)
    # A hair short of the next entry: Qt draws a line that starts exactly on the clip's
    # edge, which would print the next entry's first line twice.
    source = QRectF(0, piece.top, width, piece.bottom - piece.top - 1)
    draw_region(painter, doc, source, QPointF(x, body.top() + piece.y))
