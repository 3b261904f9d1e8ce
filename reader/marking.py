"""Where glossary terms appear: which sections use each term, and (later) marking them
in rendered chapters so a reader can hover or tap a hard word for its meaning.

Matching is whole-word and case-insensitive, through the term, its aliases and simple
plural forms, so "episomes" finds "Episome" but "gene" never matches inside "general".
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.glossary import Glossary, Term
from reader.handbook import Handbook


def _plural_forms(name: str) -> list[str]:
    lowered = name.strip()
    if not lowered:
        return []
    forms = [lowered]
    if not lowered[-1].isalpha() or lowered.isupper():
        return forms
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(lowered + "es")
    elif lowered.endswith("y") and lowered[-2:-1] not in "aeiou":
        forms.append(lowered[:-1] + "ies")
    else:
        forms.append(lowered + "s")
    return forms


@lru_cache(maxsize=256)
def term_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all the ways a term is written, longest first, whole words only."""
    forms = sorted({f for n in names for f in _plural_forms(n)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"[\s\-]+") for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w]|-\w)", re.IGNORECASE)


def term_used_in(term: Term, text: str) -> bool:
    return bool(term_pattern(term.names).search(text))


def term_sections(handbook: Handbook, glossary: Glossary | None = None) -> dict[str, list[str]]:
    """For each term slug, the ids of the (non-glossary) sections whose text uses it."""
    glossary = glossary or handbook.glossary
    found: dict[str, list[str]] = {term.slug: [] for term in glossary.terms}
    for chapter in handbook.reading_chapters:
        for section in chapter.sections:
            for term in glossary.terms:
                if term_used_in(term, section.markdown):
                    found[term.slug].append(section.id)
    return found


def terms_in_sections(handbook: Handbook, section_ids: list[str]) -> list[Term]:
    """The glossary terms used by any of the given sections, A to Z (for take-home packets)."""
    texts = [s.markdown for sid in section_ids if (s := handbook.section(sid))]
    return [t for t in handbook.glossary.terms if any(term_used_in(t, x) for x in texts)]
