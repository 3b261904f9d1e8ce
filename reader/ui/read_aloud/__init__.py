"""Read aloud in the window: `install_read_aloud(...)` adds the bar under the page and
the controller, and wires the read-aloud actions (their place in the toolbar and the
View menu is in reader/ui/window/chrome.py); the main window calls it once and connects
the controller's `message` and `navigate_requested` signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QBoxLayout, QWidget

from reader.handbook import Handbook
from reader.history import History
from reader.ui.actions import Actions
from reader.ui.content_view import ContentView
from reader.ui.read_aloud.bar import ReadAloudBar
from reader.ui.read_aloud.controller import PRELOAD_IDLE_MS, ReadAloudController


def install_read_aloud(
    window: QWidget,
    column: QBoxLayout,
    handbook: Handbook,
    content: ContentView,
    actions: Actions,
    history: History,
    current_section: Callable[[], str],
    section_changed: SignalInstance,
    *,
    large: bool,
) -> ReadAloudController:
    """Wire reading aloud into a window (its bar at the foot of `column`, large for
    touch) and return its controller."""
    bar = ReadAloudBar(actions, large=large, parent=window)
    bar.hide()
    column.addWidget(bar)
    controller = ReadAloudController(
        handbook, current_section, content, history, actions, bar, window
    )
    actions["listen"].triggered.connect(controller.listen)
    actions["pause_reading"].triggered.connect(controller.set_paused)
    actions["stop_reading"].triggered.connect(controller.stop)
    actions["previous_sentence"].triggered.connect(lambda: controller.step(-1))
    actions["next_sentence"].triggered.connect(lambda: controller.step(1))
    bar.speed_chosen.connect(controller.set_rate)
    section_changed.connect(controller.on_section_changed)
    controller.stop()  # the actions start disabled, the bar hidden
    viewport = content.viewport()
    viewport.installEventFilter(_AfterFirstPaint(controller, viewport))
    window.installEventFilter(_OnClose(controller, window))
    return controller


class _OnClose(QObject):
    """Closing the window stops the reading (a voice still loading finishes on its own)."""

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
