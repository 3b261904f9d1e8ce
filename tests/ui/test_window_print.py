"""Printing from the real window: the dialog opens on the current section and a saved
PDF holds the real text."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from reader.ui.mainwindow import MainWindow


def test_export_pdf_of_this_section_from_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "section.pdf"
    window.pdf_save_target = lambda: out
    window.navigator.navigate("history/strimvelis")
    dialog = window.printing.open_dialog()
    assert dialog.request().scope == "sections"
    assert dialog.request().section_ids == ("history/strimvelis",)
    dialog.export_requested.emit(dialog.request(), out)
    assert out.is_file()
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Strimvelis" in text
    dialog.close()
