"""Search: ranking, typos, synonyms, British spellings, phrases, hostile input, and an
index cache that survives damage, read-only folders and a second copy of the app."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.handbook import Handbook, load_handbook
from reader.search.engine import SearchIndex
from reader.search.index import INDEX_FOLDER, KEPT_INDEXES, META_FILE
from reader.search.text import SpellingCorrector, american_spelling, markdown_to_plain
from tests.conftest import WriteHandbook

GLOSSARY = """
[[terms]]
term = "Graft-versus-host disease"
aliases = ["GVHD", "graft versus host disease"]
definition = "When donor cells attack the body."

[[terms]]
term = "Stem cell transplant"
aliases = ["HSCT", "bone marrow transplant"]
definition = "Blood-forming cells from a donor."

[[terms]]
term = "Leukemia"
aliases = ["leukaemia"]
definition = "A cancer of the blood-forming cells."

[[terms]]
term = "Lentiviral vector"
aliases = ["lentivirus"]
definition = "A carrier made from a lentivirus."

[[terms]]
term = "CRISPR"
definition = "A tool that edits genes."
"""

TREATMENTS = """# Treatments

How families choose a treatment.

## Lentiviral vectors

A carrier brings the working gene into the cell. Doctors call it a lentiviral vector.

## After the infusion

The new cells settle in the marrow. A lentiviral carrier was used in the laboratory.

## Donor problems

After an HSCT some children get GVHD, which can be mild or severe.

## Another risk

Graft-versus-host disease may also follow a transfusion.

## Cancer risk

A few children developed leukemia years later. Hemophilia is a bleeding disorder.
The pediatric tumor team plans the hospitalization.

## Editing

CRISPR tools cut the DNA at one place. Editing with CRISPR is new.

## Words in order

A stem cell transplant uses cells from a donor.

## Words apart

The transplant team counts each cell and keeps the stem of the plant.
"""


@pytest.fixture
def small_handbook(write_handbook: WriteHandbook) -> Handbook:
    root = write_handbook({"chapters/treatments.md": TREATMENTS, "glossary.toml": GLOSSARY})
    return load_handbook(root)


@pytest.fixture
def small_index(small_handbook: Handbook) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(small_handbook, None) as index:
        yield index


def ids(index: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in index.search(query).hits]


# --- ranking and snippets ----------------------------------------------------------


def test_title_hit_ranks_above_body_only_hit(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"treatments.md": TREATMENTS})  # no glossary: plain words only
    with SearchIndex.open_or_build(load_handbook(root), None) as index:
        found = ids(index, "lentiviral")
    assert found[0] == "treatments/lentiviral-vectors"
    assert "treatments/after-the-infusion" in found[1:]


def test_snippet_marks_matches_and_escapes_the_rest(write_handbook: WriteHandbook) -> None:
    text = '# Notes\n\n## Odd\n\nIf 3 < 5 & "quotes" stay, the episome word is found.\n'
    with SearchIndex.open_or_build(load_handbook(write_handbook({"n.md": text})), None) as index:
        hit = index.search("episome").hits[0]
    assert '<b class="match">episome</b>' in hit.snippet
    assert "3 &lt; 5 &amp; &quot;quotes&quot;" in hit.snippet
    assert hit.terms == ("episome",)
    assert (hit.kind, hit.chapter, hit.title) == ("section", "Notes", "Odd")


def test_glossary_entries_are_hits_of_kind_glossary(small_index: SearchIndex) -> None:
    hits = small_index.search("leukemia").hits
    glossary = [hit for hit in hits if hit.kind == "glossary"]
    assert [hit.id for hit in glossary] == ["glossary/leukemia"]
    assert glossary[0].chapter == "Glossary"
    assert "treatments/cancer-risk" in [hit.id for hit in hits]


def test_every_hit_id_is_a_section_the_reader_can_show(
    real_index: SearchIndex, handbook: Handbook
) -> None:
    for query in ("gene therapy", "lentivirus", "episome", "GVHD", "history"):
        hits = real_index.search(query).hits
        assert hits, query
        assert all(handbook.section(hit.id) is not None for hit in hits)


def test_limit_caps_the_number_of_hits(real_index: SearchIndex) -> None:
    assert len(real_index.search("gene", limit=3).hits) == 3
    assert real_index.search("gene", limit=0).hits == ()


# --- forgiving queries ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant", "section"),
    [
        ("leukemai", "leukemia", "treatments/cancer-risk"),
        ("lentivirul", "lentiviral", "treatments/lentiviral-vectors"),
        ("cripsr", "crispr", "treatments/editing"),
    ],
)
def test_misspelling_finds_the_section_and_suggests_the_word(
    small_index: SearchIndex, typed: str, meant: str, section: str
) -> None:
    result = small_index.search(typed)
    assert result.suggestion is not None
    assert result.suggestion.lower() == meant
    assert section in [hit.id for hit in result.hits]


@pytest.mark.parametrize("typed", ["leukemai", "lentivirul", "cripsr"])
def test_misspelling_finds_results_in_the_real_handbook(
    real_index: SearchIndex, typed: str
) -> None:
    result = real_index.search(typed)
    assert result.suggestion
    assert result.hits
    wanted = {"leukemai": "leuk", "lentivirul": "lentivir", "cripsr": "crispr"}[typed]
    assert any(wanted in term.lower() for term in result.hits[0].terms)


def test_suggestion_keeps_the_other_words(small_index: SearchIndex) -> None:
    assert small_index.search("Leukemai years").suggestion == "Leukemia years"


def test_correct_words_get_no_suggestion(small_index: SearchIndex) -> None:
    assert small_index.search("leukemia").suggestion is None


def test_the_spelling_index_is_made_only_for_a_misspelling(handbook: Handbook) -> None:
    """It is the search's largest structure: searches spelled right never build it."""
    with SearchIndex.open_or_build(handbook, None) as index:
        corrector = index._planner.corrector
        for query in ("bone marrow transplant", "gene therapy", '"stem cell"'):
            assert index.search(query).hits
        assert corrector._deletion_index is None
        assert index.search("leukemai").suggestion == "leukemia"
        assert corrector._deletion_index


