"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow

#: `make_window(handbook, **options)`: the options are MainWindow's keyword arguments.
MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> MakeWindow:
    """Build a real MainWindow for a handbook, shown and registered with qtbot."""

    def make(handbook: Handbook, **options: object) -> MainWindow:
        window = MainWindow(handbook, Preferences(), **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.start()
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow, handbook: Handbook) -> MainWindow:
    """The main window on the bundled handbook."""
    return make_window(handbook)
