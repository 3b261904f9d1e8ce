"""A handbook loaded off the window's thread, for a language switch or File > Open.

Loading reads and checks every file through the gate and parses the chapters: pure
Python, no widgets, 150 ms or more for the bundled handbook and far more for a big
one, time the window used to stand frozen. `HandbookLoad` runs the load in a QThread
(Python threads must not emit Qt signals) and hands the handbook, or what went wrong,
back on the window's thread; the window meanwhile says "Opening…" and shows a busy
pointer (`Busy`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QMainWindow

from reader.handbook import Handbook
from reader.ui.worker_safety import settle_all

#: Reads a handbook (called in the worker thread; must not touch widgets).
Load = Callable[[], Handbook]


class _LoadThread(QThread):
    """Runs the load; its result goes out through a signal, queued to the window."""

    done = Signal(object)  # a Handbook, or the Exception the load raised

    def __init__(self, load: Load, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("handbookLoadThread")
        self._load = load

    def run(self) -> None:
        try:
            result: object = self._load()
        except Exception as error:  # any failure: said in the window, which stays
            result = error
        self.done.emit(result)


class HandbookLoad(QObject):
    """One load: `loaded(Handbook)` or `failed(Exception)`, on the window's thread."""

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, load: Load, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handbookLoad")
        self._thread = _LoadThread(load, self)
        self._thread.done.connect(self._done)  # a slot of this object: queued to its thread

    def start(self) -> None:
        settle_all()  # its signal is sent inside a Qt call (worker_safety.py)
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        """Join the worker (the session closes: its thread must end first)."""
        self._thread.wait()

    def _done(self, result: object) -> None:
        self._thread.wait()  # it has emitted its last signal; let it end before we go on
        if isinstance(result, Handbook):
            self.loaded.emit(result)
        else:
            self.failed.emit(result)


class Busy:
    """What a person sees while a handbook opens: "Opening…" in the window's status
    bar and a busy pointer over the whole application, until `end()`."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        text = QCoreApplication.translate("Session", "Opening the handbook…")
        window.statusBar().showMessage(text)
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        self._on = True

    def end(self) -> None:
        if self._on:
            self._on = False
            QGuiApplication.restoreOverrideCursor()
            self._window.statusBar().clearMessage()
