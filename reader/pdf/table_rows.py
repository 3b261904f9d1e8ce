"""Table rows kept whole across pages: no row starts at the foot of one page and ends
at the top of the next.

Qt moves a row to the next page only when none of its cells' first lines fits on this
page; otherwise it splits the row line by line, so a printed "Side effects of" ends one
page and "conditioning" starts the next. A block-level page break inside a cell does
not help (Qt then skips a whole page). So the fix is made in the HTML: the table is cut
before the split row and goes on as a second table with a page break before it and the
same header rows, which is how Qt's own repeated header looks. A split header row or
first row under the header is not cut: the whole table moves to the next page instead,
with any headings right above it (reader.pdf.breaks.keep_together does that), so a
header or a heading is never left alone at the foot of a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from itertools import accumulate

from PySide6.QtGui import QTextCursor, QTextDocument

from reader.pdf.breaks import row_pages, tables_in

PAGE_BREAK = "page-break-before: always"


@dataclass(frozen=True)
class SplitRow:
    """Row `row` (counted from 0, header rows included) of the document's `table`-th
    table (counted from 0 in reading order, nested tables included)."""

    table: int
    row: int
    header_rows: int


def first_split_row(doc: QTextDocument) -> SplitRow | None:
    """The first table row, in reading order, that lies on more than one page."""
    for index, table in enumerate(tables_in(doc)):
        for row in range(table.rows()):
            if len(row_pages(table, row, doc)) > 1:
                return SplitRow(index, row, table.format().headerRowCount())
    return None


def margins_below_tables(doc: QTextDocument) -> None:
    """Each table's bottom margin given to the block after it instead. Qt counts the
    margin as part of the table, so a table that ends at the foot of a page "went on"
    to the next one, and Qt drew its repeated header there, over the text."""
    for table in tables_in(doc):
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
        # getpos() gives (line, column), counting lines at "\n" only.
        self._line_starts = [0, *accumulate(len(line) + 1 for line in data.split("\n"))]
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
