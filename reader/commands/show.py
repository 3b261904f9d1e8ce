"""`show SECTION_ID`: one section (or a whole chapter, by its id) as text or HTML, with
no escape sequence or control character of the handbook's reaching the terminal."""

from __future__ import annotations

import argparse

from reader.commands import CommandError, handbook_for
from reader.content.html_text import html_to_text
from reader.content.render import LinkContext, markdown_to_html
from reader.handbook import Handbook
from reader.terminal import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("section_id", metavar="SECTION_ID", help="for example how-it-works")
    parser.add_argument("--format", choices=("text", "html"), default="text")


def section_html(handbook: Handbook, section_id: str) -> str:
    """The section with its heading; a chapter id gives the whole chapter."""
    chapter = handbook.chapter(section_id)
    section = handbook.section(section_id)
    if section is None:
        raise CommandError(f"no section '{section_id}' (try: handbook-reader toc)")
    owner = handbook.chapter(section.chapter_id)
    assert owner is not None
    context = LinkContext.for_chapter(handbook, owner)
    if chapter is not None:
        return markdown_to_html(chapter.markdown, context)
    heading = f"{'#' * section.level} {section.title}\n\n"
    return markdown_to_html(heading + section.markdown, context)


def run(args: argparse.Namespace) -> int:
    handbook = handbook_for(args)
    html = section_html(handbook, args.section_id)
    print(for_terminal(html if args.format == "html" else html_to_text(html), lines=True))
    return 0
