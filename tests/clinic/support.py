"""A real clinic file, as a clinic would write it, for the clinic tests."""

from __future__ import annotations

from pathlib import Path

CLINIC_NAME = "St Mary's Children's Hospital, Ward 7"
PHONE_24H = "020 7946 0999"
SPANISH_NAME = "Hospital Infantil St Mary, Sala 7"
SPANISH_EMERGENCY = "Llame al 999 y diga que su hijo recibió terapia génica."

CLINIC_TOML = f"""\
name = "{CLINIC_NAME}"
phone_day = "020 7946 0000"
phone_24h = "{PHONE_24H}"
emergency = "Call 999 and say your child has had gene therapy."
fever_threshold = "38 °C (100.4 °F)"
address = "Ward 7, St Mary's, Praed Street, London W2 1NY"
interpreter = "Ask the ward clerk"
patient_group = "Immune Friends"
notes = \"\"\"Visiting is **9 to 8**.
\"\"\"
team = [
  {{ name = "Dr Ana Ruiz", role = "Consultant" }},
  {{ name = "Sam Lee", role = "Clinical nurse specialist" }},
]

[es]
name = "{SPANISH_NAME}"
emergency = "{SPANISH_EMERGENCY}"
"""


def write_clinic(folder: Path, text: str = CLINIC_TOML, name: str = "clinic.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
