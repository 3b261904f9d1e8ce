"""The printout's contents: one line per chapter and section with its page number, the
chapters grouped under the handbook's nav sections (MkDocs) where it has them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from reader.pdf.layout import BODY_FONT, HEADING_FONT, PageGeometry
from reader.pdf.pictures import CSS_PX

CONTENTS_INDENT = 16  # CSS pixels per level below a chapter
ACCENT = "#12395b"


@dataclass(frozen=True)
class ContentsEntry:
    """One line: a chapter, a section below it, or a nav section's name ("group").
    `level` sets the indent; `kind` the look (by default, level 1 is a chapter)."""

    title: str
    level: int
    page: int
    kind: str = ""

    @property
    def style(self) -> str:
        return self.kind or ("chapter" if self.level <= 1 else "section")


def with_nav_groups(
    entries_by_part: list[tuple[tuple[str, ...], list[ContentsEntry]]],
) -> list[ContentsEntry]:
    """Each part's lines under its nav sections: a group's name is written where the
    nav path first differs from the part before, and its chapters indent below it."""
    out: list[ContentsEntry] = []
    previous: tuple[str, ...] = ()
    for nav, entries in entries_by_part:
        common = 0
        while common < min(len(nav), len(previous)) and nav[common] == previous[common]:
            common += 1
        for depth in range(common, len(nav)):
            first_page = entries[0].page if entries else 0
            out.append(ContentsEntry(nav[depth], depth + 1, first_page, "group"))
        out += [ContentsEntry(e.title, e.level + len(nav), e.page, e.style) for e in entries]
        previous = nav
    return out


def build_contents_document(
    heading: str, entries: list[ContentsEntry], geometry: PageGeometry, device: QPdfWriter
) -> QTextDocument:
    """The contents: one paragraph per entry, its page number on a right tab stop.
    Built with a cursor rather than as an HTML table, which Qt lays out and paints in
    time that grows much faster than the number of rows (4,800 rows at 100x)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    right_edge = geometry.body.width() / CSS_PX  # Qt takes tab stops in CSS pixels
    cursor = QTextCursor(doc)
    title_block = QTextBlockFormat()
    title_block.setHeadingLevel(1)
    title_block.setBottomMargin(10)
    cursor.setBlockFormat(title_block)
    cursor.insertText(heading, _contents_format(HEADING_FONT, 21, bold=True))
    for entry in entries:
        block = QTextBlockFormat()
        indent = 0 if entry.level <= 1 else CONTENTS_INDENT * (entry.level - 1)
        stop = QTextOption.Tab(right_edge - indent, QTextOption.TabType.RightTab)
        block.setTabPositions([stop])  # in CSS px, from the block's own left margin
        block.setLeftMargin(indent * CSS_PX)  # Qt takes a block's left margin in device units
        if entry.style == "group":
            block.setTopMargin(14)
            block.setBottomMargin(1)
            fmt = _contents_format(HEADING_FONT, 9.5, bold=True)
            fmt.setFontCapitalization(QFont.Capitalization.AllUppercase)
            fmt.setFontLetterSpacing(106)
            fmt.setForeground(QColor("#4a6378"))
            cursor.insertBlock(block, fmt)
            cursor.insertText(entry.title, fmt)
            continue
        if entry.style == "chapter":
            block.setTopMargin(11)
            block.setBottomMargin(2)
            fmt = _contents_format(HEADING_FONT, 11, bold=True)
        else:
            block.setBottomMargin(1)
            fmt = _contents_format(BODY_FONT, 10, bold=False)
        cursor.insertBlock(block, fmt)
        cursor.insertText(f"{entry.title}\t{entry.page}", fmt)
    doc.setPageSize(geometry.body.size())
    doc.pageCount()
    return doc


def _contents_format(families: list[str], points: float, *, bold: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies(families)
    fmt.setFontPointSize(points)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setForeground(QColor(ACCENT) if bold else QColor("#1b1b1b"))
    fmt.setFontFeatures({QFont.Tag("liga"): 0})  # "effects", not "eﬀects", when copied
    return fmt
