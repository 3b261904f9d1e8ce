"""The print thread runs at the window's priority (issue #34). PySide holds Python's
lock through each Qt call, so the window waits while the print thread is in one; a
nicer print thread got the processor less often on a busy machine and held the lock,
and the window, for hundreds of milliseconds."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from reader.ui.window.print_job import PrintThread

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="per-thread niceness is Linux's")


def _niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.fixture
def print_thread() -> Iterator[PrintThread]:
    thread = PrintThread()
    yield thread
    thread.stop()


def test_printout_work_runs_at_the_windows_priority(
    qtbot: QtBot, print_thread: PrintThread
) -> None:
    seen: list[tuple[bool, int]] = []

    def work(_stop: threading.Event, _progressed: Callable[[int, int], None]) -> object:
        seen.append((QThread.currentThread() == print_thread.qthread, _niceness()))
        return None

    with qtbot.waitSignal(print_thread.worker.succeeded, timeout=10_000):
        print_thread.worker.run(work, threading.Event())
    assert seen == [(True, _niceness())]  # on the print thread, as nice as this one
