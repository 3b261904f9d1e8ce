"""`check`: report what is wrong in a handbook folder, one `file:line: message` a line.

The problems go to stdout (so they can be piped or saved), followed by a summary line.
The exit code is 1 when anything was found and 0 when the handbook is clean, so a
build or a clinic's update script can stop on a broken handbook. With `--clinic FILE`
it checks that clinic file instead, the same way.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.commands import load_handbook_for
from reader.problems import Problem
from reader.terminal import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def run(args: argparse.Namespace) -> int:
    if getattr(args, "clinic", None) is not None:
        from reader.clinic.validate import clinic_problems

        path = Path(args.clinic)
        return _report(clinic_problems(path), None, args.lang or "en", str(path))
    handbook = load_handbook_for(args.handbook, getattr(args, "lang", None))
    from reader.check import check_handbook, translation_problems  # only `check` needs it

    problems = check_handbook(handbook) + translation_problems(handbook.root)
    # the summary is read beside the handbook's own words
    return _report(problems, handbook.root, handbook.language, handbook.title)


def _report(problems: list[Problem], root: Path | None, words: str, title: str) -> int:
    from reader.check import format_problems
    from reader.commands.phrases import phrase

    for line in format_problems(problems, root) if root else (p.format() for p in problems):
        print(for_terminal(line))  # file names and quoted entries are the handbook's
    if problems:
        found = "{count} problem found" if len(problems) == 1 else "{count} problems found"
        print(phrase(words, found, count=len(problems)))
        return 1
    print(for_terminal(phrase(words, "No problems found in {title}", title=title)))
    return 0
