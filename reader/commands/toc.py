"""`toc`: the handbook's chapters and sections, as text or JSON. In text, chapters stand
under the nav sections (MkDocs) that hold them, indented a step for each. Titles come
from the handbook, so text lines are printed `for_terminal`: no escape sequences."""

from __future__ import annotations

import argparse

from reader.commands import handbook_for, print_json
from reader.handbook import Handbook
from reader.handbook.trust import signature_of
from reader.terminal import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def toc_data(handbook: Handbook) -> dict[str, object]:
    return {
        "title": handbook.title,
        "subtitle": handbook.subtitle,
        "edition": handbook.edition,
        "language": handbook.language,
        "lang": handbook.language,
        "signature": signature_of(handbook.root).to_json(),  # who made a .handbook file
        "chapters": [
            {
                "id": chapter.id,
                "title": chapter.title,
                "part": list(chapter.part),
                "sections": [
                    {"id": s.id, "title": s.title, "level": s.level}
                    for s in chapter.sections
                    if s.level > 1
                ],
            }
            for chapter in handbook.chapters
        ],
    }


def run(args: argparse.Namespace) -> int:
    handbook = handbook_for(args)
    if args.json:
        print_json(toc_data(handbook))
        return 0
    print(for_terminal(handbook.title))
    part: tuple[str, ...] = ()
    for chapter in handbook.chapters:
        shared = _shared_length(part, chapter.part)
        part = chapter.part
        for depth in range(shared, len(part)):  # the nav sections this chapter opens
            print(f"\n{'  ' * depth}{for_terminal(part[depth])}")
        margin = "  " * len(part)
        print(f"\n{margin}{for_terminal(f'{chapter.title}  [{chapter.id}]')}")
        for section in chapter.sections[1:]:
            indent = "  " * (section.level - 1)
            print(for_terminal(f"{margin}{indent}{section.title}  [{section.id}]"))
    return 0


def _shared_length(one: tuple[str, ...], other: tuple[str, ...]) -> int:
    """How many nav sections, from the outermost, two chapters share."""
    shared = 0
    for mine, theirs in zip(one, other, strict=False):
        if mine != theirs:
            break
        shared += 1
    return shared
