"""Issue #38, second attack round: what a folder or MkDocs project decides the size of
is capped, a NUL byte in a name is a plain problem, and every problem line is found in
one pass. Each test failed on the code before the fix (see each docstring)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.check import check_handbook
from reader.cli import main
from reader.handbook import load_handbook
from reader.handbook.chapters import MAX_SECTIONS, parse_chapter
from reader.handbook.frontmatter import MAX_FRONT_MATTER_CHARS
from tests.support import write_files

ALIASES_REFUSED = "its aliases (*name) stand for more than 100,000 values and letters"


def laughs(key: str = "l") -> list[str]:
    """YAML whose last anchor stands for a million strings: six levels of ten aliases.
    (Before: built in full, and a title or `site_description` made of it as a string;
    nine levels hung the load past 1 GB.)"""
    lines = [f"{key}0: &{key}0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [
        f"{key}{n}: &{key}{n} [" + ", ".join([f"*{key}{n - 1}"] * 10) + "]" for n in range(1, 6)
    ]
    return lines


def cli(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--handbook", str(root), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- YAML aliases and front matter ------------------------------------------------------


def test_alias_bomb_in_front_matter_is_refused_before_it_is_built(tmp_path: Path) -> None:
    """Before: the title became the million strings' text and no problem was said."""
    text = "---\n" + "\n".join(laughs()) + "\ntitle: *l5\n---\n# Plain title\n\nWords.\n"
    problems: list = []
    chapter = parse_chapter("bomb", tmp_path / "bomb.md", text, problems)
    assert chapter.title == "Plain title"
    assert [p.message for p in problems] == [f"front matter cannot be read: {ALIASES_REFUSED}"]


@pytest.mark.parametrize("key", ["site_description", "site_url", "repo_url"])
def test_alias_bomb_in_mkdocs_yml_is_refused_before_it_is_built(tmp_path: Path, key: str) -> None:
    """Before: the field became the million strings' text (nine levels: a hang)."""
    write_files(tmp_path, {"docs/index.md": "# Home\n"})
    config = "site_name: Bomb\n" + "\n".join(laughs()) + f"\n{key}: *l5\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    book = load_handbook(tmp_path)
    assert [c.id for c in book.chapters] == ["index"]
    assert len(book.subtitle) < 100 and len(book.source) < 100
    assert [p.message for p in book.problems] == [f"mkdocs.yml cannot be read: {ALIASES_REFUSED}"]
    honest = "site_name: &name Honest\nsite_description: *name\nnav:\n  - index.md\n"
    (tmp_path / "mkdocs.yml").write_text(honest, encoding="utf-8")  # a few are fine
    book = load_handbook(tmp_path)
    assert (book.title, book.subtitle, book.problems) == ("Honest", "Honest", ())


