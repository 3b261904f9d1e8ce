"""Laying out print parts with Qt: page geometry, pictures as vectors, keep-with-next.

Everything is laid out once against a reference device (a QPdfWriter at LAYOUT_DPI that
never writes), in that device's units, so a PDF, a printer and the print preview all get
the same pages: the painter is only scaled to the target. Each part is a QTextDocument
paginated at the page's body size; pictures are custom text objects that draw the SVG
with QSvgRenderer (vector, sharp at any zoom) or the full-resolution bitmap.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.content.text_document import (
    lay_out_afresh_in_steps,
    lay_out_in_steps,
    set_html_in_steps,
)
from reader.pdf.breaks import is_heading, keep_together, line_tops, page_of
from reader.pdf.pictures import (
    LAYOUT_DPI,
    PICTURE_HEIGHT,
    PICTURE_KEY,
    PICTURE_OBJECT,
    PICTURE_WIDTH,
    PictureObjects,
)
from reader.pdf.pieces import html_elements
from reader.pdf.request import PdfExportError
from reader.pdf.table_rows import SplitRow, first_split_row, margins_below_tables, split_table

POINT = LAYOUT_DPI / 72  # layout units per typographic point
MM = LAYOUT_DPI / 25.4  # layout units per millimetre


BODY_FONT = ["DejaVu Serif", "Georgia", "Times New Roman", "serif"]
HEADING_FONT = ["DejaVu Sans", "Segoe UI", "Helvetica", "Arial", "sans-serif"]

_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def qpage_size(name: str) -> QPageSize:
    return QPageSize(_PAGE_SIZES[name])


@dataclass(frozen=True)
class PageGeometry:
    """Where things go on a page, in layout units: body, header and footer lines."""

    page_size: str
    paper: QSizeF
    body: QRectF
    header_top: float
    header_rule: float
    footer_top: float

    @classmethod
    def for_page_size(cls, name: str) -> PageGeometry:
        points = qpage_size(name).size(QPageSize.Unit.Point)
        paper = QSizeF(points.width() * POINT, points.height() * POINT)
        left, right, top, bottom = 21 * MM, 21 * MM, 26 * MM, 24 * MM
        body = QRectF(left, top, paper.width() - left - right, paper.height() - top - bottom)
        return cls(
            page_size=name,
            paper=paper,
            body=body,
            header_top=13 * MM,
            header_rule=18.5 * MM,
            footer_top=paper.height() - 16 * MM,
        )


def reference_device() -> tuple[QPdfWriter, QBuffer]:
    """A paint device that gives print metrics and never writes anything."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setResolution(LAYOUT_DPI)
    return device, buffer


def font_px(families: list[str], points: float, *, bold: bool = False) -> QFont:
    """A font sized in layout units, so it scales with the painter, not the device;
    without ligatures, so the words copy and search as typed (see _without_ligatures)."""
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(round(points * POINT))
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


@dataclass
class PartDocument:
    """A laid-out part and the block where each element with an id sits."""

    doc: QTextDocument
    anchor_blocks: dict[str, int]

    def anchor_pages(self) -> dict[str, int]:
        """The page (0-based, within this part) where each element with an id starts."""
        page_height = self.doc.pageSize().height()
        return {name: page_of(top, page_height) for name, top in self.anchor_tops().items()}

    def anchor_tops(self) -> dict[str, float]:
        """Where each element with an id starts, in document coordinates."""
        tops: dict[str, float] = {}
        for name, number in self.anchor_blocks.items():
            lines = line_tops(self.doc.findBlockByNumber(number))
            tops[name] = lines[0] if lines else 0.0
        return tops


MAX_TABLE_CUTS = 40  # a bound on re-layouts for table rows that would split
# Measured: Qt places no line of a document below y = 2**23 layout units (719 A4 pages
# at LAYOUT_DPI); the text past it is silently left out. A document taller than this
# share of it is refused (DocumentTooTall), and the caller cuts it into pieces.
QT_LAYOUT_LIMIT = 2**23
MAX_DOCUMENT_HEIGHT = 0.9 * QT_LAYOUT_LIMIT


class DocumentTooTall(PdfExportError):
    """A laid-out document passes the height Qt can lay out: some of its text is lost."""

    def __init__(self) -> None:
        super().__init__("A part of the printout is too long to lay out.")


def build_part_document(
    html: str,
    stylesheet: str,
    geometry: PageGeometry,
    device: QPdfWriter,
    pictures: PictureObjects,
    page_size: QSizeF | None = None,
) -> PartDocument:
    """A paginated document for one part (or several in a row), pictures swapped in,
    headings kept with their text, table rows whole. `page_size` defaults to the page's
    body. Raises DocumentTooTall rather than return a document missing some text."""
    size = page_size or geometry.body.size()
    part = _lay_out(html, stylesheet, device, pictures, size)
    cuts: set[SplitRow] = set()
    while len(cuts) < MAX_TABLE_CUTS:
        split = first_split_row(part.doc)
        if split is None or split in cuts:
            break
        cut_html = split_table(html, split)
        if cut_html is None:
            break
        cuts.add(split)
        html = cut_html
        part = _lay_out(html, stylesheet, device, pictures, size)
    if too_tall(part.doc):
        raise DocumentTooTall()
    return part


def too_tall(doc: QTextDocument) -> bool:
    """Whether a laid-out document passes what Qt can lay out (some text is lost)."""
    return doc.size().height() > MAX_DOCUMENT_HEIGHT or _has_unlaid_blocks(doc)


