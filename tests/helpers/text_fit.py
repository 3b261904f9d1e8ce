"""Whether every visible text of a window has the room it needs: each button's label,
each tab's title and each plain label, measured with the widget's own font metrics
against the width the layout gave it. Kinds, not our widgets, so a new button is
covered without a new test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionTab,
    QTabBar,
    QToolButton,
    QWidget,
)

from tests.helpers.kiosk_state import widget_path


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


#: A button's frame on each side (the themes' 2 px border).
FRAME_PX = 2


def _button(button: QAbstractButton) -> str | None:
    """The label's own width (and an indicator's or icon's beside it) against the
    button's width inside its frame: what is drawn, not the padding it would like."""
    text = _plain(button.text())
    if not text.strip():
        return None
    needed = button.fontMetrics().horizontalAdvance(text)
    style = button.style()
    if isinstance(button, QCheckBox | QRadioButton):
        needed += style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, button) + 4
    elif isinstance(button, QToolButton):
        shows = button.toolButtonStyle()
        if shows == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull():
            return None  # no label drawn (large sizes: the name is in the tool tip)
        if shows == Qt.ToolButtonStyle.ToolButtonTextBesideIcon and not button.icon().isNull():
            needed += button.iconSize().width() + 4
    room = button.width() - 2 * FRAME_PX
    if room < needed:
        return f"{button.text()!r} has {room} px of {needed}"
    return None


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or label.wordWrap() or label.textFormat() == 1 or "<" in text:
        return None  # wrapping labels take the height they need
    if label.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
        return None  # a label that elides on purpose (the status line's long titles)
    needed = label.fontMetrics().horizontalAdvance(_plain(text)) + 2 * label.margin()
    room = label.contentsRect().width()
    if room < needed:
        return f"{text!r} has {room} px of {needed}"
    return None


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        text = bar.tabText(index)
        needed = bar.fontMetrics().horizontalAdvance(_plain(text))
        room = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar).width()
        visible = bar.tabRect(index).intersected(bar.rect()).width() >= bar.tabRect(index).width()
        if room < needed or not visible:
            found.append(
                f"tab {text!r} has {room} px of {needed}{'' if visible else ', scrolled off'}"
            )
    return found


def cut_off(window: QWidget) -> list[str]:
    """Every shown text of `window` that does not fit, as readable lines."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget):
            continue
        problem: str | None = None
        if isinstance(widget, QAbstractButton) and widget.objectName() != "qt_toolbar_ext_button":
            problem = _button(widget)
        elif isinstance(widget, QLabel):
            problem = _label(widget)
        elif isinstance(widget, QTabBar):
            found += [f"{widget_path(widget)}: {line}" for line in _tabs(widget)]
        if problem:
            found.append(f"{widget_path(widget)}: {problem}")
    return found
