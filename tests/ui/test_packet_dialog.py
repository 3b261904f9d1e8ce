"""The packet in the real window's print dialog: the notes page checkbox, the file name
offered, and paper from the system's country or the printer, not the interface."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from reader.pdf.defaults import default_page_size
from reader.ui.mainwindow import MainWindow
from reader.ui.window.print_paper import other_paper


@pytest.fixture
def interface_locale() -> Iterator[None]:
    """An interface locale whose country uses the other paper than the system's."""
    saved = QLocale()
    if default_page_size(QLocale.system()) == "Letter":
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(saved)


def test_notes_page_is_a_named_checkbox_off_by_default(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.printing.open_dialog()
    check = dialog.findChild(QCheckBox, "notesPageCheck")
    assert check is not None and check.accessibleName() and check.isVisible()
    assert not check.isChecked() and not dialog.request().notes_page
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    dialog.set_scope("packet")
    assert dialog.request().notes_page
    dialog.close()


def test_a_packet_is_offered_as_take_home_packet_with_the_date(window: MainWindow) -> None:
    window.navigator.navigate("history/strimvelis")
    dialog = window.printing.open_dialog()
    assert window.printing.suggested_name() == "Strimvelis.pdf"
    dialog.set_scope("packet")
    today = date.today().isoformat()
    assert window.printing.suggested_name() == f"take-home-packet-{today}.pdf"
    dialog.set_scope("all")
    assert window.printing.suggested_name() == f"{window.handbook.title}.pdf"
    dialog.close()


def test_paper_comes_from_the_system_not_the_interface_language(
    interface_locale: None, window: MainWindow
) -> None:
    assert default_page_size(QLocale()) != default_page_size(QLocale.system())
    dialog = window.printing.open_dialog()
    assert dialog.request().page_size == default_page_size(QLocale.system())
    dialog.close()


def test_the_paper_chosen_for_the_printer_lays_the_printout_out_again(
    window: MainWindow,
) -> None:
    dialog = window.printing.open_dialog()
    document = window.printing.composer.document(dialog.request())
    other = "Letter" if document.request.page_size == "A4" else "A4"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize.PageSizeId.Letter if other == "Letter" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(size))
    assert other_paper(document, printer) == other
    dialog.set_page_size(other)
    again = window.printing.composer.document(dialog.request())
    assert again.request.page_size == other and other_paper(again, printer) is None
    dialog.close()
