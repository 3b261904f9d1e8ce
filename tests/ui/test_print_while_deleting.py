"""The print thread and the window's thread never lock each other out (worker_safety.py).

A test run once hung for good: the print thread, laying a page out, waited for one of
Qt's signal-slot locks while holding Python's; the window's thread, deleting a widget,
held that lock and waited for Python's. The helper process lays out the whole handbook
again and again while the window's thread deletes widgets that objects made in Python
are connected to. Before the fix it hung in 4 of 6 runs of 4 printouts each (and was
seen to hang in 2 of 3 runs of the full test module); so a hang fails this test in its
own process, by a timeout, and never hangs the test run.

The other way round hung it too, 1 run in 66 with dialogs: the print thread, letting go
of a part of a printout, waited for Python's lock while holding a signal-slot lock the
window's thread needed to make a connection (reader/pyside_locks.py; tests/
test_pyside_locks.py sees that case every time, under gdb).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HELPER = Path(__file__).resolve().parents[1] / "helpers" / "print_while_deleting.py"
PRINTOUTS = 10
#: A run takes 3-5 s on two busy cores; a hang never ends.
TIMEOUT_S = 90


@pytest.mark.parametrize(
    ("printouts", "widgets"),
    [
        (PRINTOUTS, []),  # widgets there when the job starts, deleted during it
        (4, ["--dialogs"]),  # dialogs opened and closed during it (hung 4 in 5 before)
    ],
    ids=["open-before", "opened-during"],
)
def test_printing_while_widgets_are_deleted_never_hangs(printouts: int, widgets: list[str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(HELPER), str(printouts), *widgets]
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as helper:
        try:
            stdout, stderr = helper.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            stacks = _native_stacks(helper.pid)
            helper.kill()
            helper.communicate()
            raise AssertionError(
                f"the print thread and the window locked each other out ({TIMEOUT_S} s)\n{stacks}"
            ) from None
    assert helper.returncode == 0, stderr
    assert f"laid out {printouts}" in stdout


def _native_stacks(pid: int) -> str:
    """Every thread's stack in the hung helper, where gdb is installed: a hang seen once
    in a full fresh-clone run (1 in about 8) and never when the helper ran alone, so the
    failure itself must say where each thread waited."""
    gdb = shutil.which("gdb")
    if gdb is None:
        return "(install gdb to see where each thread waited)"
    try:
        found = subprocess.run(
            [gdb, "-p", str(pid), "-batch", "-ex", "thread apply all bt 30"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "(gdb did not answer)"
    return found.stdout[-20_000:]
