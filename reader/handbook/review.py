"""When the handbook's facts were last reviewed, and whether a new review is due.

The manifest's `reviewed` and `review_by` are months (YYYY-MM). Families see the review
month in the About box, at the foot of the first chapter and on every printed page;
`check` reports a `review_by` month that has passed, so a clinic re-checks the facts."""

from __future__ import annotations

import re
from datetime import date

_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def parse_year_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a YYYY-MM text, or None."""
    match = _YEAR_MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return int(match.group(1)), int(match.group(2))


def review_overdue(review_by: str, today: date) -> bool:
    """True once the month after `review_by` has begun."""
    month = parse_year_month(review_by)
    return month is not None and (today.year, today.month) > month
