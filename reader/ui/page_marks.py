"""Marks on the reading page's document: search words highlighted as whole words, a
snippet's opening words found, a heading's anchor located, glossary words underlined.
Pure functions of a QTextDocument, so the view only shows what they find."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRegularExpression, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.content.links import GLOSSARY_SCHEME
from reader.folding import INVISIBLE_CLASS, invisible_blind_pattern

HIGHLIGHT = QColor("#ffe08a")
HIGHLIGHT_TEXT = QColor("#1f2933")


def anchor_position(document: QTextDocument, anchor: str) -> int:
    """The document position of a heading's anchor (0 for the top or an unknown one)."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        if not iterator.atEnd() and anchor in iterator.fragment().charFormat().anchorNames():
            return block.position()
        block = block.next()
    return 0


def heading_positions(document: QTextDocument, start: int = 0) -> list[tuple[float, str]]:
    """Each heading's anchor names with the heading's top (pixels), in page order, from
    document position `start` on: what tells which section the reader is in."""
    layout = document.documentLayout()
    found: list[tuple[float, str]] = []
    block = document.findBlock(start)
    while block.isValid():
        if block.blockFormat().headingLevel():
            iterator = block.begin()
            if not iterator.atEnd():
                for name in iterator.fragment().charFormat().anchorNames():
                    found.append((layout.blockBoundingRect(block).top(), name))
        block = block.next()
    return found


def word_selections(
    document: QTextDocument, words: list[str], start_at: int
) -> tuple[list[QTextEdit.ExtraSelection], QTextCursor | None]:
    """A highlight for every whole-word occurrence of `words`, and the first one at or
    after `start_at`. Longest first, so a name's pieces are not marked again inside it.
    The words come from the index, which keeps no invisible characters; a handbook's
    page may break a word by hand ("immuno&shy;deficiency"), so they are looked for
    across such characters, case aside, as a plain find would."""
    whole = QTextDocument.FindFlag.FindWholeWords
    selections: list[QTextEdit.ExtraSelection] = []
    taken: set[int] = set()
    first: QTextCursor | None = None
    for word in sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True):
        pattern = _whole_word_across_invisibles(word)
        cursor = QTextCursor(document)
        while True:
            cursor = document.find(pattern, cursor, whole)
            if cursor.isNull():
                break
            span = range(cursor.selectionStart(), cursor.selectionEnd())
            if any(position in taken for position in span):
                continue
            taken.update(span)
            selections.append(_highlight(cursor))
            after = cursor.selectionStart() >= start_at
            if after and (first is None or cursor.position() < first.position()):
                first = QTextCursor(cursor)
    return selections, first


def _whole_word_across_invisibles(word: str) -> QRegularExpression:
    """`word`, also with invisible characters inside it, but not as the piece of a word
    that a soft hyphen joins to more letters ("immuno" in "immuno&shy;deficiency"):
    Qt's whole-word check takes an invisible character for a word's end."""
    inside = invisible_blind_pattern(word)
    joined = rf"(?<!\w{INVISIBLE_CLASS}){inside}(?!{INVISIBLE_CLASS}+\w)"
    options = QRegularExpression.PatternOption
    return QRegularExpression(
        joined, options.CaseInsensitiveOption | options.UseUnicodePropertiesOption
    )


def _highlight(cursor: QTextCursor) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor  # type: ignore[misc]
    selection.format.setBackground(HIGHLIGHT)  # type: ignore[attr-defined]
    selection.format.setForeground(HIGHLIGHT_TEXT)  # type: ignore[attr-defined]
    return selection


def find_lead(document: QTextDocument, lead: str, start_at: int) -> QTextCursor | None:
    """Where a snippet's opening words stand on the page (fewer words if the page
    breaks them differently), at or after `start_at`."""
    words = lead.split()
    for size in (len(words), 4, 2):
        if size > len(words) or size < 1:
            continue
        # across a handbook's own soft hyphens, which the index's lead no longer has
        pattern = QRegularExpression(
            invisible_blind_pattern(" ".join(words[:size])),
            QRegularExpression.PatternOption.CaseInsensitiveOption,  # as find() with a text
        )
        cursor = document.find(pattern, start_at)
        if not cursor.isNull():
            return cursor
    return None


def underline_terms(document: QTextDocument, start: int, color: QColor) -> None:
    """A dotted underline in `color`, no link colour, for `glossary:` anchors from
    document position `start` on. The spans are collected first and changed in one edit:
    changing formats while walking the fragments left blocks unlaid-out (zero height,
    so headings vanished)."""
    spans: list[tuple[int, int]] = []
    block = document.findBlock(start)
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref().startswith(GLOSSARY_SCHEME + ":"):
                spans.append((fragment.position(), fragment.length()))
            iterator += 1
        block = block.next()
    if not spans:
        return
    term_format = QTextCharFormat()
    term_format.setFontUnderline(True)
    term_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    term_format.setForeground(color)
    term_format.setUnderlineColor(color)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position, length in spans:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(term_format)
    cursor.endEditBlock()


def reading_selection(document: QTextDocument, start: int, end: int) -> QTextEdit.ExtraSelection:
    """The mark on the sentence being read aloud (document positions `start` to `end`)."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor  # type: ignore[misc]
    selection.format.setBackground(QColor("#b9dcff"))  # type: ignore[attr-defined]
    selection.format.setForeground(QColor("#10212f"))  # type: ignore[attr-defined]
    return selection


def line_top(document: QTextDocument, cursor: QTextCursor) -> float:
    """The top (px) of the laid-out line `cursor` stands on."""
    block_top = document.documentLayout().blockBoundingRect(cursor.block()).top()
    line = cursor.block().layout().lineForTextPosition(cursor.positionInBlock())
    return block_top + (line.y() if line.isValid() else 0)


def paragraph_at(document: QTextDocument, point: QPointF) -> tuple[int, float]:
    """The paragraph at `point` (its position in the document) and how far into it
    `point` is, as a fraction of its height; (0, 0.0) on an empty page."""
    if document.isEmpty():
        return 0, 0.0
    layout = document.documentLayout()
    hit = layout.hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
    block = document.findBlock(max(0, hit))
    rect = layout.blockBoundingRect(block)
    if point.y() < rect.top():  # the point is in the space above this paragraph
        return block.position(), 0.0
    return block.position(), min(1.0, (point.y() - rect.top()) / max(1.0, rect.height()))
