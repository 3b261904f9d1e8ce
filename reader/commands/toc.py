"""`toc`: the handbook's chapters and sections, as text or JSON."""

from __future__ import annotations

import argparse

from reader.commands import load_handbook_for, print_json
from reader.handbook import Handbook


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def toc_data(handbook: Handbook) -> dict[str, object]:
    return {
        "title": handbook.title,
        "subtitle": handbook.subtitle,
        "edition": handbook.edition,
        "language": handbook.language,
        "lang": handbook.language,
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
    handbook = load_handbook_for(args.handbook, getattr(args, "lang", None))
    if args.json:
        print_json(toc_data(handbook))
        return 0
    print(handbook.title)
    for chapter in handbook.chapters:
        print(f"\n{chapter.title}  [{chapter.id}]")
        for section in chapter.sections[1:]:
            indent = "  " * (section.level - 1)
            print(f"{indent}{section.title}  [{section.id}]")
    return 0
