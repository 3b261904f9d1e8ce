"""Whether every visible text of a window has the room it needs: each button's label,
each tab's title and each plain label, measured with the widget's own font metrics
against the width the layout gave it. Kinds, not our widgets, so a new button is
covered without a new test."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QMainWindow,
    QMenu,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionTab,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from tests.helpers.kiosk_state import widget_path

#: A web or mail address: it wraps anywhere, in any column.
ADDRESS = re.compile(r"[^\W\d]\.[^\W\d]|@|/|^www\.", re.IGNORECASE)


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


def words_broken_inside(page: QTextEdit | QTextDocument) -> list[str]:
    """Every word of the page (or of a rich text laid out by itself) that a line break
    cuts between two letters ("manu"/"al"), read from the lines Qt laid out. Not
    counted: table cells (a three-column table at 300% cannot fit a small screen) and
    web addresses, which wrap anywhere. A break at a soft hyphen is a hyphenated word,
    not a cut one."""
    document = page if isinstance(page, QTextDocument) else page.document()
    document.documentLayout().blockBoundingRect(document.lastBlock())  # all laid out
    found = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        in_table = QTextCursor(block).currentTable() is not None
        for index in range(layout.lineCount() if not in_table else 0):
            line = layout.lineAt(index)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                start = text.rfind(" ", 0, end) + 1
                stop = len(text) if text.find(" ", end) < 0 else text.find(" ", end)
                word = text[start:stop]
                if not ADDRESS.search(word):
                    found.append(f"{word!r} as {text[start:end]!r} / {text[end:stop]!r}")
        block = block.next()
    return found


def _menu_item(menu: QMenu, action: QAction) -> str | None:
    """An entry's label and the menu's widest key (Qt draws keys right-aligned in one
    column beside the labels) against the width the entry got: the text alone, in the
    menu's font now (a menu laid out in an older, smaller type cuts its labels)."""
    label = _plain(action.text().partition("\t")[0])
    metrics = menu.fontMetrics()
    keys = [a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in menu.actions()]
    widest_key = max(
        (metrics.horizontalAdvance(key) + KEY_GAP_PX for key in keys if key), default=0
    )
    needed = metrics.horizontalAdvance(label) + widest_key
    room = menu.actionGeometry(action).width()
    if room < needed:
        return f"{action.text()!r} has {room} px of {needed}"
    return None


#: The least room between an entry's label and its key.
KEY_GAP_PX = 4


def menu_cut_off(menu: QMenu, screen: QRect) -> list[str]:
    """Every entry of `menu` and of its submenus whose text does not fit, and a menu
    wider or taller than the screen or in more than one column (cut at its edge)."""
    menu.ensurePolished()
    name = menu.objectName() or menu.title()
    hint = menu.sizeHint()
    shown = [a for a in menu.actions() if a.isVisible()]
    found = []
    if hint.width() > screen.width() or hint.height() > screen.height():
        found.append(f"{name}: {hint.width()}x{hint.height()} px on a {screen.width()}x"
                     f"{screen.height()} screen")  # fmt: skip
    if len({menu.actionGeometry(action).x() for action in shown}) > 1:
        found.append(f"{name}: in more than one column")
    for action in shown:
        if action.isSeparator():
            continue
        if problem := _menu_item(menu, action):
            found.append(f"{name}: {problem}")
        if isinstance(submenu := action.menu(), QMenu):
            found += menu_cut_off(submenu, screen)
    return found


def menus_cut_off(window: QMainWindow) -> list[str]:
    """Every menu of the window's menu bar (titles hidden behind the bar's ">>" too)."""
    bar = window.menuBar()
    screen = window.screen().availableGeometry()
    found = []
    for action in bar.actions():
        if not action.isVisible():
            continue
        place = bar.actionGeometry(action)
        if place.isEmpty() or place.right() > bar.rect().right():
            found.append(f"menu bar: {action.text()!r} is not on the bar")
        if isinstance(menu := action.menu(), QMenu):
            found += menu_cut_off(menu, screen)
    return found