def test_word_being_typed_finds_longer_words(small_index: SearchIndex) -> None:
    assert "treatments/cancer-risk" in ids(small_index, "leuk")
    assert small_index.search("leuk").suggestion is None


def test_abbreviation_and_full_name_find_the_same_places(small_index: SearchIndex) -> None:
    by_abbreviation = set(ids(small_index, "GVHD"))
    by_name = set(ids(small_index, "graft versus host disease"))
    assert {"treatments/donor-problems", "treatments/another-risk"} <= by_abbreviation
    assert by_abbreviation == by_name


def test_gvhd_and_graft_versus_host_agree_in_the_real_handbook(real_index: SearchIndex) -> None:
    by_abbreviation = set(ids(real_index, "GVHD"))
    assert by_abbreviation
    assert by_abbreviation == set(ids(real_index, "graft versus host"))


def test_bone_marrow_transplant_finds_hsct(small_index: SearchIndex) -> None:
    result = small_index.search("bone marrow transplant")
    assert "treatments/donor-problems" in [hit.id for hit in result.hits]
    donor = next(hit for hit in result.hits if hit.id == "treatments/donor-problems")
    assert "HSCT" in donor.terms
    assert '<b class="match">HSCT</b>' in donor.snippet


@pytest.mark.parametrize(
    "british", ["leukaemia", "haemophilia", "paediatric", "tumour", "hospitalisation"]
)
def test_british_spelling_finds_american_text(small_index: SearchIndex, british: str) -> None:
    result = small_index.search(british)
    assert "treatments/cancer-risk" in [hit.id for hit in result.hits]
    assert result.suggestion is None


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("haematopoietic", "hematopoietic"),
        ("oesophagus", "esophagus"),
        ("diarrhoea", "diarrhea"),
        ("behaviour", "behavior"),
        ("organised", "organized"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("counselling", "counseling"),
        ("four", "four"),
        ("hour", "hour"),
        ("does", "does"),
    ],
)
def test_american_spelling_rules(british: str, american: str) -> None:
    assert american_spelling(british) == american


