"""The kiosk reset returns to the first start, provably: the reachable state of every
widget is snapshot right after the kiosk starts, a busy visit is made, the reset runs,
and a second snapshot must equal the first (see tests/helpers/kiosk_state.py). The
`kiosk` fixture is in tests/ui/conftest.py."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.kiosk.shell import KioskShell
from tests.helpers.kiosk_state import differences, reachable_state
from tests.helpers.kiosk_visit import busy_visit, let_the_reset_run


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
