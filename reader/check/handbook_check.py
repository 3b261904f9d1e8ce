"""The content checker: everything wrong in a handbook folder, as `file:line` problems.

`check_handbook` is for authors and clinic IT before they ship a handbook. It reports
what the loader found (bad manifest, unreadable or empty files, duplicate ids), links
and pictures that lead nowhere, glossary terms no section uses, and raw HTML that the
renderer would strip, so that what an author wrote is what a family sees. It reads
the text the way the renderer does (fenced code and code spans are text, not markup)
and never renders, so it stays fast on very large or hostile folders.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from reader.check.markup import MarkupScanner, MarkupText
from reader.content.cost import costly_runs
from reader.content.render import LinkContext
from reader.content.term_uses import term_sections
from reader.handbook import MANIFEST_NAME, Chapter, Handbook
from reader.handbook.gate import exists, markdown_files, read_text, real_path
from reader.handbook.lines import LineIndex
from reader.handbook.loader import key_line
from reader.handbook.review import review_overdue
from reader.problems import Problem

LONG_LINE_CHARS = 10_000
MAX_NESTING = 20

_QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>)+")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


def check_handbook(handbook: Handbook) -> list[Problem]:
    """Every problem in the handbook, sorted by file then line, without duplicates."""
    problems: list[Problem] = [*handbook.problems, *handbook.glossary.problems]
    missing, manifest_problems = _manifest_problems(handbook)
    problems = [p for p in problems if _resolved(p.path) not in missing]
    problems += manifest_problems
    for chapter in handbook.reading_chapters:
        problems += check_chapter(handbook, chapter)
    problems += _glossary_problems(handbook)
    problems += _lexicon_problems(handbook)
    problems += _review_problems(handbook, date.today())
    return sorted_problems(problems, handbook.root)


def _review_problems(handbook: Handbook, today: date) -> list[Problem]:
    """A `review_by` month that has passed: the facts must be checked again."""
    if not review_overdue(handbook.review_by, today):
        return []
    manifest = handbook.root / MANIFEST_NAME
    text = read_text(handbook.root, manifest, []) or ""
    line = key_line(text, "review_by")
    message = (
        f"review_by {handbook.review_by} has passed: check every dated fact "
        "(see REVIEW.md), then set reviewed and review_by"
    )
    return [Problem(manifest, line, message)]


def check_chapter(handbook: Handbook, chapter: Chapter) -> list[Problem]:
    """Links, pictures, raw HTML, very long lines and deep nesting in one chapter."""
    text = MarkupText.of(chapter.path, chapter.markdown)
    scanner = MarkupScanner(LinkContext.for_chapter(handbook, chapter), text)
    scanner.scan()
    scanner.problems += _long_lines(chapter.path, chapter.markdown)
    scanner.problems += _costly_runs(chapter.path, chapter.markdown)
    scanner.problems += _deep_nesting(chapter.path, text.scannable)
    return scanner.problems


def sorted_problems(problems: Iterable[Problem], root: Path) -> list[Problem]:
    """Absolute paths, duplicates dropped, ordered by file (as shown) then line."""
    base = _resolved(root)
    unique = {Problem(_resolved(p.path), p.line, p.message) for p in problems}

    def key(problem: Problem) -> tuple[str, int, str]:
        path = problem.path
        shown = path.relative_to(base) if path.is_relative_to(base) else path
        return (shown.as_posix(), problem.line, problem.message)

    return sorted(unique, key=key)


def format_problems(problems: Iterable[Problem], root: Path) -> list[str]:
    """`file:line: message` lines, with files relative to the handbook folder."""
    base = _resolved(root)
    return [problem.format(base) for problem in problems]


def _resolved(path: Path) -> Path:
    """The path with links resolved; never raises, even on a loop (which stays as is)
    or a NUL byte in its name (which leaves it as it is)."""
    return real_path(path) or Path(path)


# --- the manifest and the glossary -------------------------------------------------


def _manifest_problems(handbook: Handbook) -> tuple[set[Path], list[Problem]]:
    """Chapters the manifest lists but that are missing, and files it forgets to list.

    Returns the missing files too, so the loader's bare "file not found" for them can
    give way to a problem on the manifest line that names them.
    """
    manifest = handbook.root / MANIFEST_NAME
    if not handbook.has_manifest:
        return set(), []
    text = read_text(handbook.root, manifest, [])  # the loader reported any refusal
    if text is None:
        return set(), []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return set(), []  # the loader already reported it
    root = _resolved(handbook.root)
    problems: list[Problem] = []
    missing: set[Path] = set()
    entries = data.get("chapters")
    listed = [e for e in entries if isinstance(e, str)] if isinstance(entries, list) else []
    listed = list(dict.fromkeys(listed))  # a chapter listed twice is looked at once
    lines = LineIndex(text)
    for entry in listed:
        path = _resolved(root / entry)
        if path.is_relative_to(root) and not exists(root, path):
            missing.add(path)
            message = f"chapter '{entry}' is listed in {MANIFEST_NAME} but the file is missing"
            problems.append(Problem(manifest, lines.line_of(entry), message))
    listed_paths = {_resolved(root / entry) for entry in listed}
    if listed_paths:
        for path in _chapter_like_files(root):
            if path not in listed_paths:
                message = f"chapter file is not listed in {MANIFEST_NAME}, so nobody will see it"
                problems.append(Problem(path, 1, message))
    start = data.get("start")
    if isinstance(start, str) and start and handbook.section(start) is None:
        message = f"start section '{start}' does not exist"
        problems.append(Problem(manifest, lines.line_of(start), message))
    return missing, problems


# Notes for the people who keep the handbook, never chapters: its format, its review sheet.
NOT_CHAPTERS = frozenset({"readme.md", "review.md"})


def _chapter_like_files(root: Path) -> list[Path]:
    files = markdown_files(root, [])
    return [_resolved(p) for p in files if p.name.lower() not in NOT_CHAPTERS]


def _glossary_problems(handbook: Handbook) -> list[Problem]:
    """Terms no section uses, and links, pictures or HTML inside definitions."""
    path = handbook.glossary_path
    if path is None:
        return []
    problems: list[Problem] = []
    usage = term_sections(handbook)
    for term in handbook.glossary.terms:
        if not usage.get(term.slug):
            message = f"glossary term '{term.term}' is not used in any section"
            problems.append(Problem(path, term.line, message))
    chapter = next((c for c in handbook.chapters if handbook.is_glossary(c)), None)
    if chapter is not None:
        context = LinkContext.for_chapter(handbook, chapter)
        for term in handbook.glossary.terms:
            text = MarkupText.of(path, term.definition, fixed_line=term.line)
            scanner = MarkupScanner(context, text)
            scanner.scan()
            problems += scanner.problems
    return problems


def _lexicon_problems(handbook: Handbook) -> list[Problem]:
    """A broken pronunciation file, and entries no chapter uses (a misspelt word never
    matches, so the voice would go on misreading it)."""
    # Not at the top: importing reader.speech loads its narration and voice modules too.
    from reader.speech.lexicon import load_lexicon  # no voice, only the file and a pattern

    problems: list[Problem] = []
    lexicon = load_lexicon(handbook, problems)
    if lexicon.path is None or not lexicon.entries:
        return problems
    used: set[str] = set()
    for chapter in handbook.reading_chapters:
        used |= lexicon.matches(chapter.markdown)
    for entry in lexicon.entries:
        if lexicon.key_of(entry) not in used:
            message = f"pronunciation entry '{entry.written}' matches no chapter text"
            problems.append(Problem(lexicon.path, entry.line, message))
    return problems


# --- whole-file checks ------------------------------------------------------------


def _long_lines(path: Path, text: str) -> Iterator[Problem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > LONG_LINE_CHARS:
            message = f"very long line ({len(line):,} characters): break it into paragraphs"
            yield Problem(path, number, message)


def _costly_runs(path: Path, text: str) -> list[Problem]:
    """Runs of lines that would take too long to render, shown as plain text instead."""
    runs = costly_runs(text.splitlines())
    return [Problem(path, run.first + 1, f"{run.reason} (shown as plain text)") for run in runs]


def _deep_nesting(path: Path, scannable: str) -> list[Problem]:
    """The first line of each block nested more than MAX_NESTING deep (quotes or lists)."""
    problems: list[Problem] = []
    quote_reported = list_reported = False
    indents: list[int] = []
    for number, line in enumerate(scannable.split("\n"), start=1):
        quote = _QUOTE_PREFIX.match(line)
        depth = quote.group(0).count(">") if quote else 0
        if depth > MAX_NESTING and not quote_reported:
            message = f"quotes nested {depth} levels deep (more than {MAX_NESTING})"
            problems.append(Problem(path, number, message))
        quote_reported = depth > MAX_NESTING
        item = _LIST_ITEM.match(line)
        if item is None:
            if line.strip() and not line[:1].isspace():
                indents, list_reported = [], False
            continue
        indent = len(item.group(1).expandtabs(4))
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        if len(indents) > MAX_NESTING and not list_reported:
            message = f"lists nested more than {MAX_NESTING} levels deep"
            problems.append(Problem(path, number, message))
            list_reported = True
    return problems