def test_front_matter_over_the_cap_is_set_aside_unread(tmp_path: Path) -> None:
    """Before: read whatever its size (4.7 MB: 57 s and 1.1 GB), with no problem said."""
    lines = [f"key{n}: value number {n}" for n in range(MAX_FRONT_MATTER_CHARS // 20)]
    text = "---\ntitle: Never read\n" + "\n".join(lines) + "\n---\n# Shown title\n\nWords.\n"
    problems: list = []
    chapter = parse_chapter("big", tmp_path / "big.md", text, problems)
    assert chapter.title == "Shown title"
    assert [p.message for p in problems] == ["front matter is too long to read (over 64 KB)"]
    assert chapter.markdown.count("\n") == text.count("\n")  # line numbers kept


# --- NUL bytes in names ---------------------------------------------------------------


@pytest.mark.parametrize("packed", [False, True], ids=["folder", "pack"])
def test_nul_in_a_picture_or_link_is_a_problem_not_a_crash(
    tmp_path: Path, packed: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: `check` exited 70 with "unexpected error: ValueError('embedded null byte')"
    (a pack: every command that showed the picture)."""
    root = tmp_path / "book"
    write_files(root, {"a.md": "# A\n\n![p](a%00b.png)\n\n[l](a%00b.md)\n"})
    if packed:
        assert main(["pack", str(root), str(tmp_path / "book.handbook")]) == 0
        root = tmp_path / "book.handbook"
        capsys.readouterr()
    for command in (["toc"], ["show", "a"]):
        code, _, err = cli(capsys, root, *command)
        assert (code, err) == (0, "")
    code, out, err = cli(capsys, root, "check")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "a.md:3: picture 'a%00b.png' is refused: file name holds a NUL byte, "
        "which no file can have",
        "a.md:5: link to 'a%00b.md' is refused: its file name holds a NUL byte, "
        "which no file can have",
        "2 problems found",
    ]


def test_nul_in_a_nav_entry_or_docs_dir_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: every command exited 70 with no plain message."""
    write_files(tmp_path, {"docs/index.md": "# Home\n"})
    (tmp_path / "mkdocs.yml").write_text('site_name: N\nnav:\n  - "a\\0b.md"\n', encoding="utf-8")
    assert cli(capsys, tmp_path, "toc")[0] == 0
    code, out, _ = cli(capsys, tmp_path, "check")
    assert code == 1 and "nav entry 'ab.md' is refused: its file name holds a NUL byte" in out
    (tmp_path / "mkdocs.yml").write_text('site_name: N\ndocs_dir: "do\\0cs"\n', encoding="utf-8")
    book = load_handbook(tmp_path)  # the default `docs` is read instead
    assert [c.id for c in book.chapters] == ["index"]
    assert [(p.line, p.message) for p in book.problems] == [
        (2, "docs_dir is refused: its file name holds a NUL byte, which no file can have")
    ]


# --- docs_dir ---------------------------------------------------------------------------


@pytest.mark.parametrize("docs_dir", ["/", "../outside", "/tmp"])
def test_docs_dir_outside_the_project_is_refused_and_never_listed(
    tmp_path: Path, docs_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: `docs_dir: /` walked the whole disk; `../outside` showed its pages and
    `check` listed names of files there."""
    write_files(tmp_path, {"outside/secret-name.md": "# Secret\n"})
    project = tmp_path / "project"
    write_files(project, {"mkdocs.yml": f"site_name: P\ndocs_dir: {docs_dir}\n"})
    code, out, err = cli(capsys, project, "check")
    assert (code, out) == (2, "")
    assert (
        err == f"handbook-reader: docs_dir '{docs_dir}' is outside the project, so it is not read\n"
    )
    write_files(project, {"docs/index.md": "# Home\n"})  # the default is read instead
    code, out, _ = cli(capsys, project, "check")
    assert code == 1 and "secret" not in out
    assert out.splitlines() == [
        f"mkdocs.yml:2: docs_dir '{docs_dir}' is outside the project, so it is not read",
        "1 problem found",
    ]


# --- headings and ids -----------------------------------------------------------------


def test_thirty_thousand_heading_ids_find_their_sections_in_one_pass(tmp_path: Path) -> None:
    """Before: each id looked through every section (n x sections): 4,000 took 1 s and
    this page minutes; now each is a bisection."""
    count = 30_000
    text = "# T\n\n" + "".join(
        f"## S {n}\n\n#### H {n} {{#h{n}}}\n\nWords. {{: #p{n}}}\n\n" for n in range(count)
    )
    started = time.monotonic()
    chapter = parse_chapter("many", tmp_path / "many.md", text, problems := [])
    assert time.monotonic() - started < 60  # generous: a square of 30,000 takes minutes
    assert len(chapter.sections) == MAX_SECTIONS + 1
    assert chapter.anchors["h5"] == "s-5" and chapter.anchors["p9999"] == "s-9999"
    assert chapter.anchors["h29999"] == "s-9999"  # past the cap: text of the last section
    assert [p.message for p in problems] == [
        "chapter has more than 10,000 section headings; the rest are text"
    ]


# --- problem lines: one pass ----------------------------------------------------------


def test_mkdocs_yml_with_thousands_of_problems_finds_their_lines_in_one_pass(
    tmp_path: Path,
) -> None:
    """Before: the file was read again for every problem (a 7.4 MB mkdocs.yml: 169 s;
    these 5,000 missing pages below 100,000 comment lines: about a minute)."""
    write_files(tmp_path, {"docs/index.md": "# Home\n"})
    padding = "#\n" * 100_000
    nav = "".join(f"  - Page {n}: missing/page-{n}.md\n" for n in range(4_999))
    config = "site_name: Many\n" + padding + "nav:\n" + nav
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    started = time.monotonic()
    book = load_handbook(tmp_path)
    assert time.monotonic() - started < 30  # generous: a few seconds in one pass
    lines = {p.message: p.line for p in book.problems}
    assert lines["nav entry 'missing/page-0.md' points to a missing page"] == 100_003
    assert lines["nav entry 'missing/page-4998.md' points to a missing page"] == 105_001


def test_a_seven_megabyte_mkdocs_yml_is_not_read(tmp_path: Path) -> None:
    """Before: parsed whole (7.4 MB: 169 s with its problems); now over 1 MB is refused
    unread and the pages folder is read as if there were no config."""
    write_files(tmp_path, {"docs/index.md": "# Home\n"})
    config = "site_name: Huge\nnav:\n" + "  - Page: missing.md\n" * 350_000
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    book = load_handbook(tmp_path)
    assert [c.id for c in book.chapters] == ["index"]
    assert [(p.line, p.message) for p in book.problems] == [
        (1, "mkdocs.yml cannot be read: it is too large (over 1 MB)")
    ]


def test_manifest_with_thousands_of_problems_finds_their_lines_in_one_pass(
    tmp_path: Path,
) -> None:
    """Before: the manifest was read again for every problem (529 KB: 188 s; these
    10,000 entries below 100,000 comment lines: minutes)."""
    entries = "".join(f'  "../outside/chapter-{n}.md",\n' for n in range(10_000))
    manifest = "#\n" * 100_000 + f'title = "T"\nchapters = [\n  "a.md",\n{entries}]\n'
    write_files(tmp_path, {"a.md": "# A\n", "handbook.toml": manifest})
    started = time.monotonic()
    book = load_handbook(tmp_path)
    problems = check_handbook(book)
    assert time.monotonic() - started < 30  # generous: a few seconds in one pass
    lines = {p.message: p.line for p in problems}
    assert lines["chapter '../outside/chapter-0.md' is outside the handbook"] == 100_004
    assert lines["chapter '../outside/chapter-9999.md' is outside the handbook"] == 110_003


def test_a_chapter_listed_many_times_is_read_once_and_said_once(tmp_path: Path) -> None:
    """Before: read and parsed again for every listing (18 s), each a "duplicate id"."""
    chapter = "# A\n\n" + "".join(f"## S {n}\n\nWords.\n\n" for n in range(2_000))
    listed = ", ".join(['"a.md"'] * 5_000)
    write_files(tmp_path, {"a.md": chapter, "handbook.toml": f"chapters = [{listed}]\n"})
    book = load_handbook(tmp_path)
    assert [c.id for c in book.chapters] == ["a"]
    assert [(p.line, p.message) for p in book.problems] == [
        (1, "chapter 'a.md' is listed more than once; it is shown once")
    ]
