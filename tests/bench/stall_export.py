"""The longest UI stall while the whole handbook is exported to PDF from the window.

Builds the real window on the bundled handbook the way the app does
(`reader.ui.app.open_session` with `parse_arguments`), offscreen, with its user folders
in a temporary folder; opens Export PDF / Print, picks "The whole handbook", presses
Save as PDF, and measures the longest gap of a 10 ms UI-thread heartbeat
(tests/bench/heartbeat.py) until the file is written. Issue #34's goal: at most 100 ms.

The stall benchmark's row "export the whole handbook from the window"
(tests/bench/stall_bench.py) calls `export_from_window` on its own window.

usage: python tests/bench/stall_export.py [runs]   (not collected by pytest)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


def _settle(seconds: float) -> None:
    """Let start-up work after the first paint (the search index) finish first."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)


def export_from_window(window: MainWindow, out: Path) -> tuple[float, int]:
    """The longest UI stall (ms) while `window` saves the whole handbook as a PDF at
    `out`, and the file's size."""
    from tests.bench.heartbeat import longest_stall

    window.printing.save_target = lambda: out  # the kiosk's way to name the file
    dialog = window.printing.open_dialog()
    dialog.set_scope("all")

    def written() -> bool:
        return out.is_file() and not getattr(dialog, "busy", False)

    stall = longest_stall(dialog.save_button.click, written, timeout_s=120)
    size = out.stat().st_size
    assert size > 10_000, dialog.status_label.text()
    dialog.close()
    return stall, size


def export_stall_ms() -> float:
    """The longest UI stall (ms) while the window saves the whole handbook as a PDF."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.cli import parse_arguments
    from reader.paths import HOME_ENV, bundled_handbook_dir
    from reader.ui.app import Session, open_session

    with tempfile.TemporaryDirectory(prefix="stall-export-") as folder:
        os.environ[HOME_ENV] = str(Path(folder) / "home")
        session = open_session(parse_arguments([]), bundled_handbook_dir())
        assert isinstance(session, Session), session
        window = session.window
        try:
            _settle(3.0)
            stall, _size = export_from_window(window, Path(folder) / "handbook.pdf")
        finally:
            window.close()
            session.close()
    return stall


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    figures = [export_stall_ms() for _ in range(runs)]
    print("longest UI stall exporting the whole handbook (ms):", [round(f) for f in figures])
