"""The glossary data: loading terms and the short definitions that tooltips show."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.handbook import Handbook, load_handbook
from reader.handbook.glossary import (
    MAX_DEFINITION_CHARS,
    MAX_GLOSSARY_TERMS,
    SHORT_DEFINITION_CHARS,
    Term,
    first_sentence,
    load_glossary,
)
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


def test_a_definition_of_many_sentence_ends_gives_a_short_tooltip_at_once() -> None:
    # 8,000 "Word. word" pieces: no end is followed by a capital, so the old finder tried
    # every one against the whole text before it (about a minute) and returned all 88 KB.
    definition = "Word. word " * 8_000
    short = first_sentence(definition)
    assert len(short) <= SHORT_DEFINITION_CHARS + 1 and short.endswith("…")
    assert short.startswith("Word. word Word.")


def test_a_long_first_sentence_is_cut_at_a_word_for_the_tooltip() -> None:
    short = first_sentence("many " * 1_000 + "words.")
    assert short == ("many " * (SHORT_DEFINITION_CHARS // 5)).rstrip() + "…"


def test_a_definition_over_the_cap_is_left_out_and_said_once(tmp_path: Path) -> None:
    long = "A word. " * (MAX_DEFINITION_CHARS // 8 + 1)
    path = tmp_path / "glossary.toml"
    path.write_text(
        f'[[terms]]\nterm = "Long"\ndefinition = "{long}"\n\n'
        '[[terms]]\nterm = "Gene"\ndefinition = "A part of DNA."\n',
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    assert [t.term for t in glossary.terms] == ["Gene"]
    [problem] = glossary.problems
    assert problem.line == 1 and "'Long'" in problem.message
    assert f"{MAX_DEFINITION_CHARS:,} characters" in problem.message


def test_a_glossary_of_40000_terms_keeps_the_first_5000_and_says_so(tmp_path: Path) -> None:
    # The old duplicates check built a set of every kept slug for each term: 94 s here.
    path = tmp_path / "glossary.toml"
    entries = (
        f'[[terms]]\nterm = "Word {n}"\ndefinition = "Meaning {n}."\n' for n in range(40_000)
    )
    path.write_text("\n".join(entries), encoding="utf-8")
    glossary = load_glossary(path)
    assert MAX_GLOSSARY_TERMS == 5_000
    assert len(glossary.terms) == MAX_GLOSSARY_TERMS
    assert glossary.find("Word 4999") is not None and glossary.find("Word 5000") is None
    [problem] = glossary.problems
    assert "40,000 terms" in problem.message and "first 5,000" in problem.message
