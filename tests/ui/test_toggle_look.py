"""A toggle that is on looks pressed, in every theme: Pause, Keep going, Glossary and
Bookmark are drawn for real, off and on, and the on look must stand apart from the off
look (3:1, WCAG's non-text contrast) with its label and icon still readable (4.5:1)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QToolButton

from reader.ui.contrast import AA_LARGE_OR_FOCUS, AA_TEXT, contrast_ratio
from reader.ui.mainwindow import MainWindow

THEMES = ("light", "dark", "contrast")
TOGGLES = {
    "bookmark": "toolButton_bookmark",
    "show_glossary": "toolButton_show_glossary",
    "pause_reading": "readAloud_pause_reading",
    "continue_reading": "readAloud_continue_reading",
}


def _colors(button: QToolButton) -> list[tuple[str, int]]:
    """The button's colours, most used first (the first is its fill)."""
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[str] = Counter()
    for y in range(2, image.height() - 2):
        for x in range(2, image.width() - 2):
            counts[QColor(image.pixel(x, y)).name()] += 1
    return counts.most_common()


#: Small labels are anti-aliased: their truest pixels come within a few percent of the
#: colour the style sheet sets (that exact pair is held to 4.5:1 by test_contrast.py,
#: which reads every colour rule of app.qss, the checked one included).
ANTI_ALIASING = 0.92


def _ink(colors: list[tuple[str, int]]) -> float:
    """The best contrast any drawn colour (label, icon) has with the fill."""
    fill = colors[0][0]
    return max(contrast_ratio(c, fill) for c, n in colors[1:] if n >= 5)


@pytest.mark.parametrize("theme", THEMES)
def test_toggles_that_are_on_look_pressed(window: MainWindow, theme: str) -> None:
    window.comfort.apply_theme(theme)
    problems = []
    for action_id, name in TOGGLES.items():
        button = window.findChild(QToolButton, name)
        assert button is not None, name
        action = window.action_set[action_id]
        action.setEnabled(True)
        action.setChecked(False)
        off = _colors(button)
        action.setChecked(True)
        on = _colors(button)
        action.setChecked(False)
        apart = contrast_ratio(on[0][0], off[0][0])
        if apart < AA_LARGE_OR_FOCUS:
            problems.append(f"{theme} {action_id}: on {on[0][0]} vs off {off[0][0]} = {apart:.2f}")
        if _ink(on) < AA_TEXT * ANTI_ALIASING:
            problems.append(f"{theme} {action_id}: its label on {on[0][0]} = {_ink(on):.2f}")
    assert problems == [], "\n".join(problems)
