"""`glossary [TERM]`: the whole glossary, or one entry, as readable text or JSON."""

from __future__ import annotations

import argparse
import difflib
import textwrap

from reader.commands import CommandError, handbook_for, print_json
from reader.commands.phrases import phrase
from reader.content.term_uses import abbreviation_heading, other_names, term_sections
from reader.handbook import Handbook, section_label
from reader.handbook.glossary import Term
from reader.terminal import for_terminal

WIDTH = 78
INDENT = "    "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "term", nargs="?", metavar="TERM", help="a term or abbreviation, for example GVHD"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def find_terms(handbook: Handbook, name: str | None) -> list[Term]:
    """All terms A to Z, or the one that `name` names (term, alias or slug, any case)."""
    if name is None:
        return list(handbook.glossary.terms)
    found = handbook.glossary.find(name.strip())
    if found is None:
        raise CommandError(_not_found_message(handbook, name))
    return [found]


def close_matches(handbook: Handbook, name: str, limit: int = 5) -> list[str]:
    """Terms whose name or alias looks like `name` or contains it, best first."""
    wanted = name.strip().casefold()
    owners: dict[str, Term] = {}
    for term in handbook.glossary.terms:
        for known in term.names:
            owners.setdefault(known.casefold(), term)
    ranked = difflib.get_close_matches(wanted, list(owners), n=limit, cutoff=0.6)
    if len(wanted) >= 2:
        ranked += sorted(known for known in owners if wanted in known)
    names: list[str] = []
    for known in ranked:
        term_name = owners[known].term
        if term_name not in names:
            names.append(term_name)
    return names[:limit]


def _not_found_message(handbook: Handbook, name: str) -> str:
    if not handbook.glossary.terms:
        return "this handbook has no glossary"
    message = f"no glossary term '{name}'"
    suggestions = close_matches(handbook, name)
    if suggestions:
        return message + ". Did you mean: " + ", ".join(suggestions) + "?"
    return message + " (try: handbook-reader glossary, for the whole list)"


def term_data(term: Term, sections: list[str]) -> dict[str, object]:
    return {
        "term": term.term,
        "slug": term.slug,
        # every other name, as before search-only names were kept apart
        "aliases": [*term.aliases, *term.search_aliases],
        "shown_aliases": list(term.aliases),
        "main_term": term.main_term,
        "definition": term.definition,
        "short_definition": term.short_definition,
        "see_also": list(term.see_also),
        "sections": sections,
    }


def glossary_data(handbook: Handbook, terms: list[Term]) -> dict[str, object]:
    uses = term_sections(handbook)
    return {"terms": [term_data(term, uses.get(term.slug, [])) for term in terms]}


def _wrapped(label: str, text: str) -> list[str]:
    return textwrap.wrap(
        label + text,
        WIDTH,
        initial_indent=INDENT,
        subsequent_indent=INDENT + "  ",
        break_on_hyphens=False,
    )


def entry_text(handbook: Handbook, term: Term, sections: list[str]) -> str:
    """One entry as a reader would like to see it in a terminal."""
    lines = [abbreviation_heading(term)]
    also = other_names(term)
    words = handbook.language  # the labels follow the handbook (reader/commands/phrases.py)
    if also:
        lines += _wrapped(phrase(words, "Also called: "), ", ".join(also))
    lines += textwrap.wrap(term.definition, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    if term.see_also:
        lines += _wrapped(phrase(words, "See also: "), ", ".join(term.see_also))
    if sections:
        lines.append(INDENT + phrase(words, "Appears in:"))
        lines += [f"{INDENT}  {section_label(handbook, sid)}  [{sid}]" for sid in sections]
    else:
        lines.append(INDENT + phrase(words, "Appears in: no section yet"))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    handbook = handbook_for(args)
    terms = find_terms(handbook, args.term)
    if args.json:
        print_json({**glossary_data(handbook, terms), "lang": handbook.language})
        return 0
    if not terms:
        print("This handbook has no glossary.")
        return 0
    uses = term_sections(handbook)
    entries = (entry_text(handbook, term, uses.get(term.slug, [])) for term in terms)
    print(for_terminal("\n\n".join(entries), lines=True))
    return 0
