"""What a kiosk visitor could reach, as plain data: `reachable_state(window)` walks every
widget of the window (and every visible top-level window: dialogs, menus, tool tips) and
records what a widget of that kind can hold for a visitor. It knows kinds, not our
widgets, so a widget added later is covered without a new test.
"""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollBar,
    QSplitter,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolTip,
    QTreeView,
    QWidget,
)

State = dict[str, Any]


def widget_path(widget: QWidget) -> str:
    """A stable name: object names (or class and place among siblings) from the top."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        if not name:
            parent = current.parentWidget()
            siblings = parent.findChildren(type(current)) if parent is not None else [current]
            direct = [s for s in siblings if s.parentWidget() is parent]
            index = direct.index(current) if current in direct else 0
            name = f"{type(current).__name__}[{index}]"
        parts.append(name)
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _index_path(index: QModelIndex) -> list[int]:
    path: list[int] = []
    while index.isValid():
        path.append(index.row())
        index = index.parent()
    return list(reversed(path))


def _item_view_state(view: QAbstractItemView) -> State:
    model = view.model()
    state: State = {
        "rows": model.rowCount() if model is not None else 0,
        "current": _index_path(view.currentIndex()),
        "selected": sorted(_index_path(i) for i in view.selectedIndexes()),
    }
    if isinstance(view, QTreeView) and model is not None:
        expanded = []
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if view.isExpanded(index):
                expanded.append(row)
        state["expanded"] = expanded
    if isinstance(view, QListWidget):
        state["hidden"] = [r for r in range(view.count()) if view.item(r).isHidden()]
    return state


def _text_view_state(view: QTextEdit | QPlainTextEdit) -> State:
    cursor = view.textCursor()
    document = view.document()
    state: State = {
        "text": _digest(document.toPlainText()),
        "selection": cursor.selectedText(),
        "cursor": cursor.position(),
        "undo": document.isUndoAvailable(),
        "redo": document.isRedoAvailable(),
        "marks": len(view.extraSelections()),
    }
    if isinstance(view, QTextBrowser):
        state["back"] = view.isBackwardAvailable()
        state["forward"] = view.isForwardAvailable()
    return state


#: Scroll bars show or hide by a queued call after their range changes; whether they
#: have a range (recorded below) says the same thing without waiting for it.
SCROLL_BAR_PARTS = ("qt_scrollarea_vcontainer", "qt_scrollarea_hcontainer")


def _place(widget: QWidget) -> tuple[int, int, int, int] | None:
    """Where a shown widget is in its window and how big: what a visitor sees, so a
    button pushed into an overflow menu or a panel left wider fails the comparison."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return None  # hidden, or a tab behind another (Qt parks those off the window)
    corner = widget.mapTo(widget.window(), QPoint(0, 0))
    return (corner.x(), corner.y(), widget.width(), widget.height())


def widget_state(widget: QWidget) -> State:
    """What this widget holds that a visitor could see or bring back, and where it is."""
    state: State = {"visible": widget.isVisible(), "enabled": widget.isEnabled()}
    if isinstance(widget, QScrollBar) or widget.objectName() in SCROLL_BAR_PARTS:
        del state["visible"]
    elif not _inside_scrolled_area(widget):
        state["place"] = _place(widget)
    if isinstance(widget, QLineEdit):
        state |= {
            "text": widget.text(),
            "undo": widget.isUndoAvailable(),
            "redo": widget.isRedoAvailable(),
            "selection": widget.selectedText(),
            "cursor": widget.cursorPosition(),
        }
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        state |= _text_view_state(widget)
    if isinstance(widget, QAbstractScrollArea):
        state["scroll"] = (widget.verticalScrollBar().value(), widget.horizontalScrollBar().value())
    if isinstance(widget, QAbstractItemView):
        state |= _item_view_state(widget)
    if isinstance(widget, QAbstractButton):
        state |= {"checked": widget.isChecked(), "label": widget.text()}
    if isinstance(widget, QLabel):
        state["label"] = widget.text()
    if isinstance(widget, QTabBar):
        state |= {"tab": widget.currentIndex(), "tabs": widget.count()}
    if isinstance(widget, QDockWidget):
        state["floating"] = widget.isFloating()
    if isinstance(widget, QDockWidget | QSplitter) and not widget.visibleRegion().isEmpty():
        state["width"] = widget.width()  # only once on screen: hidden tabs have no layout
        if isinstance(widget, QSplitter):
            state["sizes"] = widget.sizes()
    if isinstance(widget, QComboBox):
        state["index"] = widget.currentIndex()
    if isinstance(widget, QAbstractSlider):
        # the position, and whether there is anywhere to scroll (the exact range follows
        # the text layout, which Qt finishes lazily)
        state["value"] = (widget.value(), widget.maximum() > widget.minimum())
    return state


def _inside_scrolled_area(widget: QWidget) -> bool:
    """Widgets inside a scroll area's viewport move with its scrolling (recorded as the
    area's "scroll"); their place in the window is not layout."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def toolbar_state(window: Any) -> State:
    """Each toolbar action: shown on the bar itself (not in Qt's overflow menu), and its
    button's place."""
    state: State = {}
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is not None and action.objectName():
                state[action.objectName()] = _place(widget)
    return state


def clipboard_state() -> State:
    """Every clipboard mode this platform has (X11 adds the PRIMARY selection)."""
    clipboard = QApplication.clipboard()
    state: State = {"clipboard": clipboard.text(QClipboard.Mode.Clipboard)}
    if clipboard.supportsSelection():
        state["selection"] = clipboard.text(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        state["find buffer"] = clipboard.text(QClipboard.Mode.FindBuffer)
    return state


def reachable_state(window: Any) -> State:
    """Everything of `window` (a MainWindow) and the application a visitor could reach."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    state: State = {}
    for widget in (window, *window.findChildren(QWidget)):
        if not isinstance(widget.parentWidget(), QLineEdit):  # its clear button follows the text
            state[widget_path(widget)] = widget_state(widget)
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    focus = window.focusWidget()  # the window's, so a window not yet active counts too
    state["app"] = {
        "windows": sorted(widget_path(w) for w in others),
        "tool tip": QToolTip.isVisible(),
        "focus": widget_path(focus) if focus is not None else None,
        "modal": QApplication.activeModalWidget() is not None,
        **clipboard_state(),
    }
    state["window"] = {
        "section": window.navigator.current_section_id,
        "zoom": window.preferences.zoom,
        "point size": window.content.point_size(),
        "history": (window.history.can_go_back, window.history.can_go_forward),
        "bookmarks": [b.section_id for b in window.bookmarks.bookmarks()],
        "undo": (window.undo_stack.count(), window.undo_stack.index()),
        "toolbar": toolbar_state(window),
        "geometry": window.geometry().getRect(),
        "actions": {
            a.objectName() or a.text(): (a.isEnabled(), a.isChecked(), a.isVisible())
            for a in window.action_set
        },
    }
    return state


def differences(before: State, after: State) -> list[str]:
    """Readable lines for every path and field that changed (empty when equal)."""
    lines: list[str] = []
    for path in sorted(set(before) | set(after)):
        old, new = before.get(path), after.get(path)
        if old == new:
            continue
        if not isinstance(old, dict) or not isinstance(new, dict):
            lines.append(f"{path}: {old!r} -> {new!r}")
            continue
        for field in sorted(set(old) | set(new)):
            if old.get(field) != new.get(field):
                lines.append(f"{path} [{field}]: {old.get(field)!r} -> {new.get(field)!r}")
    return lines
