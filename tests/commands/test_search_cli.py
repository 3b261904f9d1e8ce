"""`handbook-reader search`: the public JSON shape, the text output, and a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.paths import UserDirs
from reader.search.index import INDEX_FOLDER
from tests.conftest import WriteHandbook

REPO = Path(__file__).resolve().parents[2]

CHAPTER = """# Treatments

## Cancer risk

A few children developed leukemia years later.

## Editing

CRISPR tools cut the DNA at one place.
"""
GLOSSARY = """
[[terms]]
term = "Leukemia"
aliases = ["leukaemia"]
definition = "A cancer of the blood-forming cells."
"""


@pytest.fixture
def small_dir(write_handbook: WriteHandbook) -> Path:
    return write_handbook({"treatments.md": CHAPTER, "glossary.toml": GLOSSARY})


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def test_json_has_the_public_shape(capsys: pytest.CaptureFixture[str], small_dir: Path) -> None:
    data = run_json(capsys, "--handbook", str(small_dir), "search", "leukemai", "--json")
    assert {"query", "suggestion", "results"} <= data.keys()
    assert data["query"] == "leukemai"
    assert data["suggestion"] == "leukemia"
    results = data["results"]
    assert isinstance(results, list) and results
    for result in results:
        assert {"id", "chapter", "title", "snippet", "score", "kind"} <= result.keys()
        assert result["kind"] in ("section", "glossary")
        assert isinstance(result["score"], float)
    by_id = {r["id"]: r for r in results}
    assert by_id["treatments/cancer-risk"]["chapter"] == "Treatments"
    assert by_id["treatments/cancer-risk"]["title"] == "Cancer risk"
    assert '<b class="match">leukemia</b>' in by_id["treatments/cancer-risk"]["snippet"]
    assert by_id["glossary/leukemia"]["kind"] == "glossary"


def test_json_suggestion_is_null_when_spelled_right(
    capsys: pytest.CaptureFixture[str], small_dir: Path
) -> None:
    data = run_json(capsys, "--handbook", str(small_dir), "search", "crispr", "--json")
    assert data["suggestion"] is None
    results = data["results"]
    assert isinstance(results, list)
    assert [r["id"] for r in results] == ["treatments/editing"]


def test_limit_caps_results(capsys: pytest.CaptureFixture[str], small_dir: Path) -> None:
    data = run_json(
        capsys, "--handbook", str(small_dir), "search", "leukemia", "--limit", "1", "--json"
    )
    assert len(data["results"]) == 1  # type: ignore[arg-type]


def test_text_output_lists_places_and_suggests(
    capsys: pytest.CaptureFixture[str], small_dir: Path
) -> None:
    assert main(["--handbook", str(small_dir), "search", "leukemai"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Did you mean: leukemia"
    assert "Treatments > Cancer risk [treatments/cancer-risk]" in out
    assert "developed leukemia years later" in out
    assert "<b" not in out


def test_query_words_may_come_unquoted(capsys: pytest.CaptureFixture[str], small_dir: Path) -> None:
    data = run_json(capsys, "--handbook", str(small_dir), "search", "children", "years", "--json")
    assert data["query"] == "children years"


def test_no_results_is_a_plain_message_and_success(
    capsys: pytest.CaptureFixture[str], small_dir: Path
) -> None:
    assert main(["--handbook", str(small_dir), "search", "zebrafish"]) == 0
    assert capsys.readouterr().out.startswith("No results for 'zebrafish'")


def test_bad_limit_is_a_clear_error(capsys: pytest.CaptureFixture[str], small_dir: Path) -> None:
    assert main(["--handbook", str(small_dir), "search", "gene", "--limit", "0"]) == 2
    assert "--limit must be 1 or more" in capsys.readouterr().err


def test_index_is_kept_in_the_user_cache(
    capsys: pytest.CaptureFixture[str], small_dir: Path, user_dirs: UserDirs
) -> None:
    run_json(capsys, "--handbook", str(small_dir), "search", "gene", "--json")
    folders = list((user_dirs.cache / INDEX_FOLDER).iterdir())
    assert len(folders) == 1
    run_json(capsys, "--handbook", str(small_dir), "search", "gene", "--json")
    assert list((user_dirs.cache / INDEX_FOLDER).iterdir()) == folders


def test_real_process_prints_json_for_the_bundled_handbook(user_home: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "reader", "search", "gene", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    data = json.loads(completed.stdout)
    assert data["query"] == "gene"
    assert data["suggestion"] is None
    assert data["results"]
    assert all(r["kind"] in ("section", "glossary") for r in data["results"])
    assert (user_home / "cache" / INDEX_FOLDER).is_dir()
