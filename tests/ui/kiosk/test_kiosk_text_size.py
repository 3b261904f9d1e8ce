"""The kiosk's large text (kiosk.qss) grows and shrinks with A+ and A−, as the rest of
the interface does; its rows of touch controls (kiosk-controls.qss: the toolbar, the
side column's tabs and the status bar with A+ and A−) keep their size, so their labels
stay whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QTabBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from reader.preferences import ZOOM_STEPS
from reader.ui.kiosk.shell import KioskShell


def _button(shell: KioskShell, name: str) -> QToolButton:
    button = shell.window.findChild(QToolButton, name)
    assert button is not None
    return button


def _toolbar_buttons(shell: KioskShell) -> list[QToolButton]:
    tools = [
        b
        for b in shell.window.toolbar.findChildren(QToolButton)
        if b.isVisible() and b.objectName().startswith("toolButton_")
    ]
    assert tools, "the kiosk's toolbar shows large buttons"
    return tools


def _growing(shell: KioskShell) -> dict[str, float]:
    window = shell.window
    parts: dict[str, QWidget] = {
        "contents": window.toc,
        "glossary words": window.glossary_panel.list,
    }
    return {name: widget.font().pointSizeF() for name, widget in parts.items()}


def _controls(shell: KioskShell) -> dict[str, float]:
    status = shell.window.findChild(QStatusBar)
    assert status is not None
    return {
        "status bar": status.font().pointSizeF(),
        "search box": shell.window.search_box.font().pointSizeF(),
        "A+ button": _button(shell, "kioskTextLarger").font().pointSizeF(),
        "toolbar button": _toolbar_buttons(shell)[0].font().pointSizeF(),
        "tabs": _tabs(shell).font().pointSizeF(),  # four titles side by side, always
    }


def _tabs(shell: KioskShell) -> QTabBar:
    tabs = shell.window.findChild(QTabBar)
    assert tabs is not None
    return tabs


def test_a_plus_makes_the_kiosk_text_larger_and_keeps_the_controls(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    window = kiosk.window
    before_zoom = window.preferences.zoom
    before, controls = _growing(kiosk), _controls(kiosk)
    qtbot.mouseClick(_button(kiosk, "kioskTextLarger"), Qt.MouseButton.LeftButton)
    after_zoom = window.preferences.zoom
    assert after_zoom > before_zoom
    qtbot.waitUntil(lambda: _growing(kiosk)["contents"] > before["contents"])
    after = _growing(kiosk)
    for name, size in before.items():
        assert abs(after[name] / size - after_zoom / before_zoom) < 0.05, name
    assert _controls(kiosk) == controls


def test_toolbar_labels_stay_whole_at_the_largest_size(qtbot: QtBot, kiosk: KioskShell) -> None:
    larger = _button(kiosk, "kioskTextLarger")
    while kiosk.window.preferences.zoom < ZOOM_STEPS[-1]:
        qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
    for button in _toolbar_buttons(kiosk):
        room = button.contentsRect().width()
        assert button.fontMetrics().horizontalAdvance(button.text()) <= room, button.text()
    window = kiosk.window
    assert window.minimumSizeHint().height() < 768, "the window fits a 1366x768 screen"


def test_a_minus_makes_it_smaller_again_and_dialogs_follow(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    before = _growing(kiosk)
    qtbot.mouseClick(_button(kiosk, "kioskTextSmaller"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _growing(kiosk)["contents"] < before["contents"])
    factor = window.preferences.zoom / kiosk.config.text_size
    assert f"QWidget {{ font-size: {14 * factor:.1f}pt; }}" in kiosk.kiosk_qss
    dialog = window.printing.open_dialog()
    qtbot.waitUntil(lambda: bool(dialog.styleSheet()))
    assert dialog.styleSheet() == kiosk.kiosk_qss
    dialog.close()
