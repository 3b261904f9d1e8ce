"""The clinic card on a printout's cover: "Printed by" the clinic, and its numbers, so
a packet taken home says who handed it out and whom to call. Plain text, escaped."""

from __future__ import annotations

import html

from reader.clinic.page import words
from reader.handbook import Handbook


def cover_card_html(handbook: Handbook) -> str:
    """The card's paragraphs for the cover's foot ("" when no clinic file is used)."""
    if not handbook.clinic_card:
        return ""
    name, *numbers = handbook.clinic_card
    printed_by = words(handbook.language)["printed_by"].format(name=name)
    rows = [f'<p class="printed"><b>{html.escape(printed_by)}</b></p>']
    rows += [f'<p class="printed">{html.escape(line)}</p>' for line in numbers]
    return "\n".join(rows)
