"""Loading a handbook folder: both folder kinds, stable section ids, and bad content
that becomes a problem with a line instead of an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.handbook import Handbook, HandbookError, load_handbook
from tests.conftest import WriteHandbook

MANIFEST = 'title = "My handbook"\nedition = "2nd"\nchapters = ["chapters/b.md", "chapters/a.md"]\n'
CHAPTER_A = """# Alpha

Opening words.

## First part

One.

### A detail

Two.

## Second part {#custom-id}

Three.
"""


def ids(handbook: Handbook) -> list[str]:
    return [section.id for section in handbook.sections()]


def messages(handbook: Handbook) -> list[str]:
    return [problem.format(handbook.root) for problem in handbook.problems]


def test_manifest_sets_title_edition_and_chapter_order(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {"chapters/a.md": CHAPTER_A, "chapters/b.md": "# Beta\n\nB text.\n"}, manifest=MANIFEST
    )
    handbook = load_handbook(root)
    assert (handbook.title, handbook.edition, handbook.has_manifest) == ("My handbook", "2nd", True)
    assert [c.id for c in handbook.chapters] == ["b", "a"]
    assert handbook.problems == ()


def test_plain_folder_opens_at_readme_then_orders_by_file_name(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook(
        {
            "02-second.md": "# The second\n\nText.\n",
            "01-first.md": "# The first\n\nText.\n",
            "README.md": "# Read me\n",
        }
    )
    handbook = load_handbook(root)
    assert [(c.id, c.title) for c in handbook.chapters] == [
        ("readme", "Read me"),
        ("first", "The first"),
        ("second", "The second"),
    ]
    assert handbook.title == "Read me"
    assert not handbook.has_manifest


def test_lone_readme_is_the_handbook(write_handbook: WriteHandbook) -> None:
    handbook = load_handbook(write_handbook({"README.md": "# Only me\n\nText.\n"}))
    assert [c.title for c in handbook.chapters] == ["Only me"]


def test_sections_have_intro_levels_and_custom_ids(write_handbook: WriteHandbook) -> None:
    handbook = load_handbook(write_handbook({"a.md": CHAPTER_A}))
    chapter = handbook.chapters[0]
    assert [(s.id, s.level, s.title) for s in chapter.sections] == [
        ("a", 1, "Alpha"),
        ("a/first-part", 2, "First part"),
        ("a/a-detail", 3, "A detail"),
        ("a/custom-id", 2, "Second part"),
    ]
    assert chapter.intro.markdown.strip().endswith("Opening words.")
    assert handbook.section("a/a-detail") is not None
    assert handbook.section("a/a-detail").markdown.strip() == "Two."  # type: ignore[union-attr]
    assert handbook.chapter_of("a/custom-id") is chapter


def test_section_ids_stay_the_same_when_other_text_changes(
    write_handbook: WriteHandbook,
) -> None:
    before = ids(load_handbook(write_handbook({"a.md": CHAPTER_A})))
    edited = CHAPTER_A.replace("One.", "One, now much longer.\n\nAnd a new paragraph.")
    edited = edited.replace("## Second part", "## A new part\n\nNew.\n\n## Second part")
    after = ids(load_handbook(write_handbook({"a.md": edited})))
    assert set(before) <= set(after)
    assert "a/a-new-part" in after


def test_custom_id_wins_over_a_retitled_heading(write_handbook: WriteHandbook) -> None:
    retitled = CHAPTER_A.replace("## Second part {#custom-id}", "## Another name {#custom-id}")
    handbook = load_handbook(write_handbook({"a.md": retitled}))
    assert handbook.section("a/custom-id").title == "Another name"  # type: ignore[union-attr]


def test_headings_inside_fenced_code_are_not_sections(write_handbook: WriteHandbook) -> None:
    text = "# A\n\n```\n## Not a heading\n```\n\n~~~markdown\n# Nor this\n~~~\n\n## Real\n"
    handbook = load_handbook(write_handbook({"a.md": text}))
    assert ids(handbook) == ["a", "a/real"]
    assert handbook.chapters[0].title == "A"


def test_deeper_headings_stay_inside_their_section(write_handbook: WriteHandbook) -> None:
    text = "# A\n\n## Part\n\n#### Small heading\n\nText.\n"
    handbook = load_handbook(write_handbook({"a.md": text}))
    assert ids(handbook) == ["a", "a/part"]
    assert "#### Small heading" in handbook.section("a/part").markdown  # type: ignore[union-attr]


def test_duplicate_headings_get_distinct_ids_and_a_problem(write_handbook: WriteHandbook) -> None:
    text = "# A\n\n## Same\n\nOne.\n\n## Same\n\nTwo.\n"
    handbook = load_handbook(write_handbook({"a.md": text}))
    assert ids(handbook) == ["a", "a/same", "a/same-2"]
    assert messages(handbook) == ["a.md:7: duplicate section id 'a/same'"]


def test_bad_manifest_is_a_problem_with_its_line_and_chapters_still_open(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook(
        {"a.md": "# A\n\nText.\n"}, manifest='title = "T"\nthis is not toml\nchapters = []\n'
    )
    handbook = load_handbook(root)
    assert [c.id for c in handbook.chapters] == ["a"]
    assert len(handbook.problems) == 1
    assert messages(handbook)[0].startswith("handbook.toml:2: manifest is not valid TOML")


def test_manifest_cut_off_at_the_end_points_at_its_last_line(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook({"a.md": "# A\n"}, manifest='title = "T"\n\nchapters = [\n')
    assert messages(load_handbook(root))[0].startswith("handbook.toml:3: ")


def test_missing_chapter_is_a_problem_naming_it_and_the_rest_opens(
    write_handbook: WriteHandbook,
) -> None:
    manifest = 'title = "T"\nchapters = ["chapters/a.md", "chapters/gone.md"]\n'
    handbook = load_handbook(write_handbook({"chapters/a.md": "# A\n"}, manifest=manifest))
    assert [c.id for c in handbook.chapters] == ["a"]
    assert len(handbook.problems) == 1
    assert "gone.md" in str(handbook.problems[0].path)


def test_chapter_outside_the_folder_is_refused(write_handbook: WriteHandbook) -> None:
    manifest = 'title = "T"\nchapters = ["chapters/a.md", "../secret.md"]\n'
    root = write_handbook({"chapters/a.md": "# A\n"}, manifest=manifest)
    (root.parent / "secret.md").write_text("# Secret\n")
    handbook = load_handbook(root)
    assert [c.id for c in handbook.chapters] == ["a"]
    assert messages(handbook) == ["handbook.toml:2: chapter '../secret.md' is outside the handbook"]


def test_non_utf8_text_is_a_problem_and_is_shown_with_replacements(
    write_handbook: WriteHandbook,
) -> None:
    handbook = load_handbook(write_handbook({"a.md": b"# A\n\nna\xefve text\n"}))
    assert messages(handbook) == ["a.md:3: text is not valid UTF-8; bad bytes were replaced"]
    assert "na\ufffdve text" in handbook.chapters[0].markdown


def test_empty_chapter_is_a_problem_and_is_left_out(write_handbook: WriteHandbook) -> None:
    handbook = load_handbook(write_handbook({"a.md": "# A\n", "b.md": "  \n"}))
    assert [c.id for c in handbook.chapters] == ["a"]
    assert messages(handbook) == ["b.md:1: chapter file is empty"]


def test_missing_folder_raises_handbook_error(tmp_path: Path) -> None:
    with pytest.raises(HandbookError):
        load_handbook(tmp_path / "nowhere")


def test_folder_without_chapters_raises_handbook_error(tmp_path: Path) -> None:
    with pytest.raises(HandbookError):
        load_handbook(tmp_path)


def test_neighbour_steps_through_sections_in_reading_order(
    write_handbook: WriteHandbook,
) -> None:
    handbook = load_handbook(write_handbook({"a.md": CHAPTER_A, "b.md": "# B\n\n## Bee\n"}))
    assert handbook.neighbour("a/custom-id", 1) == "b"
    assert handbook.neighbour("b", -1) == "a/custom-id"
    assert handbook.neighbour("a", -1) is None
    assert handbook.neighbour("b/bee", 1) is None
    assert handbook.neighbour("no/such", 1) is None


def test_content_hash_changes_when_a_chapter_changes(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"a.md": CHAPTER_A, "b.md": "# B\n"})
    first = load_handbook(root).content_hash()
    assert load_handbook(root).content_hash() == first
    (root / "b.md").write_text("# B\n\nA new sentence.\n", encoding="utf-8")
    assert load_handbook(root).content_hash() != first


def test_glossary_becomes_the_last_chapter(write_handbook: WriteHandbook) -> None:
    glossary = '[[terms]]\nterm = "Episome"\ndefinition = "A ring of DNA."\n'
    handbook = load_handbook(write_handbook({"a.md": "# A\n", "glossary.toml": glossary}))
    assert [c.id for c in handbook.chapters] == ["a", "glossary"]
    assert [c.id for c in handbook.reading_chapters] == ["a"]
    assert handbook.section("glossary/episome") is not None


def test_bundled_handbook_opens_without_problems(handbook: Handbook) -> None:
    assert handbook.problems == ()
    assert handbook.has_manifest
    assert handbook.start_section_id is not None
    assert handbook.section(handbook.start_section_id) is not None
