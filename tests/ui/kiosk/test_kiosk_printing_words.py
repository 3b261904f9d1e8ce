"""A kiosk printout is told in the visitor's words: "Saved to the USB drive" (never the
folder's path) in a message that has the dialog's width, and the exit gesture without
a PIN asks the visitor to find staff (the administrator's command goes to the log)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.kiosk.settings import KioskConfig
from reader.ui.kiosk.policy import printout_words
from reader.ui.kiosk.shell import KioskShell
from reader.ui.print_dialog import PrintDialog
from tests.helpers.kiosk_window import kiosk_shell

ADMIN_KEYS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def _kiosk(qtbot: QtBot, qapp: QApplication, handbook: Handbook, config: KioskConfig) -> KioskShell:
    return kiosk_shell(qtbot, handbook, config, qapp)


@pytest.fixture
def usb_kiosk(
    qtbot: QtBot, qapp: QApplication, handbook: Handbook, tmp_path: Path
) -> Iterator[KioskShell]:
    config = KioskConfig(enabled=True, print_target="folder", print_folder=tmp_path)
    shell = _kiosk(qtbot, qapp, handbook, config)
    yield shell
    shell.parts.window.printing.shut_down()  # type: ignore[attr-defined]
    shell.release()


def test_a_saved_printout_says_usb_drive_and_no_path(
    qtbot: QtBot, usb_kiosk: KioskShell, tmp_path: Path
) -> None:
    printing = usb_kiosk.parts.window.printing  # type: ignore[attr-defined]
    dialog = printing.open_dialog()
    assert isinstance(dialog, PrintDialog)
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(printing.status_message, timeout=30_000) as said:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = str(said.args[0])
    assert message == printout_words(tmp_path / "x.pdf", 1) or "USB drive" in message
    assert str(tmp_path) not in message and "/" not in message
    assert list(tmp_path.glob("*.pdf")), "the printout is on the drive"
    label = dialog.status_label
    assert label.text() == message
    qtbot.waitUntil(lambda: label.width() > dialog.width() // 2)  # not a narrow column
    assert label.heightForWidth(label.width()) <= label.height(), "the message fits"


def test_paper_printouts_say_printed() -> None:
    assert printout_words(None, 3).startswith("Printed")
    assert "/" not in printout_words(None, 3)


def test_without_a_pin_the_visitor_is_asked_to_find_staff(
    qtbot: QtBot,
    qapp: QApplication,
    handbook: Handbook,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shell = _kiosk(qtbot, qapp, handbook, KioskConfig(enabled=True))
    try:
        qtbot.keyClick(shell.parts.content, Qt.Key.Key_Q, ADMIN_KEYS)
        message = shell.window.findChild(QMessageBox, "kioskNoPinMessage")
        assert message is not None and message.isVisible()
        assert "kiosk-pin" not in message.text() and "handbook-reader" not in message.text()
        assert "staff" in message.text()
        assert "handbook-reader kiosk-pin" in capsys.readouterr().err
    finally:
        shell.release()
