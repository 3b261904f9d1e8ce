"""The Export PDF / Print dialog, driven for real offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QAbstractButton, QComboBox, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.pdf.compose import PdfRequest, export_pdf
from reader.ui.print_dialog import PrintDialog, default_page_size
from tests.conftest import WriteHandbook

CHAPTERS = {
    "chapters/one.md": "# One Title\n\nA quokka hops.\n\n## Hops\n\nMore.\n\n## Naps\n\nZzz.\n",
    "chapters/two.md": "# Two Title\n\nPlain words.\n\n## Walks\n\nSteps.\n",
    "glossary.toml": '[[terms]]\nterm = "Quokka"\ndefinition = "Quokkadef: small."\n',
}
MANIFEST = 'title = "Dialog Book"\nchapters = ["chapters/one.md", "chapters/two.md"]\n'


@pytest.fixture
def book(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook(CHAPTERS, manifest=MANIFEST))


def _dialog(
    qtbot: QtBot,
    book: Handbook,
    save_target: Path | None = None,
    locale: QLocale | None = None,
) -> PrintDialog:
    dialog = PrintDialog(
        book,
        bookmarked=["one/naps", "two/walks"],
        current_section_id="one/hops",
        save_target=lambda: save_target,
        locale=locale or QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


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
    assert not dialog.tree.isEnabled()
    qtbot.mouseClick(dialog.scope_buttons["packet"], Qt.MouseButton.LeftButton)
    assert dialog.tree.isEnabled()
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


def test_save_asks_for_a_target_and_emits_the_request(
    qtbot: QtBot, book: Handbook, tmp_path: Path
) -> None:
    target = tmp_path / "packet.pdf"
    dialog = _dialog(qtbot, book, save_target=target)
    dialog.set_scope("packet")
    with qtbot.waitSignal(dialog.export_requested) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    request, path = blocker.args
    assert path == target and request.section_ids == ("one/naps", "two/walks")


def test_cancelled_save_emits_nothing(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book, save_target=None)
    with qtbot.assertNotEmitted(dialog.export_requested):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_empty_packet_is_refused_with_a_message(
    qtbot: QtBot, book: Handbook, tmp_path: Path
) -> None:
    dialog = PrintDialog(
        book, bookmarked=[], current_section_id="one", save_target=lambda: tmp_path / "x.pdf"
    )
    qtbot.addWidget(dialog)
    dialog.set_scope("packet")
    with qtbot.assertNotEmitted(dialog.export_requested):
        dialog.save_pdf()
    assert "at least one section" in dialog.status_label.text()


def test_printing_paints_the_same_pages_as_the_pdf(
    qtbot: QtBot, book: Handbook, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, book)
    dialog.set_scope("all")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = dialog.print_to(printer)
    exported = export_pdf(book, dialog.request(), tmp_path / "exported.pdf")
    assert pages == exported.pages == len(PdfReader(printed).pages)
    printed_text = [p.extract_text().split() for p in PdfReader(printed).pages]
    exported_text = [p.extract_text().split() for p in PdfReader(exported.path).pages]
    assert printed_text == exported_text


def test_preview_shows_every_page(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book)
    dialog.set_scope("all")
    preview = dialog.open_preview()
    assert preview is not None and preview.objectName() == "printPreview"
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    expected = dialog._preview_document.page_count if dialog._preview_document else -1
    qtbot.waitUntil(lambda: widget.pageCount() == expected)
    assert expected >= 4
    preview.close()
