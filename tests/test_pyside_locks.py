"""A Qt object deleted without Python's lock never waits for it (reader/pyside_locks.py).

The print thread and the window once locked each other out so: the print thread,
deleting a part document without Python's lock, held a Qt signal-slot lock and waited
for Python's, to let PySide ask whether the picture handler connected into the part's
layout overrides `disconnectNotify`; the window held Python's lock and waited for that
signal-slot lock, making a connection. It hung a stress helper 1 run in 66
(tests/helpers/print_while_deleting.py), so a hang alone is too rare to test by. This
test looks inside instead: gdb breaks where PySide takes Python's lock
(`Shiboken::GilState::acquire`) inside a Qt object's deletion, while the helper deletes
objects that objects made in Python are connected into: on the print thread and on the
window's, each beside a control that nothing settled (there the lock is taken, so the
test knows the breakpoint works).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import require_tool

HELPER = Path(__file__).resolve().parent / "helpers" / "deleting_without_python_lock.py"
GDB_COMMANDS = """
python
import gdb

class InDeletion(gdb.Function):
    \"\"\"$in_deletion(): 1 when a caller of this frame is QObject::~QObject.\"\"\"

    def __init__(self):
        super().__init__("in_deletion")

    def invoke(self):
        frame, depth = gdb.newest_frame(), 0
        while frame is not None and depth < 16:
            if "QObject::~QObject" in (frame.name() or ""):
                return 1
            frame, depth = frame.older(), depth + 1
        return 0

InDeletion()
end
set breakpoint pending on
set pagination off
set print thread-events off
break write if $rdx == 6
commands
silent
printf "marker %.5s\\n", (char *) $rsi
continue
end
break Shiboken::GilState::acquire
commands
silent
if $in_deletion()
printf "python lock taken\\n"
end
continue
end
run
"""


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What the helper did under gdb: its markers, and each time Python's lock was taken
    inside a Qt object's deletion (one run serves both tests)."""
    gdb = require_tool("gdb", "gdb")
    commands = tmp_path_factory.mktemp("gdb") / "commands.gdb"
    commands.write_text(GDB_COMMANDS, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    found = subprocess.run(
        [gdb, "-batch", "-x", str(commands), "--args", sys.executable, str(HELPER)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [
        line.strip()
        for line in found.stdout.splitlines()
        if line.startswith(("marker ", "python lock taken"))
    ]
    assert "marker done." in lines, f"the helper did not finish:\n{found.stdout[-3000:]}"
    return lines


def _locks_taken_after(lines: list[str], marker: str) -> int:
    start = lines.index(f"marker {marker}") + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("marker "))
    return sum(1 for line in lines[start:end] if line == "python lock taken")


def test_a_printout_part_let_go_of_on_the_print_thread_never_waits_for_pythons_lock(
    events: list[str],
) -> None:
    lines = events
    # the control: without settling, PySide takes Python's lock inside the deletion
    assert _locks_taken_after(lines, "ctrl:") > 0, (
        "PySide no longer takes Python's lock to ask a handler made in Python about "
        "disconnectNotify as a layout connected into it is deleted: see whether "
        f"reader/pyside_locks.py is still needed\n{lines}"
    )
    assert _locks_taken_after(lines, "pict:") == 0, lines


def test_a_worker_that_signals_the_window_settles_its_objects_as_it_starts(
    events: list[str],
) -> None:
    """A handbook load, a hyphenation read and the search index's worker each send their
    result from inside a Qt call holding Python's lock, so each settles the window's
    objects first (reader/ui/worker_safety.py): a label let go of afterwards never
    waits for Python's lock. Nor does a listener of the print thread's worker."""
    lines = events
    assert _locks_taken_after(lines, "wctl:") > 0, lines  # the control, on this thread
    for worker in ("load:", "hyph:", "srch:", "frzn:", "wrkr:"):
        assert _locks_taken_after(lines, worker) == 0, (worker, lines)
