"""Search that understands how parents ask: real words are never "corrected" into other
words, everyday words lead to the handbook's words (synonyms.toml, data beside the
glossary), and accents never matter in the glossary."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.handbook.lay_words import MAX_LAY_WORDS, parse_lay_words
from reader.problems import Problem
from reader.search.engine import SearchIndex
from reader.search.wordlist import is_word_of, language_words
from tests.support import run_cli


@pytest.fixture(scope="module")
def english(handbook_dir: Path) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(load_handbook_in(handbook_dir, "en"), None) as index:
        yield index


@pytest.fixture(scope="module")
def spanish_book(handbook_dir: Path) -> Handbook:
    return load_handbook_in(handbook_dir, "es")


@pytest.fixture(scope="module")
def spanish(spanish_book: Handbook) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(spanish_book, None) as index:
        yield index


# --- "Did you mean" never swaps a real word -----------------------------------------


@pytest.mark.parametrize(
    ("query", "wrong"),
    [("is gene therapy a cure", "care"), ("cure", "care")],
)
def test_english_real_words_are_not_corrected(english: SearchIndex, query: str, wrong: str) -> None:
    result = english.search(query)
    assert result.suggestion is None or wrong not in result.suggestion.split()


@pytest.mark.parametrize(
    ("query", "wrong"),
    [("cuanto cuesta", "cuenta"), ("precio", "pecho"), ("muerte", "fuerte")],
)
def test_spanish_real_words_are_not_corrected(spanish: SearchIndex, query: str, wrong: str) -> None:
    result = spanish.search(query)
    assert result.suggestion is None
    assert all(wrong not in hit.terms for hit in result.hits)


def test_misspellings_are_still_corrected(english: SearchIndex, spanish: SearchIndex) -> None:
    assert english.search("leukemai").suggestion == "leukemia"
    assert spanish.search("tranplante").suggestion == "trasplante"


def _sample_of_words(language: str, book: Handbook, count: int) -> list[str]:
    """Words of the language's list that the handbook itself does not use."""
    used = {w.casefold() for s in book.sections() for w in s.markdown.split()}
    words = sorted(w for w in language_words(language) if w.isalpha() and len(w) >= 4)
    picked = random.Random(20261207).sample(words, count * 2)
    return [w for w in picked if w not in used][:count]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_did_you_mean_for_any_word_of_the_language(
    language: str, handbook_dir: Path, english: SearchIndex, spanish: SearchIndex
) -> None:
    index = english if language == "en" else spanish
    book = load_handbook_in(handbook_dir, language)
    sample = _sample_of_words(language, book, 300)
    assert len(sample) == 300
    offered = {word: index.search(word).suggestion for word in sample}
    assert {w: s for w, s in offered.items() if s} == {}


def test_the_word_lists_are_the_languages_own() -> None:
    assert is_word_of("en", "Cure") and is_word_of("es", "médula") and is_word_of("es", "medula")
    assert not is_word_of("en", "leukemai") and not is_word_of("es", "tranplante")
    assert is_word_of("xx", "cure") is False  # a language with no list suggests as before


# --- everyday words lead to the handbook's words --------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("precio", "limits/cost"),
        ("cuanto cuesta", "limits/cost"),
        ("muerte", "risks/all-the-risks-at-a-glance"),
        ("TPH", "glossary/stem-cell-transplant"),
        ("cubrebocas", "step-by-step/isolation-until-counts-recover"),
        ("hospitalizacion", "support/at-the-hospital"),
        ("anestesia", "step-by-step/the-central-line"),
        ("comida", "step-by-step/isolation-until-counts-recover"),
    ],
)
def test_spanish_family_words_find_the_section(
    spanish: SearchIndex, query: str, expected: str
) -> None:
    assert expected in [hit.id for hit in spanish.search(query, limit=5).hits]


def test_comida_no_longer_matches_como(spanish: SearchIndex) -> None:
    for hit in spanish.search("comida", limit=10).hits:
        assert "como" not in {t.casefold() for t in hit.terms}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("price", "limits/cost"),
        ("insurance", "limits/cost"),
        ("anesthesia", "step-by-step/the-central-line"),
        ("crisper", "glossary/crisprcas"),
    ],
)
def test_english_family_words_find_the_section(
    english: SearchIndex, query: str, expected: str
) -> None:
    assert expected in [hit.id for hit in english.search(query, limit=5).hits]


def test_nothing_found_offers_the_handbooks_own_words(
    english: SearchIndex, spanish: SearchIndex
) -> None:
    assert english.search("zzqqxx").try_words[:2] == ("risks", "side effects")
    assert spanish.search("zzqqxx").try_words[0] == "riesgos"
    assert english.search("leukemia").try_words == ()


def test_cli_says_what_to_try_in_the_handbooks_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "search", "zzqqxx")
    assert code == 0 and "Pruebe: riesgos, efectos secundarios" in out
    code, out, _ = run_cli(capsys, "search", "zzqqxx", "--json")
    assert '"try": [' in out and '"suggestion": null' in out


def test_synonyms_file_problems_are_lines_not_errors(tmp_path: Path) -> None:
    problems: list[Problem] = []
    words = parse_lay_words("try = 3\n[words]\nprice = 5\ncost = ['a']\n", tmp_path, problems)
    assert words.meaning_of("COST") == ("a",) and words.try_words == ()
    assert len(problems) == 2
    problems = []
    assert parse_lay_words("[words\n", tmp_path, problems).meanings == {}
    assert "not valid TOML" in problems[0].message
    many = "[words]\n" + "".join(f'w{n} = ["x"]\n' for n in range(MAX_LAY_WORDS + 10))
    problems = []
    assert len(parse_lay_words(many, tmp_path, problems).meanings) == MAX_LAY_WORDS
    assert problems


# --- accents and case never matter in the glossary ------------------------------------


@pytest.mark.parametrize(
    "typed", ["trasplante de medula", "TRASPLANTE DE MÉDULA", "Trasplante de médula"]
)
def test_glossary_finds_terms_with_or_without_accents(spanish_book: Handbook, typed: str) -> None:
    found = spanish_book.glossary.find(typed)
    assert found is not None and found.slug == "stem-cell-transplant"


def test_glossary_command_finds_terms_without_accents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli(capsys, "--lang", "es", "glossary", "trasplante de medula")
    assert code == 0, err
    assert "Trasplante de células madre" in out
