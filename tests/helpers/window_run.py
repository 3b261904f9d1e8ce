"""The real window in a process of its own, started the way `handbook-reader` starts it
(the same command-line parse, collector pause and `open_session`), for the benchmark
(tests/bench/run.py, beside tests/bench/baseline_window.py) and for tests of a whole
process. The app itself has no switches for this.

usage: window_run.py REPORT_FILE [--scenario]
Writes the milliseconds from HANDBOOK_READER_T0 (set by whoever starts the process; else
the script's own start) to the first paint; then, once the work put off until the first
paint has run and search is ready, with --scenario searches, opens three chapters and
writes the peak RSS in MB on a second line, and quits. The scenario leaves out the
Piper voice that the window loads half a second after its first paint (about 150 MB,
measured in the Read aloud section of the README by tests/bench/speech_bench.py): on a
busy machine search became ready after that half second and the voice's load fell inside
the measured peak (225 MB in one run against 88 MB), on a quiet one it did not.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED = time.time()

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.cli import parse_arguments  # noqa: E402
from reader.paths import bundled_handbook_dir  # noqa: E402
from reader.ui.startup import before_window_modules  # noqa: E402

before_window_modules()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.ui.app import Session, open_session  # noqa: E402
from reader.ui.mainwindow import MainWindow  # noqa: E402


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def write(line: str) -> None:
    with Path(sys.argv[1]).open("a", encoding="utf-8") as stream:
        stream.write(line + "\n")


def scenario(window: MainWindow) -> None:
    """With --scenario, search, open three chapters and report the peak memory; quit."""
    if "--scenario" in sys.argv:
        window.search_box.setText("bone marrow transplant")
        window.search_panel.search_now()
        for chapter in window.handbook.reading_chapters[1:4]:
            window.navigator.navigate(chapter.id)
            QApplication.processEvents()
        write(f"{peak_rss_mb():.1f}")
    QApplication.quit()


def main() -> int:
    if "--scenario" in sys.argv:
        import reader.ui.read_aloud as read_aloud

        read_aloud.PRELOAD_IDLE_MS = 24 * 3600 * 1000  # see the module's docstring
    session = open_session(parse_arguments([]), bundled_handbook_dir())
    assert isinstance(session, Session)
    window = session.window
    origin = float(os.environ.get("HANDBOOK_READER_T0", STARTED))
    window.content.first_painted.connect(lambda: write(f"{(time.time() - origin) * 1000:.1f}"))
    # The scenario waits for both the deferred start-up work and the search index;
    # connected before the event loop runs, so neither signal can come unheard.
    waiting = {"deferred", "search"}

    def arrived(what: str) -> None:
        waiting.discard(what)
        if not waiting:
            scenario(window)

    window.after_first_paint.done.connect(lambda: arrived("deferred"))
    window.search_index.ready.connect(
        lambda _index: QTimer.singleShot(0, lambda: arrived("search"))
    )
    window.search_index.failed.connect(lambda _message: QApplication.exit(3))
    code = session.app.exec()
    session.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
