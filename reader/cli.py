"""The `handbook-reader` command line: global options, sub-commands, and the one place
that decides between the headless commands and the window.

The sub-commands, flags and JSON shapes are a public contract for scripts and clinic IT:
keys may be added, never renamed or dropped.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import NoReturn

from reader import APP_ID, __version__
from reader.commands import COMMANDS, CommandError, command_module, load_handbook_for
from reader.paths import bundled_handbook_dir
from reader.terminal import for_terminal


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    default = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--handbook",
        type=Path,
        metavar="PATH",
        default=default,
        help="handbook folder, mkdocs.yml or .handbook file to open (default: the bundled one)",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        default=default,
        help="language of the handbook and the interface: en or es",
    )


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line on stderr, like every other error (sub-commands too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (try: {self.prog} --help)\n")


# The global options that take a value: the word after them is never a sub-command.
_VALUE_OPTIONS = ("--handbook", "--lang", "--idle-timeout")


def build_parser(with_arguments: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line. Sub-commands outside `with_arguments` (default: all) are
    listed with their help but get none of their own arguments, so their modules are
    not imported: opening the window loads none of them."""
    parser = _Parser(
        prog=APP_ID,
        description="Read, search and print a family handbook, offline.",
    )
    _global_options(parser, defaults=True)
    parser.add_argument("--kiosk", action="store_true", help="run as a shared kiosk")
    parser.add_argument(
        "--idle-timeout",
        type=int,
        metavar="SECONDS",
        default=None,
        help="kiosk: seconds without input before the visit is reset (default 180)",
    )
    parser.add_argument("--version", action="store_true", help="show versions and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        _global_options(command, defaults=False)
        if with_arguments is None or name in with_arguments:
            command_module(name).add_arguments(command)
    return parser


def _named_command(argv: Sequence[str]) -> str | None:
    """The sub-command `argv` names, found the way argparse will find it: the first word
    that is not an option, nor the value of a global option (abbreviations included)."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return None
        if word.startswith("--") and "=" not in word:
            if any(option.startswith(word) for option in _VALUE_OPTIONS) and len(word) > 2:
                next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Parse with only the named sub-command's arguments loaded; should argparse read
    the words differently after all, parse again with every sub-command loaded."""
    named = _named_command(argv)
    args = build_parser([named] if named else []).parse_args(argv)
    if args.command != named:
        args = build_parser().parse_args(argv)
    return args


def version_text(handbook_dir: Path | None) -> str:
    """App version and the handbook's title and edition, one line."""
    text = f"{APP_ID} {__version__}"
    try:
        handbook = load_handbook_for(handbook_dir)
    except CommandError:
        return text
    edition = ", ".join(part for part in (handbook.edition, handbook.date) if part)
    about = f"{text} (handbook: {handbook.title}" + (f", {edition})" if edition else ")")
    return for_terminal(about)


def _printable_streams() -> None:
    """Characters the terminal's encoding lacks (an emoji under PYTHONIOENCODING=ascii)
    are printed as escapes instead of stopping the command half-way."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _printable_streams()
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(version_text(args.handbook))
        return 0
    try:
        if args.command is None:
            from reader.ui.startup import before_window_modules

            before_window_modules()  # before the window's modules load: see reader/ui/startup.py
            from reader.ui.app import run_app

            return run_app(args, args.handbook or bundled_handbook_dir())
        return int(command_module(args.command).run(args))
    except CommandError as error:
        print(f"{APP_ID}: {for_terminal(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: one line, never a traceback
        if os.environ.get("HANDBOOK_READER_DEBUG"):
            raise
        print(
            f"{APP_ID}: unexpected error: {error!r} (set HANDBOOK_READER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
