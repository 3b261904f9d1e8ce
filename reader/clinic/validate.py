"""A clinic file's TOML data to `ClinicDetails`, with every problem a person should fix
as a `file:line` Problem: unknown keys, wrong types, a phone with no digits, a missing
clinic name, a field over its length cap (cut to the cap and used).

Reading and `check --clinic` share this, so what `check` calls a problem is exactly
what the reader leaves out or cuts.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.clinic.details import (
    LANGUAGE_TABLES,
    MAX_FIELD_CHARS,
    MAX_NOTES_CHARS,
    MAX_TEAM,
    MAX_TEAM_TEXT,
    PHONE_FIELDS,
    TEXT_FIELDS,
    ClinicDetails,
    ClinicText,
    TeamMember,
)
from reader.problems import Problem

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Lines:
    """The line that sets each key, top level or inside a `[table]`, found in one pass."""

    def __init__(self, text: str) -> None:
        self._lines: dict[tuple[str, str], int] = {}
        table = ""
        for number, row in enumerate(text.splitlines(), 1):
            stripped = row.strip()
            if stripped.startswith("["):
                table = stripped.strip("[] ").split(".")[0].strip()
                self._lines.setdefault(("", table), number)
                continue
            key = stripped.split("=", 1)[0].strip().strip("\"'")
            if "=" in stripped and key:
                self._lines.setdefault((table, key), number)

    def of(self, key: str, table: str = "") -> int:
        return self._lines.get((table, key)) or self._lines.get(("", table or key)) or 1


def _clean(value: str, cap: int) -> str:
    """Control characters (escape sequences, direction overrides) out, cut to `cap`."""
    return _CONTROL.sub("", value.replace("\r\n", "\n"))[:cap].strip()


def _text_fields(
    data: dict[str, object], table: str, lines: _Lines, path: Path, problems: list[Problem]
) -> ClinicText:
    fields: dict[str, str] = {}
    team: tuple[TeamMember, ...] = ()
    for key, value in data.items():
        line = lines.of(key, table)
        shown = f"{table}.{key}" if table else key
        if key == "team":
            team = _team(value, shown, line, path, problems)
        elif key not in TEXT_FIELDS:
            if not (table == "" and (key in LANGUAGE_TABLES or key == "language")):
                problems.append(Problem(path, line, f"unknown key '{shown}' (ignored)"))
        elif not isinstance(value, str):
            problems.append(Problem(path, line, f"'{shown}' must be text in quotes (ignored)"))
        else:
            cap = MAX_NOTES_CHARS if key == "notes" else MAX_FIELD_CHARS
            if len(value) > cap:
                problems.append(Problem(path, line, f"'{shown}' is longer than {cap} characters"))
            if key in PHONE_FIELDS and not any(c.isdigit() for c in value):
                problems.append(Problem(path, line, f"'{shown}' has no digits in it"))
            if cleaned := _clean(value, cap):
                fields[key] = cleaned
    return ClinicText(fields, team)


def _team(
    value: object, shown: str, line: int, path: Path, problems: list[Problem]
) -> tuple[TeamMember, ...]:
    """`team = [{ name = "...", role = "..." }, ...]` or `[[team]]` tables; a plain
    string is a name with no role."""
    if not isinstance(value, list):
        problems.append(Problem(path, line, f"'{shown}' must be a list of people"))
        return ()
    if len(value) > MAX_TEAM:
        problems.append(Problem(path, line, f"'{shown}' lists more than {MAX_TEAM} people"))
    members: list[TeamMember] = []
    for entry in value[:MAX_TEAM]:
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(Problem(path, line, f"each of '{shown}' needs a name in quotes"))
            continue
        for extra in set(entry) - {"name", "role"}:
            problems.append(Problem(path, line, f"unknown key '{extra}' in '{shown}' (ignored)"))
        role = entry.get("role", "")
        name = _clean(entry["name"], MAX_TEAM_TEXT)
        if name:
            members.append(
                TeamMember(name, _clean(role, MAX_TEAM_TEXT) if isinstance(role, str) else "")
            )
    return tuple(members)


def details_from_data(
    data: dict[str, object], text: str, path: Path
) -> tuple[ClinicDetails, list[Problem]]:
    """The details the data gives, and the problems found on the way."""
    lines = _Lines(text)
    problems: list[Problem] = []
    language = data.get("language", "en")
    if language not in LANGUAGE_TABLES:
        problems.append(Problem(path, lines.of("language"), '\'language\' must be "en" or "es"'))
        language = "en"
    main = _text_fields(data, "", lines, path, problems)
    translations: dict[str, ClinicText] = {}
    for code in LANGUAGE_TABLES:
        table = data.get(code)
        if table is None:
            continue
        if not isinstance(table, dict):
            problems.append(Problem(path, lines.of(code), f"'{code}' must be a [{code}] table"))
            continue
        translations[code] = _text_fields(table, code, lines, path, problems)
    if not main.fields.get("name"):
        problems.append(Problem(path, 1, "the clinic's 'name' is missing"))
    details = ClinicDetails(path, str(language), main, translations)
    return details, problems


def clinic_problems(path: Path) -> list[Problem]:
    """Everything wrong in a clinic file, for `check --clinic FILE`."""
    from reader.clinic.reading import ClinicError, parse_toml, read_clinic_text

    try:
        text = read_clinic_text(path)
        found = details_from_data(parse_toml(text, path), text, path)[1]
        return sorted(found, key=lambda problem: problem.line)
    except ClinicError as error:
        return [Problem(path, error.line or 1, error.reason)]
