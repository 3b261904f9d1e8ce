"""Kiosk printing: straight to the configured printer, with no dialog and no file
browser; problems become plain messages for the visitor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from reader.pdf.compose import ComposedDocument, PdfExportError
from reader.pdf.layout import page_layout


class KioskPrintError(Exception):
    """A printout that could not be sent; the message is for the visitor."""


def print_to_named_printer(document: ComposedDocument, printer_name: str) -> None:
    """Send a composed printout straight to the kiosk's printer: no dialog, no file
    browser. Raises KioskPrintError with a plain message."""
    if printer_name not in QPrinterInfo.availablePrinterNames():
        raise KioskPrintError(
            QCoreApplication.translate(
                "KioskShell", "The printer “%1” is not available. Please ask at the desk."
            ).replace("%1", printer_name)
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPageLayout(page_layout(document.request.page_size))
    printer.setDocName(document.title)
    try:
        document.paint(printer)
    except PdfExportError as error:
        raise KioskPrintError(str(error)) from None
