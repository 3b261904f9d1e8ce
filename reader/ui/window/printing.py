"""Printing and saving PDFs from the window, one way: the dialog describes a request, the
one composer lays it out once (off the UI thread), and this controller previews, prints
or saves that same document. Where a PDF goes and whether printing is direct come from
the window's policy (a kiosk's folder and printer, or a save dialog)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.handbook import Handbook
from reader.ui.window.policy import WindowPolicy
from reader.ui.worker_safety import delete_on_close

if TYPE_CHECKING:  # printing is imported when first used, to keep start-up quick
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.pdf.compose import ComposedDocument
    from reader.pdf.composer import Composer
    from reader.pdf.request import PdfRequest
    from reader.pdf.save import PdfReport
    from reader.ui.print_dialog import PrintDialog
    from reader.ui.window.print_job import PrintThread, Work


class PrintController(QObject):
    """Print or save: this section, this chapter, everything, or a take-home packet."""

    status_message = Signal(str)  # how the last printout went, for the status bar

    def __init__(
        self,
        handbook: Handbook,
        policy: WindowPolicy,
        *,
        current_section: Callable[[], str],
        bookmarked: Callable[[], list[str]],
        parent: QWidget,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printController")
        self.handbook = handbook
        self.policy = policy
        #: Names the file a save writes: the policy's folder, else a save dialog (a test
        #: puts its own here).
        self.save_target: Callable[[], Path | None] = policy.pdf_target or self.ask_pdf_path
        self._current_section = current_section
        self._bookmarked = bookmarked
        self._parent = parent
        self.today = today
        self.last_saved: Path | None = None  # the PDF the last export wrote
        self.dialog: PrintDialog | None = None
        self.job: threading.Event | None = None  # the running job's stop flag
        self._then: Callable[..., object] | None = None
        self._thread: PrintThread | None = None
        self._composer: Composer | None = None
        self._composer_lock = threading.Lock()
        self.open_preview: tuple[QPrintPreviewDialog, QPrinter] | None = None  # kept while open
        parent.installEventFilter(self)  # join the worker when the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._parent and event.type() == QEvent.Type.Close:
            self.shut_down()
        return False

    @property
    def composer(self) -> Composer:
        """The one composer of this handbook's printouts, made when first printing (on
        the print thread for a save, so its imports never hold up the window)."""
        with self._composer_lock:
            if self._composer is None:
                from reader.pdf.composer import Composer

                self._composer = Composer(self.handbook, lambda: self.today())
            return self._composer

    def open_dialog(self) -> PrintDialog:
        from reader.ui.print_dialog import PrintDialog

        policy = self.policy
        dialog = PrintDialog(
            self.handbook,
            bookmarked=self._bookmarked(),
            current_section_id=self._current_section(),
            parent=self._parent,
        )
        dialog.preview_button.setVisible(policy.system_dialogs)
        dialog.print_button.setVisible(policy.system_dialogs or policy.direct_print is not None)
        dialog.save_button.setVisible(policy.system_dialogs or policy.direct_print is None)
        if not policy.system_dialogs:
            dialog.open_url = None  # no other programs where there are no system dialogs
        dialog.save_requested.connect(self.save)
        dialog.print_requested.connect(self.print_request)
        dialog.preview_requested.connect(self.preview)
        dialog.cancel_requested.connect(self.cancel)
        dialog.finished.connect(self.cancel)
        delete_on_close(dialog)
        dialog.open()
        self.dialog = dialog
        return dialog

    # -- the three things a request can become ---------------------------------------

    def save(self, request: PdfRequest) -> None:
        """Check the request, ask where (or take the policy's folder), then compose and
        write off the UI thread; the dialog shows progress and how it went."""
        if not self._acceptable(request):
            return
        target = self.save_target
        path = target()
        if path is None:
            return

        def work(stop: threading.Event, progressed: Callable[[int, int], None]) -> PdfReport:
            return self.composer.save(request, path, on_page=progressed, stop=stop)

        self.last_saved = None
        self._start(work, self._saved, QCoreApplication.translate("PrintDialog", "Saving…"))

    def preview(self, request: PdfRequest) -> None:
        """Compose (once), then open the print preview on those very pages."""
        from reader.ui.window.print_paper import open_preview

        def show(document: ComposedDocument) -> None:
            self.open_preview = open_preview(document, self._dialog_or_parent())

        self._compose(request, show)

    def print_request(self, request: PdfRequest) -> None:
        """Compose (once), then print: straight to the policy's printer, or through the
        system's print dialog (composed again only if its paper is the other size)."""
        self._compose(request, self._print_composed)

    def _print_composed(self, document: ComposedDocument) -> None:
        from reader.ui.window.print_paper import choose_printer, paint_on

        direct = self.policy.direct_print
        if direct is not None:
            try:
                direct(document)
            except Exception as error:  # the printer path's own plain-language message
                self._report(str(error))
                return
            words = self.policy.printout_words
            self._report(
                words(None, document.page_count)
                if words is not None
                else QCoreApplication.translate(
                    "PrintDialog", "Sent %n page(s) to the printer.", "", document.page_count
                )
            )
            return
        chosen = choose_printer(document, self._dialog_or_parent())
        if chosen is None:
            return
        printer, paper = chosen
        if paper is not None and self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.set_page_size(paper)
            again = self.dialog.request()
            self._compose(again, lambda laid_out: self._report(paint_on(printer, laid_out)))
            return
        self._report(paint_on(printer, document))

    def cancel(self) -> None:
        """Stop the printout being made (Cancel, or the dialog closed)."""
        if self.job is not None:
            self.job.set()

    def shut_down(self) -> None:
        """Stop the job and join the print thread (the window calls this as it closes)."""
        self.cancel()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.stop()
        self.job = None

    # -- running jobs ---------------------------------------------------------------------

    def _acceptable(self, request: PdfRequest) -> bool:
        """The core's rules (a packet needs a section...), shown in the dialog. Only the
        light request module is imported here; the composer loads on the print thread."""
        from reader.pdf.request import PdfExportError, validate

        try:
            validate(self.handbook, request)
        except PdfExportError as error:
            self._report(str(error))
            return False
        return True

    def _compose(self, request: PdfRequest, then: Callable[[ComposedDocument], object]) -> None:
        """Lay out on the print thread (once per request: the preview, Print and Save
        share the document), then `then` paints it here on the UI thread."""
        if not self._acceptable(request):
            return

        def work(_stop: threading.Event, _progressed: Callable[[int, int], None]) -> object:
            return self.composer.document(request)

        self._start(work, then, QCoreApplication.translate("PrintDialog", "Preparing…"))

    def _start(self, work: Work, then: Callable[..., object], message: str) -> None:
        if self.job is not None:  # one printout at a time: the buttons are off meanwhile
            return
        thread = self._print_thread()
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.set_busy(True, message)
        self.job, self._then = threading.Event(), then
        thread.worker.run(work, self.job)

    def _print_thread(self) -> PrintThread:
        if self._thread is None:
            from reader.ui.window.print_job import PrintThread

            queued = Qt.ConnectionType.QueuedConnection
            self._thread = PrintThread(self)
            self._thread.worker.progressed.connect(self._progressed, queued)
            self._thread.worker.succeeded.connect(self._succeeded, queued)
            self._thread.worker.failed.connect(self._failed, queued)
        return self._thread

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.dialog
        if self.job is not None and dialog is not None and shiboken6.isValid(dialog):
            dialog.show_progress(done, total)

    def _succeeded(self, result: object) -> None:
        then = self._idle()
        if then is not None:
            then(result)

    def _failed(self, text: str) -> None:
        self._idle()
        self._report(text)

    def _idle(self) -> Callable[..., object] | None:
        then, self._then, self.job = self._then, None, None
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.set_busy(False)
        return then

    def _saved(self, report: PdfReport) -> None:
        self.last_saved = Path(report.path)
        words = self.policy.printout_words
        if words is not None:  # a visitor's words: no path, nothing to open
            self._report(words(self.last_saved, report.pages))
            return
        text = self.tr("Saved %1 (%2 pages).").replace("%1", str(report.path))
        self._report(text.replace("%2", str(report.pages)), self.last_saved)

    def _report(self, message: str, saved: Path | None = None) -> None:
        if message:
            self.status_message.emit(message)
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.show_result(message, saved)

    def _dialog_or_parent(self) -> QWidget:
        dialog = self.dialog
        return dialog if dialog is not None and shiboken6.isValid(dialog) else self._parent

    # -- where a PDF goes ---------------------------------------------------------------

    def suggested_name(self) -> str:
        """The file name offered: `take-home-packet-YYYY-MM-DD.pdf` for a packet, the
        handbook's, chapter's or section's name otherwise (see reader.pdf.defaults)."""
        from reader.pdf.defaults import suggested_file_name
        from reader.pdf.request import PdfRequest, Scope

        if self.dialog is not None and shiboken6.isValid(self.dialog):
            request = self.dialog.request()
        else:
            request = PdfRequest(Scope.SECTIONS, None, (self._current_section(),))
        return suggested_file_name(self.handbook, request, self.today())

    def ask_pdf_path(self) -> Path | None:
        name = self.suggested_name()
        chosen, _ = QFileDialog.getSaveFileName(
            self._dialog_or_parent(),
            self.tr("Save as PDF"),
            str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
