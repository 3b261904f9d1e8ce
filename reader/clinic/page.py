"""The "Your care team" chapter and the clinic card, made from the clinic's details in
the handbook's language.

The chapter comes first in the contents when a clinic file is used. Without one there
is no such chapter: the handbook's own "when to call" text already carries a write-in
line at each detail, where a parent reads it, and a page of blanks first in the
contents (and on a kiosk's screen) would push the handbook's own start aside.
A detail the clinic left out shows the write-in line and "Ask your team".
"""

from __future__ import annotations

from reader.clinic.details import ClinicDetails, plain_markdown
from reader.clinic.notes import safe_notes_markdown
from reader.handbook.placeholders import CLINIC_FIELDS, write_in_markdown

CARE_TEAM_ID = "care-team"

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your care team",
        "call": "Who to call",
        "name": "Hospital or clinic",
        "phone_day": "Daytime number",
        "phone_24h": "24-hour number",
        "emergency": "In an emergency",
        "fever_threshold": "Call us if the temperature is this or higher",
        "address": "Where to go",
        "interpreter": "Interpreter",
        "team": "Your team",
        "patient_group": "Patient group",
        "notes": "Notes from your team",
        "blank": "____________ (ask your team)",
        "fallback": "Not yet given in {language}: shown in {main} ({fields}).",
        "see": "See Your care team",
        "printed_by": "Printed by {name}",
        "en": "English",
        "es": "Spanish",
    },
    "es": {
        "title": "Su equipo de atención",
        "call": "A quién llamar",
        "name": "Hospital o clínica",
        "phone_day": "Teléfono de día",
        "phone_24h": "Teléfono de 24 horas",
        "emergency": "En una emergencia",
        "fever_threshold": "Llámenos si la temperatura llega a esto o más",
        "address": "Adónde ir",
        "interpreter": "Intérprete",
        "team": "Su equipo",
        "patient_group": "Grupo de pacientes",
        "notes": "Notas de su equipo",
        "blank": "____________ (pregunte a su equipo)",
        "fallback": "Aún no se ha dado en {language}: se muestra en {main} ({fields}).",
        "see": "Vea Su equipo de atención",
        "printed_by": "Impreso por {name}",
        "en": "inglés",
        "es": "español",
    },
}
# "Who to call": the clinic fields in their documented order up to the interpreter line,
# but the team, which has a section of its own.
_CALL_FIELDS = tuple(
    f for f in CLINIC_FIELDS[: CLINIC_FIELDS.index("interpreter") + 1] if f != "team"
)


def words(language: str) -> dict[str, str]:
    """The page's own words in `language` (English for a language we have none for)."""
    return _WORDS.get(language, _WORDS["en"])


def _fallback_note(details: ClinicDetails, language: str) -> list[str]:
    missing = details.fallbacks(language)
    if not missing:
        return []
    say = words(language)
    note = say["fallback"].format(
        language=say.get(language, language),
        main=say.get(details.language, details.language),
        fields=", ".join(say[field] for field in missing),
    )
    return ['!!! note ""', f"    {plain_markdown(note)}", ""]


def care_team_markdown(details: ClinicDetails, language: str) -> str:
    """The chapter's Markdown: the numbers first (what a parent looks for at 3 a.m.),
    then the team, the patient group and the clinic's notes."""
    say = words(language)
    text = details.text_in(language)
    blank = write_in_markdown(say["blank"])

    def shown(field: str) -> str:
        value = text.fields.get(field, "")
        return plain_markdown(" ".join(value.split())) if value else blank

    rows = [f"# {plain_markdown(say['title'])}", "", *_fallback_note(details, language)]
    rows += [f"## {say['call']} {{#who-to-call}}", ""]
    rows += [f"- **{say[field]}:** {shown(field)}" for field in _CALL_FIELDS]
    rows += ["", f"## {say['team']} {{#team}}", ""]
    members = [f"- {plain_markdown(member.line())}" for member in text.team]
    rows += members or [f"- {blank}"]
    rows += ["", f"## {say['patient_group']} {{#patient-group}}", "", shown("patient_group"), ""]
    notes = text.fields.get("notes", "")
    if notes:
        rows += [f"## {say['notes']} {{#notes}}", "", safe_notes_markdown(notes), ""]
    return "\n".join(rows) + "\n"


def card_lines(details: ClinicDetails, language: str) -> tuple[str, ...]:
    """The card as plain lines, the clinic's name first: for the start page and the
    cover of every printout. Only what the clinic gave."""
    say = words(language)
    fields = details.text_in(language).fields
    lines = [fields.get("name", "")]
    lines += [f"{say[key]}: {fields[key]}" for key in ("phone_24h", "phone_day") if key in fields]
    return tuple(" ".join(line.split()) for line in lines if line)
