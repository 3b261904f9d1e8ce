"""The real main window on the bundled handbook, opened at a chapter with a table, for
an AT-SPI client to read (tests/ui/test_accessibility_atspi.py runs it under Xvfb with
an accessibility bus). Quits by itself after `argv[1]` seconds; `argv[2]` "kiosk" opens
the kiosk instead, whose "Still reading?" countdown starts after KIOSK_IDLE seconds, and
"glossary" the Spanish window at 300% on 1024x768 with the glossary's definition of
GLOSSARY_TERM, whose long words are wider than the pane."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.content.hyphenation import load
from reader.handbook import load_handbook
from reader.handbook.languages import load_handbook_in
from reader.kiosk.settings import KioskConfig
from reader.preferences import Preferences
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import install_translators
from reader.ui.window.policy import DESKTOP

CHAPTER = "what-is-gene-therapy"
KIOSK_IDLE = 5.0
GLOSSARY_TERM = "severe-combined-immunodeficiency"  # "Inmunodeficiencia combinada grave"


def show_glossary_term(window: MainWindow) -> None:
    window.action_set["show_glossary"].trigger()
    window.glossary_panel.show_term(GLOSSARY_TERM)


def main() -> int:
    app = QApplication(sys.argv)
    root = Path(__file__).resolve().parents[2] / "handbook"
    kiosk = sys.argv[2:] == ["kiosk"]
    glossary = sys.argv[2:] == ["glossary"]
    handbook = load_handbook_in(root, "es") if glossary else load_handbook(root)
    if glossary:
        install_translators(app, "es")
        load("es")  # the patterns now: a long word breaks between syllables at once
    config = KioskConfig(
        enabled=True, idle_timeout=KIOSK_IDLE, countdown=60, on_screen_keyboard="always"
    )
    policy = kiosk_policy(config, handbook) if kiosk else DESKTOP
    window = MainWindow(handbook, Preferences(), policy=policy)
    window.start(CHAPTER)
    if kiosk:
        shell = KioskShell(window.parts, config, app)
    window.show()
    window.activateWindow()
    if glossary:
        window.resize(1024, 768)
        window.comfort.apply_zoom(300)
        # Once the window is up: a dock shown while it maps is hidden again.
        QTimer.singleShot(1000, lambda: show_glossary_term(window))
    # exit(), not quit(): the kiosk refuses the close events quit() sends first.
    QTimer.singleShot(int(float(sys.argv[1]) * 1000), lambda: app.exit(0))
    # SIGTERM (the session is done) leaves through the event loop, so the widgets are
    # torn down as at any end; the timer lets Python run the handler.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    python_ticks = QTimer(app)
    # A slot in Python: a timer nothing in Python hears never runs Python, and the
    # handler above then waited for whatever else happened to (a window idle after its
    # first paint quit 50 s late, and the session's 30 s wait failed).
    python_ticks.timeout.connect(lambda: None)
    python_ticks.start(100)
    code = app.exec()
    if kiosk:
        shell.release()
    window.search_index.shut_down()
    return code


if __name__ == "__main__":
    sys.exit(main())
