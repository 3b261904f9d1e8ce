"""Laid-out runs of text: a flow of parts that starts on a new page (a long one cut
into several, see reader.pdf.pieces), and the glossary that follows it in two columns
(on the flow's last page when there is room)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from reader.pdf.breaks import NEAR_PAGE_TOP
from reader.pdf.columns import (
    MIN_FIRST_COLUMN,
    ColumnSlice,
    cut_columns,
    entry_spans,
)
from reader.pdf.cover import content_height
from reader.pdf.layout import MM, QT_LAYOUT_LIMIT, DocumentTooTall, PageGeometry, PartDocument
from reader.pdf.pieces import MAX_ELEMENT_CHARS, TooLongToPrint, cut_into_pieces, halves
from reader.pdf.plan import Part
from reader.pdf.request import PdfExportError

PART_GAP = 10 * MM  # between the end of the text and a glossary that follows on the page
HEADING_GAP = 3 * MM  # between the glossary's introduction and its columns


@dataclass
class LaidOutFlow:
    """Parts laid out one after another in one document, which starts on a new page."""

    parts: tuple[Part, ...]
    doc: QTextDocument
    page_count: int
    anchor_tops: dict[str, float] = field(default_factory=dict)
    first_page: int = 0  # 1-based page number in the whole printout

    @property
    def page_height(self) -> float:
        return self.doc.pageSize().height()

    def page_of(self, anchor: str) -> int:
        top = self.anchor_tops.get(anchor, 0.0)
        return self.first_page + int((top + 0.5) // self.page_height)

    def title_at(self, index: int) -> str:
        """The running header of page `index`: the part in effect at the page's top."""
        top = index * self.page_height + NEAR_PAGE_TOP
        current = self.parts[0]
        for part in self.parts[1:]:
            if self.anchor_tops.get(part.headings[0].anchor, 0.0) > top:
                break
            current = part
        return current.title

    def end_on_last_page(self) -> float:
        """How far down its last page the flow's text ends."""
        return content_height(self.doc) - (self.page_count - 1) * self.page_height


def lay_out_flows(
    parts: tuple[Part, ...], build: Callable[[str], PartDocument]
) -> list[LaidOutFlow]:
    """The parts laid out in one flow, or in several when Qt could not lay them out in
    one document: cut between elements, each piece starting on a new page, so no text
    is ever left out. Raises PdfExportError naming the part that cannot be printed."""
    try:
        todo = cut_into_pieces(parts)
    except TooLongToPrint as error:
        raise PdfExportError(_too_long(error.title, error.length)) from None
    flows: list[LaidOutFlow] = []
    while todo:
        piece = todo.pop(0)
        try:
            laid = build(piece.html)
        except DocumentTooTall:
            cut = halves(piece)
            if cut is None:
                raise PdfExportError(_too_long(piece.parts[0].title, piece.size)) from None
            todo[:0] = cut
            continue
        page_count = max(1, laid.doc.pageCount())
        flows.append(LaidOutFlow(piece.parts, laid.doc, page_count, laid.anchor_tops()))
    return flows


def too_tall_message(title: str) -> str:
    """What a printout says when one of its documents (the glossary, the contents)
    would run past what Qt can lay out."""
    return QCoreApplication.translate(
        "Pdf",
        "Could not make the PDF: its “{title}” would be longer than a printout can lay "
        "out (about {pages} pages). Print fewer chapters or sections at a time.",
    ).format(title=title, pages=f"{int(QT_LAYOUT_LIMIT // (297 * MM)):,}")


def _too_long(title: str, length: int) -> str:
    return QCoreApplication.translate(
        "Pdf",
        "Could not make the PDF: “{title}” has one paragraph, list or table of {length} "
        "characters, more than a printout can hold (at most {limit}). Print the other "
        "chapters, or split it into shorter paragraphs in the handbook.",
    ).format(title=title, length=f"{length:,}", limit=f"{MAX_ELEMENT_CHARS:,}")


@dataclass
class GlossaryPages:
    """The glossary: its heading across the page, then its entries in two columns."""

    part: Part
    heading: QTextDocument
    entries: QTextDocument
    column_width: float
    start_y: float  # where the heading sits on the first page, from the body's top
    slices: list[ColumnSlice]
    first_page: int = 0
    shares_page: bool = False  # its first page is the last page of the text before it

    @property
    def sheet_count(self) -> int:
        return max((piece.sheet for piece in self.slices), default=0) + 1


def glossary_heading(part: Part, flow: bool) -> str:
    """In a flow, the glossary's title is the size of a packet's chapter titles."""
    return part.html.replace("<h1 ", '<h1 class="chapter" ', 1) if flow else part.html


def lay_out_glossary(
    part: Part,
    heading: QTextDocument,
    entries: PartDocument,
    column_width: float,
    geometry: PageGeometry,
    after: LaidOutFlow | None,
) -> GlossaryPages:
    """The glossary cut into columns. Following a flow (`after`), it starts under the
    text when its heading and a useful stretch of both columns fit there; otherwise
    (and always in the whole handbook) on a page of its own."""
    tops = entries.anchor_tops()
    starts = [tops[anchor] for anchor in part.keep_whole if anchor in tops]
    spans = entry_spans(starts or [0.0], content_height(entries.doc))
    page_height = geometry.body.height()
    start_y, shares = 0.0, False
    if after is not None:
        below = after.end_on_last_page() + PART_GAP
        if below + content_height(heading) + HEADING_GAP + MIN_FIRST_COLUMN <= page_height:
            start_y, shares = below, True
    slices = cut_columns(spans, page_height, start_y + content_height(heading) + HEADING_GAP)
    return GlossaryPages(part, heading, entries.doc, column_width, start_y, slices, 0, shares)
