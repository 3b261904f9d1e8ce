"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.kiosk.pin import hash_pin
from reader.kiosk.settings import KioskConfig
from reader.preferences import Preferences
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow
from tests.helpers.kiosk_visit import wait_for_search_index

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


#: A kiosk that never counts down by itself (tests start the countdown), with a PIN.
KIOSK_CONFIG = KioskConfig(
    enabled=True, idle_timeout=600, countdown=0.3, admin_pin_hash=hash_pin("7391")
)


@pytest.fixture
def kiosk_config() -> KioskConfig:
    return KIOSK_CONFIG


@pytest.fixture
def kiosk(
    qtbot: QtBot, qapp: QApplication, handbook: Handbook, kiosk_config: KioskConfig
) -> Iterator[KioskShell]:
    """The real window and kiosk shell on the bundled handbook, full screen, searchable."""
    window = MainWindow(
        handbook,
        Preferences(zoom=kiosk_config.text_size),
        policy=kiosk_policy(kiosk_config, handbook),
    )
    qtbot.addWidget(window)
    window.start(None)
    shell = KioskShell(window.parts, kiosk_config, qapp)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    wait_for_search_index(qtbot, shell)
    yield shell
    shell.release()
    window.search_index.shut_down()
