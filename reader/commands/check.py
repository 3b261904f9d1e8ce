"""`check`: report what is wrong in a handbook folder, one `file:line: message` a line.

The problems go to stdout (so they can be piped or saved), followed by a summary line.
The exit code is 1 when anything was found and 0 when the handbook is clean, so a
build or a clinic's update script can stop on a broken handbook.
"""

from __future__ import annotations

import argparse

from reader.commands import load_handbook_for
from reader.terminal import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def run(args: argparse.Namespace) -> int:
    handbook = load_handbook_for(args.handbook, getattr(args, "lang", None))
    from reader.check import check_handbook, format_problems, translation_problems  # only here

    problems = check_handbook(handbook) + translation_problems(handbook.root)
    for line in format_problems(problems, handbook.root):
        print(for_terminal(line))  # file names and quoted entries are the handbook's
    from reader.commands.phrases import phrase

    words = handbook.language  # the summary is read beside the handbook's own words
    if problems:
        found = "{count} problem found" if len(problems) == 1 else "{count} problems found"
        print(phrase(words, found, count=len(problems)))
        return 1
    print(for_terminal(phrase(words, "No problems found in {title}", title=handbook.title)))
    return 0
