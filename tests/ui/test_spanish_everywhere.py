"""Spanish everywhere a visitor looks: Qt's own save dialog, the file name a PDF is
offered under, the kiosk's on-screen keyboard after a switch, and a language switch
that keeps the words searched for and the very section on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from reader.handbook.languages import load_handbook_in
from reader.paths import bundled_handbook_dir
from reader.pdf.defaults import suggested_file_name
from reader.pdf.request import PdfRequest, Scope
from tests.ui import test_language_switch as switch
from tests.ui.test_language_switch import StartSession

# The language switch's fixtures: a real session started as `--lang` would.
start_session = switch.start_session
start_kiosk = switch.start_kiosk


def test_the_save_dialog_speaks_spanish_under_lang_es(
    start_session: StartSession,
    qtbot: QtBot,
) -> None:
    session = start_session("es")
    dialog = QFileDialog(session.window, "Guardar")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Buscar en:"
    assert labels["fileTypeLabel"] == "&Tipo de archivo:"
    assert labels["fileNameLabel"] == "&Nombre de fichero:"  # Qt's own catalogue still
    dialog.reject()


def test_a_spanish_packet_gets_a_spanish_file_name() -> None:
    spanish = load_handbook_in(bundled_handbook_dir(), "es")
    section = spanish.reading_chapters[0].sections[0].id
    packet = PdfRequest(Scope.PACKET, None, (section,))
    name = suggested_file_name(spanish, packet, date(2026, 12, 3))
    assert name == "paquete-para-casa-2026-12-03.pdf"


def test_a_switch_keeps_the_search_words_and_the_exact_section(
    start_session: StartSession,
    qtbot: QtBot,
) -> None:
    session = start_session("en")
    window = session.window
    target = "risks/the-back-up-plan"
    assert window.navigator.navigate(target)
    window.search_box.setText("transplant")
    switch._choose(session, qtbot, "es")
    spanish = session.window
    section = spanish.handbook.section(target)
    assert section is not None
    qtbot.wait(50)  # the old window's scroll would have come back on the next turn
    assert spanish.search_box.text() == "transplant"
    assert spanish.navigator.current_section_id == target
    assert spanish.content.anchor_at_top() == section.anchor


def test_the_kiosk_keyboard_follows_a_switch_to_spanish(
    start_kiosk: StartSession,
    qtbot: QtBot,
) -> None:
    session = start_kiosk("en")
    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000):
        switch._language_button(session).click()  # the handbook loads off the UI thread
    assert session.window.handbook.language == "es"
    shell = session.shell
    assert shell is not None
    assert shell.keyboard.layout_name == "es"  # type: ignore[attr-defined]
    assert "ñ" in shell.keyboard.keys  # type: ignore[attr-defined]
