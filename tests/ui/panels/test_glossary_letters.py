"""The glossary's A-Z keys fit at every text size (reader/ui/panels/glossary_letters.py):
on a desktop they re-row for their width, or give way to one list of letters where the
rows would be too many. (A kiosk's finger-sized keys are checked on a kiosk-sized
screen: tests/ui/kiosk/screens/sized_screen_checks.py.) Measured with each key's own
font against the width it got (tests/helpers/text_fit.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from reader.ui.mainwindow import MainWindow
from reader.ui.panels.glossary_letters import DESKTOP_MOST_ROWS
from tests.helpers.text_fit import cut_off


def rows(keys: list[QToolButton]) -> int:
    return len({key.y() for key in keys})


@pytest.mark.parametrize("zoom", [100, 150, 200, 250, 300])
def test_on_a_desktop_the_letters_fit_as_keys_or_as_one_list(
    qtbot: QtBot, window: MainWindow, zoom: int
) -> None:
    panel = window.glossary_panel
    window.resize(1024, 768)
    window.comfort.apply_zoom(zoom)
    window.toc_dock.hide()  # the glossary alone: the page keeps its room beside it
    panel.show()
    qtbot.wait(20)
    letters = panel.letters
    assert [line for line in cut_off(panel) if "glossaryLetter" in line] == []
    if letters.shows_keys():
        keys = [key for key in panel.letter_buttons.values() if key.isVisible()]
        assert len(keys) == 26 and rows(keys) <= DESKTOP_MOST_ROWS
    else:
        assert not any(key.isVisible() for key in panel.letter_buttons.values())
        assert letters.picker.isVisible() and letters.picker.width() <= letters.width()
        filed = [key.text() for key in panel.letter_buttons.values() if key.isEnabled()]
        picker = letters.picker
        assert [picker.itemText(i) for i in range(picker.count())] == filed
        picker.textActivated.emit("G")  # as a reader's choice in the list
        slug = panel.current_slug()
        assert slug is not None and slug.startswith("g")
    window.search_index.shut_down()
