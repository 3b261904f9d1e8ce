"""The print thread and the window's thread never lock each other out (worker_safety.py).

A test run once hung for good: the print thread, laying a page out, waited for one of
Qt's signal-slot locks while holding Python's; the window's thread, deleting a widget,
held that lock and waited for Python's. The helper process lays out the whole handbook
again and again while the window's thread deletes widgets that objects made in Python
are connected to. Before the fix it hung in 4 of 6 runs of 4 printouts each (and was
seen to hang in 2 of 3 runs of the full test module); so a hang fails this test in its
own process, by a timeout, and never hangs the test run.
"""

from __future__ import annotations

import os
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
    try:
        done = subprocess.run(
            [sys.executable, str(HELPER), str(printouts), *widgets],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(
            f"the print thread and the window locked each other out ({TIMEOUT_S} s)"
        ) from None
    assert done.returncode == 0, done.stderr
    assert f"laid out {printouts}" in done.stdout
