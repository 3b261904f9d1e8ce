"""The print thread lays out printouts while the window's thread deletes widgets that
objects made in Python are connected to (a dialog closed mid-export, a finished chapter
render): the pattern that once hung the whole app (reader/ui/worker_safety.py).

usage: print_while_deleting.py JOBS [--dialogs]
With --dialogs the widgets are dialogs opened and closed while each job runs (as Help
can be during an export), deleting themselves as the app's do (`delete_on_close`).
Runs in a process of its own, so a hang is a timeout for the test that starts it, not a
hung test run. Prints "laid out N" when every job finished.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir
from reader.pdf.composer import Composer
from reader.pdf.request import PdfRequest, Scope
from reader.ui.window.print_job import PrintThread
from reader.ui.worker_safety import delete_on_close

TREES_PER_JOB = 400
LABELS_PER_TREE = 12
DELETED_PER_TURN = 20


class Sender(QObject):
    """An object made in Python whose signal goes to a Qt slot of a label ."""

    said = Signal()


class Listener(QObject):
    """Hears the print thread's results on the window's thread."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self._then = then

    @Slot(object)
    def succeeded(self, _result: object) -> None:
        self._then()

    @Slot(str)
    def failed(self, message: str) -> None:
        sys.exit(f"failed: {message}")


def main() -> int:
    jobs = int(sys.argv[1])
    dialogs = "--dialogs" in sys.argv
    # the threads take turns with Python's lock ten times as often: more chances to meet
    sys.setswitchinterval(0.0005)
    app = QApplication(sys.argv[:1])
    handbook = load_handbook(bundled_handbook_dir())
    print_thread = PrintThread()
    done: list[int] = []
    senders: list[Sender] = []
    trees: list[QWidget] = []

    def build_trees() -> None:
        """Widgets that exist when the job starts, as an open dialog does."""
        for _ in range(TREES_PER_JOB):
            tree = QWidget()
            for _ in range(LABELS_PER_TREE):
                sender = Sender()
                sender.said.connect(QLabel(tree).clear)
                senders.append(sender)
            trees.append(tree)

    def delete_some() -> None:
        if dialogs:
            for _ in range(DELETED_PER_TURN):
                dialog = QDialog()
                for _ in range(LABELS_PER_TREE):
                    label = QLabel(dialog)  # deleted before the sender made after it
                    Sender(dialog).said.connect(label.clear)
                delete_on_close(dialog)
                dialog.done(0)
            return
        for _ in range(DELETED_PER_TURN):
            if trees:
                trees.pop().deleteLater()

    def start(number: int) -> None:
        if number == jobs:
            app.quit()
            return
        if not dialogs:
            build_trees()
        request = PdfRequest(Scope.ALL)

        def work(_stop: threading.Event, _progressed: object) -> object:
            # a new composer each time: nothing is reused, every job lays out afresh
            return Composer(handbook, date.today).document(request)

        print_thread.worker.run(work, threading.Event())

    def finished() -> None:
        done.append(1)
        trees.clear()
        senders.clear()
        start(len(done))

    # heard on this thread by an object of this thread, as the window's controller does
    listener = Listener(finished)
    queued = Qt.ConnectionType.QueuedConnection
    print_thread.worker.succeeded.connect(listener.succeeded, queued)
    print_thread.worker.failed.connect(listener.failed, queued)
    deleting = QTimer()
    deleting.setInterval(1)
    deleting.timeout.connect(delete_some)
    deleting.start()
    start(0)
    app.exec()
    print_thread.stop()
    print(f"laid out {len(done)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
