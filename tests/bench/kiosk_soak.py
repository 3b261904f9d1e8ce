"""The kiosk soak: the real window and kiosk shell, reset over and over, to show that a
shared kiosk does not grow in memory from visit to visit.

usage: kiosk_soak.py RESETS REPORT_FILE

Run by tests/bench/run.py as a whole process (offscreen). It builds the window the way
`reader.ui.app.open_session` does for a kiosk (default kiosk settings, an in-memory
bookmark store, the bundled handbook), waits for the search index and makes the box
search on every change, so the scripted visits really search, then runs `soak` (below;
benchmark code never ships in reader/). It writes the resident memory in MB after 10 visits and
after RESETS visits to REPORT_FILE, one per line.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from reader.bookmarks.store import BookmarkStore
from reader.handbook import load_handbook
from reader.kiosk.settings import KioskConfig
from reader.paths import bundled_handbook_dir
from reader.preferences import Preferences
from reader.ui.app import make_application
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow

INDEX_WAIT_MS = 120_000


class SoakResult(NamedTuple):
    rss_after_10_kib: int
    rss_after_n_kib: int
    resets: int


def rss_kib() -> int:
    """This process's resident memory, from /proc/self/status (Linux), in KiB."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def soak(shell: KioskShell, resets: int) -> SoakResult:
    """Scripted visits (navigate, search, zoom, reset) `resets` times; the resident
    memory after 10 visits and after all of them, to show a kiosk doesn't grow."""
    window = shell.window
    sections = [s.id for s in window.handbook.sections()] or [shell.start_section_id]
    after_10 = 0
    for visit in range(resets):
        window.navigator.navigate(sections[(visit * 7) % len(sections)])
        window.search_box.setText(("gene therapy", "lentivirus", "GVHD")[visit % 3])
        window.action_set["zoom_in"].trigger()
        window.action_set["zoom_in"].trigger()
        shell.start_countdown()
        QCoreApplication.processEvents()
        shell.reset_visit()
        QCoreApplication.processEvents()
        if visit == 9:
            gc.collect()
            after_10 = rss_kib()
    gc.collect()
    return SoakResult(after_10, rss_kib(), resets)


def wait_for_search(window: MainWindow) -> None:
    """Let the first paint start the index loader, and wait until the index is ready."""
    if window.search_panel.index is not None:
        return
    loop = QEventLoop()
    window.search_index.ready.connect(lambda _index: QTimer.singleShot(0, loop.quit))
    window.search_index.failed.connect(lambda _message: loop.quit())
    QTimer.singleShot(INDEX_WAIT_MS, loop.quit)
    loop.exec()
    if window.search_panel.index is None:
        raise SystemExit("kiosk soak: the search index did not become ready")


def run_soak(resets: int, cache: Path) -> tuple[float, float]:
    """RSS in MB after 10 visits and after `resets`."""
    app = make_application([sys.argv[0]])
    config = KioskConfig(enabled=True)
    handbook = load_handbook(bundled_handbook_dir())
    store = BookmarkStore.in_memory()
    policy = kiosk_policy(config, handbook)
    window = MainWindow(
        handbook, Preferences(zoom=config.text_size), store=store, cache_dir=cache, policy=policy
    )
    window.start(config.start_page or None)
    shell = KioskShell(window.parts, config, app)
    window.show()
    wait_for_search(window)
    # The box searches after a pause that the scripted visits never wait for: search
    # at once on every change, so each visit really runs a search and shows results.
    window.search_box.textChanged.connect(window.search_panel.search_now)
    result = soak(shell, resets)
    window.search_index.shut_down()
    store.close()
    return result.rss_after_10_kib / 1024, result.rss_after_n_kib / 1024


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit() or int(argv[0]) < 10:
        sys.stderr.write("usage: kiosk_soak.py RESETS REPORT_FILE  (RESETS at least 10)\n")
        return 2
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as folder:
        after_10, after_n = run_soak(int(argv[0]), Path(folder) / "cache")
    Path(argv[1]).write_text(f"{after_10:.1f}\n{after_n:.1f}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
