"""Print and PDF export: a composed, paginated printout of the handbook or part of it.

`compose_document` lays out a title page, a contents page (for more than one part; on
the title page itself when a packet's contents fit there), the parts, and optionally a
ruled notes page, with a running header on every page after the title page and "Page N
of M" footers. Only the whole handbook starts each chapter on a new page; smaller
printouts run their parts on in one flow. The same `ComposedDocument` paints onto a QPdfWriter
(`export_pdf`) or a QPrinter (printing and print preview), so the preview equals the
PDF. No QtWidgets here: the dialog lives in reader/ui/print_dialog.py.

PDF outline (bookmarks) entries are not written: QPdfWriter has no API for them and
adding one would mean a runtime dependency to post-process the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter, QTextDocument

from reader.handbook import Handbook
from reader.handbook.gate import still_there
from reader.paths import resources_dir
from reader.pdf.columns import COLUMN_GAP, draw_column_slice
from reader.pdf.contents import ContentsEntry, build_contents_document, with_nav_groups
from reader.pdf.cover import Cover, content_height
from reader.pdf.flows import (
    GlossaryPages,
    LaidOutFlow,
    glossary_heading,
    lay_out_flows,
    lay_out_glossary,
    too_tall_message,
)
from reader.pdf.furniture import paint_footer, paint_header, paint_notes_page
from reader.pdf.layout import (
    LAYOUT_DPI,
    DocumentTooTall,
    PageGeometry,
    PartDocument,
    build_part_document,
    draw_body_page,
    page_layout,
    reference_device,
    too_tall,
)
from reader.pdf.pictures import PictureObjects
from reader.pdf.plan import (
    PAGE_SIZES,
    SCOPES,
    Part,
    PdfExportError,
    PdfRequest,
    PdfRequestError,
    plan_document,
)
from reader.pdf.save import PdfReport, check_target, write_document

__all__ = [
    "PAGE_SIZES",
    "SCOPES",
    "ComposedDocument",
    "PdfExportError",
    "PdfReport",
    "PdfRequest",
    "PdfRequestError",
    "compose_document",
    "export_pdf",
    "write_document",
]

TALL = 1_000_000.0  # a page height no column reaches: the glossary is laid out as one column


def _labels() -> dict[str, str]:
    return {
        "all": QCoreApplication.translate("Pdf", "The complete handbook"),
        "packet": QCoreApplication.translate("Pdf", "Take-home packet"),
        "sections": QCoreApplication.translate("Pdf", "Selected sections"),
        "glossary": QCoreApplication.translate("Pdf", "Glossary"),
        "glossary_intro_all": QCoreApplication.translate(
            "Pdf", "Hard words used in this handbook, explained in plain language."
        ),
        "glossary_intro_packet": QCoreApplication.translate(
            "Pdf", "The hard words used in these pages, explained in plain language."
        ),
        "also_called": QCoreApplication.translate("Pdf", "Also called:"),
        "full_handbook": QCoreApplication.translate("Pdf", "in the full handbook"),
        "full_handbook_named": QCoreApplication.translate("Pdf", "“{title}” in the full handbook"),
    }


@dataclass(frozen=True)
class _Page:
    kind: str  # "title" | "contents" | "body" | "glossary" | "notes"
    flow: int = -1  # index into flows (body pages)
    index: int = 0  # page within its flow, or within the contents
    sheet: int = -1  # the glossary page drawn here too (a flow's last page, or its own)


class ComposedDocument:
    """A laid-out printout that can paint itself onto any paged device."""

    def __init__(
        self,
        handbook: Handbook,
        request: PdfRequest,
        *,
        printed_on: date | None = None,
        stylesheet: str | None = None,
    ) -> None:
        self.handbook = handbook
        self.request = request
        self.geometry = PageGeometry.for_page_size(request.page_size)
        self._stylesheet = print_stylesheet() if stylesheet is None else stylesheet
        self._device, self._buffer = reference_device()
        self._pictures = PictureObjects(handbook.root, self.geometry.body.size())
        self.notes_page_number = 0  # set with the other page numbers
        self.plan = plan_document(handbook, request, _labels())
        self.cover = Cover(handbook, self.plan.subject, printed_on or date.today(), self._document)
        text_parts = tuple(part for part in self.plan.parts if not part.columns_html)
        groups = [text_parts] if self.plan.flow and text_parts else [(p,) for p in text_parts]
        self.flows = [
            flow for parts in groups for flow in lay_out_flows(parts, self._part_document)
        ]
        columned = [part for part in self.plan.parts if part.columns_html]
        self.glossary = self._lay_out_glossary(columned[0]) if columned else None
        self.contents_doc = self._contents_document() if len(self.plan.parts) > 1 else None
        self.contents_on_cover = self.plan.flow and self._contents_fit_on_cover()
        self._number_pages()
        self.pages = self._page_list()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def title(self) -> str:
        return f"{self.handbook.title} — {self.plan.subject}"

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.plan.parts

    @property
    def review_note(self) -> str:
        return self.cover.review_note

    def _document(self, html_text: str) -> QTextDocument:
        return self._part_document(html_text).doc

    def _part_document(self, html_text: str, page_size: QSizeF | None = None) -> PartDocument:
        return build_part_document(
            html_text, self._stylesheet, self.geometry, self._device, self._pictures, page_size
        )

    def _lay_out_glossary(self, part: Part) -> GlossaryPages:
        heading = self._document(glossary_heading(part, self.plan.flow))
        width = (self.geometry.body.width() - COLUMN_GAP) / 2
        try:
            entries = self._part_document(part.columns_html, QSizeF(width, TALL))
        except DocumentTooTall:
            raise PdfExportError(too_tall_message(part.title)) from None
        after = self.flows[-1] if self.plan.flow and self.flows else None
        return lay_out_glossary(part, heading, entries, width, self.geometry, after)

    def _contents_fit_on_cover(self) -> bool:
        """A packet's contents go on its title page when they fit under the title."""
        if self.contents_doc is None or self.contents_doc.pageCount() > 1:
            return False
        return content_height(self.contents_doc) <= self.cover.contents_room(self.geometry)

    def _number_pages(self) -> None:
        """Give each flow its first page; the contents length does not depend on them."""
        page = 2
        if self.contents_doc is not None and not self.contents_on_cover:
            page += self.contents_doc.pageCount()
        for flow in self.flows:
            flow.first_page = page
            page += flow.page_count
        if self.glossary is not None:
            self.glossary.first_page = page - 1 if self.glossary.shares_page else page
            page = self.glossary.first_page + self.glossary.sheet_count
        self.notes_page_number = page if self.request.notes_page else 0
        if self.contents_doc is not None:
            self.contents_doc = self._contents_document()

    def _page_list(self) -> list[_Page]:
        pages = [_Page("title")]
        if self.contents_doc is not None and not self.contents_on_cover:
            pages += [_Page("contents", index=i) for i in range(self.contents_doc.pageCount())]
        for number, flow in enumerate(self.flows):
            pages += [_Page("body", number, i) for i in range(flow.page_count)]
        if self.glossary is not None:
            sheets = range(self.glossary.sheet_count)
            if self.glossary.shares_page:
                pages[-1] = _Page("body", pages[-1].flow, pages[-1].index, 0)
                sheets = range(1, self.glossary.sheet_count)
            pages += [_Page("glossary", sheet=sheet) for sheet in sheets]
        if self.request.notes_page:
            pages.append(_Page("notes"))
        return pages

    def _contents_document(self) -> QTextDocument:
        holder = {anchor: flow for flow in reversed(self.flows) for anchor in flow.anchor_tops}
        by_part = [
            (
                part.nav,
                [
                    ContentsEntry(h.title, h.level, holder.get(h.anchor, flow).page_of(h.anchor))
                    for h in part.headings
                ],
            )
            for part, flow in self._flow_of_part()
        ]
        if self.glossary is not None:
            glossary = self.glossary.part
            page = self.glossary.first_page
            by_part.append((glossary.nav, [ContentsEntry(glossary.title, 1, page)]))
        if self.request.notes_page:
            notes = ContentsEntry(_notes_title(), 1, self.notes_page_number)
            by_part.append(((), [notes]))
        title = QCoreApplication.translate("Pdf", "Contents")
        doc = build_contents_document(title, with_nav_groups(by_part), self.geometry, self._device)
        if too_tall(doc):
            raise PdfExportError(too_tall_message(title))
        return doc

    def _flow_of_part(self) -> list[tuple[Part, LaidOutFlow]]:
        """Each text part once, with the first flow that holds it (a long part is cut
        into several flows; each heading is looked up in the one that holds it)."""
        found: list[tuple[Part, LaidOutFlow]] = []
        for flow in self.flows:
            for part in flow.parts:
                if not found or found[-1][0] is not part:
                    found.append((part, flow))
        return found

    def paint(
        self,
        device: QPagedPaintDevice,
        pages: range | None = None,
        on_page: Callable[[int], None] | None = None,
    ) -> None:
        """Paint every page (or a 1-based range of them) onto a QPdfWriter or QPrinter.
        `on_page(n)` hears of each page painted (progress); it raises to stop."""
        wanted = pages or range(1, self.page_count + 1)
        painter = QPainter()
        if not painter.begin(device):
            raise PdfExportError(
                QCoreApplication.translate(
                    "Pdf", "Could not start printing: the printer is not ready."
                )
            )
        try:
            scale = self._scale_for(device)
            first = True
            for number in wanted:
                if not first:
                    device.newPage()
                first = False
                painter.save()
                painter.scale(scale, scale)
                self.paint_page(painter, number)
                painter.restore()
                if on_page is not None:
                    on_page(number)
        finally:
            painter.end()

    def _scale_for(self, device: QPagedPaintDevice) -> float:
        """Device units per layout unit: true size, shrunk only if the paper is smaller."""
        scale = device.logicalDpiX() / LAYOUT_DPI
        fit = min(
            device.width() / (self.geometry.paper.width() * scale),
            device.height() / (self.geometry.paper.height() * scale),
        )
        return scale * fit if fit < 0.98 else scale

    def paint_page(self, painter: QPainter, number: int) -> None:
        """Paint one 1-based page in layout units. The body goes first, so that a page's
        text (as a PDF reader copies it) starts with the page's own words."""
        page = self.pages[number - 1]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if page.kind == "title":
            self.cover.paint(painter, self.geometry, self.contents_doc_on_cover)
            return
        header = self._paint_body(painter, page)
        if page.sheet >= 0 and self.glossary is not None:
            self._paint_glossary(painter, self.glossary, page.sheet)
            header = header or self.glossary.part.title
        paint_header(painter, self.geometry, self.handbook.title, header)
        page_text = QCoreApplication.translate("Pdf", "Page {n} of {m}").format(
            n=number, m=self.page_count
        )
        paint_footer(painter, self.geometry, self.review_note, page_text)

    @property
    def contents_doc_on_cover(self) -> QTextDocument | None:
        return self.contents_doc if self.contents_on_cover else None

    def _paint_body(self, painter: QPainter, page: _Page) -> str:
        """Paint a page's own text; its running header ("" for a glossary page)."""
        if page.kind == "contents":
            assert self.contents_doc is not None
            draw_body_page(painter, self.contents_doc, page.index, self.geometry.body)
            return QCoreApplication.translate("Pdf", "Contents")
        if page.kind == "notes":
            hint = QCoreApplication.translate(
                "Pdf", "Write down your questions, and the answers your care team gives."
            )
            title = _notes_title()
            paint_notes_page(painter, self.geometry, title, hint)
            return title
        if page.kind == "body":
            flow = self.flows[page.flow]
            draw_body_page(painter, flow.doc, page.index, self.geometry.body)
            return flow.title_at(page.index)
        return ""

    def _paint_glossary(self, painter: QPainter, glossary: GlossaryPages, sheet: int) -> None:
        body = self.geometry.body
        if sheet == 0:
            area = body.adjusted(0, glossary.start_y, 0, 0)
            draw_body_page(painter, glossary.heading, 0, area)
        for piece in glossary.slices:
            if piece.sheet == sheet:
                draw_column_slice(painter, glossary.entries, piece, body, glossary.column_width)

    def to_pdf_bytes(self, on_page: Callable[[int], None] | None = None) -> bytes:
        """The whole printout as PDF bytes (kept in memory so writing can fail cleanly)."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(LAYOUT_DPI)
        writer.setPageLayout(page_layout(self.request.page_size))
        writer.setTitle(self.title)
        writer.setCreator("Handbook Reader")
        self.paint(writer, None, on_page)
        del writer
        buffer.close()
        return bytes(buffer.data().data())


def _notes_title() -> str:
    return QCoreApplication.translate("Pdf", "Notes and questions")


def print_stylesheet() -> str:
    """The print stylesheet; without it the printout still works, only plainer."""
    try:
        return (resources_dir() / "styles" / "print.css").read_text(encoding="utf-8")
    except OSError:
        return ""


def compose_document(
    handbook: Handbook, request: PdfRequest, *, printed_on: date | None = None
) -> ComposedDocument:
    """Lay out a printout. Raises PdfRequestError for unknown chapters or sections, and
    PdfExportError when the handbook folder has gone (its pictures would be missing)."""
    if not still_there(handbook.root):
        raise PdfExportError(
            QCoreApplication.translate(
                "Pdf",
                "Could not make the PDF: the handbook folder is no longer there ({path}). "
                "Was it moved, or its USB stick taken out? Open it again, then print.",
            ).format(path=handbook.root)
        )
    return ComposedDocument(handbook, request, printed_on=printed_on)


def export_pdf(
    handbook: Handbook, request: PdfRequest, out: Path, *, printed_on: date | None = None
) -> PdfReport:
    """Write the printout to `out` as a PDF, all or nothing: a temporary file in the same
    folder is renamed over `out` only once complete. Raises PdfExportError."""
    out = Path(out)
    check_target(out)
    return write_document(compose_document(handbook, request, printed_on=printed_on), out)
