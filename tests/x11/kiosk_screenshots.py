"""The README's kiosk screenshots, of the real window on a real X display.

usage: xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
           python tests/x11/kiosk_screenshots.py resources/screenshots/kiosk-1366x768.png

At 1366x768 a visitor is typing a search on the on-screen keyboard, with the results
beside the page; at 1920x1080 (or any other size) a glossary word has been tapped.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reader.handbook import load_handbook
from reader.kiosk.settings import KioskConfig
from reader.paths import bundled_handbook_dir
from reader.preferences import Preferences
from reader.ui.app import make_application
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow

SETTLE_MS = 1500


def settle(ms: int = SETTLE_MS) -> None:
    """Let Qt lay out and paint (a picture-taking script, not a test: a pause is fine)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def typing_a_search(shell: KioskShell) -> None:
    window = shell.window
    tap(window.search_box)
    for letter in "gene therap":
        tap(shell.keyboard.keys["space" if letter == " " else letter])
    window.search_panel.search_now()


def a_glossary_word(shell: KioskShell) -> None:
    window = shell.window
    window.navigator.navigate("how-it-works")
    window.show_term(window.handbook.glossary.terms[0].slug)
    for term in window.handbook.glossary.terms:
        if term.term.lower().startswith("stem cell"):
            window.show_term(term.slug)


def main(target: str) -> int:
    app = make_application([sys.argv[0]])
    handbook = load_handbook(bundled_handbook_dir())
    config = KioskConfig(enabled=True)
    with tempfile.TemporaryDirectory() as cache:
        window = MainWindow(
            handbook,
            Preferences(zoom=config.text_size),
            cache_dir=Path(cache),
            policy=kiosk_policy(config, handbook),
        )
        window.start(None)
        shell = KioskShell(window.parts, config, app)
        settle(3000)  # the search index builds after the first paint
        width = window.screen().geometry().width()
        (typing_a_search if width < 1600 else a_glossary_word)(shell)
        settle()
        screen = QApplication.primaryScreen()
        ok = screen.grabWindow(0).save(target)
        shell.release()
        window.search_index.shut_down()
    return 0 if ok else 1


if __name__ == "__main__":
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or len(sys.argv) != 2:
        sys.stderr.write(__doc__ or "")
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
