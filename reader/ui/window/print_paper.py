"""Putting a composed printout on paper: the system's print dialog, the preview, and
painting on the printer chosen. The document was laid out once by the composer; these
only paint it, so the preview shows exactly what prints and what a PDF holds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from reader.pdf.compose import ComposedDocument
from reader.pdf.defaults import page_size_name
from reader.pdf.layout import page_layout
from reader.pdf.request import PdfExportError


def printer_for(document: ComposedDocument) -> QPrinter:
    """A high-resolution printer set to the printout's paper, margins left to us."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document.request.page_size))
    printer.setDocName(document.title)
    return printer


def print_to(printer: QPrinter, document: ComposedDocument) -> int:
    """Paint the printout (or the pages the printer's dialog picked); the page count.
    Raises PdfExportError when the printer cannot start."""
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document.request.page_size))
    printer.setDocName(document.title)
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first, min(last, document.page_count) + 1) if first and last else None
    document.paint(printer, pages)
    return len(pages) if pages else document.page_count


def paint_on(printer: QPrinter, document: ComposedDocument) -> str:
    """Print, and say in one plain sentence how it went."""
    try:
        count = print_to(printer, document)
    except PdfExportError as error:
        return str(error)
    if count == 1:
        return QCoreApplication.translate("PrintDialog", "Sent 1 page to the printer.")
    sent = QCoreApplication.translate("PrintDialog", "Sent %1 pages to the printer.")
    return sent.replace("%1", str(count))


def choose_printer(
    document: ComposedDocument, parent: QWidget
) -> tuple[QPrinter, str | None] | None:
    """The system's print dialog: the printer chosen and, when its paper is the other
    size we lay out for (A4 or Letter), that size; None when the reader cancels."""
    printer = printer_for(document)
    chooser = QPrintDialog(printer, parent)
    chooser.setObjectName("systemPrintDialog")
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer, other_paper(document, printer)


def other_paper(document: ComposedDocument, printer: QPrinter) -> str | None:
    """The printer's paper when it is not the one the printout was laid out for."""
    chosen = page_size_name(printer.pageLayout().pageSize())
    return None if chosen is None or chosen == document.request.page_size else chosen


def open_preview(
    document: ComposedDocument, parent: QWidget
) -> tuple[QPrintPreviewDialog, QPrinter]:
    """The print preview (not modal), painting the same composed pages as the PDF, and
    its printer: the caller keeps it while the preview is open (Qt does not own it)."""
    printer = printer_for(document)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("printPreview")
    preview.setAccessibleName(QCoreApplication.translate("PrintDialog", "Print preview"))
    preview.paintRequested.connect(lambda target: paint_on(target, document))
    preview.open()
    return preview, printer
