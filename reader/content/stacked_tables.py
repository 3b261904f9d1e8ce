"""Tables too wide for the reading column, shown as one short list per row.

At large text on a small screen (200% beside the glossary on a 1366 px screen, 300% on
a 1024 px one) a four-column table leaves each column a few letters: "therapy" broke
into "therap" / "y" and "donor" into "dono" / "r" in every cell. No column width helps
there, so such a table is shown the way narrow web pages show theirs: each row's first
cell as its title, then one line per other cell, named by its column's heading
("Gene therapy: Yes, usually busulfan"). The words, links and glossary words of every
cell are kept; the headings used as names are plain text (a glossary link repeated in
every row would only lengthen the way through the page's links).

Which tables are too wide is the window's call (it knows the fonts and the column):
it passes `too_wide`. Works on the sanitised HTML the renderer makes; a table it
cannot read as rows of cells (a table inside a table) is left as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.content.html_text import html_to_text

_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.DOTALL | re.IGNORECASE)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL | re.IGNORECASE)
_CELL = re.compile(r"<(th|td)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
#: A page's tables are not looked at past this many (each is a regular expression pass).
MAX_TABLES = 200


@dataclass(frozen=True)
class Table:
    """A table as rows of cells' HTML; `headings` is its first row when that row is all
    heading cells (else empty)."""

    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def columns(self) -> list[list[str]]:
        """Each column's cells as plain text, headings first: what must fit."""
        width = max((len(row) for row in (self.headings, *self.rows)), default=0)
        return [
            [plain_text(row[i]) for row in (self.headings, *self.rows) if i < len(row)]
            for i in range(width)
        ]


def plain_text(cell: str) -> str:
    return " ".join(html_to_text(cell).splitlines())


def read_table(inner: str) -> Table | None:
    """The rows of a table's inner HTML, or None for one this module leaves alone."""
    if re.search(r"<table\b", inner, re.IGNORECASE):
        return None
    rows = []
    headings: tuple[str, ...] = ()
    for number, row in enumerate(_ROW.findall(inner)):
        cells = _CELL.findall(row)
        if number == 0 and cells and all(kind.lower() == "th" for kind, _ in cells):
            headings = tuple(body for _, body in cells)
        elif cells:
            rows.append(tuple(body for _, body in cells))
    if not rows or max(len(row) for row in rows) < 2:
        return None  # one column already fits wherever its words do
    return Table(headings, tuple(rows))


def _stacked(table: Table) -> str:
    names = [html.escape(plain_text(heading), quote=False) for heading in table.headings]
    parts = ['<div class="stacked-table">']
    for row in table.rows:
        title, *rest = row
        parts.append(f'<p class="stacked-row"><b>{title.strip()}</b></p>\n<ul>')
        for column, cell in enumerate(rest, start=1):
            name = names[column] if column < len(names) else ""
            label = f"<b>{name}:</b> " if name else ""
            parts.append(f"<li>{label}{cell.strip()}</li>")
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def stack_tables(page: str, too_wide: Callable[[Table], bool]) -> str:
    """`page` with every table that `too_wide` says cannot fit shown as rows."""
    if "<table" not in page.lower():
        return page
    seen = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        table = read_table(match.group(1)) if seen <= MAX_TABLES else None
        if table is None or not too_wide(table):
            return match.group(0)
        return _stacked(table)

    return _TABLE.sub(replace, page)
