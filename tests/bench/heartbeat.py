"""The longest UI stall: a 10 ms timer on the UI thread and the longest gap between two
of its ticks while something happens. A window that never freezes answers input within
100 ms, so the gap stays under that (issue #34's "longest UI stall" row).

Used by the stall benchmark scenarios (opening a long chapter, exporting the whole
handbook from the window, switching language). Not collected by pytest.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10


class Heartbeat(QObject):
    """Ticks every TICK_MS on the UI thread; `longest_gap_ms` is the worst wait seen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest_gap_ms = 0.0

    def start(self) -> None:
        self.longest_gap_ms = 0.0
        self._clock.start()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest_gap_ms

    def _tick(self) -> None:
        gap = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.longest_gap_ms = max(self.longest_gap_ms, gap)


def longest_stall(
    start: Callable[[], None], done: Callable[[], bool], *, timeout_s: float = 60.0
) -> float:
    """Run `start` from inside the event loop, then pump events until `done()`; the
    longest gap (ms) between heartbeats over the whole time, the call itself included."""
    app = QApplication.instance()
    assert app is not None
    beat = Heartbeat()
    ran: list[bool] = []
    beat.start()

    def begin() -> None:
        start()
        ran.append(True)

    QTimer.singleShot(0, begin)
    deadline = time.monotonic() + timeout_s
    while not (ran and done()):
        if time.monotonic() > deadline:
            raise TimeoutError("the scenario did not finish")
        app.processEvents()
        time.sleep(0.001)
    return beat.stop()
