"""The visit reset: everything a visitor could reach goes back to how the kiosk started.

It works on kinds of widgets, not on a list of known ones, so a widget added later is
forgotten too: every line edit loses its text *and its undo history*, every text view
its selection and undo stacks, every list its selection and scroll position. Then the
panels that hold a visitor's choices are reset, and every clipboard the platform has
(on X11 also PRIMARY, which a middle-click pastes) is emptied.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QClipboard, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QTreeView,
    QWidget,
)

from reader.ui.kiosk.touch import stop_scrolling
from reader.ui.window.parts import WindowParts


def close_popups() -> None:
    """Dialogs, menus and tool tips a visitor opened."""
    QToolTip.hideText()
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        elif isinstance(widget, QMenu):
            widget.close()


def forget_typing(root: QWidget) -> None:
    """Every line edit under `root` empty, with no undo or redo history: `setText`
    clears the history, while `clear()` is itself an edit that Ctrl+Z undoes."""
    for edit in root.findChildren(QLineEdit):
        edit.deselect()
        edit.setText("")
        edit.setModified(False)


def forget_text_selections(root: QWidget) -> None:
    """Every text view: the cursor at the start, nothing selected, no undo steps."""
    for view in root.findChildren(QTextEdit):
        _forget_cursor(view)
        if isinstance(view, QTextBrowser):
            view.clearHistory()
    for plain in root.findChildren(QPlainTextEdit):
        _forget_cursor(plain)


def _forget_cursor(view: QTextEdit | QPlainTextEdit) -> None:
    cursor = view.textCursor()
    cursor.clearSelection()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    view.setTextCursor(cursor)
    view.document().clearUndoRedoStacks()


def forget_lists(root: QWidget) -> None:
    """Every list and tree: no current row, nothing selected, at the top, trees folded
    (the contents then select the start page again)."""
    for view in root.findChildren(QAbstractItemView):
        if _in_combo_box(view):
            continue  # a drop-down's list follows its box: the box's owner resets it
        view.setCurrentIndex(QModelIndex())
        view.clearSelection()
        if isinstance(view, QTreeView):
            view.collapseAll()
        view.doItemsLayout()  # now, not later: the scroll range fits what is shown
        view.scrollToTop()


def _in_combo_box(view: QWidget) -> bool:
    parent = view.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def even_out_splitters(root: QWidget) -> None:
    """Every splitter back to the shares its stretch factors give (a visitor may have
    dragged a handle)."""
    for splitter in root.findChildren(QSplitter):
        vertical = splitter.orientation() == Qt.Orientation.Vertical
        total = sum(splitter.sizes())
        weights = [_stretch(splitter.widget(i), vertical) for i in range(splitter.count())]
        if total > 0:
            splitter.setSizes([total * weight // sum(weights) for weight in weights])


def _stretch(widget: QWidget | None, vertical: bool) -> int:
    if widget is None:
        return 1
    policy = widget.sizePolicy()
    return (policy.verticalStretch() if vertical else policy.horizontalStretch()) or 1


def scroll_to_start(root: QWidget, keep: QAbstractScrollArea) -> None:
    """Every other scroll area (a glossary entry, a panel) back at its start."""
    for area in root.findChildren(QAbstractScrollArea):
        if area is keep:
            continue
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            bar.setValue(bar.minimum())


def clear_clipboards() -> None:
    """Every clipboard mode the platform has: the clipboard, X11's selection (PRIMARY,
    pasted by a middle-click) and macOS's find buffer."""
    clipboard = QApplication.clipboard()
    if clipboard is None:
        return
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


def forget_visitor(parts: WindowParts) -> None:
    """What the window's parts hold of a visitor: the search and its highlights, the
    history, the bookmarks, find in page and a reading aloud."""
    parts.search_box.clear()
    parts.search_panel.clear_results()
    parts.content.highlights.clear_words()
    parts.history.clear()
    parts.bookmarks.reset()
    parts.find_bar.close_bar()
    parts.read_aloud.reset_visit()
    parts.glossary_panel.forget_choice()


def reset_window(
    parts: WindowParts, start_section_id: str, extra: list[Callable[[], None]]
) -> None:
    """Forget the visit in the window, then run the `extra` resets (panels, keyboard,
    text size) and show the start page. Order matters: texts are emptied before the
    page is shown, and the clipboards last, once no widget holds a selection that could
    refill them."""
    window = parts.window
    close_popups()
    stop_scrolling(window.findChildren(QAbstractScrollArea))
    forget_visitor(parts)
    forget_typing(window)
    forget_text_selections(window)
    forget_lists(window)
    even_out_splitters(window)
    scroll_to_start(window, keep=parts.content)
    for reset in extra:
        reset()
    layout = window.layout()
    if layout is not None:
        layout.activate()  # panel sizes now, so the start page is not scrolled afterwards
    parts.navigator.forget_current()
    parts.navigator.navigate(start_section_id, record=False)
    parts.history.clear()
    parts.actions["back"].setEnabled(False)
    parts.actions["forward"].setEnabled(False)
    parts.content.setFocus()
    window.statusBar().clearMessage()
    clear_clipboards()
