"""The Export PDF / Print dialog, driven for real offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.handbook.languages import load_handbook_in
from reader.pdf.compose import PdfRequest, export_pdf
from reader.pdf.request import Scope
from reader.ui.print_dialog import PrintDialog, default_page_size
from reader.ui.text_size import apply_text_size
from reader.ui.translations import install_translators
from reader.ui.window.policy import WindowPolicy
from reader.ui.window.print_paper import print_to
from reader.ui.window.printing import PrintController
from reader.ui.wrapping import ButtonRows, Scroller, WrappingChoice
from tests.conftest import WriteHandbook
from tests.helpers.interface_language import speaking

CHAPTERS = {
    "chapters/one.md": "# One Title\n\nA quokka hops.\n\n## Hops\n\nMore.\n\n## Naps\n\nZzz.\n",
    "chapters/two.md": "# Two Title\n\nPlain words.\n\n## Walks\n\nSteps.\n",
    "glossary.toml": '[[terms]]\nterm = "Quokka"\ndefinition = "Quokkadef: small."\n',
}
MANIFEST = 'title = "Dialog Book"\nchapters = ["chapters/one.md", "chapters/two.md"]\n'


@pytest.fixture
def book(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook(CHAPTERS, manifest=MANIFEST))


def _dialog(qtbot: QtBot, book: Handbook, locale: QLocale | None = None) -> PrintDialog:
    dialog = PrintDialog(
        book,
        bookmarked=["one/naps", "two/walks"],
        current_section_id="one/hops",
        locale=locale or QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _controller(
    qtbot: QtBot, book: Handbook, policy: WindowPolicy, bookmarked: list[str] | None = None
) -> PrintController:
    """A print controller built with only what it uses, on a plain parent widget."""
    parent = QWidget()
    qtbot.addWidget(parent)
    marks = ["one/naps", "two/walks"] if bookmarked is None else bookmarked
    return PrintController(
        book,
        policy,
        current_section=lambda: "one/hops",
        bookmarked=lambda: marks,
        parent=parent,
    )


def _wait_idle(qtbot: QtBot, controller: PrintController) -> None:
    qtbot.waitUntil(lambda: controller.job is None, timeout=20_000)


def test_every_control_has_a_name_and_an_accessible_name(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book)
    assert dialog.objectName() == "printDialog"
    controls: list[QWidget] = [*dialog.findChildren(QAbstractButton)]
    controls += [*dialog.findChildren(QComboBox), *dialog.findChildren(QTreeWidget)]
    assert len(controls) >= 10
    for control in controls:
        assert isinstance(control, QWidget)
        assert control.objectName(), control
        assert control.accessibleName(), control.objectName()


def test_bookmarked_sections_are_preselected_for_the_packet(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book)
    assert dialog.picked_section_ids() == ["one/naps", "two/walks"]
    qtbot.mouseClick(dialog.scope_buttons[Scope.PACKET], Qt.MouseButton.LeftButton)
    assert dialog.request() == PdfRequest("packet", None, ("one/naps", "two/walks"), True, "A4")


def test_scopes_map_to_requests(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book)
    assert dialog.request() == PdfRequest("sections", None, ("one/hops",), True, "A4")
    dialog.set_scope("chapter")
    assert dialog.request().scope == "chapter" and dialog.request().chapter_id == "one"
    dialog.set_scope("all")
    assert dialog.request() == PdfRequest("all")
    assert not dialog.glossary_check.isEnabled()


@pytest.mark.parametrize(
    ("territory", "size"),
    [
        (QLocale.Country.UnitedStates, "Letter"),
        (QLocale.Country.Canada, "Letter"),
        (QLocale.Country.Germany, "A4"),
    ],
)
def test_paper_size_defaults_from_the_locale(
    qtbot: QtBot, book: Handbook, territory: QLocale.Country, size: str
) -> None:
    locale = QLocale(QLocale.Language.English, territory)
    assert default_page_size(locale) == size
    assert _dialog(qtbot, book, locale=locale).request().page_size == size


def test_save_emits_the_request_and_the_scope_is_typed(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book)
    dialog.set_scope("packet")
    with qtbot.waitSignal(dialog.save_requested) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (request,) = blocker.args
    assert request.scope is Scope.PACKET and request.section_ids == ("one/naps", "two/walks")
    dialog.set_scope(Scope.SECTIONS)
    assert dialog.request().scope is Scope.SECTIONS == "sections"


def test_cancelled_save_writes_nothing(qtbot: QtBot, book: Handbook, tmp_path: Path) -> None:
    controller = _controller(qtbot, book, WindowPolicy(pdf_target=lambda: None))
    dialog = controller.open_dialog()
    dialog.save_pdf()
    assert controller.job is None and not list(tmp_path.glob("*.pdf"))
    dialog.close()


def test_empty_packet_is_refused_by_the_core_rule_before_asking_where(
    qtbot: QtBot, book: Handbook
) -> None:
    asked: list[bool] = []

    def target() -> Path | None:
        asked.append(True)
        return None

    policy = WindowPolicy(pdf_target=target)
    controller = _controller(qtbot, book, policy, bookmarked=[])
    dialog = controller.open_dialog()
    dialog.set_scope("packet")
    dialog.save_pdf()
    assert dialog.status_label.text() == "Choose at least one section to print."
    assert asked == [] and controller.job is None
    dialog.close()


def test_printing_paints_the_same_pages_as_the_pdf(
    qtbot: QtBot, book: Handbook, tmp_path: Path
) -> None:
    controller = _controller(qtbot, book, WindowPolicy())
    dialog = controller.open_dialog()
    dialog.set_scope("all")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = print_to(printer, controller.composer.document(dialog.request()))
    exported = export_pdf(book, dialog.request(), tmp_path / "exported.pdf")
    assert pages == exported.pages == len(PdfReader(printed).pages)
    printed_text = [p.extract_text().split() for p in PdfReader(printed).pages]
    exported_text = [p.extract_text().split() for p in PdfReader(exported.path).pages]
    assert printed_text == exported_text
    dialog.close()


def test_preview_shows_every_page_of_the_one_composed_document(
    qtbot: QtBot, book: Handbook
) -> None:
    controller = _controller(qtbot, book, WindowPolicy())
    dialog = controller.open_dialog()
    dialog.set_scope("all")
    dialog.preview_button.click()
    _wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: dialog.findChild(QPrintPreviewDialog, "printPreview") is not None)
    preview = dialog.findChild(QPrintPreviewDialog, "printPreview")
    assert preview is not None
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    document = controller.composer.cached(dialog.request())
    assert document is not None and document.page_count >= 4
    qtbot.waitUntil(lambda: widget.pageCount() == document.page_count)
    preview.close()
    dialog.close()


def test_without_system_dialogs_there_is_no_preview_and_no_other_program(
    qtbot: QtBot, book: Handbook, tmp_path: Path
) -> None:
    printed: list[int] = []
    policy = WindowPolicy(
        system_dialogs=False,
        pdf_target=lambda: tmp_path / "x.pdf",
        direct_print=lambda document: printed.append(document.page_count),
    )
    controller = _controller(qtbot, book, policy)
    dialog = controller.open_dialog()
    assert not dialog.preview_button.isVisible() and dialog.print_button.isVisible()
    assert not dialog.save_button.isVisible() and dialog.open_url is None
    dialog.print_button.click()
    _wait_idle(qtbot, controller)
    assert printed and dialog.status_label.text().startswith("Sent ")
    dialog.close()


def test_at_300_percent_the_dialog_fits_the_screen_with_its_buttons_in_view(
    qtbot: QtBot, book: Handbook
) -> None:
    """At 300% on a 1024 x 768 screen the Spanish dialog was 1,173 x 820 px: "Guardar
    como PDF" was below the screen's edge and the packet's words ran off its side."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    spanish = install_translators(app, "es")
    apply_text_size(300)
    try:
        dialog = _dialog(qtbot, book)
        qtbot.waitExposed(dialog)
        free = dialog.screen().availableGeometry()
        assert dialog.width() <= free.width() and dialog.height() <= free.height()
        buttons = (dialog.print_button, dialog.save_button, dialog.close_button)

        def in_view() -> bool:  # once the buttons' rows have settled
            corners = [b.mapTo(dialog, b.rect().bottomRight()) for b in buttons]
            return all(dialog.rect().contains(corner) for corner in corners)

        qtbot.waitUntil(in_view)
        choice = dialog.scope_buttons[Scope.PACKET].parentWidget()
        assert isinstance(choice, WrappingChoice)
        qtbot.waitUntil(lambda: choice.words.height() > 1.5 * choice.words.fontMetrics().height())
        assert choice.words.width() <= dialog.width()
        qtbot.mouseClick(choice.words, Qt.MouseButton.LeftButton)  # its words choose it
        assert dialog.scope() == Scope.PACKET
        assert dialog.scope_buttons[Scope.PACKET].accessibleName() == choice.words.text()
        assert dialog.save_button.isDefault()
    finally:
        apply_text_size(100)
        for translator in spanish:
            app.removeTranslator(translator)


