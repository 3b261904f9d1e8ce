"""Which sections use each glossary term, read off the marking pass itself, so the
reading view, the glossary panel, `check`, packets and the `glossary` command agree;
and how an entry is headed where its abbreviation is the better-known name."""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from reader.content.marking import TermMarkExtension, marked_chapter_html
from reader.content.render import render_chapter
from reader.handbook import Handbook
from reader.handbook.glossary import GLOSSARY_CHAPTER_ID, Glossary, Term, is_abbreviation

SectionsByTerm = dict[str, list[str]]
_USES_CACHE: weakref.WeakKeyDictionary[Handbook, SectionsByTerm] = weakref.WeakKeyDictionary()


def _all_uses(handbook: Handbook) -> SectionsByTerm:
    cached = _USES_CACHE.get(handbook)
    if cached is None:
        cached = {term.slug: [] for term in handbook.glossary.terms}
        for chapter in handbook.reading_chapters:
            for slug, sections in marked_chapter_html(handbook, chapter)[1].sections.items():
                cached.setdefault(slug, []).extend(sections)
        _USES_CACHE[handbook] = cached
    return cached


def term_sections(handbook: Handbook, glossary: Glossary | None = None) -> dict[str, list[str]]:
    """For each term slug, the ids of the (non-glossary) sections whose body text uses it.

    "Uses" means exactly what the reading view marks: body text, not headings, links or
    code. Sections come in reading order. Computed once per handbook and kept.
    """
    if glossary is not None and glossary != handbook.glossary:
        return _uses_with(handbook, glossary)
    return {slug: list(ids) for slug, ids in _all_uses(handbook).items()}


def _uses_with(handbook: Handbook, glossary: Glossary) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {term.slug: [] for term in glossary.terms}
    for chapter in handbook.reading_chapters:
        extension = TermMarkExtension(
            glossary, chapter.id, {s.anchor: s.id for s in chapter.sections}
        )
        render_chapter(handbook, chapter, extra=[extension])
        for slug, sections in extension.uses.sections.items():
            found.setdefault(slug, []).extend(sections)
    return found


def terms_in_sections(handbook: Handbook, section_ids: Sequence[str]) -> list[Term]:
    """The glossary terms used by any of the given sections, A to Z (for take-home packets).

    A glossary section (`glossary/<slug>`) counts as using its own term.
    """
    wanted = set(section_ids)
    uses = _all_uses(handbook)
    prefix = GLOSSARY_CHAPTER_ID + "/"
    own = {sid.removeprefix(prefix) for sid in wanted if sid.startswith(prefix)}
    return [
        term
        for term in handbook.glossary.terms
        if term.slug in own or wanted.intersection(uses.get(term.slug, ()))
    ]


def unused_terms(handbook: Handbook) -> list[Term]:
    """Glossary terms that no section of the handbook uses (a content problem to fix)."""
    uses = _all_uses(handbook)
    return [term for term in handbook.glossary.terms if not uses.get(term.slug)]


def abbreviation_heading(term: Term) -> str:
    """The entry's heading: "GVHD — Graft-versus-host disease" when it has an abbreviation."""
    short = next((name for name in term.aliases if is_abbreviation(name)), None)
    if is_abbreviation(term.term):
        full = next((name for name in term.aliases if not is_abbreviation(name)), None)
        return f"{term.term} — {full}" if full else term.term
    return f"{short} — {term.term}" if short else term.term


def other_names(term: Term) -> list[str]:
    """The aliases not already shown by `abbreviation_heading`."""
    shown = abbreviation_heading(term).split(" — ")
    return [name for name in term.aliases if name not in shown]
