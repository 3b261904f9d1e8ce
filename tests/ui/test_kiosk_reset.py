"""The kiosk reset returns to the first start, provably: the reachable state of every
widget is snapshot right after the kiosk starts, a busy visit is made, the reset runs,
and a second snapshot must equal the first (see tests/helpers/kiosk_state.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.kiosk.pin import hash_pin
from reader.kiosk.settings import KioskConfig
from reader.preferences import Preferences
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow
from tests.helpers.kiosk_state import differences, reachable_state
from tests.helpers.kiosk_visit import busy_visit, let_the_reset_run, wait_for_search_index

CONFIG = KioskConfig(enabled=True, idle_timeout=600, countdown=0.3, admin_pin_hash=hash_pin("7391"))


@pytest.fixture
def kiosk(qtbot: QtBot, qapp: QApplication, handbook: Handbook) -> Iterator[KioskShell]:
    window = MainWindow(handbook, Preferences(zoom=CONFIG.text_size), kiosk=True)
    qtbot.addWidget(window)
    window.start(None)
    shell = KioskShell(window, CONFIG, qapp)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    wait_for_search_index(qtbot, shell)
    yield shell
    shell.release()
    window.shut_down_search()


def test_after_a_busy_visit_the_reset_returns_every_widget_to_the_start(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    start = reachable_state(kiosk.window)
    busy_visit(qtbot, kiosk)
    visited = reachable_state(kiosk.window)
    assert len(differences(start, visited)) > 20  # the visit really changed things
    let_the_reset_run(qtbot, kiosk)
    left = differences(start, reachable_state(kiosk.window))
    assert left == [], "\n".join(left)


def test_a_second_visit_is_forgotten_too(qtbot: QtBot, kiosk: KioskShell) -> None:
    start = reachable_state(kiosk.window)
    for _ in range(2):
        busy_visit(qtbot, kiosk)
        let_the_reset_run(qtbot, kiosk)
    left = differences(start, reachable_state(kiosk.window))
    assert left == [], "\n".join(left)
