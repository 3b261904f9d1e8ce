"""The reading view's page as a screen reader's document: headings, paragraphs, lists,
tables and links in reading order, read from the QTextDocument the view shows.

Headings in a QTextBrowser differ from paragraphs only by their font, so assistive
technology saw one flat label; this outline is what the accessible tree is built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFrame, QTextTable

from reader.content.links import GLOSSARY_SCHEME

#: At most this many elements per page: a screen reader walks a chapter, and a hostile
#: 1 MB page of one-word paragraphs must not build hundreds of thousands of objects.
#: Past the cap the rest of the page is still read through the view's text interface.
MAX_ELEMENTS = 4000
#: An element's name (what is spoken for it) is cut here; its text stays readable.
MAX_NAME_CHARS = 2000


class Kind(Enum):
    """What an element is to a screen reader."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"
    ITEM = "item"
    TABLE = "table"
    ROW = "row"
    HEADER = "header"
    CELL = "cell"
    LINK = "link"


@dataclass
class Element:
    """One object of the document: its kind, what is spoken, and its span on the page."""

    kind: Kind
    name: str
    start: int
    end: int
    level: int = 0
    href: str = ""
    description: str = ""  # the short meaning of an explained word
    children: list[Element] = field(default_factory=list)

    @property
    def explains_a_word(self) -> bool:
        return self.href.startswith(GLOSSARY_SCHEME + ":")


class _Budget:
    """Counts elements against MAX_ELEMENTS."""

    def __init__(self) -> None:
        self.left = MAX_ELEMENTS

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


def outline(document: QTextDocument) -> list[Element]:
    """The page's top-level elements in reading order (lists and tables hold theirs)."""
    budget = _Budget()
    return _frame_elements(document.rootFrame(), budget)


def _frame_elements(frame: QTextFrame, budget: _Budget) -> list[Element]:
    found: list[Element] = []
    current_list: tuple[object, Element] | None = None
    iterator = frame.begin()
    while not iterator.atEnd() and budget.left > 0:
        child = iterator.currentFrame()
        block = iterator.currentBlock()
        if isinstance(child, QTextTable):
            current_list = None
            table = _table(child, budget)
            if table is not None:
                found.append(table)
        elif child is not None:
            current_list = None
            found.extend(_frame_elements(child, budget))
        elif block.isValid() and block.length() > 1:
            text_list = block.textList()
            if text_list is None:
                current_list = None
                element = _block_element(block, budget)
                if element is not None:
                    found.append(element)
            else:
                if current_list is None or current_list[0] != text_list:
                    whole = Element(Kind.LIST, "", block.position(), block.position())
                    if not budget.take():
                        break
                    current_list = (text_list, whole)
                    found.append(whole)
                item = _block_element(block, budget, kind=Kind.ITEM)
                if item is not None:
                    current_list[1].children.append(item)
                    current_list[1].end = item.end
        iterator += 1
    return found


def _block_element(block: QTextBlock, budget: _Budget, kind: Kind | None = None) -> Element | None:
    if not budget.take():
        return None
    level = block.blockFormat().headingLevel()
    chosen = kind or (Kind.HEADING if level else Kind.PARAGRAPH)
    text = _name(block.text())
    element = Element(chosen, text, block.position(), block.position() + block.length() - 1)
    element.level = level
    element.children = _links(block, budget)
    return element


def _links(block: QTextBlock, budget: _Budget) -> list[Element]:
    """The block's links and explained words; one link split by formatting is one."""
    links: list[Element] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        char_format = fragment.charFormat()
        href = char_format.anchorHref() if char_format.isAnchor() else ""
        start, end = fragment.position(), fragment.position() + fragment.length()
        if href and links and links[-1].href == href and links[-1].end == start:
            links[-1].end = end
            links[-1].name = _name(links[-1].name + fragment.text())
        elif href and budget.take():
            link = Element(Kind.LINK, _name(fragment.text()), start, end, href=href)
            if link.explains_a_word:
                link.description = char_format.toolTip()
            links.append(link)
        iterator += 1
    return links


def _table(table: QTextTable, budget: _Budget) -> Element | None:
    """A table of rows; a header row (from <thead>, or a bold first row) has headers."""
    if not budget.take():
        return None
    first = table.firstCursorPosition().position()
    whole = Element(Kind.TABLE, "", first, table.lastCursorPosition().position())
    headers = table.format().headerRowCount() or (1 if _bold_row(table) else 0)
    for row in range(table.rows()):
        if not budget.take():
            break
        cells = Element(Kind.ROW, "", first, first)
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if not cell.isValid() or not budget.take():
                continue
            start = cell.firstCursorPosition().position()
            end = cell.lastCursorPosition().position()
            cursor = QTextCursor(table.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            kind = Kind.HEADER if row < headers else Kind.CELL
            element = Element(kind, _name(cursor.selectedText()), start, end)
            element.children = _links(table.document().findBlock(start), budget)
            cells.children.append(element)
        if cells.children:
            cells.start, cells.end = cells.children[0].start, cells.children[-1].end
        whole.children.append(cells)
    return whole


def _name(text: str) -> str:
    """What is spoken for an element: its text on one line, at most MAX_NAME_CHARS."""
    return " ".join(text[: MAX_NAME_CHARS * 2].split())[:MAX_NAME_CHARS]


def _bold_row(table: QTextTable) -> bool:
    """Qt keeps <th> as bold text: a first row all bold is the header row."""
    if table.rows() < 2:
        return False
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        cursor = cell.firstCursorPosition()
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        if cell.isValid() and cursor.charFormat().fontWeight() < 600:
            return False
    return True


def elements_in_order(elements: list[Element]) -> list[Element]:
    """Every element, depth first: reading order."""
    found: list[Element] = []
    for element in elements:
        found.append(element)
        found.extend(elements_in_order(element.children))
    return found
