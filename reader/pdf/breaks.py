"""Where pages break in a laid-out part: fixes made in reading order after Qt's own
pagination, so that a heading is never the last thing on a page, a short paragraph
never leaves one line alone, and a table whose header or first row would be split
moves whole with its headings. Rows further down a table are kept whole by cutting
the table (reader.pdf.table_rows)."""

from __future__ import annotations

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from reader.pdf.pictures import LAYOUT_DPI

KEEP_LINES = 3  # a heading needs this many lines of what follows on its page
MAX_MOVABLE_LINES = 8  # longer paragraphs may leave a single line behind
NEAR_PAGE_TOP = 40 * LAYOUT_DPI / 72  # 40 points
KEEP_WITH_NEXT_STATE = 1  # the block user state print.css gives a box's title


def is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def keeps_with_next(block: QTextBlock) -> bool:
    """A heading, or a block the print stylesheet marks to stay with what follows (a
    box's title: `-qt-user-state: 1` in resources/styles/print.css)."""
    return is_heading(block) or block.userState() == KEEP_WITH_NEXT_STATE


def line_tops(block: QTextBlock) -> list[float]:
    """The top of each line of a block, in document coordinates (a block in a table cell
    has its layout's position relative to the cell)."""
    layout = block.layout()
    origin = block.document().documentLayout().blockBoundingRect(block).top()
    return [origin + layout.lineAt(i).y() for i in range(layout.lineCount())]


def page_of(y: float, page_height: float) -> int:
    return int((y + 0.5) // page_height)


def keep_together(doc: QTextDocument, keep_lines: int = KEEP_LINES) -> int:
    """Page-break fixes, in reading order. A heading (with any headings right above it)
    moves to the next page when fewer than `keep_lines` lines of what follows fit under
    it (a heading is never the last thing on a page); a short paragraph that would
    leave one line alone on either page moves whole; a table whose header or first row
    would be split moves whole, with its headings. Returns how many things moved."""
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    moved = 0
    chain: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        if keeps_with_next(block):
            chain.append(block)
            block = block.next()
            continue
        layout.blockBoundingRect(block)  # lays out up to here
        target: QTextBlock | QTextTable | None = None
        if table := table_of(block):  # a cell's lines are placed within its cell
            if table.firstPosition() == block.position():
                target = _table_move(table, block, chain, doc)
        elif chain and _stranded(chain, block, page_height, keep_lines):
            target = chain[0]
        elif _lonely_line(block, page_height):
            target = chain[0] if chain else block
        if target is not None and _break_before(target, page_height):
            moved += 1
        chain = []
        block = block.next()
    return moved


def _table_move(
    table: QTextTable, first: QTextBlock, chain: list[QTextBlock], doc: QTextDocument
) -> QTextBlock | QTextTable | None:
    """What moves to the next page when a table's header or first row would be split, or
    its heading would end the page above it: the headings with the table, else the table."""
    split = _top_rows_split(table, doc)
    if chain and (split or _parted(chain[0], first, doc.pageSize().height())):
        return chain[0]
    return table if split else None


def _break_before(target: QTextBlock | QTextTable, page_height: float) -> bool:
    """Start `target` on a new page, unless it already starts one."""
    first = target if isinstance(target, QTextBlock) else target.firstCursorPosition().block()
    if _starts_page(first, page_height):
        return False
    if isinstance(target, QTextTable):
        table_format = target.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        target.setFormat(table_format)
    else:
        fmt = target.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(target).setBlockFormat(fmt)
    return True


def _parted(heading: QTextBlock, following: QTextBlock, page_height: float) -> bool:
    """A heading on one page and what follows it (here a table) on the next."""
    heading_tops, tops = line_tops(heading), line_tops(following)
    if not heading_tops or not tops:
        return False
    return page_of(heading_tops[0], page_height) != page_of(tops[0], page_height)


def table_of(block: QTextBlock) -> QTextTable | None:
    """The table whose cell holds `block`, if any."""
    # currentFrame, not currentTable: PySide6 6.12 mis-counts the None that the latter
    # returns for most blocks, and the interpreter aborts at exit.
    frame = QTextCursor(block).currentFrame()
    return frame if isinstance(frame, QTextTable) else None


def tables_in(doc: QTextDocument) -> list[QTextTable]:
    """Every table, in reading order, tables inside tables included."""

    def frames(parent: QTextFrame) -> list[QTextFrame]:
        return [f for child in parent.childFrames() for f in (child, *frames(child))]

    return [frame for frame in frames(doc.rootFrame()) if isinstance(frame, QTextTable)]


def row_pages(table: QTextTable, row: int, doc: QTextDocument) -> set[int]:
    """The pages a table row lies on: its cells' lines, and for the last row the end of
    the table's frame too (its padding and border; past a page edge, Qt would draw the
    header again on the next page, over the text there). `doc` is the table's own:
    asking the table for it (QTextObject.document) left PySide6 6.11 reporting the
    document's layout as deleted in the middle of a layout."""
    page_height = doc.pageSize().height()
    pages: set[int] = set()
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block = cell.firstCursorPosition().block()
        while block.isValid() and block.position() <= cell.lastPosition():
            pages |= {page_of(top, page_height) for top in line_tops(block)}
            block = block.next()
    if row == table.rows() - 1:
        bottom = doc.documentLayout().frameBoundingRect(table).bottom()
        pages.add(int((bottom - 1) // page_height))
    return pages


def _top_rows_split(table: QTextTable, doc: QTextDocument) -> bool:
    """Whether the header rows and the first row under them lie on more than one page."""
    top_rows = min(table.format().headerRowCount() + 1, table.rows())
    return len(set().union(*(row_pages(table, row, doc) for row in range(top_rows)))) > 1


def _starts_page(block: QTextBlock, page_height: float) -> bool:
    """Already at the top of a page: moving it would only leave an empty page."""
    tops = line_tops(block)
    if not tops:
        return True
    return tops[0] - page_of(tops[0], page_height) * page_height < NEAR_PAGE_TOP


def _stranded(
    chain: list[QTextBlock], following: QTextBlock, page_height: float, keep_lines: int
) -> bool:
    first_tops = line_tops(chain[0])
    if not first_tops:
        return False
    page = page_of(first_tops[0], page_height)
    if any(page_of(top, page_height) != page for h in chain for top in line_tops(h)):
        return True
    tops = line_tops(following)
    if not tops:
        return False
    needed = min(keep_lines, len(tops))
    on_page = sum(1 for top in tops if page_of(top, page_height) == page)
    return on_page < needed


def _lonely_line(block: QTextBlock, page_height: float) -> bool:
    """A short block split so that one of its lines stands alone on a page."""
    tops = line_tops(block)
    if not 2 <= len(tops) <= MAX_MOVABLE_LINES:
        return False
    first_page = page_of(tops[0], page_height)
    on_first = sum(1 for top in tops if page_of(top, page_height) == first_page)
    return on_first < len(tops) and 1 in (on_first, len(tops) - on_first)
