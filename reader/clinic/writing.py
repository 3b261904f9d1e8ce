"""Saving a clinic's details as clinic.toml, for the clinic nurse's form.

Written through a temporary file and a rename (a reader sees the old file or the new
one), never through a link, and never into a handbook folder: the clinic's details
must outlive the next edition of the handbook, which replaces that folder whole.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.clinic.details import LANGUAGE_TABLES, TEXT_FIELDS, ClinicDetails, ClinicText
from reader.clinic.reading import CLINIC_FILE_NAME, ClinicError, ClinicSource
from reader.paths import UserDirs, bundled_handbook_dir
from reader.storage import write_text_atomically


def _string(value: str) -> str:
    """A TOML string: multi-line literal for notes that allow it, else a basic string
    (JSON's escapes are TOML's)."""
    readable = all(c == "\n" or c.isprintable() for c in value)
    if "\n" in value and readable and "'''" not in value and not value.endswith("'"):
        return "'''\n" + value + "'''"
    return json.dumps(value, ensure_ascii=False)


def _text_rows(text: ClinicText, table: str) -> list[str]:
    rows = [f"{key} = {_string(text.fields[key])}" for key in TEXT_FIELDS if key in text.fields]
    for member in text.team:
        rows += ["", f"[[{table + '.' if table else ''}team]]", f"name = {_string(member.name)}"]
        if member.role:
            rows.append(f"role = {_string(member.role)}")
    return rows


def clinic_toml(details: ClinicDetails) -> str:
    """The details as clinic.toml text, in the documented keys."""
    rows = ["# The clinic's own details for Handbook Reader (see handbook/README.md).", ""]
    if details.language != "en":
        rows.append(f"language = {_string(details.language)}")
    main = ClinicText(details.main.fields, ())
    rows += _text_rows(main, "")
    for code in LANGUAGE_TABLES:
        text = details.translations.get(code)
        if text is not None and (text.fields or text.team):
            rows += ["", f"[{code}]", *_text_rows(ClinicText(text.fields, ()), code)]
    # arrays of tables last, so no key after them lands inside one
    rows += _text_rows(ClinicText({}, details.main.team), "")
    for code in LANGUAGE_TABLES:
        text = details.translations.get(code)
        if text is not None and text.team:
            rows += _text_rows(ClinicText({}, text.team), code)
    return "\n".join(rows) + "\n"


def save_target(source: ClinicSource, dirs: UserDirs | None = None) -> Path:
    """Where the form saves: the file in use when it can be written, else the user's
    config folder's clinic.toml."""
    if source.path is not None and os.access(source.path, os.W_OK) and source.path.is_file():
        return source.path
    return (dirs or UserDirs.default()).config / CLINIC_FILE_NAME


def save_clinic(details: ClinicDetails, target: Path, handbook_root: Path | None = None) -> Path:
    """Write the details to `target` atomically; the path written. Raises ClinicError
    for a link, a handbook folder or a failed write, with the reason in one line."""
    target = Path(target)
    if target.is_symlink():
        raise ClinicError(target, "is a link; save the details to a plain file")
    real = Path(os.path.realpath(target.parent)) / target.name
    for folder in (bundled_handbook_dir(), handbook_root):
        if folder is not None and real.is_relative_to(Path(os.path.realpath(folder))):
            raise ClinicError(target, "is inside a handbook; a new edition would replace it")
    try:
        write_text_atomically(target, clinic_toml(details))
    except OSError as error:
        raise ClinicError(target, f"cannot be saved ({error.strerror or error})") from None
    return target
