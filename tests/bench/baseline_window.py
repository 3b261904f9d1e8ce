"""The start-up baseline: a bare PySide6 window with a QTextBrowser showing a chapter of
HTML, and nothing else. Run by tests/bench/run.py as a whole process, like the app.

usage: baseline_window.py CHAPTER.html REPORT_FILE [--scenario]
Writes the milliseconds from HANDBOOK_READER_T0 (set by the harness just before it
starts the process) to the first paint, then (with --scenario) opens three more pages
and writes the peak RSS in MB on a second line.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Browser(QTextBrowser):
    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, on_first_paint)


def on_first_paint() -> None:
    elapsed = (time.time() - float(os.environ["HANDBOOK_READER_T0"])) * 1000
    lines = [f"{elapsed:.1f}"]
    if "--scenario" in sys.argv:
        for _ in range(3):
            browser.setHtml(html + "<p>again</p>")
            app.processEvents()
        lines.append(f"{peak_rss_mb():.1f}")
    Path(sys.argv[2]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    app.quit()


html = Path(sys.argv[1]).read_text(encoding="utf-8")
app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = Browser()
window.setCentralWidget(browser)
browser.setHtml(html)
window.resize(1180, 780)
window.show()
sys.exit(app.exec())
