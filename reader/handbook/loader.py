"""The handbook model: a folder of Markdown chapters loaded into Handbook/Chapter/Section.

A handbook folder either has a `handbook.toml` manifest (title, edition, chapter order,
glossary file) or is a plain folder of `.md` files ordered by name. Loading never
raises for bad content: every problem found becomes a `Problem` (file, line, message)
and the sound parts still load, so the reader can show what it can.
A chapter the manifest lists twice is read once; the lines problems point at are found
in one pass over the manifest (a LineIndex), not one pass per problem.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

from reader.handbook.chapters import chapter_id_for, parse_chapter
from reader.handbook.gate import (
    Refusal,
    check_packed,
    exists,
    is_dir,
    is_file,
    locate,
    markdown_files,
    read_text,
)
from reader.handbook.glossary import GLOSSARY_CHAPTER_ID, glossary_markdown, load_glossary
from reader.handbook.lay_words import load_lay_words
from reader.handbook.lines import LineIndex
from reader.handbook.mkdocs import find_config, load_mkdocs
from reader.handbook.model import Chapter, Handbook, HandbookError
from reader.handbook.placeholders import (
    DEFAULT_WRITE_IN,
    ClinicValues,
    fill_placeholders,
    unknown_placeholders,
)
from reader.handbook.review import parse_year_month
from reader.problems import Problem

MANIFEST_NAME = "handbook.toml"


def _load_chapters(
    root: Path,
    files: list[Path],
    problems: list[Problem],
    write_in: str = DEFAULT_WRITE_IN,
    values: Mapping[str, str] | None = None,
) -> tuple[Chapter, ...]:
    chapters: list[Chapter] = []
    used: set[str] = set()
    for path in dict.fromkeys(files):  # a file listed twice is read once
        chapter_id = chapter_id_for(path)
        if chapter_id in used:  # known before reading: read it not at all
            problems.append(Problem(path, 1, f"duplicate chapter id '{chapter_id}'"))
            continue
        text = read_text(root, path, problems)
        if text is None:
            continue
        if not text.strip():
            problems.append(Problem(path, 1, "chapter file is empty"))
            continue
        used.add(chapter_id)
        for line, field in unknown_placeholders(text):
            problems.append(Problem(path, line, f"'{{{{clinic.{field}}}}}' names no clinic detail"))
        text = fill_placeholders(text, values, write_in)
        chapters.append(parse_chapter(chapter_id, path, text, problems))
    return tuple(chapters)


def _plain_folder_files(root: Path, problems: list[Problem]) -> list[Path]:
    """`*.md` in the folder and its `chapters/` (listed through the gate), by file name,
    after the folder's index.md or README.md (its front page, as other tools read a
    docs folder)."""
    files = markdown_files(root, problems)
    front = [p for p in files if p.parent == root and p.name.lower() in ("index.md", "readme.md")]
    front = sorted(front, key=lambda p: p.name.lower() != "index.md")[:1]
    chapters = [p for p in files if p.name.lower() not in ("index.md", "readme.md")]
    return front + sorted(chapters, key=lambda p: p.name)


def _manifest_string(data: dict[str, object], key: str, path: Path, problems: list[Problem]) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        problems.append(Problem(path, 1, f"'{key}' must be text"))
        return ""
    return value


def _manifest_chapter_files(
    root: Path, data: dict[str, object], manifest: Path, text: str, problems: list[Problem]
) -> list[Path]:
    entries = data.get("chapters")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(manifest, 1, "'chapters' must be a non-empty list of files"))
        return _plain_folder_files(root, problems)
    files: list[Path] = []
    lines = LineIndex(text)
    for entry in _distinct_entries(entries, manifest, lines, problems):
        located = locate(root, root / entry)
        if isinstance(located, Path):
            files.append(located)
        elif located.reason == "file not found":
            files.append(root / entry)  # reported on its own path, as a missing chapter
        elif "outside" in located.reason:
            message = f"chapter '{entry}' is outside the handbook"
            problems.append(Problem(manifest, lines.line_of(entry), message))
        else:
            message = f"chapter '{entry}': {located.reason}"
            problems.append(Problem(manifest, lines.line_of(entry), message))
    return files


def _distinct_entries(
    entries: list[object], manifest: Path, lines: LineIndex, problems: list[Problem]
) -> Iterator[str]:
    """The manifest's chapter names, each once (a chapter listed twice is read once):
    anything else is a problem."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for entry in entries:
        if not isinstance(entry, str):
            shown = repr(entry)[:80]  # an inline table can be long
            problems.append(Problem(manifest, 1, f"chapter entry {shown} is not a file name"))
        elif entry not in seen:
            seen.add(entry)
            yield entry
        elif entry not in repeated:
            repeated.add(entry)
            message = f"chapter '{entry}' is listed more than once; it is shown once"
            problems.append(Problem(manifest, lines.line_of(entry), message))


