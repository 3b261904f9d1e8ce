"""A QTextDocument filled and laid out in short Qt calls, for the reading view and the
printout alike: one Qt call on a whole chapter holds up the window (issue #34).

PySide keeps Python's lock through a Qt call, so even a thread that lays out a big
document in one call stops the window's thread (its timers, input and painting all run
Python). In calls of about STEP_CHARS characters each, the window gets its turn between
them. The reading view appends a long page's pieces (reader/ui/page_feed.py); the print
thread lays its parts out in steps (reader/pdf/layout.py). No Qt widgets here.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

#: About how many characters one Qt call parses or lays out: 20,000 took 10 to 40 ms on
#: a busy 2-core machine, well inside the 100 ms a window may stall.
STEP_CHARS = 20_000

# QTextCursor.insertHtml merges the first block it inserts into the block at the cursor,
# dropping that block's own format (a heading became a plain paragraph). A sacrificial
# paragraph holding one zero-width space takes that merge instead, and is deleted.
_SACRIFICE = "<p>\u200b</p>"


def append_html(document: QTextDocument, piece: str) -> None:
    """Add `piece` (whole HTML starting with a block) at the end of `document`, as
    `setHtml` of the pages joined would have laid it out."""
    _insert_at_end(document, piece.strip())


def set_html_in_steps(
    document: QTextDocument, elements: list[str], step_chars: int = STEP_CHARS
) -> None:
    """`document.setHtml` of the elements joined, about `step_chars` characters per Qt
    call. Each element is whole HTML at the top level (a paragraph, a list, a box) with
    the white space after it. Qt makes such white space a trailing space of the block
    before, or drops it, depending on what is on either side; so a cut is made only
    where the two elements around it read the same cut as whole (checked on those two
    alone, when each is shorter than `step_chars`: checking longer ones would cost
    more than the cut saves), and the document is the same as one `setHtml`, to the
    byte."""
    steps: list[list[str]] = [[]]
    size = 0
    for before, element in zip(["", *elements], elements, strict=False):
        short = len(before) < step_chars and len(element) < step_chars
        if size >= step_chars and short and _cut_keeps(document, before, element):
            steps.append([])
            size = 0
        steps[-1].append(element)
        size += len(element)
    document.setHtml("".join(steps[0]))
    for step in steps[1:]:
        _insert_at_end(document, "".join(step))


def _cut_keeps(document: QTextDocument, before: str, after: str) -> bool:
    """Whether `before` then `after` read in two calls make what they make in one."""
    whole, cut = QTextDocument(), QTextDocument()
    for sample in (whole, cut):
        sample.setDefaultStyleSheet(document.defaultStyleSheet())
        sample.setDefaultFont(document.defaultFont())
    whole.setHtml(before + after)
    cut.setHtml(before)
    _insert_at_end(cut, after)
    return whole.toHtml() == cut.toHtml()


def _insert_at_end(document: QTextDocument, html: str) -> None:
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    at = cursor.position()
    cursor.beginEditBlock()
    cursor.insertHtml(_SACRIFICE + html)
    cursor.setPosition(at)
    cursor.deleteChar()
    cursor.endEditBlock()


def lay_out_in_steps(document: QTextDocument, step_chars: int = STEP_CHARS) -> int:
    """Lay the whole document out, about `step_chars` characters per Qt call (asking
    Qt where a block is lays out the text up to it), and return its page count."""
    layout = document.documentLayout()
    for block in _every_nth_character(document, step_chars):
        layout.blockBoundingRect(block)
    return document.pageCount()


def lay_out_afresh_in_steps(document: QTextDocument, step_chars: int = STEP_CHARS) -> int:
    """Throw the layout away and lay the document out again from the top, in steps:
    setting the page size starts Qt's layout over (lazily), where `markContentsDirty`
    of the whole document would redo it all in one call."""
    document.setPageSize(document.pageSize())
    return lay_out_in_steps(document, step_chars)


def _every_nth_character(document: QTextDocument, step_chars: int) -> Iterator[QTextBlock]:
    """A block about every `step_chars` characters of the document, in order."""
    block = document.begin()
    since = 0
    while block.isValid():
        since += block.length()
        if since >= step_chars:
            yield block
            since = 0
        block = block.next()
