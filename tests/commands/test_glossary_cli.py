"""`handbook-reader glossary [TERM] [--json]`: the public command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from tests.conftest import WriteHandbook

LONG_DEFINITION = (
    "A problem after a donor transplant in which the new cells attack the body of the"
    " person who received them. It can be serious."
)
GLOSSARY = f"""
[[terms]]
term = "Graft-versus-host disease"
aliases = ["GVHD"]
definition = "{LONG_DEFINITION}"
see_also = ["Episome"]

[[terms]]
term = "Episome"
aliases = ["episomes"]
definition = "A tiny circle of DNA."

[[terms]]
term = "Lentivirus vector"
aliases = ["lentivirus"]
definition = "A kind of viral vector."
"""

CHAPTER = "# Basics\n\nIntro about GVHD.\n\n## Vectors\n\nA lentivirus and two episomes.\n"


@pytest.fixture
def small(write_handbook: WriteHandbook) -> Path:
    return write_handbook({"chapters/basics.md": CHAPTER, "glossary.toml": GLOSSARY})


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_every_term_with_its_sections(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(capsys, "--handbook", str(small), "glossary")
    assert list(data) == ["terms", "lang"]  # keys are only ever added (the JSON contract)
    terms = data["terms"]
    assert isinstance(terms, list)
    assert [t["term"] for t in terms] == [
        "Episome",
        "Graft-versus-host disease",
        "Lentivirus vector",
    ]
    gvhd = terms[1]
    assert {"term", "aliases", "definition", "see_also", "sections"} <= set(gvhd)
    assert gvhd["aliases"] == ["GVHD"]
    assert gvhd["see_also"] == ["Episome"]
    assert gvhd["sections"] == ["basics"]
    assert terms[0]["sections"] == ["basics/vectors"]


def test_one_term_by_alias_in_any_case(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--handbook", str(small), "glossary", "gvhd")
    assert [t["term"] for t in data["terms"]] == ["Graft-versus-host disease"]


def test_text_entry_is_readable(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--handbook", str(small), "glossary", "GVHD"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "GVHD — Graft-versus-host disease"
    assert all(len(line) <= 78 for line in lines if "[" not in line)
    assert "It can be serious." in out
    assert "See also: Episome" in out
    assert "Appears in:" in out and "Basics  [basics]" in out


def test_whole_glossary_as_text_separates_entries(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--handbook", str(small), "glossary"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n\n") == 2
    assert "Basics › Vectors  [basics/vectors]" in out


def test_unknown_term_suggests_close_matches(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--handbook", str(small), "glossary", "lentivrus"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no glossary term 'lentivrus'" in captured.err
    assert "Did you mean: Lentivirus vector?" in captured.err
    assert "Traceback" not in captured.err


def test_unknown_term_without_close_match_says_how_to_list(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--handbook", str(small), "glossary", "zebra"]) == 1
    assert "handbook-reader glossary" in capsys.readouterr().err


def test_handbook_without_glossary(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_handbook({"a.md": "# A\n\nText."})
    assert main(["--handbook", str(root), "glossary", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"terms": [], "lang": "en"}
    assert main(["--handbook", str(root), "glossary", "gene"]) == 1
    assert "this handbook has no glossary" in capsys.readouterr().err


def test_real_handbook_gvhd_entry_lists_reading_sections(
    capsys: pytest.CaptureFixture[str], handbook_dir: Path
) -> None:
    data = run_json(capsys, "--handbook", str(handbook_dir), "glossary", "GVHD")
    (entry,) = data["terms"]
    assert entry["term"] == "Graft-versus-host disease"
    assert entry["sections"]
    assert not any(s.startswith("glossary") for s in entry["sections"])


def test_real_subprocess_prints_json(handbook_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "glossary", "episome", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)["terms"]
    assert entry["term"] == "Episome"
    assert entry["sections"]


def test_real_subprocess_unknown_term_exits_1() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "glossary", "episom"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Did you mean: Episome" in result.stderr
