"""Who made the handbook, in the window's words: the status line when a handbook file
(.handbook) opens, and a line in Help > About. A folder carries no signature and gets
neither, so the bundled handbook is not called "not signed" on every start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.handbook.gate import packed_file
from reader.handbook.trust import SignatureInfo

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


def signature_words(info: SignatureInfo) -> str:
    """One plain line: who signed it, that an unknown key did, or that nobody did."""
    if not info.signed:
        return QCoreApplication.translate("MainWindow", "Not signed")
    if info.trusted and info.signer:
        return QCoreApplication.translate("MainWindow", "Signed by %1").replace("%1", info.signer)
    return QCoreApplication.translate(
        "MainWindow", "Signed by an unknown publisher (key %1)"
    ).replace("%1", info.key_id or "")


def signature_line(window: MainWindow) -> str:
    """The line for this window's handbook ('' for a folder)."""
    if packed_file(window.handbook.root) is None:
        return ""
    return signature_words(window.signature)


def announce_signature(window: MainWindow) -> None:
    """Say who signed a handbook file in the status line as it opens."""
    if line := signature_line(window):
        window.statusBar().showMessage(line, 10000)
