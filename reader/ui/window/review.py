"""The review month as families read it in the window: in the About box and at the foot
of the first chapter (printed pages carry it too: reader/pdf/compose.py)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from reader.dates import month_year
from reader.handbook import Handbook
from reader.handbook.review import parse_year_month


def review_note(handbook: Handbook) -> str:
    """ "Third edition. Reviewed December 2026: check with your care team." ('' if the
    manifest names no review month)."""
    month = parse_year_month(handbook.reviewed)
    if month is None:
        return ""
    when = month_year(month[0], month[1], handbook.language)
    note = QCoreApplication.translate("MainWindow", "Reviewed %1: check with your care team.")
    note = note.replace("%1", when)
    return f"{handbook.edition}. {note}" if handbook.edition else note


def with_review_foot(handbook: Handbook, chapter_id: str, page: str) -> str:
    """The first chapter's page with the review note at its foot."""
    first = handbook.reading_chapters[0].id if handbook.reading_chapters else ""
    note = review_note(handbook)
    if chapter_id != first or not note:
        return page
    return page + f'\n<hr/><p class="review-note"><small>{html.escape(note)}</small></p>'
