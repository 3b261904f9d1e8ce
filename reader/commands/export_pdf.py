"""`export-pdf OUT.pdf`: the whole handbook, a chapter or a take-home packet as a PDF."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.commands import CommandError, handbook_for


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT.pdf", help="the PDF file to write")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument(
        "--all", action="store_true", help="the whole handbook with its glossary (default)"
    )
    scope.add_argument("--chapter", metavar="ID", help="one chapter, by its id (see: toc)")
    scope.add_argument(
        "--section",
        metavar="ID",
        action="append",
        default=None,
        help="a section for a take-home packet; repeat for more",
    )
    parser.add_argument(
        "--glossary",
        action="store_true",
        help="add a glossary of the hard words the printed sections use",
    )
    parser.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        default=None,
        help="paper size (default: the one the system's country uses, as the window does)",
    )
    parser.add_argument(
        "--notes-page",
        action="store_true",
        help="add a last page with ruled lines for notes and questions",
    )


def ensure_gui_application() -> object:
    """Fonts need a QGuiApplication; headless runs get the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if no_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "handbook-reader"])


def _system_page_size() -> str:
    """Letter or A4 from the system's country (LC_ALL, LC_PAPER, LANG), never from
    `--lang`: the handbook's language says nothing about the paper in the printer."""
    from reader.pdf.defaults import default_page_size, paper_locale

    return default_page_size(paper_locale())


def run(args: argparse.Namespace) -> int:
    handbook = handbook_for(args)
    ensure_gui_application()
    from reader.pdf.compose import PdfExportError, PdfRequest, PdfRequestError, export_pdf

    size, notes = args.page_size or _system_page_size(), args.notes_page
    if args.chapter:
        request = PdfRequest("chapter", args.chapter, (), args.glossary, size, notes)
    elif args.section:
        request = PdfRequest("packet", None, tuple(args.section), args.glossary, size, notes)
    else:
        request = PdfRequest("all", page_size=size, notes_page=notes)
    from reader.pdf.language import print_language

    try:
        with print_language(handbook.language):  # the PDF's own words follow the handbook
            report = export_pdf(handbook, request, args.out)
    except PdfRequestError as error:
        from reader.commands.phrases import error_phrase, phrase

        hint = phrase(handbook.language, "(try: handbook-reader toc)")
        raise CommandError(f"{error_phrase(handbook.language, str(error))} {hint}") from None
    except PdfExportError as error:
        raise CommandError(str(error)) from None
    from reader.commands.phrases import phrase

    wrote = "Wrote {path} ({pages} pages)"
    print(phrase(handbook.language, wrote, path=report.path, pages=report.pages))
    return 0
