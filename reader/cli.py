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

from reader import APP_ID, __version__
from reader.cli_parser import LocalizedParser, interface_language, translation_for
from reader.commands import COMMANDS, CommandError, command_module, load_handbook_for
from reader.dates import edition_line
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
    parser.add_argument(
        "--clinic",
        type=Path,
        metavar="FILE",
        default=default,
        help="the clinic's own details (clinic.toml; default: the system's, then the user's)",
    )


# The global options that take a value: the word after them is never a sub-command.
_VALUE_OPTIONS = ("--handbook", "--lang", "--clinic", "--idle-timeout")


def build_parser(
    with_arguments: Collection[str] | None = None, language: str = "en"
) -> argparse.ArgumentParser:
    """The whole command line, its help and usage errors in `language`. Sub-commands
    outside `with_arguments` (default: all) are listed with their help but get none of
    their own arguments, so their modules are not imported: opening the window loads
    none of them."""
    translate = translation_for(language)
    parser = LocalizedParser(
        prog=APP_ID,
        description="Read, search and print a family handbook, offline.",
        translate=translate,
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
        command = sub.add_parser(name, help=help_text, description=help_text, translate=translate)
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


def parse_arguments(argv: Sequence[str], language: str = "en") -> argparse.Namespace:
    """Parse with only the named sub-command's arguments loaded; should argparse read
    the words differently after all, parse again with every sub-command loaded."""
    named = _named_command(argv)
    args = build_parser([named] if named else [], language).parse_args(argv)
    if args.command != named:
        args = build_parser(None, language).parse_args(argv)
    return args


def version_text(handbook_dir: Path | None, language: str | None = None) -> str:
    """App version and the handbook's title and edition, one line, in `language`."""
    text = f"{APP_ID} {__version__}"
    try:
        handbook = load_handbook_for(handbook_dir, language)
    except CommandError:
        return text
    edition = edition_line(handbook.edition, handbook.date, handbook.language, ", ")
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
    argv = sys.argv[1:] if argv is None else argv
    language = interface_language(argv)
    args = parse_arguments(argv, language)
    if args.version:
        print(version_text(args.handbook, args.lang))
        return 0
    try:
        if args.command is None:
            from reader.ui.startup import before_window_modules

            before_window_modules()  # before the window's modules load: see reader/ui/startup.py
            from reader.ui.app import run_app

            return run_app(args, args.handbook or bundled_handbook_dir())
        return int(command_module(args.command).run(args))
    except CommandError as error:
        from reader.commands.phrases import error_phrase

        message = error_phrase(language, str(error))
        print(f"{APP_ID}: {for_terminal(message)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: one line, never a traceback
        if os.environ.get("HANDBOOK_READER_DEBUG"):
            raise
        from reader.commands.phrases import phrase

        unexpected = "unexpected error: {error} (set HANDBOOK_READER_DEBUG=1 for details)"
        print(f"{APP_ID}: {phrase(language, unexpected, error=repr(error))}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
