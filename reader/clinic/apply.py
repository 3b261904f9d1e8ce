"""A handbook with a clinic's details in it: its placeholders filled with the clinic's
values, "Your care team" first in the contents, and the clinic card for the start page
and the printouts. The handbook's files are never touched: the clinic file stays apart,
so a new edition of the handbook never replaces it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.clinic.details import ClinicDetails
from reader.clinic.page import CARE_TEAM_ID, card_lines, care_team_markdown
from reader.handbook import Handbook
from reader.handbook.chapters import parse_chapter
from reader.handbook.languages import load_handbook_in


def load_handbook_with_clinic(
    root: Path, language: str | None, details: ClinicDetails | None
) -> Handbook:
    """The handbook in `language`, with the clinic's details when there are any."""
    if details is None:
        return load_handbook_in(root, language)
    return with_care_team(load_handbook_in(root, language, details.values_for), details)


def with_care_team(handbook: Handbook, details: ClinicDetails) -> Handbook:
    """`handbook` with the care-team chapter first (unless a chapter of the handbook has
    its id already) and the clinic card, in the handbook's language."""
    if handbook.chapter(CARE_TEAM_ID) is not None:
        return dataclasses.replace(handbook, clinic_card=card_lines(details, handbook.language))
    markdown = care_team_markdown(details, handbook.language)
    # A virtual file in the handbook's folder: links and pictures resolve as in a chapter
    # (the page has neither), and nothing ever reads it.
    chapter = parse_chapter(CARE_TEAM_ID, Path(handbook.root) / f"{CARE_TEAM_ID}.md", markdown, [])
    return dataclasses.replace(
        handbook,
        chapters=(chapter, *handbook.chapters),
        clinic_card=card_lines(details, handbook.language),
        _index={},
    )


def clinic_stamp(handbook: Handbook) -> str:
    """A key that changes whenever the clinic's values in the handbook do ("" without a
    clinic), for the rendered-page cache (PageStore's `clinic`)."""
    return handbook.content_hash() if handbook.clinic_card else ""
