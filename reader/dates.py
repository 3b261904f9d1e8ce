"""Dates as families read them, in English and Spanish: "December 2026", "diciembre de
2026", "December 7, 2026", "7 de diciembre de 2026".

Pure Python, so the command line, the printout and the window write a date the same
way. Qt's own long formats are not used: Spanish month-years need "de" ("diciembre de
2026", never "diciembre 2026"), and a printed-on line reads badly with the weekday
("Impreso el lunes, 7 de diciembre de 2026"). Other languages fall back to English
month names with the ISO order, which any reader can parse.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def language_code(language: str | None) -> str:
    """ "es" for "es", "es_MX.UTF-8" or "es-419"; "en" when nothing is said."""
    return (language or "en").replace("-", "_").split("_")[0].split(".")[0].lower() or "en"


def month_year(year: int, month: int, language: str | None) -> str:
    """ "December 2026" / "diciembre de 2026"."""
    code = language_code(language)
    if code == "es":
        return f"{_MONTHS['es'][month - 1]} de {year}"
    return f"{_MONTHS['en'][month - 1]} {year}"


def long_date(day: date, language: str | None) -> str:
    """ "December 7, 2026" / "7 de diciembre de 2026" (no weekday: a printed page is read
    long after the day it was printed)."""
    if language_code(language) == "es":
        return f"{day.day} de {_MONTHS['es'][day.month - 1]} de {day.year}"
    return f"{_MONTHS['en'][day.month - 1]} {day.day}, {day.year}"


def written_month(text: str, language: str | None) -> str:
    """A manifest's "2026-12" as words in `language`; any other text as it is."""
    match = _YEAR_MONTH.match(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return text
    return month_year(int(match.group(1)), int(match.group(2)), language)


def edition_line(edition: str, when: str, language: str | None, joiner: str = " · ") -> str:
    """ "Third edition · December 2026": the edition and its written month, either may be
    missing."""
    return joiner.join(part for part in (edition, written_month(when, language)) if part)
