"""What every printed page carries around its text: the running header, the footer,
and the pages with no body text of their own (the ruled notes page).

Drawn with a QPainter in layout units (see reader.pdf.layout); QtGui only.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from reader.pdf.layout import HEADING_FONT, MM, POINT, PageGeometry, font_px

ACCENT = QColor("#12395b")
MUTED = QColor("#555555")
RULE = QColor("#9aa7b3")
NOTE_LINE = QColor("#b9c3cc")
NOTE_LINE_GAP = 9 * MM  # room for handwriting


def paint_header(painter: QPainter, geometry: PageGeometry, left: str, right: str) -> None:
    """The running header: the handbook's title on the left, the part on the right,
    a thin rule below."""
    body = geometry.body
    font = font_px(HEADING_FONT, 8.5)
    metrics = QFontMetricsF(font)
    half = body.width() / 2 - 4 * MM
    left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, half)
    right = metrics.elidedText(right, Qt.TextElideMode.ElideRight, half)
    line = QRectF(body.left(), geometry.header_top, body.width(), metrics.height())
    painter.save()
    painter.setFont(font)
    painter.setPen(MUTED)
    painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), left)
    painter.setPen(ACCENT)
    painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), right)
    painter.setPen(QPen(RULE, 0.5 * POINT))
    rule_y = geometry.header_rule
    painter.drawLine(QLineF(body.left(), rule_y, body.right(), rule_y))
    painter.restore()


def paint_footer(painter: QPainter, geometry: PageGeometry, note: str, page_text: str) -> None:
    """ "Page N of M", with the review note on the left when there is one."""
    font = font_px(HEADING_FONT, 9)
    line = QRectF(geometry.body.left(), geometry.footer_top, geometry.body.width(), 12 * POINT)
    top = Qt.AlignmentFlag.AlignTop
    painter.save()
    painter.setFont(font)
    painter.setPen(MUTED)
    if note:
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | top), note)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | top), page_text)
    else:
        painter.drawText(line, int(Qt.AlignmentFlag.AlignHCenter | top), page_text)
    painter.restore()


def paint_notes_page(painter: QPainter, geometry: PageGeometry, title: str, hint: str) -> None:
    """A page for the reader's own questions and answers: a heading, one line saying
    what it is for, then evenly ruled lines down to the footer."""
    body = geometry.body
    title_font = font_px(HEADING_FONT, 17, bold=True)
    hint_font = font_px(HEADING_FONT, 10)
    title_height = QFontMetricsF(title_font).height()
    hint_height = QFontMetricsF(hint_font).height()
    painter.save()
    painter.setFont(title_font)
    painter.setPen(ACCENT)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    painter.drawText(QRectF(body.left(), body.top(), body.width(), title_height), flags, title)
    painter.setFont(hint_font)
    painter.setPen(MUTED)
    hint_top = body.top() + title_height + 2 * MM
    painter.drawText(QRectF(body.left(), hint_top, body.width(), hint_height), flags, hint)
    painter.setPen(QPen(NOTE_LINE, 0.6 * POINT))
    y = hint_top + hint_height + NOTE_LINE_GAP
    while y <= body.bottom():
        painter.drawLine(QLineF(body.left(), y, body.right(), y))
        y += NOTE_LINE_GAP
    painter.restore()
