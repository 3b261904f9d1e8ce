"""What goes into a printout: the request, its validation, and each part's print HTML.

Pure Python (no Qt): turns a `PdfRequest` into `Part`s, one per chapter-like unit
(a chapter, the picked sections of one chapter, a glossary), each with the HTML to lay
out and the headings its contents entry should list. Layout and painting live in
`reader.pdf.layout` and `reader.pdf.compose`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from reader.content.render import LinkContext, anchored_markdown, markdown_to_html
from reader.content.term_uses import terms_in_sections
from reader.handbook import Chapter, Handbook, Section
from reader.handbook.glossary import Term

SCOPES = ("all", "chapter", "sections", "packet")
CONTENTS_LEVEL = 2  # whole chapters list their `##` sections; packets list every section
PAGE_SIZES = ("A4", "Letter")

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_HREF = re.compile(r'\bhref="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


class PdfExportError(Exception):
    """A printout could not be made; the message is plain language for the user."""


class PdfRequestError(PdfExportError):
    """The request names something the handbook does not have (a chapter or section)."""


@dataclass(frozen=True)
class PdfRequest:
    """What to print. `section_ids` are used by the "sections" and "packet" scopes.

    `include_glossary`: for a chapter, sections or a packet, add a glossary of just the
    terms those sections use. The whole-handbook export always has the whole glossary.
    """

    scope: str
    chapter_id: str | None = None
    section_ids: tuple[str, ...] = ()
    include_glossary: bool = False
    page_size: str = "A4"


@dataclass(frozen=True)
class TocHeading:
    """A heading that gets its own line in the contents: found by its HTML id."""

    anchor: str
    title: str
    level: int


@dataclass(frozen=True)
class Part:
    """One unit that starts on a new page and names the running header."""

    id: str
    title: str
    html: str
    headings: tuple[TocHeading, ...]
    is_glossary: bool = False


@dataclass(frozen=True)
class Plan:
    """Everything to print: a subject line for the title page and the parts in order."""

    subject: str
    parts: tuple[Part, ...]


def validate(handbook: Handbook, request: PdfRequest) -> None:
    """Raise PdfRequestError with a plain message when the request cannot be printed."""
    if request.scope not in SCOPES:
        raise PdfRequestError(f"Unknown print scope '{request.scope}'.")
    if request.page_size not in PAGE_SIZES:
        raise PdfRequestError(f"Unknown page size '{request.page_size}' (use A4 or Letter).")
    if request.scope == "chapter" and (
        not request.chapter_id or handbook.chapter(request.chapter_id) is None
    ):
        raise PdfRequestError(f"There is no chapter '{request.chapter_id or ''}'.")
    if request.scope in ("sections", "packet"):
        if not request.section_ids:
            raise PdfRequestError("Choose at least one section to print.")
        unknown = [sid for sid in request.section_ids if handbook.section(sid) is None]
        if unknown:
            raise PdfRequestError(f"There is no section '{unknown[0]}'.")


def plan_document(handbook: Handbook, request: PdfRequest, labels: dict[str, str]) -> Plan:
    """The parts to print for a valid request. `labels` holds the translated texts."""
    validate(handbook, request)
    if request.scope == "all":
        contexts = LinkContexts(handbook)
        parts = [_chapter_part(handbook, c, contexts) for c in handbook.reading_chapters]
        if handbook.glossary.terms:
            parts.append(_glossary_part(handbook.glossary.terms, labels, whole=True))
        return Plan(labels["all"], tuple(parts))
    if request.scope == "chapter":
        chapter = handbook.chapter(request.chapter_id or "")
        assert chapter is not None
        if handbook.is_glossary(chapter):
            return Plan(chapter.title, (_glossary_part(handbook.glossary.terms, labels, True),))
        parts = [_chapter_part(handbook, chapter, LinkContexts(handbook))]
        section_ids = [s.id for s in chapter.sections]
        subject = chapter.title
    else:
        sections = picked_sections(handbook, request.section_ids)
        parts = _section_parts(handbook, sections)
        section_ids = [s.id for s in sections]
        if request.scope == "packet":
            subject = labels["packet"]
        elif len(sections) == 1:
            subject = sections[0].title
        else:
            subject = labels["sections"]
    if request.include_glossary:
        terms = terms_in_sections(handbook, section_ids)
        if terms:
            parts.append(_glossary_part(tuple(terms), labels, whole=False))
    return Plan(subject, tuple(parts))


def picked_sections(handbook: Handbook, section_ids: tuple[str, ...]) -> list[Section]:
    """The picked sections once each, in reading order (not in the order picked)."""
    wanted = set(section_ids)
    return [s for s in handbook.sections() if s.id in wanted]


class LinkContexts:
    """One LinkContext per chapter, built from one scan of the handbook: building each
    from scratch (as `render_chapter` does) resolves every chapter path every time, which
    is quadratic in chapters and took most of the time of a 600-chapter export."""

    def __init__(self, handbook: Handbook) -> None:
        first = handbook.chapters[0]
        self._base = LinkContext.for_chapter(handbook, first)

    def for_chapter(self, chapter: Chapter) -> LinkContext:
        return replace(self._base, chapter_id=chapter.id, chapter_dir=chapter.path.parent)


def _chapter_part(handbook: Handbook, chapter: Chapter, contexts: LinkContexts) -> Part:
    body = print_html(markdown_to_html(anchored_markdown(chapter), contexts.for_chapter(chapter)))
    headings = [TocHeading("top", chapter.title, 1)]
    headings += [
        TocHeading(s.anchor, s.title, s.level)
        for s in chapter.sections[1:]
        if s.level <= CONTENTS_LEVEL
    ]
    return Part(chapter.id, chapter.title, body, tuple(headings))


def _section_parts(handbook: Handbook, sections: list[Section]) -> list[Part]:
    """One part per chapter that has picked sections: its title, then those sections."""
    parts: list[Part] = []
    by_chapter: dict[str, list[Section]] = {}
    for section in sections:
        by_chapter.setdefault(section.chapter_id, []).append(section)
    for chapter_id, picked in by_chapter.items():
        chapter = handbook.chapter(chapter_id)
        assert chapter is not None
        context = LinkContext.for_chapter(handbook, chapter)
        pieces = [f"# {chapter.title} {{#top}}"]
        for section in picked:
            if section.level > 1:
                pieces.append(f"{'#' * section.level} {section.title} {{#{section.anchor}}}")
            pieces.append(section.markdown)
        body = print_html(markdown_to_html("\n\n".join(pieces), context))
        headings = [TocHeading("top", chapter.title, 1)]
        headings += [TocHeading(s.anchor, s.title, s.level) for s in picked if s.level > 1]
        parts.append(Part(chapter.id, chapter.title, body, tuple(headings)))
    return parts


def _glossary_part(terms: tuple[Term, ...], labels: dict[str, str], whole: bool) -> Part:
    """A compact glossary: each term a small heading (kept with its definition)."""
    title = labels["glossary"]
    intro = labels["glossary_intro_all"] if whole else labels["glossary_intro_packet"]
    rows = [f'<h1 id="top">{html.escape(title)}</h1>', f'<p class="intro">{html.escape(intro)}</p>']
    for term in terms:
        rows.append(f'<h4 class="term" id="{term.slug}">{html.escape(term.term)}</h4>')
        definition = print_html(markdown_to_html(term.definition))
        rows.append(f'<div class="definition">{definition}</div>')
        if term.aliases:
            also = html.escape(", ".join(term.aliases))
            rows.append(f'<p class="also">{html.escape(labels["also_called"])} {also}</p>')
    return Part("glossary", title, "\n".join(rows), (TocHeading("top", title, 1),), True)


def print_html(fragment: str) -> str:
    """Links made fit for paper: in-app links become plain text, web links show their
    address after the text (a reader at home cannot click paper)."""
    return _LINK.sub(_paper_link, fragment)


def _paper_link(match: re.Match[str]) -> str:
    attributes, text = match.group(1), match.group(2)
    href_match = _HREF.search(attributes)
    href = html.unescape(href_match.group(1)) if href_match else ""
    if not href.lower().startswith(("http:", "https:", "mailto:")):
        return f"<span>{text}</span>"
    shown = href.removeprefix("mailto:")
    plain = html.unescape(_TAG.sub("", text)).strip()
    if plain.rstrip("/") == shown.rstrip("/") or plain == href:
        return f'<span class="url">{text}</span>'
    return f'{text} <span class="url">({html.escape(shown)})</span>'
