"""What a printout starts as before the reader changes anything: the paper the system's
country uses (never the interface's language), and the file name offered for saving.

QtCore and QtGui only: the print dialog and the tests ask with a locale of their choice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize

from reader.handbook import Handbook
from reader.pdf.request import PdfRequest

# Where US Letter is the usual paper (CLDR's measurement data); A4 everywhere else.
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Belize,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.CostaRica,
        QLocale.Country.ElSalvador,
        QLocale.Country.Guatemala,
        QLocale.Country.Nicaragua,
        QLocale.Country.Panama,
        QLocale.Country.Philippines,
        QLocale.Country.PuertoRico,
        QLocale.Country.Venezuela,
    }
)
#: File names in the handbook's language (a Spanish handbook's packet is not saved as
#: "take-home-packet"); other languages fall back to English.
_PACKET_NAMES = {"en": "take-home-packet", "es": "paquete-para-casa"}
_HANDBOOK_NAMES = {"en": "handbook", "es": "manual"}
_PAGE_SIZE_NAMES = {QPageSize.PageSizeId.A4: "A4", QPageSize.PageSizeId.Letter: "Letter"}
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_page_size(locale: QLocale) -> str:
    """Letter where Letter paper is the norm (the US, Canada, Mexico, ...), A4 elsewhere.
    Pass `QLocale.system()`: the interface language says nothing about the paper."""
    return "Letter" if locale.territory() in LETTER_TERRITORIES else "A4"


def paper_locale(environ: Mapping[str, str] | None = None) -> QLocale:
    """The locale that decides the paper, read as POSIX reads the paper category:
    LC_ALL, then LC_PAPER, then LANG; with none of them set, the system's (Windows,
    macOS). `--lang` and the interface language are never asked: a Spanish-speaking
    family in Texas prints on Letter."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        if value := environ.get(name, ""):
            return QLocale(value.split(".")[0].split("@")[0])
    return QLocale.system()


def page_size_name(size: QPageSize) -> str | None:
    """ "A4" or "Letter" for a printer's chosen paper, None for any other paper."""
    return _PAGE_SIZE_NAMES.get(size.id())


def suggested_file_name(handbook: Handbook, request: PdfRequest, today: date) -> str:
    """`take-home-packet-2026-12-03.pdf` for a packet (a family prints several over the
    months, and the date tells them apart; `paquete-para-casa-...` in Spanish); the
    handbook's, chapter's or section's name for the rest."""
    language = handbook.language
    if request.scope == "packet":
        packet = _PACKET_NAMES.get(language, _PACKET_NAMES["en"])
        return f"{packet}-{today.isoformat()}.pdf"
    name = handbook.title
    if request.scope == "chapter":
        chapter = handbook.chapter(request.chapter_id or "")
        name = chapter.title if chapter else name
    elif request.scope == "sections" and len(request.section_ids) == 1:
        section = handbook.section(request.section_ids[0])
        name = section.title if section else name
    fallback = _HANDBOOK_NAMES.get(language, _HANDBOOK_NAMES["en"])
    cleaned = _NOT_IN_FILE_NAMES.sub(" ", name).strip(" .") or fallback
    return f"{cleaned}.pdf"
