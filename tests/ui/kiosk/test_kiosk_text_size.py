"""The kiosk's own large text (kiosk.qss) grows and shrinks with A+ and A−, as the rest
of the interface does: its fixed point sizes follow the text size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from reader.ui.kiosk.shell import KioskShell


def _sizes(shell: KioskShell) -> dict[str, float]:
    window = shell.window
    larger = window.findChild(QToolButton, "kioskTextLarger")
    assert larger is not None
    tools = [
        b
        for b in window.toolbar.findChildren(QToolButton)
        if b.isVisible() and b.objectName() not in ("kioskTextLarger", "kioskTextSmaller")
    ]
    assert tools, "the kiosk's toolbar shows large buttons"
    return {
        "search box": window.search_box.font().pointSizeF(),
        "A+ button": larger.font().pointSizeF(),
        "toolbar button": tools[0].font().pointSizeF(),
    }


def test_a_plus_makes_the_kiosk_style_sheet_text_larger(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    before_zoom = window.preferences.zoom
    before = _sizes(kiosk)
    larger = window.findChild(QToolButton, "kioskTextLarger")
    assert larger is not None
    qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
    after_zoom = window.preferences.zoom
    assert after_zoom > before_zoom
    qtbot.waitUntil(lambda: _sizes(kiosk)["search box"] > before["search box"])
    after = _sizes(kiosk)
    for name, size in before.items():
        assert after[name] > size, name
        assert abs(after[name] / size - after_zoom / before_zoom) < 0.05, name


def test_a_minus_makes_it_smaller_again_and_dialogs_follow(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    before = _sizes(kiosk)
    smaller = window.findChild(QToolButton, "kioskTextSmaller")
    assert smaller is not None
    qtbot.mouseClick(smaller, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _sizes(kiosk)["search box"] < before["search box"])
    factor = window.preferences.zoom / kiosk.config.text_size
    assert f"QWidget {{ font-size: {14 * factor:.1f}pt; }}" in kiosk.kiosk_qss
    dialog = window.open_print_dialog()
    qtbot.waitUntil(lambda: bool(dialog.styleSheet()))
    assert dialog.styleSheet() == kiosk.kiosk_qss
    dialog.close()
