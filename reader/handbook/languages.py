"""One handbook in several languages: which languages a folder holds, and loading one.

A translation is a whole handbook folder inside the main one (`handbook/es/`), with the
same chapter file names and explicit `{#english-slug}` heading ids, so every section id
is the same in every language and bookmarks, links and packets survive a switch. The
composed handbook keeps the main folder as its root (so pictures and the bookmark key
are shared) and fills any chapter the translation lacks with the main language's
chapter, headed by a visible note written in the translation's own manifest.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

from reader.handbook.chapters import parse_chapter
from reader.handbook.gate import is_file, read_text
from reader.handbook.glossary import (
    GLOSSARY_CHAPTER_ID,
    GlossaryWords,
    glossary_markdown,
    with_main_terms,
)
from reader.handbook.loader import MANIFEST_NAME, load_handbook
from reader.handbook.model import Chapter, Handbook
from reader.handbook.placeholders import ClinicValues
from reader.problems import Problem

_TITLE_LINE = re.compile(r"^# .*$", re.MULTILINE)
_PICTURE = re.compile(r"(!\[[^\]]*\]\()\.\./pictures/([^)\s]+)")
DEFAULT_UNTRANSLATED_NOTE = "This chapter is not translated yet; it is shown in {language}."


def _manifest(root: Path) -> dict[str, object]:
    manifest = root / MANIFEST_NAME
    text = read_text(root, manifest, []) if is_file(root, manifest) else None
    try:
        return tomllib.loads(text or "")
    except tomllib.TOMLDecodeError:
        return {}


def available_languages(root: Path) -> tuple[str, ...]:
    """The languages a handbook folder holds, its own first (`languages` in the manifest)."""
    root = Path(root)
    data = _manifest(root)
    own = data.get("language") if isinstance(data.get("language"), str) else "en"
    listed = data.get("languages")
    found = [own] + [
        code
        for code in (listed if isinstance(listed, list) else [])
        if isinstance(code, str) and code != own and is_file(root, root / code / MANIFEST_NAME)
    ]
    return tuple(str(code) for code in found)


def load_handbook_in(
    root: Path, language: str | None, clinic_values: ClinicValues | None = None
) -> Handbook:
    """The handbook in `language`, completed from the main language where a chapter is
    missing; the main handbook when `language` is absent or not one the folder holds.
    `clinic_values` fill the clinic placeholders (reader/clinic/apply.py)."""
    root = Path(root)
    base = load_handbook(root, clinic_values)
    languages = available_languages(root) if base.has_manifest else (base.language,)
    base = dataclasses.replace(base, languages=languages, _index={})
    if not language or language == base.language or language not in languages:
        return base
    return compose(base, load_handbook(root / language, clinic_values))


def _with_shared_pictures(markdown: str, chapter_path: Path, root: Path) -> str:
    """Point `../pictures/x` at the main folder's picture when the translation has none."""

    def repoint(match: re.Match[str]) -> str:
        name = match.group(2).split("#")[0].split("?")[0]
        if is_file(root, chapter_path.parent.parent / "pictures" / name):
            return match.group(0)
        return f"{match.group(1)}../../pictures/{match.group(2)}"

    return _PICTURE.sub(repoint, markdown)


def _untranslated(chapter: Chapter, note: str) -> Chapter:
    """The main language's chapter with a note box under its title."""
    box = f'\n\n!!! note ""\n    {note}\n'
    title = _TITLE_LINE.search(chapter.markdown)
    at = title.end() if title else 0
    markdown = chapter.markdown[:at] + box + chapter.markdown[at:]
    return parse_chapter(chapter.id, chapter.path, markdown, [])


def compose(base: Handbook, translation: Handbook) -> Handbook:
    """`translation` in `base`'s chapter order, every missing chapter taken from `base`."""
    data = _manifest(translation.root)
    note_text = data.get("untranslated_note")
    language_names = data.get("language_names")
    names = language_names if isinstance(language_names, dict) else {}
    note = (note_text if isinstance(note_text, str) else DEFAULT_UNTRANSLATED_NOTE).format(
        language=names.get(base.language, base.language)
    )
    translated = {c.id: c for c in translation.reading_chapters}
    chapters: list[Chapter] = []
    for chapter in base.reading_chapters:
        found = translated.get(chapter.id)
        if found is None:
            chapters.append(_untranslated(chapter, note))
        else:
            markdown = _with_shared_pictures(found.markdown, found.path, base.root)
            chapters.append(parse_chapter(found.id, found.path, markdown, []))
    words = GlossaryWords.from_manifest(data)
    glossary, glossary_path = translation.glossary, translation.glossary_path
    if glossary.terms:
        glossary = with_main_terms(glossary, base.glossary, words.in_main_language)
    else:
        glossary, glossary_path = base.glossary, base.glossary_path
    if glossary.terms and glossary_path is not None:
        chapters.append(
            parse_chapter(
                GLOSSARY_CHAPTER_ID, glossary_path, glossary_markdown(glossary, words), []
            )
        )
    problems: list[Problem] = [*base.problems, *translation.problems]
    return dataclasses.replace(
        base,
        title=translation.title or base.title,
        subtitle=translation.subtitle or base.subtitle,
        language=translation.language,
        edition=translation.edition or base.edition,
        date=translation.date or base.date,
        source=translation.source or base.source,
        glossary=glossary,
        glossary_path=glossary_path,
        lay_words=translation.lay_words,
        chapters=tuple(chapters),
        problems=tuple(problems),
        base_title=base.title,
        base_language=base.language,
        _index={},
    )
