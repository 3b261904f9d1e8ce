"""The headless sub-commands. Each module has HELP, add_arguments(parser) and run(args).

Errors are `CommandError`s with a plain one-line message; cli.py prints them to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from reader.handbook import Handbook, HandbookError, load_handbook
from reader.paths import bundled_handbook_dir


class CommandError(Exception):
    """A failure to report as one line on stderr, with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def load_handbook_for(path: Path | None) -> Handbook:
    try:
        return load_handbook(path or bundled_handbook_dir())
    except HandbookError as error:
        raise CommandError(str(error), exit_code=2) from None
    except OSError as error:
        raise CommandError(f"cannot open the handbook: {error.strerror or error}", 2) from None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _modules() -> dict[str, ModuleType]:
    from reader.commands import check, export_pdf, glossary, kiosk_pin, search, show, toc

    return {
        "toc": toc,
        "show": show,
        "search": search,
        "glossary": glossary,
        "check": check,
        "export-pdf": export_pdf,
        "kiosk-pin": kiosk_pin,
    }


COMMANDS = _modules()
