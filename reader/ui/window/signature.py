"""Who made the handbook, in the window's words: the status line when a handbook file
(.handbook) opens, and a line in Help > About. A folder carries no signature and gets
neither, so the bundled handbook is not called "not signed" on every start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.handbook import Handbook
from reader.handbook.gate import packed_file
from reader.handbook.trust import SignatureInfo


def signature_words(info: SignatureInfo) -> str:
    """One plain line: who signed it, that an unknown key did, or that nobody did."""
    if not info.signed:
        return QCoreApplication.translate("MainWindow", "Not signed")
    if info.trusted and info.signer:
        return QCoreApplication.translate("MainWindow", "Signed by %1").replace("%1", info.signer)
    return QCoreApplication.translate(
        "MainWindow", "Signed by an unknown publisher (key %1)"
    ).replace("%1", info.key_id or "")


def signature_line(handbook: Handbook, signature: SignatureInfo | None) -> str:
    """The line for a handbook ('' for a folder, or when nobody checked)."""
    if packed_file(handbook.root) is None or signature is None:
        return ""
    return signature_words(signature)
