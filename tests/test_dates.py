"""Dates as families read them (reader/dates.py): Spanish month-years take "de", and a
printed-on date has no weekday."""

from __future__ import annotations

from datetime import date

import pytest

from reader.dates import edition_line, long_date, month_year, written_month


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "diciembre de 2026"), ("es_MX.UTF-8", "diciembre de 2026"), ("en", "December 2026")],
)
def test_month_year_in_spanish_takes_de(language: str, expected: str) -> None:
    assert month_year(2026, 12, language) == expected


def test_long_date_has_no_weekday() -> None:
    assert long_date(date(2026, 12, 7), "es") == "7 de diciembre de 2026"
    assert long_date(date(2026, 12, 7), "en") == "December 7, 2026"


def test_edition_line_writes_the_month_in_words() -> None:
    assert edition_line("Tercera edición", "2026-12", "es") == "Tercera edición · diciembre de 2026"
    assert edition_line("Third edition", "2026-12", "en") == "Third edition · December 2026"
    assert edition_line("", "2026-12", "en", ", ") == "December 2026"


@pytest.mark.parametrize("text", ["2026", "Winter 2026", "2026-13", ""])
def test_a_date_that_is_not_a_year_and_month_stays_as_written(text: str) -> None:
    assert written_month(text, "es") == text
