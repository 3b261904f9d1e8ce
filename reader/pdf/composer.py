"""One composer per handbook: each request laid out once, for preview, print and save.

The print dialog's Preview, Print and Save as PDF all ask the composer, so the pages a
reader previews are the very pages printed or saved, and asking again for the same
request (and the same day, which the title page prints) costs nothing. The composer
runs on whichever thread asks (the window asks from its print thread, which lives as
long as the window, so the font engines its laid-out text uses stay alive while the UI
thread paints a preview); one lock keeps two askers from laying out at once. No Qt
widgets here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.handbook import Handbook
from reader.pdf.compose import ComposedDocument, compose_document, write_document
from reader.pdf.request import PdfExportError, PdfRequest, validate
from reader.pdf.save import PdfReport, check_target


class ExportCancelled(PdfExportError):
    """The reader pressed Cancel; nothing was written."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Pdf", "Cancelled. Nothing was saved."))


class Composer:
    """Lays out printouts of one handbook, keeping the last one made."""

    def __init__(self, handbook: Handbook, today: Callable[[], date] = date.today) -> None:
        self.handbook = handbook
        self.today = today  # the date printed on the title page (tests fix it)
        self._lock = threading.Lock()
        self._last: tuple[PdfRequest, date, ComposedDocument] | None = None

    def check(self, request: PdfRequest) -> None:
        """Raise PdfRequestError when the request cannot be printed (the one place the
        rules live: reader.pdf.request.validate), before any slow work starts."""
        validate(self.handbook, request)

    def cached(self, request: PdfRequest) -> ComposedDocument | None:
        """The document already laid out for this request today, if there is one."""
        last = self._last
        if last is not None and last[0] == request and last[1] == self.today():
            return last[2]
        return None

    def document(self, request: PdfRequest) -> ComposedDocument:
        """The laid-out printout for `request`, made once. Raises PdfExportError."""
        with self._lock:
            found = self.cached(request)
            if found is not None:
                return found
            day = self.today()
            document = compose_document(self.handbook, request, printed_on=day)
            self._last = (request, day, document)
            return document

    def save(
        self,
        request: PdfRequest,
        out: Path,
        *,
        on_page: Callable[[int, int], None] | None = None,
        stop: threading.Event | None = None,
    ) -> PdfReport:
        """Write the request's printout to `out`, all or nothing. `on_page(n, total)`
        hears of progress; once `stop` is set the job ends with ExportCancelled before
        the next page or before the finished file replaces `out`."""
        halt = stop or threading.Event()

        def stop_here(*_: object) -> None:
            if halt.is_set():
                raise ExportCancelled

        check_target(out)
        document = self.document(request)
        stop_here()

        def page_done(number: int) -> None:
            if on_page is not None:
                on_page(number, document.page_count)
            stop_here()

        return write_document(document, out, on_page=page_done, check=stop_here)
