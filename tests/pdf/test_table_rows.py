"""Table rows stay whole in print: the real handbook's tables, laid out at many page
heights, never have a row that starts on one page and ends on the next."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QGuiApplication, QTextBlock, QTextCursor, QTextDocument, QTextTable

from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir
from reader.pdf.compose import compose_document, print_stylesheet
from reader.pdf.layout import PageGeometry, build_part_document, reference_device
from reader.pdf.pictures import PictureObjects
from reader.pdf.plan import PdfRequest
from reader.pdf.table_rows import SplitRow, first_split_row, split_table

# Body heights from a bit over half a page to a whole one: with the tables at different
# heights on the page, some rows of each fall across a page edge.
HEIGHT_STEPS = [0.5 + step * 0.05 for step in range(11)]


@pytest.fixture(scope="module")
def table_parts(qapp: QGuiApplication) -> list[str]:
    """The print HTML of every part of the real handbook (English and Spanish) that holds
    a table."""
    found = []
    for root in (bundled_handbook_dir(), bundled_handbook_dir() / "es"):
        composed = compose_document(load_handbook(root), PdfRequest("all"))
        found += [part.html for part in composed.parts if "<table" in part.html]
    assert len(found) >= 4, "the handbook's chapters on gene therapy and risks have tables"
    return found


def _sizes() -> list[QSizeF]:
    body = PageGeometry.for_page_size("A4").body.size()
    return [QSizeF(body.width(), body.height() * step) for step in HEIGHT_STEPS]


def _plain(html: str, size: QSizeF) -> QTextDocument:
    """Qt's own layout of the same HTML, with no help from the reader."""
    device, _buffer = reference_device()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(print_stylesheet())
    doc.setHtml(html)
    doc.setPageSize(size)
    doc.pageCount()
    return doc


def _fixed(html: str, size: QSizeF) -> QTextDocument:
    geometry = PageGeometry.for_page_size("A4")
    device, _buffer = reference_device()
    pictures = PictureObjects(bundled_handbook_dir(), geometry.body.size())
    return build_part_document(html, print_stylesheet(), geometry, device, pictures, size).doc


def _table_texts(doc: QTextDocument) -> list[str]:
    """The text of every table cell, in reading order."""
    texts = []
    block = doc.begin()
    while block.isValid():
        in_table = isinstance(QTextCursor(block).currentFrame(), QTextTable)
        if in_table and block.text():
            texts.append(block.text())
        block = block.next()
    return texts


def test_qt_alone_splits_rows_of_the_real_tables(table_parts: list[str]) -> None:
    """The case the fix is for does happen with the real handbook's tables."""
    splits = [first_split_row(_plain(html, size)) for html in table_parts for size in _sizes()]
    assert sum(split is not None for split in splits) >= 3


def test_no_row_of_the_real_tables_is_split(table_parts: list[str]) -> None:
    for html in table_parts:
        for size in _sizes():
            doc = _fixed(html, size)
            assert first_split_row(doc) is None, f"a row split at height {size.height():.0f}"


def test_a_cut_table_repeats_its_header_and_loses_no_row(table_parts: list[str]) -> None:
    risks = next(html for html in table_parts if "<th>Risk</th>" in html)
    headers = set(re.findall(r"<th[^>]*>([^<]*)</th>", risks))
    assert "Risk" in headers
    repeated = 0
    for size in _sizes():
        plain, fixed = _table_texts(_plain(risks, size)), _table_texts(_fixed(risks, size))
        for text in set(plain) - headers:
            assert fixed.count(text) == plain.count(text), text
        repeated += fixed.count("Risk") - plain.count("Risk")
    assert repeated >= 1, "at some height the risk table goes on under a repeated header"


def test_a_heading_goes_with_a_table_that_moves_whole(qapp: QGuiApplication) -> None:
    words = "Words that fill a line of text on a printed page for a family to read. " * 9
    cell = "A first cell with enough words in it to wrap onto a few lines of the page. " * 3
    rows = "".join(f"<tr><td>Row {n}. {cell}</td><td>Yes</td></tr>" for n in range(4))
    head = "<thead><tr><th>What</th><th>Then</th></tr></thead>"
    table = f"<h2>At a glance</h2><table>{head}<tbody>{rows}</tbody></table>"
    sizes = _sizes()
    moved = 0
    for filler in range(1, 9):
        html = f"<p>{words}</p>" * filler + table
        for size in sizes:
            if first_split_row(_plain(html, size)) is None:
                continue
            doc = _fixed(html, size)
            assert first_split_row(doc) is None
            heading = next(b for b in _blocks(doc) if b.text() == "At a glance")
            first_cell = next(b for b in _blocks(doc) if b.text() == "What")
            height = size.height()
            assert _page(doc, heading, height) == _page(doc, first_cell, height)
            used = {_page(doc, block, height) for block in _blocks(doc) if block.text()}
            assert used == set(range(doc.pageCount())), "no page is left empty"
            moved += 1
    assert moved >= 3


