"""Printing and saving PDFs from the window: the print dialog, the export it asks for,
and where a PDF is saved. A kiosk sets the window's `pdf_save_target` and
`direct_print` to its own folder or printer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

if TYPE_CHECKING:  # printing is imported when first used, to keep start-up quick
    from reader.pdf.compose import PdfRequest
    from reader.ui.mainwindow import MainWindow
    from reader.ui.print_dialog import PrintDialog


class PrintController(QObject):
    """Print or save: this section, this chapter, everything, or a take-home packet."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("printController")
        self.window = window
        self.last_saved: Path | None = None  # the PDF the last export wrote
        self.dialog: PrintDialog | None = None

    def open_dialog(self) -> PrintDialog:
        from reader.ui.print_dialog import PrintDialog

        window = self.window
        dialog = PrintDialog(
            window.handbook,
            bookmarked=[b.section_id for b in window.bookmarks.bookmarks()],
            current_section_id=window.current_section_id,
            save_target=window.pdf_save_target,
            direct_print=window.direct_print,
            parent=window,
        )
        if (
            not window.policy.system_dialogs
        ):  # no system dialogs: print goes to the kiosk's printer or folder
            dialog.preview_button.hide()
            dialog.print_button.setVisible(window.direct_print is not None)
            dialog.save_button.setVisible(window.direct_print is None)
        if not window.policy.system_dialogs:
            dialog.open_url = None  # no other programs on a kiosk
        dialog.export_requested.connect(
            lambda request, path: dialog.show_result(self.export(request, path), self.last_saved)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def export(self, request: PdfRequest, path: Path) -> str:
        """Write the PDF; the plain sentence that says how it went."""
        from reader.pdf.compose import PdfExportError, export_pdf

        self.last_saved = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = export_pdf(self.window.handbook, request, path)
        except PdfExportError as error:
            return str(error)
        finally:
            QApplication.restoreOverrideCursor()
        self.last_saved = Path(report.path)
        text = self.tr("Saved %1 (%2 pages).").replace("%1", str(report.path))
        return text.replace("%2", str(report.pages))

    def suggested_name(self) -> str:
        """The file name offered: `take-home-packet-YYYY-MM-DD.pdf` for a packet, the
        handbook's, chapter's or section's name otherwise (see reader.pdf.defaults)."""
        from datetime import date

        from reader.pdf.compose import PdfRequest
        from reader.pdf.defaults import suggested_file_name

        window = self.window
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            request = self.dialog.request()
        else:
            request = PdfRequest("sections", None, (window.current_section_id,))
        return suggested_file_name(window.handbook, request, date.today())

    def ask_pdf_path(self) -> Path | None:
        window = self.window
        name = self.suggested_name()
        chosen, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Save as PDF"),
            str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
