"""Light, dark and high-contrast themes: the widget palette and the reading stylesheet.

The theme follows the system colour scheme unless the reader chooses one. Colours live
here, once; reading.css only names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from reader.paths import resources_dir

THEMES = ("system", "light", "dark", "contrast")


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    page: str
    window: str
    heading: str
    link: str
    muted: str
    box: str
    box_important: str
    rule: str
    accent: str
    highlight_text: str
    focus: str = ""  # the focus ring; the accent unless a theme needs a brighter one

    def reading_css(self) -> str:
        return self._fill("reading.css")

    def app_qss(self) -> str:
        return self._fill("app.qss")

    def _fill(self, name: str) -> str:
        template = (resources_dir() / "styles" / name).read_text(encoding="utf-8")
        return Template(template).safe_substitute(self.colors())

    def colors(self) -> dict[str, str]:
        """Every colour by its style-sheet name (the focus ring defaults to the accent)."""
        named = {k: v for k, v in self.__dict__.items() if k != "name"}
        named["focus"] = self.focus or self.accent
        return named

    def palette(self) -> QPalette:
        palette = QPalette()
        role = QPalette.ColorRole
        colors = {
            role.Window: self.window,
            role.WindowText: self.text,
            role.Base: self.page,
            role.AlternateBase: self.box,
            role.Text: self.text,
            role.Button: self.window,
            role.ButtonText: self.text,
            role.Highlight: self.accent,
            role.HighlightedText: self.highlight_text,
            role.ToolTipBase: self.page,
            role.ToolTipText: self.text,
            role.PlaceholderText: self.muted,
            role.Link: self.link,
            role.BrightText: self.page,
        }
        for color_role, color in colors.items():
            palette.setColor(color_role, QColor(color))
        palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(self.muted))
        palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(self.muted))
        palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(self.muted))
        return palette


LIGHT = Theme(
    "light",
    text="#1f2933",
    page="#ffffff",
    window="#f3f5f7",
    heading="#1d4e89",
    link="#1d5fa8",
    muted="#52606d",
    box="#eef4fa",
    box_important="#fff4dc",
    rule="#c5ced8",
    accent="#2a6fb0",
    highlight_text="#ffffff",
)
DARK = Theme(
    "dark",
    text="#e4e7eb",
    page="#1b1f24",
    window="#23282f",
    heading="#9cc3f0",
    link="#8ab8f0",
    muted="#a9b4c0",
    box="#27313d",
    box_important="#3a3222",
    rule="#4a5562",
    accent="#3676be",  # 3:1 on the window, as a pressed toggle needs
    highlight_text="#ffffff",
    focus="#8ab8f0",
)
CONTRAST = Theme("contrast", text="#000000", page="#ffffff", window="#ffffff",
                 heading="#000000", link="#0000c0", muted="#4a4a4a", box="#ffffff",
                 box_important="#ffffff", rule="#000000", accent="#000000",
                 highlight_text="#ffffff")  # fmt: skip
_BY_NAME = {t.name: t for t in (LIGHT, DARK, CONTRAST)}


def resolve_theme(name: str) -> Theme:
    """The theme for a preference; "system" follows the desktop's light/dark setting."""
    if name in _BY_NAME:
        return _BY_NAME[name]
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return DARK
    return LIGHT
