"""The clinic card on the start page: the clinic's name, its numbers and a link to
"Your care team", so a family opening the reader sees whom to call before anything
else. Plain text from the clinic file, escaped; the link is the app's own."""

from __future__ import annotations

import html

from reader.clinic.page import CARE_TEAM_ID, words
from reader.content.links import SECTION_SCHEME
from reader.handbook import Handbook


def start_card_html(handbook: Handbook) -> str:
    """The card's HTML ("" when no clinic file is used)."""
    if not handbook.clinic_card or handbook.chapter(CARE_TEAM_ID) is None:
        return ""
    name, *numbers = handbook.clinic_card
    say = words(handbook.language)
    lines = [f"<b>{html.escape(name)}</b>", *(html.escape(line) for line in numbers)]
    link = f'<a href="{SECTION_SCHEME}:{CARE_TEAM_ID}">{html.escape(say["see"])}</a>'
    return (
        '<div class="admonition note clinic-card">'
        f'<p class="admonition-title">{html.escape(say["title"])}</p>'
        f"<p>{'<br>'.join(lines)}</p><p>{link}</p></div>"
    )


def with_start_card(handbook: Handbook, chapter_id: str, page: str) -> str:
    """`page` with the card under its title when it is the start page's chapter (and
    not the care-team page itself, which says it all)."""
    start = handbook.start_section_id or ""
    if chapter_id == CARE_TEAM_ID or chapter_id != start.split("/")[0]:
        return page
    card = start_card_html(handbook)
    if not card:
        return page
    end_of_title = page.find("</h1>")
    at = end_of_title + len("</h1>") if end_of_title >= 0 else 0
    return page[:at] + card + page[at:]
