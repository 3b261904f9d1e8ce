"""Deletes, on a worker thread as the print thread does, part documents whose layouts are
connected into a picture handler; run under gdb by tests/test_pyside_locks.py, which
breaks where PySide takes Python's lock and so sees whether a deletion needed it.

PySide lets Python's lock go while it deletes a Qt object for Python, and Qt then asks
each object made in Python that is connected into it whether Python overrides its
`disconnectNotify` (reader/pyside_locks.py). Each case writes a six-byte marker line
before its deletion, and "done." after the last:
- "ctrl:": a handler made in Python and never settled (the control: PySide asks, so
  the test knows its breakpoints catch the asking);
- "pict:": the printout's own handler (reader/pdf/pictures.py), settled as it is made.
Then on the window's thread, a label that an object made in Python is connected into
is let go of:
- "wctl:" before any worker started (the control again);
- "load:", "hyph:", "srch:" after a handbook load, a hyphenation read or the search
  index's worker started (each sends its result inside a Qt call, so each settles the
  window's objects first: reader/ui/worker_safety.py);
- "frzn:" after a worker started, a label made, as the first window's are, while the
  collector was off, and frozen as it resumed (`gc.freeze`: settle_all no longer sees
  such objects, so they are settled as they are frozen);
- "wrkr:" a listener of the print thread's worker (which has moved to the print
  thread, out of the window's settling, and so settles itself as it is made).

usage: deleting_without_python_lock.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import tempfile
from collections.abc import Callable

from PySide6.QtCore import QObject, QSizeF, QThread, QTimer, Signal
from PySide6.QtGui import QPyTextObject, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir
from reader.pdf.pictures import PICTURE_OBJECT, PictureObjects
from reader.ui.handbook_load import HandbookLoad
from reader.ui.panels.long_words import DELAY_MS, Patterns
from reader.ui.startup import pause_collector, resume_collector
from reader.ui.window.print_job import PrintThread
from reader.ui.window.searching import SearchIndexOwner


class BareHandler(QPyTextObject):
    """A handler made in Python that nothing settles."""


def delete_a_part(handler: QObject, marker: bytes) -> None:
    """A part document whose layout is connected into `handler`, then let go of."""
    doc = QTextDocument()
    doc.documentLayout().registerHandler(PICTURE_OBJECT, handler)
    os.write(1, marker)
    del doc


class Listener(QObject):
    """Hears the print thread's worker, as the window's print controller does."""

    def heard(self, _result: object) -> None:
        pass


class Sender(QObject):
    """An object made in Python, connected into a label."""

    said = Signal()


def let_go_of_a_label(start_worker: Callable[[], None], marker: bytes) -> None:
    """A label that a new `Sender` is connected into, let go of after `start_worker`."""
    sender = Sender()
    label = QLabel()
    sender.said.connect(label.clear)
    start_worker()
    os.write(1, marker)
    del label
    senders.append(sender)


senders: list[Sender] = []


def run_events(ms: int) -> None:
    QTimer.singleShot(ms, QApplication.quit)
    QApplication.exec()


class Printing(QThread):
    def run(self) -> None:
        control = BareHandler()
        delete_a_part(control, b"ctrl:\n")
        pictures = PictureObjects(bundled_handbook_dir(), QSizeF(100, 100))
        delete_a_part(pictures, b"pict:\n")


def main() -> int:
    app = QApplication(sys.argv[:1])
    printing = Printing()
    printing.start()
    printing.wait()
    let_go_of_a_label(lambda: None, b"wctl:\n")
    handbook = load_handbook(bundled_handbook_dir())
    loading = HandbookLoad(lambda: handbook)
    let_go_of_a_label(loading.start, b"load:\n")
    loading.wait()
    patterns = Patterns.shared()

    def read_patterns() -> None:
        patterns.want("en")
        run_events(DELAY_MS + 200)  # the read starts DELAY_MS after it is wanted

    let_go_of_a_label(read_patterns, b"hyph:\n")
    with tempfile.TemporaryDirectory() as cache:
        owner = SearchIndexOwner(handbook, Path(cache))
        let_go_of_a_label(owner.start, b"srch:\n")
        owner.shut_down()
    pause_collector()  # as a start does before the window is made
    frozen = Sender()
    frozen_label = QLabel()
    frozen.said.connect(frozen_label.clear)
    resume_collector()  # as the first window does after its first paint
    again = HandbookLoad(lambda: handbook)
    again.start()
    os.write(1, b"frzn:\n")
    del frozen_label
    again.wait()
    print_thread = PrintThread()
    listener = Listener()
    print_thread.worker.succeeded.connect(listener.heard)
    os.write(1, b"wrkr:\n")
    del listener
    print_thread.stop()
    os.write(1, b"done.\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
