"""What one language of a handbook has and another lacks: sections, glossary terms,
pictures and their text. `check` reports these, so a translation never silently drifts
from the main language (a missing section id breaks bookmarks and links after a switch).
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.handbook.gate import is_file
from reader.handbook.languages import available_languages
from reader.handbook.loader import load_handbook
from reader.handbook.model import Handbook
from reader.problems import Problem

_PICTURE = re.compile(r"!\[([^\]]*)\]\(\s*([^)\s]+)")


def _pictures(handbook: Handbook) -> dict[str, dict[str, str]]:
    """For each section id, its pictures by file name, with their description."""
    found: dict[str, dict[str, str]] = {}
    for section in handbook.sections():
        for alt, src in _PICTURE.findall(section.markdown):
            found.setdefault(section.id, {})[Path(src).name] = alt.strip()
    return found


def _compare(main: Handbook, other: Handbook, where: Path) -> list[Problem]:
    problems: list[Problem] = []
    code, main_code = other.language, main.language
    other_chapters = {c.id: c for c in other.reading_chapters}
    main_sections = {s.id: s for c in main.reading_chapters for s in c.sections}
    for chapter in main.reading_chapters:
        translated = other_chapters.get(chapter.id)
        if translated is None:
            message = f"chapter '{chapter.id}' has no '{code}' version (shown in '{main_code}')"
            problems.append(Problem(where, 1, message))
            continue
        ids = {s.id for s in translated.sections}
        for section in chapter.sections:
            if section.id not in ids:
                message = (
                    f"section '{section.id}' is missing in '{code}'"
                    f" (give its heading {{#{section.anchor}}})"
                )
                problems.append(Problem(translated.path, 1, message))
        for section in translated.sections:
            if section.id not in main_sections:
                message = f"section '{section.id}' exists in '{code}' but not in '{main_code}'"
                problems.append(Problem(translated.path, section.line, message))
    main_terms = {t.slug: t for t in main.glossary.terms}
    other_terms = {t.slug: t for t in other.glossary.terms}
    glossary_path = other.glossary_path or where
    for slug in sorted(main_terms.keys() - other_terms.keys()):
        message = f"glossary term '{main_terms[slug].term}' (id '{slug}') is missing in '{code}'"
        problems.append(Problem(glossary_path, 1, message))
    for slug in sorted(other_terms.keys() - main_terms.keys()):
        term = other_terms[slug]
        message = f"glossary term '{term.term}' (id '{slug}') is not in '{main_code}'; set id ="
        problems.append(Problem(glossary_path, term.line, message + " to the main term's id"))
    main_pictures, other_pictures = _pictures(main), _pictures(other)
    for section_id, pictures in main_pictures.items():
        if section_id not in {s.id for s in other.sections()}:
            continue  # already reported as a missing section or chapter
        theirs = other_pictures.get(section_id, {})
        for name in pictures:
            if name not in theirs:
                message = f"picture '{name}' of '{section_id}' is missing in '{code}'"
                problems.append(Problem(where, 1, message))
            elif pictures[name] and not theirs[name]:
                message = f"picture '{name}' of '{section_id}' has no description in '{code}'"
                problems.append(Problem(where, 1, message))
    pictures_folder = where.parent / "pictures"
    for name in sorted({n for p in main_pictures.values() for n in p}):
        if not is_file(main.root, pictures_folder / name):
            message = (
                f"picture '{name}' has no '{code}' copy in {code}/pictures"
                f" (its text stays '{main_code}')"
            )
            problems.append(Problem(where, 1, message))
    return problems


def translation_problems(root: Path) -> list[Problem]:
    """Every difference between the main language and each translation in `root`."""
    root = Path(root)
    languages = available_languages(root)
    if len(languages) < 2:
        return []
    main = load_handbook(root)
    problems: list[Problem] = []
    for code in languages[1:]:
        manifest = root / code / "handbook.toml"
        problems += _compare(main, load_handbook(root / code), manifest)
    return problems