def test_quoted_phrase_needs_the_words_together(small_index: SearchIndex) -> None:
    found = ids(small_index, '"stem cell transplant"')
    assert "treatments/words-in-order" in found
    assert "treatments/words-apart" not in found
    assert "treatments/words-apart" in ids(small_index, "stem cell transplant team")


def test_unclosed_quote_is_a_phrase_to_the_end(small_index: SearchIndex) -> None:
    found = ids(small_index, '"stem cell')
    assert "treatments/words-in-order" in found
    assert "treatments/words-apart" not in found


def test_spelling_corrector_counts_a_swap_as_one_edit() -> None:
    corrector = SpellingCorrector({"leukemia": 5, "leukemias": 1, "lentiviral": 3})
    assert corrector.candidates("leukemai") == ["leukemia"]
    assert corrector.candidates("leukemia") == []
    assert corrector.candidates("xyz") == []


def test_markdown_strip_keeps_words_not_marks() -> None:
    text = "## Head {#id}\n\n- **Bold** [link](other.md#x) and ![a picture](p.svg)\n> quoted"
    assert markdown_to_plain(text) == "Head\n\nBold link and a picture\nquoted"


# --- hostile input ------------------------------------------------------------------

HOSTILE = [
    "",
    "   ",
    "x" * 10_000,
    "gene " * 2_000,
    "🧬🧪 gene 🧬",
    "gene\x00\x01\x07\x1b[31m therapy",
    "title:gene",
    "body:gene kind:glossary id:x",
    "AND OR NOT",
    "gene AND NOT therapy OR",
    '"unbalanced quote',
    '""',
    '"""',
    "(((gene",
    "gene)))",
    "[gene]{therapy}",
    "*",
    "?",
    "gen*",
    "te?t",
    "~2 leukemai~",
    "^boost gene^3",
    "\\",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u202egene\u200b",
    "ǅ ﬁnd Ⅻ",
    "-gene +therapy",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_typed_text_is_safe(real_index: SearchIndex, query: str) -> None:
    result = real_index.search(query)
    assert result.query == query
    assert isinstance(result.hits, tuple)
    for hit in result.hits:
        assert "<script" not in hit.snippet
        assert hit.snippet.count("<b") == hit.snippet.count("</b>")


def test_field_names_are_just_words(real_index: SearchIndex) -> None:
    assert ids(real_index, "title:lentivirus") == ids(real_index, "title lentivirus")


def test_operators_are_not_obeyed(real_index: SearchIndex) -> None:
    assert ids(real_index, "episome NOT lentivirus") == ids(real_index, "episome lentivirus")


# --- the index on disk --------------------------------------------------------------


def test_index_is_reused_when_the_handbook_is_unchanged(
    small_handbook: Handbook, tmp_path: Path
) -> None:
    with SearchIndex.open_or_build(small_handbook, tmp_path) as first:
        assert first.rebuilt
        location = first.location
    with SearchIndex.open_or_build(load_handbook(small_handbook.root), tmp_path) as second:
        assert not second.rebuilt
        assert second.location == location
        assert "treatments/cancer-risk" in ids(second, "leukaemia")


def test_index_is_rebuilt_when_a_chapter_changes(small_handbook: Handbook, tmp_path: Path) -> None:
    with SearchIndex.open_or_build(small_handbook, tmp_path) as first:
        old_location = first.location
    chapter = small_handbook.root / "chapters" / "treatments.md"
    chapter.write_text(TREATMENTS + "\n## Zebrafish\n\nA zebrafish study.\n", encoding="utf-8")
    with SearchIndex.open_or_build(load_handbook(small_handbook.root), tmp_path) as second:
        assert second.rebuilt
        assert second.location != old_location
        assert ids(second, "zebrafish") == ["treatments/zebrafish"]


def test_only_the_most_recent_indexes_are_kept(small_handbook: Handbook, tmp_path: Path) -> None:
    chapter = small_handbook.root / "chapters" / "treatments.md"
    locations: list[Path] = []
    for edition in range(KEPT_INDEXES + 2):
        chapter.write_text(TREATMENTS + f"\n## Edition {edition}\n\nText.\n", encoding="utf-8")
        with SearchIndex.open_or_build(load_handbook(small_handbook.root), tmp_path) as index:
            assert index.rebuilt and index.location is not None
            locations.append(index.location)
    kept = sorted(p for p in (tmp_path / INDEX_FOLDER).iterdir())
    assert kept == sorted(locations[-KEPT_INDEXES:])


def _index_folder(handbook: Handbook, cache: Path) -> Path:
    with SearchIndex.open_or_build(handbook, cache) as index:
        assert index.location is not None
        return index.location


def _biggest_index_file(folder: Path) -> Path:
    files = [p for p in folder.iterdir() if p.is_file() and p.name != META_FILE]
    return max(files, key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("damage", ["truncate", "garble", "delete", "meta", "empty_folder"])
def test_damaged_index_is_rebuilt(small_handbook: Handbook, tmp_path: Path, damage: str) -> None:
    folder = _index_folder(small_handbook, tmp_path)
    target = _biggest_index_file(folder)
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    elif damage == "garble":
        data = bytearray(target.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
        target.write_bytes(bytes(data))
    elif damage == "delete":
        target.unlink()
    elif damage == "meta":
        (folder / META_FILE).write_text("{not json", encoding="utf-8")
    else:
        for path in folder.iterdir():
            path.unlink()
    with SearchIndex.open_or_build(small_handbook, tmp_path) as index:
        assert index.rebuilt
        assert index.location == folder
        assert "treatments/cancer-risk" in ids(index, "leukemia")
    with SearchIndex.open_or_build(small_handbook, tmp_path) as again:
        assert not again.rebuilt


def test_leftover_lock_file_does_not_force_a_rebuild(
    small_handbook: Handbook, tmp_path: Path
) -> None:
    folder = _index_folder(small_handbook, tmp_path)
    (folder / "MAIN_WRITELOCK").write_text("", encoding="utf-8")
    with SearchIndex.open_or_build(small_handbook, tmp_path) as index:
        assert not index.rebuilt
        assert ids(index, "crispr")


def test_unwritable_cache_falls_back_to_memory(small_handbook: Handbook, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with SearchIndex.open_or_build(small_handbook, blocker / "cache") as index:
        assert index.rebuilt
        assert index.location is None
        assert "treatments/cancer-risk" in ids(index, "leukemai")


def test_no_cache_folder_means_in_memory(small_handbook: Handbook) -> None:
    with SearchIndex.open_or_build(small_handbook, None) as index:
        assert index.location is None
        assert index.doc_count == sum(1 for _ in small_handbook.sections())


def test_two_copies_building_at_once_both_get_a_working_index(
    small_handbook: Handbook, tmp_path: Path
) -> None:
    results: list[SearchIndex] = []
    errors: list[BaseException] = []

    def open_index() -> None:
        try:
            results.append(SearchIndex.open_or_build(small_handbook, tmp_path))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=open_index) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    try:
        assert len(results) == 3
        assert all("treatments/editing" in ids(index, "crispr") for index in results)
    finally:
        for index in results:
            index.close()
    folders = [p.name for p in (tmp_path / INDEX_FOLDER).iterdir()]
    assert len([name for name in folders if not name.startswith(".")]) == 1


def test_losing_the_race_reuses_the_winners_index(small_handbook: Handbook, tmp_path: Path) -> None:
    from reader.search.index import _build_on_disk

    folder = _index_folder(small_handbook, tmp_path)
    opened = _build_on_disk(small_handbook, folder.parent, folder)
    opened.index.close()
    assert opened.location == folder
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]


def test_search_recovers_in_memory_when_the_index_breaks(
    small_handbook: Handbook, tmp_path: Path
) -> None:
    with SearchIndex.open_or_build(small_handbook, tmp_path) as index:
        assert index._searcher is not None
        index._searcher.close()  # the files are gone from under it
        assert "treatments/cancer-risk" in ids(index, "leukemia")
        assert index.location is None
