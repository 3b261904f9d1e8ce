"""The printout's title page: the handbook's title, what was printed, its edition and
review month, the source and the printing date; and, for a packet whose contents fit,
the contents under the title. QtGui only."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLineF, QRectF
from PySide6.QtGui import QPainter, QPen, QTextDocument

from reader.dates import edition_line, long_date, month_year
from reader.handbook import Handbook
from reader.handbook.review import parse_year_month
from reader.pdf.clinic_card import cover_card_html
from reader.pdf.furniture import ACCENT
from reader.pdf.layout import MM, POINT, PageGeometry, draw_body_page

TITLE_AT = 0.22  # of the body's height: where the title sits on a plain cover
TITLE_HIGH = 0.04  # ... and when the contents share the cover with it
CONTENTS_GAP = 10 * MM
RULE_GAP = 4 * MM  # between the rule and the source lines at the foot


class Cover:
    """The title page's documents, made once; `paint` draws them."""

    def __init__(
        self,
        handbook: Handbook,
        subject: str,
        printed_on: date,
        make_document: Callable[[str], QTextDocument],
    ) -> None:
        self.handbook = handbook
        self.printed_on = printed_on
        self.review_note = review_note(handbook)
        self.title_doc = make_document(self._title_html(subject))
        self.footer_doc = make_document(self._footer_html())

    def _title_html(self, subject: str) -> str:
        hb = self.handbook
        rows = [f'<p class="title-rule">&nbsp;</p><h1 class="title">{html.escape(hb.title)}</h1>']
        if hb.subtitle:
            rows.append(f'<p class="subtitle">{html.escape(hb.subtitle)}</p>')
        rows.append(f'<p class="subject">{html.escape(subject)}</p>')
        edition = edition_line(hb.edition, hb.date, hb.language)
        if edition:
            rows.append(f'<p class="edition">{html.escape(edition)}</p>')
        if self.review_note:
            rows.append(f'<p class="edition">{html.escape(self.review_note)}</p>')
        return "\n".join(rows)

    def _footer_html(self) -> str:
        rows = []
        if self.handbook.source:
            source = QCoreApplication.translate("Pdf", "Source: {source}").format(
                source=self.handbook.source
            )
            rows.append(f'<p class="source">{html.escape(source)}</p>')
        printed = QCoreApplication.translate("Pdf", "Printed on {date}").format(
            date=self.printed_date()
        )
        rows.append(f'<p class="printed">{html.escape(printed)}</p>')
        rows.append(cover_card_html(self.handbook))  # the clinic's card, if any (#32)
        return "\n".join(row for row in rows if row)

    def printed_date(self) -> str:
        """ "December 7, 2026" / "7 de diciembre de 2026": no weekday."""
        return long_date(self.printed_on, self.handbook.language)

    def contents_room(self, geometry: PageGeometry) -> float:
        """How tall the contents may be to share the page with a title set high."""
        body = geometry.body
        below_title = body.top() + body.height() * TITLE_HIGH + content_height(self.title_doc)
        rule_y = body.bottom() - content_height(self.footer_doc) - RULE_GAP
        return rule_y - RULE_GAP - below_title - CONTENTS_GAP

    def paint(
        self, painter: QPainter, geometry: PageGeometry, contents: QTextDocument | None
    ) -> None:
        body = geometry.body
        top = body.top() + body.height() * (TITLE_HIGH if contents is not None else TITLE_AT)
        area = QRectF(body.left(), top, body.width(), body.bottom() - top)
        draw_body_page(painter, self.title_doc, 0, area)
        height = content_height(self.footer_doc)
        area = QRectF(body.left(), body.bottom() - height, body.width(), height)
        painter.save()
        painter.setPen(QPen(ACCENT, 0.6 * POINT))
        rule_y = area.top() - RULE_GAP
        painter.drawLine(QLineF(area.left(), rule_y, area.right(), rule_y))
        painter.restore()
        draw_body_page(painter, self.footer_doc, 0, area)
        if contents is not None:
            contents_top = top + content_height(self.title_doc) + CONTENTS_GAP
            room = QRectF(body.left(), contents_top, body.width(), rule_y - contents_top)
            draw_body_page(painter, contents, 0, room)


def review_note(handbook: Handbook) -> str:
    """ "Reviewed December 2026: check with your care team", on the title page and
    every page's footer, since printed pages outlive the facts they carry."""
    month = parse_year_month(handbook.reviewed)
    if month is None:
        return ""
    when = month_year(month[0], month[1], handbook.language)
    note = QCoreApplication.translate("Pdf", "Reviewed {month}: check with your care team")
    return note.format(month=when)


def content_height(doc: QTextDocument) -> float:
    """How tall the text of a one-page document is (its page is taller)."""
    last = doc.lastBlock()
    return doc.documentLayout().blockBoundingRect(last).bottom()
