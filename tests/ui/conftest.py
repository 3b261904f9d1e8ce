"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow


@pytest.fixture
def make_window(qtbot: QtBot):  # type: ignore[no-untyped-def]
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
def window(make_window, handbook: Handbook) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(handbook)
