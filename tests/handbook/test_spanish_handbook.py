"""The handbook in Spanish: one folder, two languages, the same ids in both, a chapter
missing in one language shown from the other with a note, and `check` naming what one
language has and the other lacks. All on the real bundled handbook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import textstat

from reader.check import check_handbook, translation_problems
from reader.handbook import Handbook, load_handbook
from reader.handbook.languages import available_languages, load_handbook_in
from reader.search.text import markdown_to_plain
from tests.conftest import WriteHandbook
from tests.support import run_cli

# A citation entry ("**S7.** *Title in English.* Journal, date. Address: ...") is a
# reference to look up, in the source's own language, not prose to read.
_CITATION = re.compile(r"^\*\*S\d+\.\*\*.*$", re.MULTILINE)


@pytest.fixture(scope="module")
def spanish(handbook_dir: Path) -> Handbook:
    return load_handbook_in(handbook_dir, "es")


def test_bundled_handbook_holds_english_and_spanish(handbook_dir: Path) -> None:
    assert available_languages(handbook_dir) == ("en", "es")


def test_spanish_has_every_chapter_and_section_id_of_the_english(
    handbook: Handbook, spanish: Handbook
) -> None:
    assert spanish.language == "es"
    assert [c.id for c in spanish.chapters] == [c.id for c in handbook.chapters]

    def reading_ids(book: Handbook) -> list[str]:
        return [s.id for c in book.reading_chapters for s in c.sections]

    assert reading_ids(spanish) == reading_ids(handbook)  # same ids, same order
    assert {s.id for s in spanish.sections()} == {s.id for s in handbook.sections()}
    english_titles = {c.id: c.title for c in handbook.chapters}
    assert all(c.title != english_titles[c.id] for c in spanish.reading_chapters)
    assert spanish.chapter("glossary").title == "Glosario"  # type: ignore[union-attr]


def test_spanish_glossary_keeps_the_english_ids_and_names(
    handbook: Handbook, spanish: Handbook
) -> None:
    assert [t.slug for t in spanish.glossary.terms] == sorted(
        (t.slug for t in handbook.glossary.terms),
        key=lambda slug: spanish.glossary.find(slug).term.casefold(),  # type: ignore[union-attr]
    )
    gvhd = spanish.glossary.find("GVHD")
    assert gvhd is not None and gvhd.term == "Enfermedad de injerto contra huésped"
    assert spanish.glossary.find("EICH") is gvhd
    assert gvhd.slug == handbook.glossary.find("GVHD").slug  # type: ignore[union-attr]


def test_spanish_handbook_checks_clean_in_both_languages(
    handbook_dir: Path, spanish: Handbook
) -> None:
    assert check_handbook(spanish) == []
    assert translation_problems(handbook_dir) == []


def test_bookmark_key_is_shared_by_the_two_languages(handbook: Handbook, spanish: Handbook) -> None:
    from reader.bookmarks.store import handbook_key

    assert handbook_key(spanish) == handbook_key(handbook)


@pytest.mark.parametrize(
    "chapter_id",
    [
        "about-this-handbook", "what-is-gene-therapy", "how-it-works", "step-by-step",
        "risks", "after-treatment", "other-options", "history", "limits",
        "questions-to-ask", "support", "sources",
    ],
)  # fmt: skip
def test_spanish_chapter_is_fairly_easy_to_read(spanish: Handbook, chapter_id: str) -> None:
    """Fernández-Huerta 70 or more ("fairly easy"), textstat 0.7.3, per chapter."""
    chapter = spanish.chapter(chapter_id)
    assert chapter is not None
    textstat.set_lang("es")
    try:
        score = textstat.fernandez_huerta(markdown_to_plain(_CITATION.sub("", chapter.markdown)))
    finally:
        textstat.set_lang("en_US")
    assert score >= 70, f"{chapter_id}: {score}"


def test_spanish_keeps_every_number_of_the_english(handbook: Handbook, spanish: Handbook) -> None:
    """Numbers, dates and years are facts: the translation has the same ones (decimal
    commas aside), so nothing was dropped or changed in translation."""
    for chapter in handbook.reading_chapters:
        translated = spanish.chapter(chapter.id)
        assert translated is not None
        english = sorted(re.findall(r"\d+(?:\.\d+)?", chapter.markdown))
        ours = sorted(
            n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", translated.markdown)
        )
        missing = [n for n in set(english) if english.count(n) > ours.count(n)]
        assert not missing, (chapter.id, missing)


BILINGUAL_MANIFEST = (
    'title = "Book"\nlanguages = ["en", "es"]\nchapters = ["chapters/a.md", "chapters/b.md"]\n'
)
SPANISH_MANIFEST = (
    'title = "Libro"\nlanguage = "es"\nchapters = ["chapters/a.md"]\n'
    'untranslated_note = "Este capítulo se muestra en {language}."\n'
    '[language_names]\nen = "inglés"\n'
)


@pytest.fixture
def half_translated(write_handbook: WriteHandbook) -> Path:
    return write_handbook(
        {
            "chapters/a.md": "# Alpha\n\nOne.\n\n## First part\n\nText.\n",
            "chapters/b.md": "# Beta\n\nTwo.\n\n## Second part\n\nMore.\n",
            "es/handbook.toml": SPANISH_MANIFEST,
            "es/chapters/a.md": "# Alfa\n\nUno.\n\n## Primera parte\n\nTexto.\n",
        },
        manifest=BILINGUAL_MANIFEST,
    )


def test_missing_chapter_falls_back_to_english_with_a_visible_note(half_translated: Path) -> None:
    book = load_handbook_in(half_translated, "es")
    assert book.language == "es" and book.title == "Libro"
    assert [c.title for c in book.chapters] == ["Alfa", "Beta"]
    beta = book.chapter("b")
    assert beta is not None
    assert "Este capítulo se muestra en inglés." in beta.markdown
    assert book.section("b/second-part") is not None


def test_check_names_what_one_language_lacks(half_translated: Path) -> None:
    messages = [p.message for p in translation_problems(half_translated)]
    assert "chapter 'b' has no 'es' version (shown in 'en')" in messages
    assert any("section 'a/first-part' is missing in 'es'" in m for m in messages)
    assert "section 'a/primera-parte' exists in 'es' but not in 'en'" in messages


def test_an_unknown_language_gives_the_main_handbook(half_translated: Path) -> None:
    assert load_handbook_in(half_translated, "fr").language == "en"
    assert load_handbook_in(half_translated, None).title == "Book"
    assert load_handbook(half_translated).title == "Book"


def test_cli_toc_json_lists_spanish_titles(
    handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "toc", "--json")
    data = json.loads(out)
    assert code == 0 and data["lang"] == "es" and data["language"] == "es"
    english = {c.id: c.title for c in handbook.chapters}
    assert len(data["chapters"]) == len(english)
    assert all(c["title"] != english[c["id"]] for c in data["chapters"])
    code, out, _ = run_cli(capsys, "toc", "--lang", "es", "--json")  # after the command too
    assert json.loads(out)["title"] == "Terapia génica para la inmunodeficiencia primaria"


def test_cli_glossary_gives_the_spanish_entry(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "glossary", "EICH", "--json")
    data = json.loads(out)
    assert code == 0 and data["lang"] == "es"
    [entry] = data["terms"]
    assert entry["term"] == "Enfermedad de injerto contra huésped"
    assert entry["slug"] == "graft-versus-host-disease"
    assert "GVHD" in entry["aliases"]


def test_cli_show_answers_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "show", "risks/the-back-up-plan")
    assert code == 0 and "plan de reserva" in out


def test_english_stays_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "toc", "--json")
    data = json.loads(out)
    assert (
        code == 0
        and data["lang"] == "en"
        and data["title"] == "Gene Therapy for Primary Immunodeficiency"
    )


def _shape(markdown: str) -> dict[str, object]:
    """What a faithful translation keeps: lists, steps, table rows, boxes, links, bold
    names, definitions and paragraphs, section by section."""
    return {
        "bullets": len(re.findall(r"^\s*[-*] ", markdown, re.MULTILINE)),
        "steps": len(re.findall(r"^\s*\d+\. ", markdown, re.MULTILINE)),
        "table rows": len(re.findall(r"^\|", markdown, re.MULTILINE)),
        "boxes": len(re.findall(r"^!!! ", markdown, re.MULTILINE)),
        "links": sorted(re.findall(r"\]\(([^)\s]+)", markdown)),
        "bold": len(re.findall(r"\*\*[^*]+\*\*", markdown)),
        "definitions": len(re.findall(r"^:   ", markdown, re.MULTILINE)),
        "paragraphs": len([p for p in markdown.split("\n\n") if p.strip()]),
    }


def test_every_spanish_section_has_the_shape_of_the_english(
    handbook: Handbook, spanish: Handbook
) -> None:
    """Nothing left out or added: each section keeps its key points, risks, steps,
    table rows, note boxes and links (the same targets, so links work in both)."""
    for chapter in handbook.reading_chapters:
        for section in chapter.sections:
            translated = spanish.section(section.id)
            assert translated is not None, section.id
            assert _shape(translated.markdown) == _shape(section.markdown), section.id