def load_handbook(root: Path, clinic_values: ClinicValues | None = None) -> Handbook:
    """Load a handbook folder, or a packed handbook (a .handbook file, checked whole
    first), its `{{clinic.FIELD}}` placeholders filled with `clinic_values` for its
    language. Raises HandbookError only if nothing at all can be read."""
    root = Path(root)
    refused = check_packed(root)
    if refused is not None:
        raise HandbookError(f"{root.name} cannot be opened: {refused}")
    mkdocs_config = find_config(root)
    if mkdocs_config is not None and not is_file(root, root / MANIFEST_NAME):
        return load_mkdocs(mkdocs_config)
    if not is_dir(root, root):
        raise HandbookError(f"No handbook folder at {root}")
    problems: list[Problem] = []
    manifest = root / MANIFEST_NAME
    data: dict[str, object] = {}
    text: str | None = None
    if exists(root, manifest):
        text = read_text(root, manifest, problems)
        try:
            data = tomllib.loads(text or "")
        except tomllib.TOMLDecodeError as error:
            line = getattr(error, "lineno", None) or _toml_error_line(str(error), text or "")
            problems.append(Problem(manifest, line, f"manifest is not valid TOML: {error}"))
    if data:
        files = _manifest_chapter_files(root, data, manifest, text or "", problems)
    else:
        files = _plain_folder_files(root, problems)
    write_in = _manifest_string(data, "write_in", manifest, problems) if data else ""
    language = (_manifest_string(data, "language", manifest, []) if data else "") or "en"
    values = clinic_values(language) if clinic_values is not None else None
    chapters = _load_chapters(root, files, problems, write_in or DEFAULT_WRITE_IN, values)
    if not chapters and not files:
        raise HandbookError(f"{root} holds no Markdown chapters")
    title = _manifest_string(data, "title", manifest, problems) if data else ""
    glossary_name = _manifest_string(data, "glossary", manifest, problems) if data else ""
    glossary_path = _glossary_file(root, glossary_name, manifest, text or "", problems)
    glossary = load_glossary(glossary_path, root)
    problems.extend(glossary.problems)
    lay_words = load_lay_words(root, problems)
    if glossary.terms and GLOSSARY_CHAPTER_ID not in {c.id for c in chapters}:
        glossary_text = glossary_markdown(glossary)
        assert glossary_path is not None
        chapters += (parse_chapter(GLOSSARY_CHAPTER_ID, glossary_path, glossary_text, []),)
    return Handbook(
        root=root,
        title=title or (chapters[0].title if chapters else root.name),
        subtitle=_manifest_string(data, "subtitle", manifest, problems) if data else "",
        language=(_manifest_string(data, "language", manifest, problems) if data else "") or "en",
        edition=_manifest_string(data, "edition", manifest, problems) if data else "",
        date=_manifest_string(data, "date", manifest, problems) if data else "",
        reviewed=_review_month(data, "reviewed", manifest, text or "", problems),
        review_by=_review_month(data, "review_by", manifest, text or "", problems),
        source=_manifest_string(data, "source", manifest, problems) if data else "",
        start=_manifest_string(data, "start", manifest, problems) if data else "",
        glossary_path=glossary_path,
        glossary=glossary,
        lay_words=lay_words,
        chapters=chapters,
        problems=tuple(problems),
        has_manifest=bool(data),
    )


def _glossary_file(
    root: Path, name: str, manifest: Path, text: str, problems: list[Problem]
) -> Path | None:
    """The glossary named in the manifest, or `glossary.toml` beside it, if inside."""
    if not name:
        if not exists(root, root / "glossary.toml"):
            return None
        name = "glossary.toml"
    located = locate(root, root / name)
    if isinstance(located, Refusal):
        if located.reason == "file not found":
            message = f"glossary file '{name}' not found"
        else:
            message = f"glossary file '{name}' is refused: {located.reason}"
        problems.append(Problem(manifest, line_mentioning(text, name), message))
        return None
    return root / name


def key_line(text: str, key: str) -> int:
    """The manifest line that sets `key` (1 if none does)."""
    rows = enumerate(text.splitlines(), start=1)
    return next((number for number, row in rows if row.lstrip().startswith(key)), 1)


def line_mentioning(text: str, value: str) -> int:
    """The manifest line that names `value` (1 if none does). For one value: to look
    up many, build one LineIndex."""
    return LineIndex(text).line_of(value)


def _toml_error_line(message: str, text: str) -> int:
    match = re.search(r"line (\d+)", message)
    if match:
        return int(match.group(1))
    if "end of document" in message:
        return max(1, len(text.splitlines()))
    return 1


def _review_month(
    data: dict[str, object], key: str, path: Path, text: str, problems: list[Problem]
) -> str:
    """`reviewed` or `review_by` as YYYY-MM; anything else is a problem and left out."""
    value = _manifest_string(data, key, path, problems) if data else ""
    if value and parse_year_month(value) is None:
        line = key_line(text, key)
        problems.append(Problem(path, line, f"'{key}' must be a month written YYYY-MM"))
        return ""
    return value
