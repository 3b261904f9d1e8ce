"""A part of a printout let go of on the print thread never needs Python's lock while Qt
deletes it (reader/pyside_locks.py).

The print thread and the window once locked each other out so: the print thread,
deleting a part document without Python's lock, held a Qt signal-slot lock and waited
for Python's, to let PySide ask whether the picture handler connected into the part's
layout overrides `disconnectNotify`; the window held Python's lock and waited for that
signal-slot lock, making a connection. It hung a stress helper 1 run in 66
(tests/helpers/print_while_deleting.py), so a hang alone is too rare to test by. This
test looks inside instead: gdb breaks where PySide takes Python's lock
(`Shiboken::GilState::acquire`) while the helper deletes a part connected into a handler
nothing settled (the control: the lock is taken) and one into the printout's own handler.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import require_tool

HELPER = Path(__file__).resolve().parent / "helpers" / "deleting_without_python_lock.py"
GDB_COMMANDS = """
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
printf "python lock taken\\n"
continue
end
run
"""


def _events(tmp_path: Path) -> list[str]:
    gdb = require_tool("gdb", "gdb")
    commands = tmp_path / "commands.gdb"
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
    tmp_path: Path,
) -> None:
    lines = _events(tmp_path)
    # the control: without settling, PySide takes Python's lock inside the deletion
    assert _locks_taken_after(lines, "ctrl:") > 0, (
        "PySide no longer takes Python's lock to ask a handler made in Python about "
        "disconnectNotify as a layout connected into it is deleted: see whether "
        f"reader/pyside_locks.py is still needed\n{lines}"
    )
    assert _locks_taken_after(lines, "pict:") == 0, lines
