"""The "Export PDF / Print" dialog: it describes what to print and nothing else.

The reader picks a scope (this section, this chapter, the whole handbook, or a packet of
ticked sections), the paper and a notes page; Print, Preview and Save as PDF emit the
`PdfRequest` they describe, and whoever owns printing (reader/ui/window/printing.py)
composes it once, off the UI thread, and reports back with `show_progress` and
`show_result`. While that runs a progress bar and a Cancel button show here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.handbook import Handbook
from reader.handbook.model import Chapter
from reader.pdf.defaults import default_page_size, paper_locale
from reader.pdf.request import PdfRequest, Scope
from reader.ui.plain_text import plain_label
from reader.ui.wrapping import ButtonRows, Scroller, WrappingChoice, open_with_room

__all__ = ["PrintDialog", "default_page_size"]

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole
_NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX: a widget's maximum width when it has none


def _whole_chapter_bookmarked(chapter: Chapter, bookmarked: set[str]) -> bool:
    """A bookmark on a chapter (its id, or its opening section's) stands for the whole
    chapter: a parent who bookmarked it wants all of it in the packet, not only the
    introduction."""
    return chapter.id in bookmarked or (bool(chapter.sections) and chapter.intro.id in bookmarked)


#: The scopes in the order the dialog offers them ("This section" is SECTIONS with one id).
SCOPES = (Scope.SECTIONS, Scope.CHAPTER, Scope.ALL, Scope.PACKET)


class PrintDialog(QDialog):
    """Choose a scope and paper size; Print, Preview and Save ask for that request."""

    print_requested = Signal(object)  # PdfRequest
    preview_requested = Signal(object)  # PdfRequest
    save_requested = Signal(object)  # PdfRequest
    cancel_requested = Signal()

    def __init__(
        self,
        handbook: Handbook,
        *,
        bookmarked: list[str],
        current_section_id: str,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.handbook = handbook
        self.current_section_id = current_section_id
        self.saved_path: Path | None = None
        # How a saved file is opened (tests replace it; without system dialogs, None).
        self.open_url: Callable[[QUrl], object] | None = QDesktopServices.openUrl
        self.setObjectName("printDialog")
        self._sized = False  # given its size, within the screen, when first shown
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
        """The choices scroll, if they must, above the status row and the buttons,
        which always show (at 300% on 1024 x 768 the dialog was 820 px tall)."""
        choices = QWidget()
        choices.setObjectName("printChoices")
        layout = QVBoxLayout(choices)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scope_box())
        self.tree = self._packet_tree(set(bookmarked))
        self.tree.itemChanged.connect(self._ticked_by_hand)
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
        self._scroller = Scroller(choices, "printChoicesScroller")
        whole = QVBoxLayout(self)
        whole.addWidget(self._scroller, 1)
        whole.addLayout(self._feedback_row())
        whole.addWidget(self._buttons())
        self.save_button.setDefault(True)  # once it is in the dialog, which keeps it so
        self.set_busy(False)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # room for every choice, within the screen (wrapping.py)
            self._sized = True
            self._room_to_open()  # the owner says by now whether files may be opened
            open_with_room(self, self._scroller)
        super().showEvent(event)

    def _feedback_row(self) -> QHBoxLayout:
        """One row tells how a printout goes: the status at the left; at the right a
        stack of Cancel beside a progress bar (while busy), Open and Show in Folder
        (after a save) or nothing (at rest). The stack keeps the room of its largest
        page whichever shows, so the row keeps its height (unless a long message wraps)
        and the dialog its width: nothing the reader is about to click moves when a
        printout starts or ends. At rest it is the only room kept (two kept rows left
        118 px empty above "Guardar como PDF" at 300% on 1024 x 768, room the choices
        need)."""
        row = QHBoxLayout()
        self.status_label = plain_label(QLabel())  # file and chapter names, as written
        self._named(self.status_label, "printStatus", self.tr("Print status"))
        self.status_label.setWordWrap(True)
        # A long file name wraps; it never widens the dialog under the pointer.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.status_label, 1)
        self._feedback = QStackedWidget()
        self._feedback.setObjectName("printFeedback")
        self._at_rest = QWidget()
        self._at_rest.setObjectName("printAtRest")
        self._feedback.addWidget(self._at_rest)
        self._feedback.addWidget(self._busy_page())
        self._feedback.addWidget(self._saved_page())
        row.addWidget(self._feedback)
        return row

    def _busy_page(self) -> QWidget:
        """The progress bar and Cancel. The bar takes what room the row gives it and asks
        for none (its own wish widened the dialog by 19 px while saving)."""
        self._busy = page = QWidget()
        page.setObjectName("printBusy")
        self.progress_bar = QProgressBar()
        self._named(self.progress_bar, "printProgress", self.tr("Progress of the printout"))
        self.progress_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self._named(self.cancel_button, "cancelPrintButton", self.tr("Cancel the printout"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        return page

    def _saved_page(self) -> QWidget:
        """Open and Show in Folder, once a file is saved, at the row's right end."""
        self._saved = page = QWidget()
        page.setObjectName("printSaved")
        self.open_button = QPushButton(self.tr("Open"))
        self._named(self.open_button, "openPdfButton", self.tr("Open the saved PDF"))
        self.folder_button = QPushButton(self.tr("Show in Folder"))
        self._named(self.folder_button, "showPdfFolderButton", self.tr("Show the PDF's folder"))
        self.open_button.clicked.connect(lambda: self._open(self.saved_path))
        self.folder_button.clicked.connect(
            lambda: self._open(self.saved_path.parent if self.saved_path else None)
        )
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        return page

    def _open(self, path: Path | None) -> None:
        if path is not None and self.open_url is not None:
            self.open_url(QUrl.fromLocalFile(str(path)))

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to print"))
        self._named(box, "scopeBox", self.tr("What to print"))
        column = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        texts = {
            Scope.SECTIONS: self.tr("This section"),
            Scope.CHAPTER: self.tr("This chapter"),
            Scope.ALL: self.tr("The whole handbook"),
            Scope.PACKET: self.tr("A take-home packet of sections I choose"),
        }
        self.scope_buttons: dict[Scope, QRadioButton] = {}
        for number, scope in enumerate(SCOPES):
            button = QRadioButton()
            self._named(button, f"scope_{scope}", texts[scope])
            self.scope_group.addButton(button, number)
            self.scope_buttons[scope] = button
            column.addWidget(WrappingChoice(button, texts[scope]))  # words wrap at 300%
        self.scope_buttons[Scope.SECTIONS].setChecked(True)
        self.scope_group.idToggled.connect(lambda *_: self._scope_changed())
        return box

    def _packet_tree(self, bookmarked: set[str]) -> QTreeWidget:
        tree = QTreeWidget()
        self._named(tree, "packetTree", self.tr("Sections for the take-home packet"))
        tree.setHeaderHidden(True)
        self._section_items: list[QTreeWidgetItem] = []
        for chapter in self.handbook.reading_chapters:
            whole = _whole_chapter_bookmarked(chapter, bookmarked)
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
                picked = whole or section.id in bookmarked
                item.setCheckState(0, Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)
            tree.addTopLevelItem(chapter_item)
            if any(s.id in bookmarked for s in chapter.sections):
                chapter_item.setExpanded(True)
        return tree

    def _buttons(self) -> ButtonRows:
        self.print_button = QPushButton(self.tr("Print…"))
        self._named(self.print_button, "printButton", self.tr("Print"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self._named(self.preview_button, "previewButton", self.tr("Print preview"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self._named(self.save_button, "savePdfButton", self.tr("Save as PDF"))
        self.close_button = QPushButton(self.tr("Close"))
        self._named(self.close_button, "closeButton", self.tr("Close"))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.request()))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.request()))
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        rows = ButtonRows(
            [self.print_button, self.preview_button], [self.save_button, self.close_button]
        )
        rows.setObjectName("printButtons")
        return rows

    # -- state --------------------------------------------------------------------

    def scope(self) -> Scope:
        for scope, button in self.scope_buttons.items():
            if button.isChecked():
                return scope
        return Scope.SECTIONS

    def set_scope(self, scope: Scope | str) -> None:
        self.scope_buttons[Scope(scope)].setChecked(True)

    def picked_section_ids(self) -> list[str]:
        """The ticked sections, in reading order."""
        return [
            str(item.data(0, SECTION_ID_ROLE))
            for item in self._section_items
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_page_size(self, page_size: str) -> None:
        """Show the paper a printer's dialog chose (A4 or Letter)."""
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(page_size))

    def request(self) -> PdfRequest:
        """What the dialog's controls ask for."""
        scope = self.scope()
        size = str(self.page_size_combo.currentData())
        glossary = self.glossary_check.isChecked()
        notes = self.notes_check.isChecked()
        if scope == Scope.ALL:
            return PdfRequest(Scope.ALL, page_size=size, notes_page=notes)
        if scope == Scope.CHAPTER:
            chapter = self.handbook.chapter_of(self.current_section_id)
            chapter_id = chapter.id if chapter else self.current_section_id
            return PdfRequest(Scope.CHAPTER, chapter_id, (), glossary, size, notes)
        picked: tuple[str, ...] = (self.current_section_id,)
        if scope == Scope.PACKET:
            picked = tuple(self.picked_section_ids())
        return PdfRequest(scope, None, picked, glossary, size, notes)

    def _ticked_by_hand(self, item: QTreeWidgetItem, column: int) -> None:
        """A section ticked in the list asks for a packet: choose that scope (the list
        stays reachable by Tab whatever is chosen, so it must also work whatever is)."""
        if column == 0 and item.checkState(0) != Qt.CheckState.Unchecked:
            self.set_scope(Scope.PACKET)

    def _scope_changed(self) -> None:
        self.glossary_check.setEnabled(self.scope() != Scope.ALL)
        self.show_result("")

    def show_result(self, message: str, saved: Path | None = None) -> None:
        """Show how a printout went; with `saved`, offer to open the file or its folder."""
        self.set_busy(False)
        self._room_to_open()
        self.status_label.setText(message)
        self.saved_path = saved
        can_open = saved is not None and self.open_url is not None
        self._feedback.setCurrentWidget(self._saved if can_open else self._at_rest)
        if can_open:
            self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _room_to_open(self) -> None:
        """Where no other program may open a file (the kiosk), Open and Show in Folder
        are never offered: the row keeps no room for them."""
        if self.open_url is None:
            self._saved.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_busy(self, busy: bool, message: str = "") -> None:
        """While a printout is made: the progress bar (moving until pages are counted)
        and Cancel show, and the buttons that would start another one are off."""
        self.busy = busy
        self.progress_bar.setRange(0, 0)
        for button in (self.print_button, self.preview_button, self.save_button):
            button.setEnabled(not busy)
        # Busy, the status is a word ("Saving…"): the bar gets the rest of the row. A
        # limit, not a wish, so a long translation wraps instead of widening the dialog.
        words = self.status_label.fontMetrics().horizontalAdvance(f"{message}  ")
        self.status_label.setMaximumWidth(words if busy else _NO_LIMIT)
        if busy:
            self.status_label.setText(message)
            self._feedback.setCurrentWidget(self._busy)
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._feedback.currentWidget() is self._busy:
            self._feedback.setCurrentWidget(self._at_rest)

    def show_progress(self, done: int, total: int) -> None:
        """Pages painted so far, out of all."""
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    # -- actions --------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask for the request to be saved as a PDF (the owner picks the file)."""
        self.save_requested.emit(self.request())
