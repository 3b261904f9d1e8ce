"""`clinic`: which clinic file is used (or none, and where the reader looked), and the
details it gives, as text or JSON. The JSON keys are a contract for clinic IT's scripts:
path, chosen_by, looked, problem, language, fields, team, translations."""

from __future__ import annotations

import argparse

from reader.clinic.details import ClinicDetails, ClinicText
from reader.clinic.reading import ClinicSource, load_clinic
from reader.commands import clinic_source, print_json
from reader.terminal import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def _text_data(text: ClinicText) -> dict[str, object]:
    team = [{"name": member.name, "role": member.role} for member in text.team]
    return {"fields": dict(text.fields), "team": team}


def clinic_data(
    source: ClinicSource, details: ClinicDetails | None, problem: str
) -> dict[str, object]:
    """What `clinic --json` prints. Keys may be added, never renamed or dropped."""
    data: dict[str, object] = {
        "path": str(source.path) if source.path else None,
        "chosen_by": source.chosen_by,
        "looked": [str(path) for path in source.looked],
        "problem": problem,
        "language": details.language if details else None,
        "fields": {},
        "team": [],
        "translations": {},
    }
    if details is not None:
        data.update(_text_data(details.main))
        data["translations"] = {
            code: _text_data(text) for code, text in details.translations.items()
        }
    return data


def _print_text(source: ClinicSource, details: ClinicDetails | None, problem: str) -> None:
    if source.path is None:
        looked = ", ".join(str(path) for path in source.looked)
        print(for_terminal(f"No clinic file is used (looked in: {looked})"))
        return
    print(for_terminal(f"Clinic file: {source.path} (chosen by: {source.chosen_by})"))
    if details is None:
        print(for_terminal(problem))
        return
    for code, text in [("", details.main), *details.translations.items()]:
        prefix = f"[{code}] " if code else ""
        for key, value in text.fields.items():
            print(for_terminal(f"{prefix}{key}: {' '.join(value.split())}"))
        for member in text.team:
            print(for_terminal(f"{prefix}team: {member.line()}"))


def run(args: argparse.Namespace) -> int:
    source = clinic_source(args)
    details, problem = load_clinic(source)
    data = clinic_data(source, details, problem)
    if args.json:
        print_json(data)
    else:
        _print_text(source, details, problem)
    return 1 if problem else 0
