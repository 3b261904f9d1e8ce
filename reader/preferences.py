"""The reader's remembered choices (text size, theme, marking, window layout).

A small JSON file in the config folder, written atomically. Kiosk mode never saves:
each visitor starts from the administrator's defaults.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from reader.storage import write_text_atomically

PREFERENCES_FILE = "preferences.json"
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


@dataclass
class Preferences:
    zoom: int = 100
    theme: str = "system"
    mark_terms: bool = True
    window_geometry: str = ""
    window_state: str = ""

    def zoom_in(self) -> int:
        self.zoom = next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1])
        return self.zoom

    def zoom_out(self) -> int:
        self.zoom = next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0])
        return self.zoom


def load_preferences(folder: Path) -> Preferences:
    """Saved preferences, or defaults when the file is missing or unreadable."""
    try:
        # utf-8-sig: a file saved with a BOM by an editor keeps its settings
        data = json.loads((folder / PREFERENCES_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    defaults = Preferences()
    known = {
        f.name: data[f.name]
        for f in fields(Preferences)
        if isinstance(data.get(f.name), type(getattr(defaults, f.name)))
    }
    prefs = Preferences(**known)
    if prefs.zoom not in ZOOM_STEPS:
        prefs.zoom = 100
    return prefs


def save_preferences(folder: Path, prefs: Preferences) -> None:
    """Write atomically; raises OSError for the caller to report (never half a file)."""
    write_text_atomically(folder / PREFERENCES_FILE, json.dumps(asdict(prefs), indent=2))
