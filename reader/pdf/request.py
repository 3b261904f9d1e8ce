"""What a printout asks for (`PdfRequest`, its `Scope`) and the rules a request must keep.

The print dialog, the command line and the tests all describe a printout with the same
frozen `PdfRequest`; `validate` is the one place that says what a request may not be
(an unknown scope or paper, a chapter or section the handbook lacks, a packet with no
section), so the dialog shows the same plain sentence the command line prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from reader.handbook import Handbook

PAGE_SIZES = ("A4", "Letter")


class Scope(StrEnum):
    """How much to print. The values are the words the command line and its JSON use, so
    a scope compares equal to its old string ("sections" == Scope.SECTIONS)."""

    ALL = "all"
    CHAPTER = "chapter"
    SECTIONS = "sections"
    PACKET = "packet"


SCOPES = tuple(scope.value for scope in Scope)


class PdfExportError(Exception):
    """A printout could not be made; the message is plain language for the user."""


class PdfRequestError(PdfExportError):
    """The request names something the handbook does not have (a chapter or section)."""


@dataclass(frozen=True)
class PdfRequest:
    """What to print. `section_ids` are used by the "sections" and "packet" scopes.

    `include_glossary`: for a chapter, sections or a packet, add a glossary of just the
    terms those sections use. The whole-handbook export always has the whole glossary.
    A known scope given as a string (the command line's word) becomes its `Scope`; an
    unknown one is kept so that `validate` can say what was wrong with it.
    """

    scope: Scope | str
    chapter_id: str | None = None
    section_ids: tuple[str, ...] = ()
    include_glossary: bool = False
    page_size: str = "A4"
    notes_page: bool = False  # a last page with ruled lines for the reader's own notes

    def __post_init__(self) -> None:
        if not isinstance(self.scope, Scope) and self.scope in SCOPES:
            object.__setattr__(self, "scope", Scope(self.scope))


def needs_sections(request: PdfRequest) -> bool:
    """Whether the request prints picked sections (and so needs at least one)."""
    return request.scope in (Scope.SECTIONS, Scope.PACKET)


def validate(handbook: Handbook, request: PdfRequest) -> None:
    """Raise PdfRequestError with a plain message when the request cannot be printed."""
    if request.scope not in SCOPES:
        raise PdfRequestError(f"Unknown print scope '{request.scope}'.")
    if request.page_size not in PAGE_SIZES:
        raise PdfRequestError(f"Unknown page size '{request.page_size}' (use A4 or Letter).")
    if request.scope == Scope.CHAPTER and (
        not request.chapter_id or handbook.chapter(request.chapter_id) is None
    ):
        raise PdfRequestError(f"There is no chapter '{request.chapter_id or ''}'.")
    if needs_sections(request):
        if not request.section_ids:
            raise PdfRequestError(
                QCoreApplication.translate("Pdf", "Choose at least one section to print.")
            )
        unknown = [sid for sid in request.section_ids if handbook.section(sid) is None]
        if unknown:
            raise PdfRequestError(f"There is no section '{unknown[0]}'.")
