"""The Spanish interface reads as neutral Latin American Spanish for US families (#37):
no Spain-only words ("ordenador", "fichero", "móvil", "coger"...), and the care team is
the "equipo médico", as in the handbook's own text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "handbook_reader_es.ts"

# Spain-only words and the Latin American ones a hospital interpreter uses instead.
SPAIN_ONLY = {
    "ordenador": "computadora",
    "fichero": "archivo",
    "móvil": "celular",
    "coger": "tomar",
    "vale": "de acuerdo",
    "vosotros": "ustedes",
    "pinchar": "hacer clic",
    "equipo de atención": "equipo médico",
}


def _translations() -> list[str]:
    root = ET.parse(TS).getroot()  # our own catalogue, in the repository
    texts = [node.text or "" for node in root.iter("translation")]
    texts += [node.text or "" for node in root.iter("numerusform")]
    return [text for text in texts if text]


def test_no_spain_only_words_in_the_interface() -> None:
    found = []
    for text in _translations():
        for word, instead in SPAIN_ONLY.items():
            if re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
                found.append(f"{word!r} (use {instead!r}) in: {text}")
    assert found == []


def test_no_sound_message_names_the_computer_and_its_speakers() -> None:
    texts = [text for text in _translations() if text.startswith("Sin sonido:")]
    assert texts and all("esta computadora no tiene bocinas" in text for text in texts)
