"""The reading view as a document for screen readers: a factory gives the view's
viewport the role Document, with headings, paragraphs, lists, tables and links as its
children, while Qt's own interface for the view keeps its text and caret.

Nothing is built unless assistive technology asks: Qt calls the factory
(reader/ui/accessibility/factory.py) only when an accessibility client queries the view,
and the outline is read at the first question about its children.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QTimer, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleObject,
    QTextCursor,
)

from reader.ui.accessibility.nodes import Children, ElementHost
from reader.ui.accessibility.structure import outline
from reader.ui.link_tabbing import LinkTabBrowser


class ReadingDocument(QAccessibleObject):
    """The viewport of a LinkTabBrowser, to a screen reader: the page as a document."""

    def __init__(self, view: LinkTabBrowser) -> None:
        super().__init__(view.viewport())
        self._view = view
        self._host = ElementHost(self._rect_of, self._is_focused, self._follow, self._focus)
        self._holder: QObject | None = None
        self._children: Children | None = None
        view.document().contentsChanged.connect(self._forget)
        view.link_focused.connect(self._announce_focus)

    # -- the tree ------------------------------------------------------------------

    def _outline(self) -> Children:
        if self._children is None:
            self._holder = QObject(self._view.viewport())
            self._children = Children(
                self, outline(self._view.document()), self._holder, self._host
            )
        return self._children

    def _forget(self) -> None:
        """A new page: retire the old objects (destroying their holder drops them from
        Qt's cache) and read the new page when next asked."""
        if self._children is None:
            return
        # The holder goes first: Qt's cache then deletes the interfaces it knows, and
        # only afterwards may Python let go of them (the other way round, Python would
        # delete interfaces the cache still points to).
        if self._holder is not None:
            shiboken6.delete(self._holder)
            self._holder = None
        self._children = None
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self._view.viewport(), QAccessible.Event.ObjectReorder)
            )

    def _gone(self) -> bool:
        """True once the view is being destroyed: Qt still asks this object questions
        then (to report it destroyed), and an error raised inside one of these answers
        crashes PySide6 instead of reaching Python."""
        return not shiboken6.isValid(self._view)

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Document

    def text(self, kind: QAccessible.Text) -> str:
        if self._gone():
            return ""
        if kind == QAccessible.Text.Name:
            return self._view.accessibleName()
        if kind == QAccessible.Text.Description:
            return self._view.accessibleDescription()
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        return state

    def rect(self) -> QRect:
        if self._gone():
            return QRect()
        viewport = self._view.viewport()
        return QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None if self._gone() else QAccessible.queryAccessibleInterface(self._view)

    def childCount(self) -> int:
        return 0 if self._gone() else len(self._outline())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None if self._gone() else self._outline().at(index)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1 if self._gone() else self._outline().index_of(child)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        if self._gone():
            return None
        cursor = self._view.textCursor()
        if not cursor.hasSelection():
            return None
        return self._outline().find(cursor.selectionStart(), cursor.selectionEnd())

    # -- what the elements ask of the view -------------------------------------------

    def _rect_of(self, start: int, end: int) -> QRect:
        if self._gone():
            return QRect()
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        first = self._view.cursorRect(cursor)
        cursor.setPosition(end)
        last = self._view.cursorRect(cursor)
        if last.top() > first.top():  # more than one line: the column's width
            first.setLeft(0)
            last.setRight(self._view.viewport().width())
        area = first.united(last)
        return QRect(self._view.viewport().mapToGlobal(area.topLeft()), area.size())

    def _is_focused(self, start: int, end: int) -> bool:
        if self._gone():
            return False
        cursor = self._view.textCursor()
        return self._view.hasFocus() and (cursor.selectionStart(), cursor.selectionEnd()) == (
            start,
            end,
        )

    def _follow(self, href: str) -> None:
        if self._gone():
            return
        # After the bridge's call returns: following replaces the page, which retires
        # the very object the action was asked of.
        QTimer.singleShot(0, self._view, lambda: self._view.anchorClicked.emit(QUrl(href)))

    def _focus(self, start: int, end: int) -> None:
        if self._gone():
            return
        self._view.select_span(start, end)
        self._view.setFocus()

    def _announce_focus(self, start: int, end: int) -> None:
        """Tab reached a link: tell the screen reader which object has the focus."""
        if not QAccessible.isActive():
            return
        found = self._outline().find(start, end)
        if found is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(found, QAccessible.Event.Focus))
