"""Printout work (lay out, or lay out and save) on one worker thread, so the window
keeps answering while a whole handbook is composed and written.

Qt's rich text classes are reentrant and QPainter may paint a QPdfWriter or QPrinter
off the UI thread (Qt's "Thread-Support in Qt Modules"). The thread lives as long as the
window's print controller, not one job, so saving twice does not start two threads.

The thread runs at the window's own priority. PySide holds Python's lock through every
Qt call, so the window waits whenever this thread is inside one; run nicer, it was
given the processor less often on a busy machine and so held the lock longer: a 20 ms
layout call kept the window waiting 100 to 450 ms (issue #34's export stall row).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from reader.pdf.request import PdfExportError
from reader.pyside_locks import settle
from reader.ui.worker_safety import settle_all

_log = logging.getLogger(__name__)

#: The work: given the job's stop flag and a progress callback, returns the result.
Work = Callable[[threading.Event, Callable[[int, int], None]], object]


class PrintWorker(QObject):
    """Lives on the print thread; runs one piece of work at a time, reports by signals."""

    progressed = Signal(int, int)  # pages painted, pages in all
    succeeded = Signal(object)  # what the work returned (a ComposedDocument, a PdfReport)
    failed = Signal(str)  # one plain sentence
    _requested = Signal(object, object)  # work, stop flag: queued onto the print thread

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("printWorker")
        self._requested.connect(self._run)
        # asked here, on the window's thread: settle_all passes over it once it has moved
        # to the print thread, and its listeners can be deleted while it works
        settle(self)

    def run(self, work: Work, stop: threading.Event) -> None:
        """Queue `work` on the worker's thread (called from the UI thread), once no
        window deleting a widget meanwhile can lock this thread out (worker_safety.py)."""
        settle_all()
        self._requested.emit(work, stop)

    @Slot(object, object)
    def _run(self, work: Work, stop: threading.Event) -> None:
        try:
            result = work(stop, self.progressed.emit)
        except PdfExportError as error:
            self.failed.emit(str(error))
        except Exception:  # a fault the core did not word: logged, and still one line
            _log.exception("printout failed")
            self.failed.emit(
                QCoreApplication.translate("PrintJob", "Could not make the PDF. Please try again.")
            )
        else:
            self.succeeded.emit(result)


class PrintThread(QObject):
    """The print thread and its worker, started when first needed and joined by `stop`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qthread = QThread()
        self.qthread.setObjectName("printThread")
        self.worker = PrintWorker()
        self.worker.moveToThread(self.qthread)
        self.qthread.start()

    def stop(self) -> None:
        self.qthread.quit()
        self.qthread.wait()