def _blocks(doc: QTextDocument) -> list[QTextBlock]:
    found = []
    block = doc.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def _page(doc: QTextDocument, block: QTextBlock, height: float) -> int:
    return int(doc.documentLayout().blockBoundingRect(block).top() // height)


def test_split_table_cuts_before_the_row_and_repeats_the_header() -> None:
    html = (
        '<p>x</p><table style="width: 100%"><thead><tr><th>H</th></tr></thead><tbody>'
        "<tr><td>one</td></tr>\n<tr><td>two<table><tr><td>inner</td></tr></table></td></tr>"
        "<tr><td>three</td></tr></tbody></table>"
    )
    cut = split_table(html, SplitRow(table=0, row=3, header_rows=1))
    assert cut is not None
    first, second = cut.split("</table><table", 1)[0], cut.split("</tbody></table>", 1)[1]
    assert "three" not in first and "inner" in first
    assert second.startswith('<table style="width: 100%; page-break-before: always">')
    assert "<thead><tr><th>H</th></tr></thead><tbody><tr><td>three</td></tr>" in second


def test_split_table_leaves_a_header_or_first_row_to_move_whole() -> None:
    html = "<table><thead><tr><th>H</th></tr></thead><tr><td>one</td></tr></table>"
    assert split_table(html, SplitRow(table=0, row=0, header_rows=1)) is None
    assert split_table(html, SplitRow(table=0, row=1, header_rows=1)) is None
    assert split_table(html, SplitRow(table=1, row=2, header_rows=0)) is None, "no such table"
    assert split_table(html, SplitRow(table=0, row=5, header_rows=0)) is None, "no such row"


def test_the_whole_spanish_letter_printout_keeps_rows_whole(qapp: QGuiApplication) -> None:
    """The whole printout as exported, in Spanish on Letter paper: when this was written,
    Qt alone split a row of two of its tables."""
    composed = compose_document(
        load_handbook(bundled_handbook_dir() / "es"), PdfRequest("all", page_size="Letter")
    )
    assert all(first_split_row(flow.doc) is None for flow in composed.flows)


def _overruns(doc: QTextDocument) -> int:
    """Tables whose frame (padding, border, margin) ends on a later page than the lines
    of their last row: Qt then draws the header again on that page, over its text."""
    height, layout = doc.pageSize().height(), doc.documentLayout()
    count = 0
    for table in doc.rootFrame().childFrames():
        if not isinstance(table, QTextTable):
            continue
        last = doc.findBlock(table.lastPosition())
        last_line = layout.blockBoundingRect(last).bottom() - 1
        count += int((layout.frameBoundingRect(table).bottom() - 1) // height) > int(
            last_line // height
        )
    return count


def test_no_table_runs_on_to_the_next_page_past_its_last_row(table_parts: list[str]) -> None:
    plain = sum(_overruns(_plain(html, size)) for html in table_parts for size in _sizes())
    assert plain >= 1, "Qt alone lets some table's margin or border run onto the next page"
    for html in table_parts:
        for size in _sizes():
            assert _overruns(_fixed(html, size)) == 0


def test_a_box_title_stays_with_its_text(qapp: QGuiApplication) -> None:
    words = "Words that fill a line of text on a printed page for a family to read. " * 7
    box = (
        '<div class="admonition important"><p class="admonition-title">Ask for numbers</p>'
        f"<p>{words}</p></div>"
    )
    stranded = {"plain": 0, "fixed": 0}
    for filler in range(1, 9):
        html = f"<p>{words}</p>" * filler + box
        for size in _sizes():
            for name, doc in (("plain", _plain(html, size)), ("fixed", _fixed(html, size))):
                blocks = _blocks(doc)
                title = next(i for i, b in enumerate(blocks) if b.text() == "Ask for numbers")
                first = blocks[title + 1]
                height = size.height()
                stranded[name] += _page(doc, blocks[title], height) != _page(doc, first, height)
    assert stranded["plain"] >= 1, "the sample must strand a title without help"
    assert stranded["fixed"] == 0
