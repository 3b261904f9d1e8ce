"""Print and PDF export: a composed, paginated printout of the handbook or part of it.

`compose_document` lays out a title page, a contents page (for more than one part) and
one part per chapter, each starting on a new page, with running headers and
"Page N of M" footers. The same `ComposedDocument` paints onto a QPdfWriter
(`export_pdf`) or a QPrinter (printing and print preview), so the preview equals the
PDF. No QtWidgets here: the dialog lives in reader/ui/print_dialog.py.

PDF outline (bookmarks) entries are not written: QPdfWriter has no API for them and
adding one would mean a runtime dependency to post-process the file.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QDate, QIODevice, QLineF, QLocale, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from reader.handbook import Handbook
from reader.handbook.gate import still_there
from reader.handbook.review import parse_year_month
from reader.paths import resources_dir
from reader.pdf.layout import (
    HEADING_FONT,
    LAYOUT_DPI,
    MM,
    POINT,
    ContentsEntry,
    PageGeometry,
    PartDocument,
    build_contents_document,
    build_part_document,
    draw_body_page,
    font_px,
    page_layout,
    reference_device,
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
from reader.pdf.save import check_target, write_pdf

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
]

ACCENT = QColor("#12395b")
MUTED = QColor("#555555")


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
    }


@dataclass(frozen=True)
class PdfReport:
    """What `export_pdf` wrote."""

    pages: int
    path: Path
    page_size: str = "A4"
    size_bytes: int = 0
    parts: tuple[str, ...] = ()


@dataclass
class LaidOutPart:
    part: Part
    doc: QTextDocument
    first_page: int  # 1-based page number in the whole printout
    page_count: int
    heading_pages: dict[str, int] = field(default_factory=dict)

    def page_of(self, anchor: str) -> int:
        return self.first_page + self.heading_pages.get(anchor, 0)


@dataclass(frozen=True)
class _Page:
    kind: str  # "title" | "contents" | "body"
    part: int  # index into parts (body pages)
    index: int  # page within its part, or within the contents


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
        self.printed_on = printed_on or date.today()
        self._stylesheet = print_stylesheet() if stylesheet is None else stylesheet
        self._device, self._buffer = reference_device()
        self._pictures = PictureObjects(handbook.root, self.geometry.body.size())
        self.plan = plan_document(handbook, request, _labels())
        self.parts = [self._lay_out(part) for part in self.plan.parts]
        self.has_contents = len(self.parts) > 1
        self.title_doc = self._title_document()
        self.contents_doc = self._contents_document() if self.has_contents else None
        self._number_pages()
        self.pages = self._page_list()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def title(self) -> str:
        return f"{self.handbook.title} — {self.plan.subject}"

    def _document(self, html_text: str) -> QTextDocument:
        return self._part_document(html_text).doc

    def _part_document(self, html_text: str) -> PartDocument:
        return build_part_document(
            html_text, self._stylesheet, self.geometry, self._device, self._pictures
        )

    def _lay_out(self, part: Part) -> LaidOutPart:
        laid = self._part_document(part.html)
        pages = max(1, laid.doc.pageCount())
        return LaidOutPart(part, laid.doc, 0, pages, laid.anchor_pages())

    def _number_pages(self) -> None:
        """Give each part its first page; the contents length does not depend on them."""
        contents_pages = self.contents_doc.pageCount() if self.contents_doc else 0
        page = 2 + contents_pages
        for laid in self.parts:
            laid.first_page = page
            page += laid.page_count
        if self.contents_doc is not None:
            self.contents_doc = self._contents_document()
            assert self.contents_doc.pageCount() == contents_pages

    def _page_list(self) -> list[_Page]:
        pages = [_Page("title", -1, 0)]
        if self.contents_doc is not None:
            pages += [_Page("contents", -1, i) for i in range(self.contents_doc.pageCount())]
        for number, laid in enumerate(self.parts):
            pages += [_Page("body", number, i) for i in range(laid.page_count)]
        return pages

    def _title_document(self) -> QTextDocument:
        hb = self.handbook
        rows = [f'<p class="title-rule">&nbsp;</p><h1 class="title">{html.escape(hb.title)}</h1>']
        if hb.subtitle:
            rows.append(f'<p class="subtitle">{html.escape(hb.subtitle)}</p>')
        rows.append(f'<p class="subject">{html.escape(self.plan.subject)}</p>')
        edition = " · ".join(x for x in (hb.edition, hb.date) if x)
        if edition:
            rows.append(f'<p class="edition">{html.escape(edition)}</p>')
        if self.review_note:
            rows.append(f'<p class="edition">{html.escape(self.review_note)}</p>')
        return self._document("\n".join(rows))

    @cached_property
    def review_note(self) -> str:
        """ "Reviewed December 2026: check with your care team", on the title page and
        every page's footer, since printed pages outlive the facts they carry."""
        month = parse_year_month(self.handbook.reviewed)
        if month is None:
            return ""
        day = QDate(month[0], month[1], 1)
        when = QLocale(self.handbook.language).toString(day, "MMMM yyyy")
        note = QCoreApplication.translate("Pdf", "Reviewed {month}: check with your care team")
        return note.format(month=when)

    def _title_footer_document(self) -> QTextDocument:
        rows = []
        if self.handbook.source:
            source = QCoreApplication.translate("Pdf", "Source: {source}").format(
                source=self.handbook.source
            )
            rows.append(f'<p class="source">{html.escape(source)}</p>')
        printed = QCoreApplication.translate("Pdf", "Printed on {date}").format(
            date=self.printed_date()
        )
        rows.append(f'<p class="printed">{html.escape(printed)}</p>')
        return self._document("\n".join(rows))

    def printed_date(self) -> str:
        day = QDate(self.printed_on.year, self.printed_on.month, self.printed_on.day)
        return QLocale(self.handbook.language).toString(day, QLocale.FormatType.LongFormat)

    def _contents_document(self) -> QTextDocument:
        entries = [
            ContentsEntry(heading.title, heading.level, laid.page_of(heading.anchor))
            for laid in self.parts
            for heading in laid.part.headings
        ]
        return build_contents_document(
            QCoreApplication.translate("Pdf", "Contents"), entries, self.geometry, self._device
        )

    def paint(self, device: QPagedPaintDevice, pages: range | None = None) -> None:
        """Paint every page (or a 1-based range of them) onto a QPdfWriter or QPrinter."""
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
        """Paint one 1-based page in layout units."""
        page = self.pages[number - 1]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if page.kind == "title":
            self._paint_title(painter)
            return
        if page.kind == "contents":
            assert self.contents_doc is not None
            draw_body_page(painter, self.contents_doc, page.index, self.geometry.body)
            if page.index > 0:
                self._paint_header(painter, QCoreApplication.translate("Pdf", "Contents"))
        else:
            laid = self.parts[page.part]
            draw_body_page(painter, laid.doc, page.index, self.geometry.body)
            if page.index > 0:
                self._paint_header(painter, laid.part.title)
        self._paint_footer(painter, number)

    def _paint_title(self, painter: QPainter) -> None:
        body = self.geometry.body
        top = body.top() + body.height() * 0.22
        area = QRectF(body.left(), top, body.width(), body.bottom() - top)
        draw_body_page(painter, self.title_doc, 0, area)
        footer = self._title_footer_document()
        height = content_height(footer)
        area = QRectF(body.left(), body.bottom() - height, body.width(), height)
        painter.save()
        painter.setPen(QPen(ACCENT, 0.6 * POINT))
        rule_y = area.top() - 4 * MM
        painter.drawLine(QLineF(area.left(), rule_y, area.right(), rule_y))
        painter.restore()
        draw_body_page(painter, footer, 0, area)

    def _paint_header(self, painter: QPainter, part_title: str) -> None:
        geometry = self.geometry
        body = geometry.body
        font = font_px(HEADING_FONT, 8.5)
        metrics = QFontMetricsF(font)
        half = body.width() / 2 - 4 * MM
        left = metrics.elidedText(self.handbook.title, Qt.TextElideMode.ElideRight, half)
        right = metrics.elidedText(part_title, Qt.TextElideMode.ElideRight, half)
        line = QRectF(body.left(), geometry.header_top, body.width(), metrics.height())
        painter.save()
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), left)
        painter.setPen(ACCENT)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), right)
        painter.setPen(QPen(QColor("#9aa7b3"), 0.5 * POINT))
        rule_y = geometry.header_rule
        painter.drawLine(QLineF(body.left(), rule_y, body.right(), rule_y))
        painter.restore()

    def _paint_footer(self, painter: QPainter, number: int) -> None:
        geometry = self.geometry
        font = font_px(HEADING_FONT, 9)
        text = QCoreApplication.translate("Pdf", "Page {n} of {m}").format(
            n=number, m=self.page_count
        )
        line = QRectF(geometry.body.left(), geometry.footer_top, geometry.body.width(), 12 * POINT)
        top = Qt.AlignmentFlag.AlignTop
        painter.save()
        painter.setFont(font)
        painter.setPen(MUTED)
        if self.review_note:
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | top), self.review_note)
            painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | top), text)
        else:
            painter.drawText(line, int(Qt.AlignmentFlag.AlignHCenter | top), text)
        painter.restore()

    def to_pdf_bytes(self) -> bytes:
        """The whole printout as PDF bytes (kept in memory so writing can fail cleanly)."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(LAYOUT_DPI)
        writer.setPageLayout(page_layout(self.request.page_size))
        writer.setTitle(self.title)
        writer.setCreator("Handbook Reader")
        self.paint(writer)
        del writer
        buffer.close()
        return bytes(buffer.data().data())


def content_height(doc: QTextDocument) -> float:
    """How tall the text of a one-page document is (its page is taller)."""
    last = doc.lastBlock()
    return doc.documentLayout().blockBoundingRect(last).bottom()


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
    document = compose_document(handbook, request, printed_on=printed_on)
    data = document.to_pdf_bytes()
    write_pdf(out, data)
    return PdfReport(
        pages=document.page_count,
        path=out,
        page_size=request.page_size,
        size_bytes=len(data),
        parts=tuple(p.part.id for p in document.parts),
    )
