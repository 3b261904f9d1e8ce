"""The real main window on the bundled handbook, opened at a chapter with a table, for
an AT-SPI client to read (tests/ui/test_accessibility_atspi.py runs it under Xvfb with
an accessibility bus). Quits by itself after `argv[1]` seconds."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.handbook import load_handbook
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow

CHAPTER = "what-is-gene-therapy"


def main() -> int:
    app = QApplication(sys.argv)
    handbook = load_handbook(Path(__file__).resolve().parents[2] / "handbook")
    window = MainWindow(handbook, Preferences())
    window.start(CHAPTER)
    window.show()
    window.activateWindow()
    QTimer.singleShot(int(float(sys.argv[1]) * 1000), app.quit)
    code = app.exec()
    window.shut_down_search()
    return code


if __name__ == "__main__":
    sys.exit(main())
