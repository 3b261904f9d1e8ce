"""Links made fit for paper: web addresses written out, and references to sections the
printout leaves out sent to the full handbook instead of into the printed pages.

Pure Python (no Qt): works on the HTML fragments `reader.pdf.plan` makes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from reader.content.links import SECTION_SCHEME
from reader.handbook import Handbook
from reader.handbook.model import section_label

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_HREF = re.compile(r'\bhref="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PrintedSections:
    """Which sections a printout holds, so a reference to any other says where it is.

    `elsewhere` is the translated "in the full handbook"; `elsewhere_named` the same with
    a `{title}` placeholder, for links whose own text does not name their target.
    """

    handbook: Handbook
    section_ids: frozenset[str]
    elsewhere: str
    elsewhere_named: str

    @classmethod
    def of(
        cls, handbook: Handbook, section_ids: list[str], labels: dict[str, str]
    ) -> PrintedSections:
        """A chapter link counts as printed only when the whole chapter is: its opening
        text alone is not what "the chapter Risks" promises."""
        printed = set(section_ids)
        for chapter in handbook.chapters:
            if chapter.id in printed and not all(s.id in printed for s in chapter.sections):
                printed.discard(chapter.id)
        return cls(
            handbook, frozenset(printed), labels["full_handbook"], labels["full_handbook_named"]
        )

    def note_for(self, section_id: str, link_text: str) -> str:
        """ "" for a printed section, otherwise "in the full handbook", naming the
        section where the link's own words do not already name it."""
        section = self.handbook.section(section_id)
        if section_id in self.section_ids or section is None:
            return ""
        chapter = self.handbook.chapter(section.chapter_id)
        chapter_title = chapter.title if chapter else section.title
        names_chapter = _names(link_text, chapter_title)
        if section.level == 1:
            return (
                self.elsewhere
                if names_chapter
                else self.elsewhere_named.format(title=chapter_title)
            )
        if names_chapter:  # "the chapter How it works" leading to one of its sections
            return self.elsewhere_named.format(title=section.title)
        return self.elsewhere_named.format(title=section_label(self.handbook, section_id))


def _names(link_text: str, title: str) -> bool:
    """The link's words are the title, or its start ("After treatment" for "After
    treatment: checkups for many years")."""
    text, title = _plain(link_text).casefold(), _plain(title).casefold()
    return bool(text) and (text == title or title.startswith(text + ":"))


def print_html(fragment: str, printed: PrintedSections | None = None) -> str:
    """Links made fit for paper: in-app links become plain text (with "in the full
    handbook" when `printed` leaves their section out), web links show their address
    after the text (a reader at home cannot click paper)."""
    return _LINK.sub(lambda match: _paper_link(match, printed), fragment)


def _plain(text: str) -> str:
    return _SPACES.sub(" ", html.unescape(_TAG.sub("", text))).strip()


def _paper_link(match: re.Match[str], printed: PrintedSections | None) -> str:
    attributes, text = match.group(1), match.group(2)
    href_match = _HREF.search(attributes)
    href = html.unescape(href_match.group(1)) if href_match else ""
    if href.startswith(f"{SECTION_SCHEME}:") and printed is not None:
        note = printed.note_for(href.removeprefix(f"{SECTION_SCHEME}:"), text)
        if note:
            return f'<span>{text}</span> <span class="elsewhere">({html.escape(note)})</span>'
    if not href.lower().startswith(("http:", "https:", "mailto:")):
        return f"<span>{text}</span>"
    shown = href.removeprefix("mailto:")
    plain = _plain(text)
    if plain.rstrip("/") == shown.rstrip("/") or plain == href:
        return f'<span class="url">{text}</span>'
    return f'{text} <span class="url">({html.escape(shown)})</span>'
