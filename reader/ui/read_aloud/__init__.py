"""Read aloud in the window: `install_read_aloud(window)` adds the bar under the page and
the controller, and wires the read-aloud actions (their place in the toolbar and the
View menu is in reader/ui/window/chrome.py); the main window calls it once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from reader.ui.read_aloud.bar import ReadAloudBar
from reader.ui.read_aloud.controller import PRELOAD_IDLE_MS, ReadAloudController

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


def install_read_aloud(window: MainWindow) -> ReadAloudController:
    """Wire reading aloud into `window` (desktop or kiosk) and return its controller."""
    actions = window.action_set
    bar = ReadAloudBar(actions, large=window.kiosk, parent=window)
    bar.hide()
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if layout is not None:
        layout.addWidget(bar)
    controller = ReadAloudController(window, bar)
    actions["listen"].triggered.connect(controller.listen)
    actions["pause_reading"].triggered.connect(controller.set_paused)
    actions["stop_reading"].triggered.connect(controller.stop)
    actions["previous_sentence"].triggered.connect(lambda: controller.step(-1))
    actions["next_sentence"].triggered.connect(lambda: controller.step(1))
    bar.speed_chosen.connect(controller.set_rate)
    window.section_changed.connect(controller.on_section_changed)
    window.visit_reset.connect(controller.reset_visit)
    controller.stop()  # the actions start disabled, the bar hidden
    viewport = window.content.viewport()
    viewport.installEventFilter(_AfterFirstPaint(controller, viewport))
    window.installEventFilter(_OnClose(controller, window))
    return controller


class _OnClose(QObject):
    """Closing the window stops the reading and waits for a voice still loading."""

    def __init__(self, controller: ReadAloudController, parent: QObject) -> None:
        super().__init__(parent)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._controller.shut_down()
        return False


class _AfterFirstPaint(QObject):
    """Loads the voice `PRELOAD_IDLE_MS` after the page is first painted: never before the
    window is on screen, so start-up is not slowed and a window that is built and not
    shown (a test, a command) loads nothing."""

    def __init__(self, controller: ReadAloudController, parent: QObject) -> None:
        super().__init__(parent)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(PRELOAD_IDLE_MS, self._controller.preload_voice)
        return False
