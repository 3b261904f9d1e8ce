"""The command line's public contract: `toc --json` shape, `show` as text and HTML,
`--version`, and errors as one plain line with the right exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import APP_ID, __version__
from reader.handbook import Handbook
from tests.conftest import WriteHandbook
from tests.support import run_cli, run_python, run_reader

SMALL = {
    "chapters/a.md": "# Alpha\n\nOpening <b>words</b>.\n\n## First part\n\nOne & two.\n\n"
    "### A detail\n\nSee [the second part](#second).\n\n## Second {#second}\n\nThree.\n",
    "chapters/b.md": "# Beta\n\nB text.\n",
}
MANIFEST = (
    'title = "Small"\nedition = "Test edition"\ndate = "2026"\n'
    'chapters = ["chapters/a.md", "chapters/b.md"]\n'
)


@pytest.fixture
def small(write_handbook: WriteHandbook) -> Path:
    return write_handbook(SMALL, manifest=MANIFEST)


def test_toc_json_has_the_public_shape(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--handbook", str(small), "toc", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Small"
    assert [c["id"] for c in data["chapters"]] == ["a", "b"]
    assert data["chapters"][0] == {
        "id": "a",
        "title": "Alpha",
        "part": [],  # added for MkDocs nav sections (#22)
        "sections": [
            {"id": "a/first-part", "title": "First part", "level": 2},
            {"id": "a/a-detail", "title": "A detail", "level": 3},
            {"id": "a/second", "title": "Second", "level": 2},
        ],
    }
    assert data["chapters"][1]["sections"] == []


def test_toc_json_of_the_bundled_handbook_lists_every_section(
    handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "toc", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == handbook.title
    listed = [s["id"] for c in data["chapters"] for s in c["sections"]]
    expected = [s.id for s in handbook.sections() if s.level > 1]
    assert listed == expected
    for chapter in data["chapters"]:
        assert set(chapter) >= {"id", "title", "sections"}
        for section in chapter["sections"]:
            assert set(section) >= {"id", "title", "level"}
            assert section["level"] in (2, 3)


def test_toc_text_lists_chapters_and_sections_with_ids(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--handbook", str(small), "toc")
    assert code == 0
    assert "Alpha  [a]" in out
    assert "    A detail  [a/a-detail]" in out


def test_show_section_as_text(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--handbook", str(small), "show", "a/first-part")
    assert (code, out) == (0, "First part\nOne & two.\n")


def test_show_section_as_html(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "--handbook", str(small), "show", "a/a-detail", "--format", "html"
    )
    assert code == 0
    assert "<h3>A detail</h3>" in out
    assert '<a href="section:a/second">the second part</a>' in out


def test_show_chapter_id_gives_the_whole_chapter(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--handbook", str(small), "show", "a")
    assert code == 0
    assert out.splitlines()[:2] == ["Alpha", "Opening words."]
    assert "Three." in out


def test_show_of_a_bundled_section(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "how-it-works", "--format", "text")
    assert code == 0
    assert "lentivirus" in out.lower()


def test_show_unknown_id_is_one_line_on_stderr_and_exit_1(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--handbook", str(small), "show", "no/such-section")
    assert (code, out) == (1, "")
    assert err == f"{APP_ID}: no section 'no/such-section' (try: handbook-reader toc)\n"


@pytest.mark.parametrize("command", [["toc"], ["toc", "--json"], ["show", "a"], ["check"]])
def test_missing_handbook_folder_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    code, out, err = run_cli(capsys, "--handbook", str(missing), *command)
    assert (code, out) == (2, "")
    assert err == f"{APP_ID}: No handbook folder at {missing}\n"


def test_handbook_option_after_the_command_works(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "toc", "--json", "--handbook", str(small))
    assert code == 0
    assert json.loads(out)["title"] == "Small"


def test_version_names_the_app_and_the_handbook_edition(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--handbook", str(small), "--version")
    assert (code, out) == (0, f"{APP_ID} {__version__} (handbook: Small, Test edition, 2026)\n")


def test_python_m_reader_toc_json_runs_in_a_real_process(
    handbook: Handbook, user_home: Path
) -> None:
    result = run_reader("toc", "--json", home=user_home)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["title"] == handbook.title
    assert [c["id"] for c in data["chapters"]] == [c.id for c in handbook.chapters]


def test_python_m_reader_version_runs_in_a_real_process(user_home: Path) -> None:
    result = run_reader("--version", home=user_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{APP_ID} {__version__} (handbook: ")


# --- only the named sub-command's module is loaded -------------------------------------


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], None),
        (["--kiosk"], None),
        (["toc", "--json"], "toc"),
        (["--handbook", "toc", "show", "a"], "show"),  # a handbook folder called "toc"
        (["--hand", "toc", "show", "a"], "show"),  # argparse accepts the abbreviation
        (["--lang=es", "glossary", "gene"], "glossary"),
        (["--idle-timeout", "60", "search", "gene"], "search"),
        (["--", "toc"], None),
        (["nonsense"], None),
    ],
)
def test_the_named_sub_command_is_found_as_argparse_finds_it(
    argv: list[str], named: str | None
) -> None:
    from reader.cli import _named_command

    assert _named_command(argv) == named


def test_a_folder_named_like_a_command_still_reaches_the_right_command(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--handbook toc show …`: "toc" is the folder, `show` the command."""
    (tmp_path / "toc").symlink_to(small, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "--handbook", "toc", "show", "a/first-part")
    assert code == 0
    assert "One & two." in out


def test_opening_the_window_loads_no_sub_command_module(user_home: Path) -> None:
    """What the window's start pays for: parsing `handbook-reader` with no command
    imports none of the command modules (nor Markdown, which `glossary` needs)."""
    probe = (
        "import sys\n"
        "from reader.cli import parse_arguments\n"
        "args = parse_arguments(['--kiosk'])\n"
        "assert args.command is None and args.kiosk\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('reader.commands.'))\n"
        "print(loaded, 'markdown' in sys.modules)\n"
    )
    done = run_python(["-c", probe], home=user_home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] False"


def test_help_lists_every_command_with_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.commands import COMMANDS

    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    for name in COMMANDS:
        assert name in out
    assert "set the kiosk administrator PIN" in out
    code, out, _ = run_cli(capsys, "search", "--help")
    assert code == 0 and "--json" in out  # the named command's own arguments are there
