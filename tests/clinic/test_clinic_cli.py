"""The clinic file on the command line: "Your care team" first, the handbook's
placeholders filled in (or the write-in line without a file), Spanish fields with
`--lang es`, `clinic --json`, and `check --clinic FILE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clinic.support import (
    CLINIC_NAME,
    PHONE_24H,
    SPANISH_EMERGENCY,
    SPANISH_NAME,
    write_clinic,
)
from tests.support import run_cli


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    return write_clinic(tmp_path / "clinic")


def test_toc_lists_your_care_team_first(clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--clinic", str(clinic), "toc", "--json")
    assert code == 0, err
    chapters = json.loads(out)["chapters"]
    assert (chapters[0]["id"], chapters[0]["title"]) == ("care-team", "Your care team")
    assert chapters[1]["id"] == "about-this-handbook"


def test_a_section_naming_the_24_hour_number_shows_the_clinics(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--clinic", str(clinic), "show", "when-to-call")
    assert code == 0
    assert f"Our 24-hour number: {PHONE_24H}" in out
    assert f"Our hospital or clinic: {CLINIC_NAME}" in out
    assert "ask your team" not in out.split("Our 24-hour number")[1].splitlines()[0]


def test_without_a_clinic_file_the_write_in_line_shows_and_clinic_says_where_it_looked(
    user_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "show", "when-to-call/your-numbers")
    assert (code, err) == (0, "")
    assert "Our 24-hour number: ____________ (ask your team)" in out
    code, out, _ = run_cli(capsys, "toc", "--json")
    assert json.loads(out)["chapters"][0]["id"] == "about-this-handbook"  # no blank page first
    code, out, _ = run_cli(capsys, "clinic")
    assert code == 0
    assert out.startswith("No clinic file is used (looked in: /etc/handbook-reader/clinic.toml")
    assert str(user_home / "config" / "clinic.toml") in out


def test_the_users_config_folder_clinic_file_is_found(
    user_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_clinic(user_home / "config")
    code, out, _ = run_cli(capsys, "clinic", "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["chosen_by"], data["fields"]["name"]) == ("user", CLINIC_NAME)
    assert data["path"] == str(user_home / "config" / "clinic.toml")


def test_lang_es_shows_the_spanish_fields_and_notes_the_english_ones(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "--clinic", str(clinic), "show", "care-team")
    assert code == 0
    assert "Su equipo de atención" in out
    assert SPANISH_NAME in out and SPANISH_EMERGENCY in out
    assert "Aún no se ha dado en español: se muestra en inglés" in out
    assert PHONE_24H in out  # a number needs no translation
    code, out, _ = run_cli(capsys, "--lang", "es", "--clinic", str(clinic), "show", "when-to-call")
    assert SPANISH_NAME in out


def test_clinic_json_says_which_file_and_where_it_looked(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "clinic", "--clinic", str(clinic), "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"path", "chosen_by", "looked", "problem", "fields", "team"}
    assert (data["path"], data["chosen_by"]) == (str(clinic), "--clinic")
    assert data["team"][0] == {"name": "Dr Ana Ruiz", "role": "Consultant"}
    assert data["translations"]["es"]["fields"]["name"] == SPANISH_NAME
    code, out, _ = run_cli(capsys, "clinic", "--json")
    assert json.loads(out)["path"] is None and code == 0


def test_check_clinic_names_each_problem_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = 'phone_24h = "ask at reception"\nwebsite = "x"\n\n[es]\nnombre = "y"\n'
    path = write_clinic(tmp_path, text)
    code, out, _ = run_cli(capsys, "check", "--clinic", str(path))
    assert code == 1
    assert f"{path}:1: the clinic's 'name' is missing" in out
    assert f"{path}:1: 'phone_24h' has no digits in it" in out
    assert f"{path}:2: unknown key 'website' (ignored)" in out
    assert f"{path}:5: unknown key 'es.nombre' (ignored)" in out
    assert "4 problems found" in out


def test_check_clinic_passes_a_sound_file(clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "--clinic", str(clinic))
    assert code == 0 and "No problems found" in out


def test_search_finds_the_clinics_words(clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--clinic", str(clinic), "search", "Praed", "--json")
    assert code == 0
    assert "care-team/who-to-call" in [hit["id"] for hit in json.loads(out)["results"]]
