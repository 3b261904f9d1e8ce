"""The headless sub-commands. Each module has add_arguments(parser) and run(args); their
names and one-line help live here, so the window (and `--help`) never imports them.

Errors are `CommandError`s with a plain one-line message; cli.py prints them to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from reader import APP_ID
from reader.handbook import Handbook, HandbookError
from reader.paths import bundled_handbook_dir
from reader.terminal import for_terminal

if TYPE_CHECKING:
    from reader.clinic.reading import ClinicSource


class CommandError(Exception):
    """A failure to report as one line on stderr, with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def load_handbook_for(path: Path | None, language: str | None = None) -> Handbook:
    """The handbook folder in `language` (its main language when None or not held)."""
    from reader.handbook.languages import load_handbook_in

    try:
        return load_handbook_in(path or bundled_handbook_dir(), language)
    except HandbookError as error:
        raise CommandError(str(error), exit_code=2) from None
    except OSError as error:
        raise CommandError(f"cannot open the handbook: {error.strerror or error}", 2) from None


def clinic_source(args: argparse.Namespace) -> ClinicSource:
    """The clinic file the command line, a kiosk's settings (when the kiosk is on), the
    system or the user names: the same one the window uses."""
    from reader.clinic.reading import find_clinic_file
    from reader.kiosk.settings import load_kiosk_config

    kiosk = load_kiosk_config()
    return find_clinic_file(getattr(args, "clinic", None), kiosk.clinic if kiosk.enabled else None)


def handbook_for(args: argparse.Namespace) -> Handbook:
    """The handbook the command line names (`--handbook`, `--lang`), with the clinic's
    details (`--clinic FILE`, else /etc/handbook-reader/clinic.toml, else the user's
    config folder). A clinic file that cannot be used costs one line on stderr, never
    the command."""
    from reader.clinic.apply import load_handbook_with_clinic
    from reader.clinic.reading import load_clinic

    details, problem = load_clinic(clinic_source(args))
    if problem:
        print(f"{APP_ID}: {for_terminal(problem)}", file=sys.stderr)
    path = getattr(args, "handbook", None) or bundled_handbook_dir()
    try:
        return load_handbook_with_clinic(path, getattr(args, "lang", None), details)
    except HandbookError as error:
        raise CommandError(str(error), exit_code=2) from None
    except OSError as error:
        raise CommandError(f"cannot open the handbook: {error.strerror or error}", 2) from None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# name: (module under reader.commands, one-line help). Order is the order in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "toc": ("toc", "list the chapters and sections"),
    "show": ("show", "print one section (or a whole chapter) as text or HTML"),
    "search": ("search", "search the handbook (misspellings and British spellings are fine)"),
    "glossary": ("glossary", "explain the hard words: the whole glossary, or one term"),
    "check": (
        "check",
        "check a handbook folder for broken links, missing pictures and unsafe HTML",
    ),
    "pack": (
        "pack",
        "pack a handbook folder into one .handbook file the reader opens as it is",
    ),
    "pack-key": (
        "pack_key",
        "make a private key for signing .handbook files (`pack --sign`), and show its public key",
    ),
    "export-pdf": ("export_pdf", "save the handbook, a chapter or chosen sections as a PDF"),
    "read-aloud": (
        "read_aloud",
        "speak a section into a WAV file (with --json: the sentence timings)",
    ),
    "clinic": (
        "clinic",
        "show which clinic file is used (clinic.toml) and the details it gives",
    ),
    "kiosk-pin": (
        "kiosk_pin",
        "set the kiosk administrator PIN (stored as a salted hash, never as the PIN)",
    ),
}


def command_module(name: str) -> ModuleType:
    """The module that implements sub-command `name`, imported on first use."""
    return importlib.import_module(f"reader.commands.{COMMANDS[name][0]}")