@pytest.fixture
def large_spanish(qapp: QApplication) -> Iterator[str]:
    """The interface in Spanish at 300%, back to English at 100% afterwards."""
    apply_text_size(300)
    try:
        yield from speaking(qapp, "es")
    finally:
        apply_text_size(100)


def _bundled_dialog(qtbot: QtBot, book: Handbook, size: tuple[int, int] | None) -> PrintDialog:
    """The dialog on the bundled handbook, in a window of `size` (None: its own)."""
    first = book.reading_chapters[0].sections[0].id
    dialog = PrintDialog(book, bookmarked=[], current_section_id=first)
    qtbot.addWidget(dialog)
    if size is not None:
        dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    return dialog


def _settle() -> None:
    """Let the dialog's layouts (the button rows lay themselves out on resize) catch up."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _blank_above_the_buttons(dialog: PrintDialog) -> int:
    """Pixels between the bottom of the scrolled choices and the first button row."""
    scroller = dialog.findChild(Scroller, "printChoicesScroller")
    rows = dialog.findChild(ButtonRows, "printButtons")
    assert scroller is not None and rows is not None
    return rows.geometry().top() - scroller.geometry().bottom() - 1


def test_at_300_percent_in_spanish_the_dialog_keeps_one_row_at_most_above_its_buttons(
    qtbot: QtBot, handbook: Handbook, large_spanish: str
) -> None:
    """At rest, a status row and a progress row were both kept empty: 118 px above
    "Guardar como PDF" that the scrolled choices needed."""
    dialog = _bundled_dialog(qtbot, load_handbook_in(handbook.root, "es"), (1024, 768))
    assert dialog.save_button.text() == "Guardar como PDF…"
    whole = dialog.layout()
    assert whole is not None
    one_row = dialog.save_button.height() + 2 * whole.spacing()  # with a gap on each side
    assert _blank_above_the_buttons(dialog) <= one_row


def _start_and_end_a_printout(dialog: PrintDialog, saved: Path) -> None:
    """Busy with the progress shown, then saved, checking nothing moved at each step.

    The one kept row holds the progress and Cancel, then Open and Show in Folder: the
    Save button stays under the pointer, the choices keep their room while busy, and the
    dialog keeps its width (a progress bar sharing the status's row once widened it by
    19 px while saving)."""
    scroller = dialog.findChild(Scroller, "printChoicesScroller")
    assert scroller is not None

    def places() -> tuple[QPoint, int, int]:
        _settle()
        least = dialog.minimumSizeHint().width()  # more than its width would widen it
        return dialog.save_button.mapTo(dialog, QPoint(0, 0)), dialog.width(), least

    at_rest, choices = places(), scroller.height()
    dialog.set_busy(True, QCoreApplication.translate("PrintDialog", "Saving…"))
    dialog.show_progress(3, 10)
    assert places() == at_rest
    assert dialog.progress_bar.isVisible() and dialog.cancel_button.isVisible()
    assert dialog.focusWidget() is dialog.cancel_button
    assert scroller.height() == choices, "the choices shrank while busy"
    said = QCoreApplication.translate("PrintController", "Saved %1 (%2 pages).")
    dialog.show_result(said.replace("%1", str(saved)).replace("%2", "12"), saved)
    assert places() == at_rest
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    assert not dialog.progress_bar.isVisible() and not dialog.cancel_button.isVisible()
    assert dialog.focusWidget() is dialog.open_button


def test_at_300_percent_in_spanish_nothing_moves_or_widens_while_a_printout_is_made(
    qtbot: QtBot, handbook: Handbook, large_spanish: str, tmp_path: Path
) -> None:
    dialog = _bundled_dialog(qtbot, load_handbook_in(handbook.root, "es"), (1024, 768))
    _start_and_end_a_printout(dialog, tmp_path / "manual.pdf")


def test_at_100_percent_nothing_moves_or_widens_while_a_printout_is_made(
    qtbot: QtBot, handbook: Handbook, tmp_path: Path
) -> None:
    """In English at the size the dialog opens with, busy as well as after a save."""
    _start_and_end_a_printout(_bundled_dialog(qtbot, handbook, None), tmp_path / "guide.pdf")
