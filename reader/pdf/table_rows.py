"""Table rows kept whole across pages: no row starts at the foot of one page and ends
at the top of the next.

Qt moves a row to the next page only when none of its cells' first lines fits on this
page; otherwise it splits the row line by line, so a printed "Side effects of" ends one
page and "conditioning" starts the next. A block-level page break inside a cell does
not help (Qt then skips a whole page). So the fix is made in the HTML: the table is cut
before the split row and goes on as a second table with a page break before it and the
same header rows, which is how Qt's own repeated header looks. A split header row or
first row under the header is not cut: the whole table moves to the next page instead,
with any headings right above it (reader.pdf.layout.keep_together does that, using
`top_rows_split`), so a header or a heading is never left alone at the foot of a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFrame, QTextTable

PAGE_BREAK = "page-break-before: always"


@dataclass(frozen=True)
class SplitRow:
    """Row `row` (counted from 0, header rows included) of the document's `table`-th
    table (counted from 0 in reading order, nested tables included)."""

    table: int
    row: int
    header_rows: int


def first_split_row(doc: QTextDocument) -> SplitRow | None:
    """The first table row, in reading order, that lies on more than one page: its lines,
    or for a last row, its bottom padding and border (then Qt would draw the table's
    header again on the next page, over the text there)."""
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    tables: list[QTextTable] = []
    row_pages: dict[tuple[int, int], set[int]] = {}
    block = doc.begin()
    while block.isValid():
        table = _table_of(block)
        if table is not None:
            if table not in tables:
                tables.append(table)
            key = (tables.index(table), table.cellAt(block.position()).row())
            row_pages.setdefault(key, set()).update(
                _line_pages(block, layout.blockBoundingRect(block).top(), page_height)
            )
        block = block.next()
    for index, table in enumerate(tables):
        row_pages[(index, table.rows() - 1)].add(_end_page(table, doc))
    for (index, row), pages in row_pages.items():
        if len(pages) > 1:
            header_rows = tables[index].format().headerRowCount()
            return SplitRow(index, row, header_rows)
    return None


def top_rows_split(table: QTextTable, doc: QTextDocument) -> bool:
    """Whether the header rows and the first row under them lie on more than one page.
    `doc` is the table's own: asking the table for it (QTextObject.document) left
    PySide6 6.11 reporting the document's layout as deleted in the middle of a layout."""
    layout, page_height = doc.documentLayout(), doc.pageSize().height()
    top_rows = min(table.format().headerRowCount() + 1, table.rows())
    pages = {_end_page(table, doc)} if top_rows == table.rows() else set()
    for row in range(top_rows):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            block = cell.firstCursorPosition().block()
            while block.isValid() and block.position() <= cell.lastPosition():
                top = layout.blockBoundingRect(block).top()
                pages |= _line_pages(block, top, page_height)
                block = block.next()
    return len(pages) > 1


def margins_below_tables(doc: QTextDocument) -> None:
    """Each table's bottom margin given to the block after it instead. Qt counts the
    margin as part of the table, so a table that ends at the foot of a page "went on"
    to the next one, and Qt drew its repeated header there, over the text."""
    tables = [frame for frame in _frames(doc.rootFrame()) if isinstance(frame, QTextTable)]
    for table in tables:
        table_format = table.format()
        margin = table_format.bottomMargin()
        if margin <= 0:
            continue
        table_format.setBottomMargin(0)
        table.setFormat(table_format)
        after = doc.findBlock(table.lastPosition() + 1)
        if after.length() == 1 and after.next().isValid():
            after = after.next()  # Qt's empty block after a frame takes no margin
        block_format = after.blockFormat()
        block_format.setTopMargin(block_format.topMargin() + margin)
        QTextCursor(after).setBlockFormat(block_format)


def _frames(frame: QTextFrame) -> list[QTextFrame]:
    found = []
    for child in frame.childFrames():
        found += [child, *_frames(child)]
    return found


def _end_page(table: QTextTable, doc: QTextDocument) -> int:
    """The page where the table's frame ends (its last row's padding and border)."""
    bottom = doc.documentLayout().frameBoundingRect(table).bottom()
    return int((bottom - 1) // doc.pageSize().height())


def _table_of(block: QTextBlock) -> QTextTable | None:
    # currentFrame, not currentTable: see reader.pdf.layout._in_table.
    frame = QTextCursor(block).currentFrame()
    return frame if isinstance(frame, QTextTable) else None


def _line_pages(block: QTextBlock, top: float, page_height: float) -> set[int]:
    lines = block.layout()
    return {int((top + lines.lineAt(i).y() + 0.5) // page_height) for i in range(lines.lineCount())}


def split_table(html: str, split: SplitRow) -> str | None:
    """`html` with the table cut before the split row; None for a header row or the
    first row under it (the table moves whole instead), or when the HTML does not show
    that table and row as the laid-out document did."""
    if split.row <= split.header_rows:
        return None
    finder = _RowFinder(split.table)
    finder.feed(html)
    finder.close()
    if split.row >= len(finder.rows):
        return None
    cut = finder.rows[split.row]
    header = "".join(html[a:b] for a, b in finder.header_row_spans)
    opened = _with_page_break(finder.table_attrs) + (f"<thead>{header}</thead>" if header else "")
    in_body = finder.row_in_tbody[split.row]
    body_open, body_close = ("<tbody>", "</tbody>") if in_body else ("", "")
    return html[:cut] + f"{body_close}</table>{opened}{body_open}" + html[cut:]


def _with_page_break(attrs: list[tuple[str, str | None]]) -> str:
    """The table's own start tag for its continuation, with a page break in its style."""
    parts = []
    style = PAGE_BREAK
    for name, value in attrs:
        if name == "style" and value:
            style = f"{value.rstrip().rstrip(';')}; {PAGE_BREAK}"
        else:
            parts.append(name if value is None else f'{name}="{escape(value)}"')
    parts.append(f'style="{escape(style)}"')
    return f"<table {' '.join(parts)}>"


class _RowFinder(HTMLParser):
    """Where the `wanted`-th table's start tag and its own rows (not those of tables
    nested in it) are in the HTML, as character offsets."""

    def __init__(self, wanted: int) -> None:
        super().__init__(convert_charrefs=False)
        self.wanted = wanted
        self.seen = -1
        self.depth = 0  # open tables inside the wanted one, itself included
        self.section = ""
        self.table_attrs: list[tuple[str, str | None]] = []
        self.rows: list[int] = []
        self.row_in_tbody: list[bool] = []
        self.header_row_spans: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._open_header_row = -1

    def feed(self, data: str) -> None:
        self._line_starts = [0]
        for index, char in enumerate(data):
            if char == "\n":
                self._line_starts.append(index + 1)
        super().feed(data)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.seen += 1
            if self.depth:
                self.depth += 1
            elif self.seen == self.wanted:
                self.depth = 1
                self.table_attrs = attrs
            return
        if self.depth != 1:
            return
        if tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr":
            self.rows.append(self._offset())
            self.row_in_tbody.append(self.section == "tbody")
            if self.section == "thead":
                self._open_header_row = self._offset()

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth == 1 and tag in ("thead", "tbody", "tfoot"):
            self.section = ""
        elif self.depth == 1 and tag == "tr" and self._open_header_row >= 0:
            end = self._offset() + len("</tr>")
            self.header_row_spans.append((self._open_header_row, end))
            self._open_header_row = -1
