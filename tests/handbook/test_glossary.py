"""The glossary data: loading terms and the short definitions that tooltips show."""

from __future__ import annotations

import pytest

from reader.handbook import Handbook, load_handbook
from reader.handbook.glossary import Term, first_sentence, load_glossary
from tests.conftest import WriteHandbook


@pytest.mark.parametrize(
    ("definition", "short"),
    [
        ("A tiny circle of DNA. It stays apart.", "A tiny circle of DNA."),
        (
            "The agency of the U.S. government that decides. It approved two.",
            "The agency of the U.S. government that decides.",
        ),
        ("A U.S. group for families. More text.", "A U.S. group for families."),
        (
            'Latin for "outside the living body." In ex vivo work...',
            'Latin for "outside the living body."',
        ),
        ("Used, e.g. Strimvelis, in Europe. Next.", "Used, e.g. Strimvelis, in Europe."),
        ("Is it safe? Mostly.", "Is it safe?"),
        ("No full stop at all", "No full stop at all"),
        ("Spread over\n  two lines. Then more.", "Spread over two lines."),
    ],
)
def test_first_sentence_is_not_fooled_by_abbreviations_or_quotes(
    definition: str, short: str
) -> None:
    assert first_sentence(definition) == short
    assert Term("T", "t", definition).short_definition == short


def test_find_matches_term_alias_or_slug_in_any_case(handbook: Handbook) -> None:
    glossary = handbook.glossary
    gvhd = glossary.find("gvhd")
    assert gvhd is not None and gvhd.term == "Graft-versus-host disease"
    assert glossary.find("GRAFT-VERSUS-HOST DISEASE") is gvhd
    assert glossary.find("graft-versus-host-disease") is gvhd
    assert glossary.find("no such word") is None


def test_glossary_chapter_has_one_section_per_term(handbook: Handbook) -> None:
    chapter = handbook.chapter("glossary")
    assert chapter is not None and handbook.is_glossary(chapter)
    ids = {s.id for s in chapter.sections[1:]}
    assert ids == {handbook.glossary.section_id(t) for t in handbook.glossary.terms}
    assert chapter not in handbook.reading_chapters


def test_bad_entries_are_reported_and_the_rest_loads(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {
            "glossary.toml": (
                '[[terms]]\nterm = "Gene"\ndefinition = "A part of DNA."\nsee_also = ["Nope"]\n\n'
                '[[terms]]\nterm = "Episome"\n\n'
                '[[terms]]\nterm = "Vector"\ndefinition = "A carrier."\naliases = ["gene"]\n'
            ),
            "a.md": "# A\n\nText.",
        }
    )
    glossary = load_glossary(root / "glossary.toml")
    assert [t.term for t in glossary.terms] == ["Gene", "Vector"]
    messages = [p.message for p in glossary.problems]
    assert any("'Episome' has no 'definition'" in m for m in messages)
    assert any("unknown term 'Nope'" in m for m in messages)
    assert any("'gene' names both" in m for m in messages)
    assert load_handbook(root).glossary.terms == glossary.terms
