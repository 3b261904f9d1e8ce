"""`kiosk-pin`: set the kiosk administrator PIN; only its salted hash reaches the file."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from reader.commands import CommandError
from reader.kiosk.pin import PinError, check_pin_rules, set_admin_pin
from reader.kiosk.settings import SYSTEM_CONFIG, user_config_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=None,
        help=f"kiosk.toml to update (default: the user's; system-wide: {SYSTEM_CONFIG})",
    )


def _read_pin(prompt: str) -> str:
    """From the terminal without echo; from a pipe (scripts, tests) as one line."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise CommandError("no PIN given on standard input")
    return line.rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    path: Path = args.config or user_config_path()
    pin = _read_pin("New kiosk PIN (4-12 digits): ")
    try:
        check_pin_rules(pin)
    except PinError as error:
        raise CommandError(str(error)) from None
    if _read_pin("Type it again: ") != pin:
        raise CommandError("the two PINs are not the same; nothing was changed")
    try:
        set_admin_pin(path, pin)
    except OSError as error:
        raise CommandError(f"could not write {path}: {error.strerror or error}") from None
    print(
        f"PIN set in {path}.\n"
        "To leave the kiosk: press and hold the bottom-left corner of the screen for "
        "3 seconds (or press Ctrl+Alt+Shift+Q), then type the PIN."
    )
    return 0
