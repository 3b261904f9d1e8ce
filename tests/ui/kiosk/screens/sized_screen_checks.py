"""The kiosk on a screen of a real kiosk's size (1366x768, 1024x768): run by
tests/ui/kiosk/test_kiosk_screens.py in a child process whose offscreen screen has that
size (the default offscreen screen is 800x800). Skips when run any other way.

Every toolbar button stays on the toolbar, with its whole label, at every text size
and in both languages, and after A+ three times the reset gives back the very layout
the kiosk started with (tests/helpers/kiosk_state.py records every widget's place);
the glossary's letter keys stay finger-sized, whole, in three rows at 300%."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.kiosk.settings import KioskConfig
from reader.preferences import ZOOM_STEPS
from reader.ui.kiosk.shell import KioskShell
from tests.helpers.interface_language import speaking
from tests.helpers.kiosk_state import differences, reachable_state
from tests.helpers.kiosk_visit import let_the_reset_run
from tests.helpers.text_fit import cut_off
from tests.ui.conftest import KIOSK_CONFIG

SCREEN_ENV = "HANDBOOK_READER_TEST_SCREEN"

# Not collected by the suite (the name does not start with test_): run by
# tests/ui/kiosk/test_kiosk_screens.py in a process whose screen has the size asked for.
pytestmark = pytest.mark.skipif(
    not os.environ.get(SCREEN_ENV), reason="run by tests/ui/kiosk/test_kiosk_screens.py"
)


@pytest.fixture
def kiosk_config(tmp_path: Path) -> KioskConfig:
    """The test kiosk, printing to a folder (so Print is on the toolbar)."""
    return KioskConfig(
        **{**KIOSK_CONFIG.__dict__, "print_target": "folder", "print_folder": tmp_path}
    )


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from speaking(qapp, request.param)


@pytest.fixture
def handbook(handbook_dir: Path, language: str) -> Handbook:
    return load_handbook_in(handbook_dir, language)


def _whole_toolbar(shell: KioskShell) -> list[str]:
    """What is wrong with the toolbar: buttons in the overflow menu, labels cut."""
    problems = [f"{name} is in the overflow menu" for name in shell.toolbar_fit.overflowing()]
    bar = shell.parts.toolbar
    for button in bar.findChildren(QToolButton):
        named = button.objectName().startswith("toolButton_")
        room, needed = button.width(), button.sizeHint().width()
        if button.isVisible() and named and room < needed:
            problems.append(f"{button.text()!r} is {room} px of its {needed}")
    return problems


def test_print_stays_on_the_toolbar_at_every_text_size(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    assert window.screen().geometry().width() == int(os.environ[SCREEN_ENV].split("x")[0])
    assert "action_print" in {a.objectName() for a in kiosk.parts.toolbar.actions()}
    buttons = kiosk.text_size_buttons
    seen = []
    for button in (buttons.larger, buttons.smaller):
        for _ in ZOOM_STEPS:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            qtbot.wait(1)
            seen.append(kiosk.parts.preferences.zoom)
            problems = _whole_toolbar(kiosk)
            assert problems == [], (kiosk.parts.preferences.zoom, problems)
    assert ZOOM_STEPS[-1] in seen and ZOOM_STEPS[0] in seen


def test_after_a_plus_three_times_the_reset_gives_the_start_layout(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    start = reachable_state(kiosk.window)
    for _ in range(3):
        qtbot.mouseClick(kiosk.text_size_buttons.larger, Qt.MouseButton.LeftButton)
    qtbot.wait(1)
    assert differences(start, reachable_state(kiosk.window))
    let_the_reset_run(qtbot, kiosk)
    left = differences(start, reachable_state(kiosk.window))
    assert left == [], "\n".join(left)


def test_the_glossary_keys_stay_finger_sized_in_three_rows_at_the_largest_size(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    """Shown where the panel has room for three rows of 48 px keys (1366 px, not 1024),
    each key at least 44 px wide with its whole letter at 300%: their type shrinks
    rather than the keys or the rows (which pushed the window off the screen)."""
    window = kiosk.window
    window.comfort.apply_zoom(ZOOM_STEPS[-1])
    panel = window.glossary_panel
    panel.show()
    panel.raise_()
    qtbot.wait(50)  # the keys re-row once their new type is in
    keys = list(panel.letter_buttons.values())
    if window.screen().geometry().width() < 1366:
        assert not panel.letters.isVisible()
        return
    assert panel.letters.shows_keys() and all(key.isVisible() for key in keys)
    assert min(key.width() for key in keys) >= 44
    assert len({key.y() for key in keys}) <= 3
    assert [line for line in cut_off(panel) if "glossaryLetter" in line] == []
    assert window.height() <= window.screen().geometry().height()
