"""Finding and reading clinic.toml, which is untrusted input like any handbook file.

The file is looked for in one order (the first found wins): `--clinic FILE`, the kiosk
settings' `clinic = "/path"`, the system-wide /etc/handbook-reader/clinic.toml, then
the user's config folder. It is read only if it is a plain file (never through a link:
a link to /etc/passwd would print a system file on a family's packet) no larger than
MAX_FILE_BYTES, checked before a byte is read. A file that cannot be read gives one
`ClinicError` line, and the app goes on without clinic details.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reader.clinic.details import MAX_FILE_BYTES, ClinicDetails
from reader.paths import UserDirs

CLINIC_FILE_NAME = "clinic.toml"
SYSTEM_CLINIC_FILE = Path("/etc/handbook-reader") / CLINIC_FILE_NAME


class ClinicError(Exception):
    """The clinic file cannot be used at all: one plain line, with its line if known."""

    def __init__(self, path: Path, message: str, line: int = 0) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"clinic file {where}: {message}")
        self.path = path
        self.line = line
        self.reason = message


@dataclass(frozen=True)
class ClinicSource:
    """Which clinic file is used (None: none), how it was chosen, and where the reader
    looked, in order: what `handbook-reader clinic` reports."""

    path: Path | None
    chosen_by: str
    looked: tuple[Path, ...]


def find_clinic_file(
    explicit: Path | None = None,
    configured: Path | None = None,
    dirs: UserDirs | None = None,
    system_file: Path = SYSTEM_CLINIC_FILE,
) -> ClinicSource:
    """The clinic file to use. A file named on the command line or in the kiosk settings
    is used even when missing, so the mistake is reported rather than another file
    quietly read instead."""
    user_file = (dirs or UserDirs.default()).config / CLINIC_FILE_NAME
    if explicit is not None:
        return ClinicSource(Path(explicit), "--clinic", (Path(explicit),))
    if configured is not None:
        return ClinicSource(Path(configured), "kiosk settings", (Path(configured),))
    looked = (system_file, user_file)
    for path, chosen_by in ((system_file, "system"), (user_file, "user")):
        if os.path.lexists(path):
            return ClinicSource(path, chosen_by, looked)
    return ClinicSource(None, "none", looked)


def read_clinic_text(path: Path) -> str:
    """The file's text, if it is a plain file within the size cap (decided from its
    size before reading, and the read itself stops at the cap)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        raise ClinicError(path, "not found") from None
    except OSError as error:
        raise ClinicError(path, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISLNK(status.st_mode):
        raise ClinicError(path, "is a link; a clinic file must be a plain file")
    if not stat.S_ISREG(status.st_mode):
        raise ClinicError(path, "is not a plain file")
    if status.st_size > MAX_FILE_BYTES:
        raise ClinicError(path, f"is larger than {MAX_FILE_BYTES // 1024} KB")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise ClinicError(path, f"cannot be read ({error.strerror or error})") from None
    with os.fdopen(descriptor, "rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # it grew after the size was checked
        raise ClinicError(path, f"is larger than {MAX_FILE_BYTES // 1024} KB")
    try:
        return data.decode("utf-8-sig")  # Notepad's BOM is not a key
    except UnicodeDecodeError:
        raise ClinicError(path, "is not UTF-8 text") from None


def parse_toml(text: str, path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = getattr(error, "lineno", 0) or (int(found.group(1)) if found else 0)
        reason = str(error).split(" (at ")[0]
        raise ClinicError(path, f"is not valid TOML: {reason}", line) from None


def read_clinic(path: Path) -> ClinicDetails:
    """The details in a clinic file; problems a person should fix (unknown keys, a
    phone with no digits) are left to `check --clinic`, and what is sound is used."""
    from reader.clinic.validate import details_from_data

    text = read_clinic_text(path)
    return details_from_data(parse_toml(text, path), text, path)[0]


def load_clinic(source: ClinicSource) -> tuple[ClinicDetails | None, str]:
    """The details of the file `source` names, or None and the one line that says why
    not ("" when no file was found at all)."""
    if source.path is None:
        return None, ""
    try:
        return read_clinic(source.path), ""
    except ClinicError as error:
        return None, f"{error}; going on without clinic details"
