"""WCAG contrast: the ratio between two colours, and the colour pairs a style sheet sets.

Used by the tests that hold every theme to WCAG AA (4.5:1 for text), and handy when
choosing a theme colour: `contrast_ratio("#1d5fa8", "#1b1f24")` is 2.6, too low.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor

AA_TEXT = 4.5
AA_LARGE_OR_FOCUS = 3.0
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_COLOR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,8})")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,8})")


def relative_luminance(color: QColor | str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    c = QColor(color)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(foreground: QColor | str, background: QColor | str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def style_sheet_pairs(sheet: str, default_background: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background colour) for each rule that sets a text colour;
    a rule without a background is read on `default_background`."""
    pairs = []
    for selector, body in _RULE.findall(sheet):
        color = _COLOR.search(body)
        if color is None:
            continue
        background = _BACKGROUND.search(body)
        pairs.append(
            (
                " ".join(selector.split()),
                color.group(1),
                background.group(1) if background else default_background,
            )
        )
    return pairs
