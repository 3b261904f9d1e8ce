"""A kiosk built the way reader/ui/app.py builds one: the window with the kiosk's
policy and text size, its first page, and the shell around it, shown."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.kiosk.settings import KioskConfig
from reader.preferences import Preferences
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow


def kiosk_shell(
    qtbot: QtBot, handbook: Handbook, config: KioskConfig, app: QApplication, **options: object
) -> KioskShell:
    window = MainWindow(
        handbook, Preferences(zoom=config.text_size), policy=kiosk_policy(config, handbook)
    )
    qtbot.addWidget(window)
    window.start(config.start_page or None)
    shell = KioskShell(window.parts, config, app, **options)  # type: ignore[arg-type]
    qtbot.waitExposed(window)
    return shell
