"""What a clinic file holds once read: its text fields per language, and its team.

The fields are plain text (shown as text, never markup), but `notes`, which is Markdown
made safe by reader/clinic/notes.py. A language table (`[es]`) gives the same text keys
in another language; a key it lacks falls back to the file's main language, and the
page says so, since a family must know which words were not written for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.handbook.placeholders import CLINIC_FIELDS

# The text keys (every clinic field but `team`, which is a list).
TEXT_FIELDS = tuple(name for name in CLINIC_FIELDS if name != "team")
PHONE_FIELDS = ("phone_day", "phone_24h")
# Numbers read the same in every language: no "not yet given in Spanish" note for them.
SAME_IN_EVERY_LANGUAGE = (*PHONE_FIELDS, "fever_threshold")
# The languages a clinic file may give in a table of their own.
LANGUAGE_TABLES = ("en", "es")
MAX_FILE_BYTES = 64 * 1024  # a clinic's card is a page: more is a mistake or an attack
MAX_FIELD_CHARS = 500  # one text field (an address, what to do in an emergency)
MAX_NOTES_CHARS = 8_000  # the notes' Markdown: a page or two
MAX_TEAM = 40  # people listed in the team
MAX_TEAM_TEXT = 120  # one person's name or role


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = ""

    def line(self) -> str:
        """ "Dr Ana Ruiz (consultant)": how a placeholder and the card name a person."""
        return f"{self.name} ({self.role})" if self.role else self.name


@dataclass(frozen=True)
class ClinicText:
    """The details in one language: text fields (only those given) and the team."""

    fields: dict[str, str] = field(default_factory=dict)
    team: tuple[TeamMember, ...] = ()


@dataclass(frozen=True)
class ClinicDetails:
    """A clinic file's details: the main language's and each language table's."""

    path: Path | None
    language: str = "en"
    main: ClinicText = field(default_factory=ClinicText)
    translations: dict[str, ClinicText] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.main.fields.get("name", "")

    def text_in(self, language: str) -> ClinicText:
        """The details in `language`, each missing field and the team taken from the
        main language."""
        own = self.translations.get(language) if language != self.language else None
        if own is None:
            return self.main
        return ClinicText({**self.main.fields, **own.fields}, own.team or self.main.team)

    def fallbacks(self, language: str) -> tuple[str, ...]:
        """The fields shown in the main language because `language` lacks them."""
        if language == self.language:
            return ()
        own = self.translations.get(language, ClinicText())
        missing = [
            key
            for key in TEXT_FIELDS
            if key in self.main.fields
            and key not in own.fields
            and key not in SAME_IN_EVERY_LANGUAGE
        ]
        if self.main.team and not own.team:
            missing.append("team")
        return tuple(missing)

    def values_for(self, language: str) -> dict[str, str]:
        """One line per field, as the handbook's placeholders show it, in `language`."""
        text = self.text_in(language)
        values = {key: plain_markdown(value) for key, value in text.fields.items()}
        values.pop("notes", None)  # Markdown: shown on the care-team page, not in a line
        if text.team:
            values["team"] = plain_markdown("; ".join(member.line() for member in text.team))
        return values


_MARKDOWN_SPECIALS = "\\`*_[]{}!"


def plain_markdown(text: str) -> str:
    """`text` as Markdown that shows exactly these characters: no tag, link, emphasis
    or picture can come of a clinic's plain field."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "&#124;")
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIALS else c for c in text)