def _lay_out(
    html: str, stylesheet: str, device: QPdfWriter, pictures: PictureObjects, size: QSizeF
) -> PartDocument:
    # The text and its formats first, with no layout yet (an edit to a laid-out
    # document lays it all out again in that one call); then the layout, a step at a
    # time. The print thread's Qt calls stay short, so the window keeps its turn
    # (reader/content/text_document.py; issue #34). The pages come out the same.
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    body_font = QFont()
    body_font.setFamilies(BODY_FONT)
    body_font.setPointSizeF(11)
    doc.setDefaultFont(body_font)
    doc.setDefaultStyleSheet(stylesheet)
    set_html_in_steps(doc, html_elements(html))
    anchors = _take_anchors(doc)
    _stylesheet_heading_sizes(doc)
    _without_ligatures(doc)
    _swap_in_pictures(doc, pictures)
    margins_below_tables(doc)
    doc.documentLayout().setPaintDevice(device)
    doc.documentLayout().registerHandler(PICTURE_OBJECT, pictures)
    doc.setPageSize(size)
    lay_out_in_steps(doc)  # the whole document now (Qt otherwise lays out lazily)
    if keep_together(doc) or _has_unlaid_blocks(doc):
        lay_out_afresh_in_steps(doc)
    return PartDocument(doc, anchors)


def _take_anchors(doc: QTextDocument) -> dict[str, int]:
    """Note which block holds each id, then drop the id from the text: Qt would draw an
    anchored first letter as a separate run, which some PDF readers take as a line break
    ("B eta"), so copying and searching the heading would fail."""
    anchors: dict[str, int] = {}
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one layout update at the end, not one per anchor
    block = doc.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            names = fmt.anchorNames()
            if names:
                for name in names:
                    anchors.setdefault(name, block.blockNumber())
                fmt.clearProperty(QTextFormat.Property.AnchorName)
                if not fmt.anchorHref():
                    fmt.clearProperty(QTextFormat.Property.IsAnchor)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(fmt)
            iterator += 1
        block = block.next()
    cursor.endEditBlock()
    return anchors


def _stylesheet_heading_sizes(doc: QTextDocument) -> None:
    """Headings at the size the print stylesheet gives them: Qt keeps its own "h1 is
    twice the body" size step on top of the stylesheet's point size, and the step wins."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    while block.isValid():
        if is_heading(block):
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                if fmt.hasProperty(QTextFormat.Property.FontPointSize):
                    fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                    cursor.setPosition(fragment.position())
                    end = fragment.position() + fragment.length()
                    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(fmt)
                iterator += 1
        block = block.next()
    cursor.endEditBlock()


def _without_ligatures(doc: QTextDocument) -> None:
    """Plain letters instead of "fi"/"fl" ligatures, so that searching the PDF for
    "deficiency" finds it in every viewer."""
    fmt = QTextCharFormat()
    fmt.setFontFeatures({QFont.Tag("liga"): 0})
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(fmt)


def _has_unlaid_blocks(doc: QTextDocument) -> bool:
    """Qt's lazy layout can leave blocks without lines after edits; they would not print."""
    block = doc.begin()
    while block.isValid():
        if block.length() > 1 and block.layout().lineCount() == 0:
            return True
        block = block.next()
    return False


def _swap_in_pictures(doc: QTextDocument, pictures: PictureObjects) -> None:
    """Replace each `picture:` image with a picture object, or its alt text in a plain
    note if it is unusable (refused, unreadable, or too large to decode)."""
    found: list[tuple[int, str, float, float, str]] = []
    block = doc.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                alt = str(fmt.property(QTextFormat.Property.ImageAltText) or "")
                for offset in range(fragment.length()):
                    at = fragment.position() + offset
                    found.append((at, image.name(), image.width(), image.height(), alt))
            iterator += 1
        block = block.next()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one layout update at the end, not one per picture
    for position, name, width, height, alt in reversed(found):
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        if pictures.picture(name) is None:
            note = QTextCharFormat()
            note.setFontItalic(True)
            note.setForeground(QColor("#555555"))
            alt = " ".join(alt.split())
            cursor.insertText(f"[Picture: {alt}]" if alt else "[Picture not available]", note)
            continue
        fmt = QTextCharFormat()
        fmt.setObjectType(PICTURE_OBJECT)
        fmt.setProperty(PICTURE_KEY, name)
        fmt.setProperty(PICTURE_WIDTH, width if width > 0 else 0)
        fmt.setProperty(PICTURE_HEIGHT, height if height > 0 else 0)
        cursor.insertText("\ufffc", fmt)
    cursor.endEditBlock()


def draw_body_page(painter: QPainter, doc: QTextDocument, index: int, body: QRectF) -> None:
    """Paint page `index` of a paginated document into the body rectangle."""
    page_height = doc.pageSize().height()
    source = QRectF(0, index * page_height, body.width(), page_height)
    draw_region(painter, doc, source, body.topLeft())


def draw_region(painter: QPainter, doc: QTextDocument, source: QRectF, at: QPointF) -> None:
    """Paint the `source` rectangle of a laid-out document with its top left at `at`."""
    painter.save()
    painter.translate(at)
    painter.setClipRect(QRectF(QPointF(0, 0), source.size()))
    painter.translate(-source.left(), -source.top())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = source
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#1b1b1b"))
    context.palette = palette
    doc.documentLayout().draw(painter, context)
    painter.restore()


def page_layout(name: str) -> QPageLayout:
    """The paper size with no margins: the composed pages draw their own."""
    return QPageLayout(qpage_size(name), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
