"""The "Export PDF / Print" dialog: what to print, paper size, and Print, Preview, Save.

Printing and the preview paint the same `ComposedDocument` as the PDF export, so what the
preview shows is what the PDF holds. The dialog never picks a file itself: `save_target`
(a file dialog on the desktop, a fixed folder in kiosk mode) names the file, and the
dialog emits `export_requested(request, path)` for the main window to write it with
`reader.pdf.compose.export_pdf`; `show_result` then shows how that went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.handbook import Handbook
from reader.pdf.compose import ComposedDocument, PdfExportError, PdfRequest, compose_document
from reader.pdf.defaults import default_page_size, page_size_name, paper_locale
from reader.pdf.layout import page_layout
from reader.ui.plain_text import plain_label

__all__ = ["PrintDialog", "default_page_size"]

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole
SCOPES = ("section", "chapter", "all", "packet")


class PrintDialog(QDialog):
    """Choose a scope and paper size, then print, preview or save as PDF."""

    export_requested = Signal(object, object)  # PdfRequest, Path

    def __init__(
        self,
        handbook: Handbook,
        *,
        bookmarked: list[str],
        current_section_id: str,
        save_target: Callable[[], Path | None],
        locale: QLocale | None = None,
        direct_print: Callable[[ComposedDocument], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.direct_print = direct_print
        self.handbook = handbook
        self.current_section_id = current_section_id
        self.save_target = save_target
        self.preview: QPrintPreviewDialog | None = None
        self.saved_path: Path | None = None
        # How a saved file is opened (tests replace it; a kiosk turns it off).
        self.open_url: Callable[[QUrl], object] | None = QDesktopServices.openUrl
        self._preview_document: ComposedDocument | None = None
        self.setObjectName("printDialog")
        self.setWindowTitle(self.tr("Export PDF / Print"))
        self.setAccessibleName(self.tr("Export PDF or print"))
        # The system's country, not the interface language: a Spanish interface in
        # Mexico still prints on Letter, an English one in Spain on A4.
        self._build(bookmarked, default_page_size(locale or paper_locale()))
        self._scope_changed()

    # -- building -----------------------------------------------------------------

    def _named(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)

    def _build(self, bookmarked: list[str], page_size: str) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._scope_box())
        self.tree = self._packet_tree(set(bookmarked))
        layout.addWidget(self.tree, 1)
        self.glossary_check = QCheckBox(self.tr("Include a glossary of the words used"))
        self._named(self.glossary_check, "glossaryCheck", self.tr("Include a glossary"))
        self.glossary_check.setChecked(True)
        layout.addWidget(self.glossary_check)
        self.notes_check = QCheckBox(self.tr("Add a page for notes and questions"))
        self._named(self.notes_check, "notesPageCheck", self.tr("Add a notes page"))
        self.notes_check.setToolTip(
            self.tr("A last page with ruled lines, to write down questions for the care team")
        )
        layout.addWidget(self.notes_check)
        form = QFormLayout()
        self.page_size_combo = QComboBox()
        self._named(self.page_size_combo, "pageSizeCombo", self.tr("Paper size"))
        self.page_size_combo.addItem(self.tr("A4"), "A4")
        self.page_size_combo.addItem(self.tr("US Letter"), "Letter")
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(page_size))
        form.addRow(self.tr("Paper size:"), self.page_size_combo)
        layout.addLayout(form)
        layout.addLayout(self._status_row())
        layout.addLayout(self._buttons())

    def _status_row(self) -> QHBoxLayout:
        """How the last export went, with Open and Show in Folder once a file is saved.
        The buttons keep their room while hidden, so nothing moves when they appear."""
        row = QHBoxLayout()
        self.status_label = plain_label(QLabel())  # file and chapter names, as written
        self._named(self.status_label, "printStatus", self.tr("Print status"))
        self.status_label.setWordWrap(True)
        # A long file name wraps; it never widens the dialog under the pointer.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button = QPushButton(self.tr("Open"))
        self._named(self.open_button, "openPdfButton", self.tr("Open the saved PDF"))
        self.folder_button = QPushButton(self.tr("Show in Folder"))
        self._named(self.folder_button, "showPdfFolderButton", self.tr("Show the PDF's folder"))
        self.open_button.clicked.connect(lambda: self._open(self.saved_path))
        self.folder_button.clicked.connect(
            lambda: self._open(self.saved_path.parent if self.saved_path else None)
        )
        row.addWidget(self.status_label, 1)
        for button in (self.open_button, self.folder_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.setAutoDefault(False)
            button.hide()
            row.addWidget(button)
        return row

    def _open(self, path: Path | None) -> None:
        if path is not None and self.open_url is not None:
            self.open_url(QUrl.fromLocalFile(str(path)))

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to print"))
        self._named(box, "scopeBox", self.tr("What to print"))
        column = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        texts = {
            "section": self.tr("This section"),
            "chapter": self.tr("This chapter"),
            "all": self.tr("The whole handbook"),
            "packet": self.tr("A take-home packet of sections I choose"),
        }
        self.scope_buttons: dict[str, QRadioButton] = {}
        for number, scope in enumerate(SCOPES):
            button = QRadioButton(texts[scope])
            self._named(button, f"scope_{scope}", texts[scope])
            self.scope_group.addButton(button, number)
            self.scope_buttons[scope] = button
            column.addWidget(button)
        self.scope_buttons["section"].setChecked(True)
        self.scope_group.idToggled.connect(lambda *_: self._scope_changed())
        return box

    def _packet_tree(self, bookmarked: set[str]) -> QTreeWidget:
        tree = QTreeWidget()
        self._named(tree, "packetTree", self.tr("Sections for the take-home packet"))
        tree.setHeaderHidden(True)
        self._section_items: list[QTreeWidgetItem] = []
        for chapter in self.handbook.reading_chapters:
            chapter_item = QTreeWidgetItem([chapter.title])
            chapter_item.setFlags(
                chapter_item.flags()
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsAutoTristate
            )
            for section in chapter.sections:
                title = self.tr("Introduction") if section.level == 1 else section.title
                item = QTreeWidgetItem(chapter_item, ["   " * (section.level - 2) + title])
                item.setData(0, SECTION_ID_ROLE, section.id)
                self._section_items.append(item)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                picked = section.id in bookmarked
                item.setCheckState(0, Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)
            tree.addTopLevelItem(chapter_item)
            if any(s.id in bookmarked for s in chapter.sections):
                chapter_item.setExpanded(True)
        return tree

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self._named(self.print_button, "printButton", self.tr("Print"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self._named(self.preview_button, "previewButton", self.tr("Print preview"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self._named(self.save_button, "savePdfButton", self.tr("Save as PDF"))
        self.close_button = QPushButton(self.tr("Close"))
        self._named(self.close_button, "closeButton", self.tr("Close"))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.preview_button.clicked.connect(self.open_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.print_button)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        self.save_button.setDefault(True)
        return row

    # -- state --------------------------------------------------------------------

    def scope(self) -> str:
        for scope, button in self.scope_buttons.items():
            if button.isChecked():
                return scope
        return "section"

    def set_scope(self, scope: str) -> None:
        self.scope_buttons[scope].setChecked(True)

    def picked_section_ids(self) -> list[str]:
        """The ticked sections, in reading order."""
        return [
            str(item.data(0, SECTION_ID_ROLE))
            for item in self._section_items
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def request(self) -> PdfRequest:
        """What the dialog's controls ask for."""
        scope = self.scope()
        size = str(self.page_size_combo.currentData())
        glossary = self.glossary_check.isChecked()
        notes = self.notes_check.isChecked()
        if scope == "all":
            return PdfRequest("all", page_size=size, notes_page=notes)
        if scope == "chapter":
            chapter = self.handbook.chapter_of(self.current_section_id)
            chapter_id = chapter.id if chapter else self.current_section_id
            return PdfRequest("chapter", chapter_id, (), glossary, size, notes)
        if scope == "packet":
            picked = tuple(self.picked_section_ids())
            return PdfRequest("packet", None, picked, glossary, size, notes)
        return PdfRequest("sections", None, (self.current_section_id,), glossary, size, notes)

    def _scope_changed(self) -> None:
        packet = self.scope() == "packet"
        self.tree.setEnabled(packet)
        self.glossary_check.setEnabled(self.scope() != "all")
        self.show_result("")

    def show_result(self, message: str, saved: Path | None = None) -> None:
        """Show how an export went (the main window calls this after writing); with
        `saved`, offer to open the file or its folder."""
        self.status_label.setText(message)
        self.saved_path = saved
        can_open = saved is not None and self.open_url is not None
        self.open_button.setVisible(can_open)
        self.folder_button.setVisible(can_open)
        if can_open:
            self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions --------------------------------------------------------------------

    def compose(self) -> ComposedDocument | None:
        """Lay out the printout, or show why it cannot be made."""
        try:
            return compose_document(self.handbook, self.request())
        except PdfExportError as error:
            self.show_result(str(error))
            return None

    def print_to(self, printer: QPrinter, document: ComposedDocument | None = None) -> int:
        """Paint the printout on a printer; returns the number of pages (0 if nothing)."""
        document = document or self.compose()
        if document is None:
            return 0
        printer.setFullPage(True)
        printer.setPageLayout(page_layout(document.request.page_size))
        printer.setDocName(document.title)
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first, min(last, document.page_count) + 1) if first and last else None
        try:
            document.paint(printer, pages)
        except PdfExportError as error:
            self.show_result(str(error))
            return 0
        return len(pages) if pages else document.page_count

    def print_with_dialog(self) -> None:
        """Print: through the system's print dialog, or (on a kiosk) straight to the
        configured printer, so no dialog that can browse the computer ever opens."""
        document = self.compose()
        if document is None:
            return
        if self.direct_print is not None:
            try:
                self.direct_print(document)
            except Exception as error:  # a plain-language message from the printer path
                self.show_result(str(error))
                return
            self.show_result(self.tr("Sent %n page(s) to the printer.", "", document.page_count))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(document.request.page_size))
        chooser = QPrintDialog(printer, self)
        chooser.setObjectName("systemPrintDialog")
        if chooser.exec() == QDialog.DialogCode.Accepted:
            document = self.for_printer_paper(document, printer) or document
            count = self.print_to(printer, document)
            if count:
                self.show_result(self.tr("Sent %n page(s) to the printer.", "", count))

    def for_printer_paper(
        self, document: ComposedDocument, printer: QPrinter
    ) -> ComposedDocument | None:
        """The printout laid out again for the paper chosen in the printer's dialog, when
        that is the other size we lay out for (A4 or Letter); None when nothing changes."""
        chosen = page_size_name(printer.pageLayout().pageSize())
        if chosen is None or chosen == document.request.page_size:
            return None
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(chosen))
        return self.compose()

    def open_preview(self) -> QPrintPreviewDialog | None:
        """Open the print preview (not modal) on the same composed pages as the PDF."""
        document = self.compose()
        if document is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        printer.setPageLayout(page_layout(document.request.page_size))
        preview = QPrintPreviewDialog(printer, self)
        self._named(preview, "printPreview", self.tr("Print preview"))
        preview.paintRequested.connect(lambda target: self.print_to(target, document))
        self.preview, self._preview_document = preview, document
        preview.open()
        return preview

    def save_pdf(self) -> None:
        """Ask where to save, then hand the request to whoever writes files."""
        request = self.request()
        if request.scope == "packet" and not request.section_ids:
            self.show_result(self.tr("Tick at least one section for the packet."))
            return
        target = self.save_target()
        if target is None:
            return
        self.show_result(self.tr("Saving…"))
        self.export_requested.emit(request, target)
