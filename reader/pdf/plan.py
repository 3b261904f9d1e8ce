"""What goes into a printout: each part's print HTML (the request and its rules are in
`reader.pdf.request`, re-exported here).

No Qt of its own: turns a `PdfRequest` into `Part`s, one per chapter-like unit
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
from reader.pdf.links import PrintedSections, print_html
from reader.pdf.request import (
    PAGE_SIZES,
    SCOPES,
    PdfExportError,
    PdfRequest,
    PdfRequestError,
    Scope,
    validate,
)

CONTENTS_LEVEL = 2  # whole chapters list their `##` sections; packets list every section

__all__ = [
    "PAGE_SIZES",
    "SCOPES",
    "Part",
    "PdfExportError",
    "PdfRequest",
    "PdfRequestError",
    "Plan",
    "Scope",
    "plan_document",
    "validate",
]

_ID = re.compile(r'(<[A-Za-z][^>]*?\bid=")')


@dataclass(frozen=True)
class TocHeading:
    """A heading that gets its own line in the contents: found by its HTML id."""

    anchor: str
    title: str
    level: int


@dataclass(frozen=True)
class Part:
    """One chapter-like unit: it names the running header while it is on the page.

    `nav` holds the nav sections (MkDocs) the chapter sits in, for the contents.
    `columns_html` is text set in two columns after `html` (the glossary's entries);
    `keep_whole` names the elements there that each start an entry never split.
    """

    id: str
    title: str
    html: str
    headings: tuple[TocHeading, ...]
    is_glossary: bool = False
    nav: tuple[str, ...] = ()
    keep_whole: tuple[str, ...] = ()
    columns_html: str = ""


@dataclass(frozen=True)
class Plan:
    """Everything to print: a subject line for the title page and the parts in order.

    Only the whole handbook starts each part on a new page; in anything smaller the parts
    follow one another (`flow`), so a packet of two short sections is not four pages.
    """

    subject: str
    parts: tuple[Part, ...]
    flow: bool = False


def plan_document(handbook: Handbook, request: PdfRequest, labels: dict[str, str]) -> Plan:
    """The parts to print for a valid request. `labels` holds the translated texts."""
    validate(handbook, request)
    if request.scope == "all":
        contexts = LinkContexts(handbook)
        parts = [_chapter_part(handbook, c, contexts) for c in handbook.reading_chapters]
        if handbook.glossary.terms:
            parts.append(
                _glossary_part(handbook.glossary.terms, labels, True, handbook.glossary.main_label)
            )
        return Plan(labels["all"], _namespaced(parts))
    if request.scope == "chapter":
        chapter = handbook.chapter(request.chapter_id or "")
        assert chapter is not None
        if handbook.is_glossary(chapter):
            glossary = _glossary_part(
                handbook.glossary.terms, labels, True, handbook.glossary.main_label
            )
            return Plan(chapter.title, _namespaced([glossary]), flow=True)
        section_ids = [s.id for s in chapter.sections]
        printed = PrintedSections.of(handbook, section_ids, labels)
        parts = [_chapter_part(handbook, chapter, LinkContexts(handbook), printed)]
        subject = chapter.title
    else:
        sections = picked_sections(handbook, request.section_ids)
        section_ids = [s.id for s in sections]
        printed = PrintedSections.of(handbook, section_ids, labels)
        parts = _section_parts(handbook, sections, printed)
        if request.scope == "packet":
            subject = labels["packet"]
        elif len(sections) == 1:
            subject = sections[0].title
        else:
            subject = labels["sections"]
    if request.include_glossary:
        terms = terms_in_sections(handbook, section_ids)
        if terms:
            parts.append(_glossary_part(tuple(terms), labels, False, handbook.glossary.main_label))
    return Plan(subject, _namespaced(parts), flow=True)


def _namespaced(parts: list[Part]) -> tuple[Part, ...]:
    """Each part's element ids prefixed with its number, so parts laid out in one flow
    (where every chapter has its own "top") still find their own headings."""
    named = []
    for number, part in enumerate(parts):
        prefix = f"p{number}-"
        named.append(
            replace(
                part,
                html=_ID.sub(rf"\g<1>{prefix}", part.html),
                columns_html=_ID.sub(rf"\g<1>{prefix}", part.columns_html),
                headings=tuple(replace(h, anchor=prefix + h.anchor) for h in part.headings),
                keep_whole=tuple(prefix + anchor for anchor in part.keep_whole),
            )
        )
    return tuple(named)


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


def _chapter_part(
    handbook: Handbook,
    chapter: Chapter,
    contexts: LinkContexts,
    printed: PrintedSections | None = None,
) -> Part:
    fragment = markdown_to_html(anchored_markdown(chapter), contexts.for_chapter(chapter))
    body = print_html(fragment, printed)
    headings = [TocHeading("top", chapter.title, 1)]
    headings += [
        TocHeading(s.anchor, s.title, s.level)
        for s in chapter.sections[1:]
        if s.level <= CONTENTS_LEVEL
    ]
    return Part(chapter.id, chapter.title, body, tuple(headings), nav=chapter.part)


def _section_parts(
    handbook: Handbook, sections: list[Section], printed: PrintedSections
) -> list[Part]:
    """One part per chapter that has picked sections: its title, then those sections.
    Without the chapter's opening text, its title is a small line over the sections
    (a "kicker"): the sections' own headings are what the reader looks for."""
    parts: list[Part] = []
    by_chapter: dict[str, list[Section]] = {}
    for section in sections:
        by_chapter.setdefault(section.chapter_id, []).append(section)
    for number, (chapter_id, picked) in enumerate(by_chapter.items()):
        chapter = handbook.chapter(chapter_id)
        assert chapter is not None
        context = LinkContext.for_chapter(handbook, chapter)
        look = "chapter" if any(s.level == 1 for s in picked) else "kicker"
        look += "-next" if number else ""
        pieces = [f"# {chapter.title} {{#top .{look}}}"]
        for section in picked:
            if section.level > 1:
                pieces.append(f"{'#' * section.level} {section.title} {{#{section.anchor}}}")
            pieces.append(section.markdown)
        body = print_html(markdown_to_html("\n\n".join(pieces), context), printed)
        headings = [TocHeading("top", chapter.title, 1)]
        headings += [TocHeading(s.anchor, s.title, s.level) for s in picked if s.level > 1]
        parts.append(Part(chapter.id, chapter.title, body, tuple(headings), nav=chapter.part))
    return parts


def _glossary_part(
    terms: tuple[Term, ...], labels: dict[str, str], whole: bool, main_label: str = ""
) -> Part:
    """A compact glossary in two columns: each entry one paragraph (the term in bold,
    then what it means and what else it is called), never split across columns."""
    title = labels["glossary"]
    intro = labels["glossary_intro_all"] if whole else labels["glossary_intro_packet"]
    heading = f'<h1 id="top">{html.escape(title)}</h1>\n<p class="intro">{html.escape(intro)}</p>'
    rows = []
    for term in terms:
        head = f'<span class="term">{html.escape(term.term)}</span>'
        names = []  # "Also called: …" and a translation's "In English: …", one sentence each
        if term.aliases:
            names.append(f"{labels['also_called']} {', '.join(term.aliases)}")
        if term.main_term and main_label:
            names.append(f"{main_label} {term.main_term}")
        shown = html.escape(". ".join(names))
        also = f' <span class="also">{shown}</span>' if names else ""
        definition = print_html(markdown_to_html(term.definition)).strip()
        inner = _single_paragraph(definition)
        if inner is not None:
            rows.append(f'<p class="entry" id="{term.slug}">{head}&#8194;{inner}{also}</p>')
        else:  # several paragraphs or a list: the term heads them, kept together
            rows.append(f'<p class="entry" id="{term.slug}">{head}</p>')
            rows.append(f'<div class="definition">{definition}</div>')
            if also:
                rows.append(f'<p class="entry">{also.strip()}</p>')
    keep = tuple(term.slug for term in terms)
    toc = (TocHeading("top", title, 1),)
    return Part("glossary", title, heading, toc, True, (), keep, "\n".join(rows))


def _single_paragraph(fragment: str) -> str | None:
    """The inside of a fragment that is one plain paragraph, else None."""
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p") == 1:
        return fragment[3:-4]
    return None
