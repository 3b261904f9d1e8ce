"""The accessible objects of the reading view's document: one per heading, paragraph,
list, table and link, answering a screen reader through Qt's accessibility bridge.

Qt asks an interface for its extra interfaces (actions, attributes) with
`interface_cast`; from Python the answer is the address of a Python-made interface
object, wrapped in `shiboken6.VoidPtr` (a plain int crashes PySide6 6.11).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
    QAccessibleInterface,
    QAccessibleObject,
)

from reader.ui.accessibility.structure import Element, Kind

ROLES = {
    Kind.HEADING: QAccessible.Role.Heading,
    Kind.PARAGRAPH: QAccessible.Role.Paragraph,
    Kind.LIST: QAccessible.Role.List,
    Kind.ITEM: QAccessible.Role.ListItem,
    Kind.TABLE: QAccessible.Role.Table,
    Kind.ROW: QAccessible.Role.Row,
    Kind.HEADER: QAccessible.Role.ColumnHeader,
    Kind.CELL: QAccessible.Role.Cell,
    Kind.LINK: QAccessible.Role.Link,
}


class ElementHost:
    """What an element's object needs from the view: where a span is on screen, whether
    the keyboard is on it, and how to follow or focus a link."""

    def __init__(
        self,
        rect_of: Callable[[int, int], QRect],
        is_focused: Callable[[int, int], bool],
        follow: Callable[[str], None],
        focus: Callable[[int, int], None],
    ) -> None:
        self.rect_of = rect_of
        self.is_focused = is_focused
        self.follow = follow
        self.focus = focus


class LinkActions(QAccessibleActionInterface):
    """Press follows the link (a screen reader's "activate"); SetFocus selects it."""

    def __init__(self, element: Element, host: ElementHost) -> None:
        super().__init__()
        self._element = element
        self._host = host

    def actionNames(self) -> list[str]:
        return [self.pressAction(), self.setFocusAction()]

    def doAction(self, name: str) -> None:
        if name == self.pressAction():
            self._host.follow(self._element.href)
        elif name == self.setFocusAction():
            self._host.focus(self._element.start, self._element.end)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return ["Return"] if name == self.pressAction() else []


class HeadingLevel(QAccessibleAttributesInterface):
    """A heading's level, which AT-SPI reports as the "level" object attribute."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self._level = level

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute) -> object:
        return self._level if key == QAccessible.Attribute.Level else None


class Children:
    """The objects of a list of elements, made when first asked for (a screen reader
    walks a few; a chapter has thousands), all on one holder QObject."""

    def __init__(
        self,
        parent: QAccessibleInterface,
        elements: list[Element],
        holder: QObject,
        host: ElementHost,
    ) -> None:
        self._parent = parent
        self._elements = elements
        self._holder = holder
        self._host = host
        self._made: list[ElementInterface | None] = [None] * len(elements)

    def __len__(self) -> int:
        return len(self._elements)

    def at(self, index: int) -> ElementInterface | None:
        if not 0 <= index < len(self._elements):
            return None
        made = self._made[index]
        if made is None:
            made = ElementInterface(self._elements[index], self._parent, self._holder, self._host)
            self._made[index] = made
        return made

    def index_of(self, child: QAccessibleInterface) -> int:
        return next((i for i, made in enumerate(self._made) if made is child), -1)

    def find(self, start: int, end: int) -> ElementInterface | None:
        """The object (made if need be) of the element spanning exactly start..end."""
        for index, element in enumerate(self._elements):
            if element.start <= start and end <= element.end:
                made = self.at(index)
                if made is not None and (element.start, element.end) == (start, end):
                    return made
                found = made.children.find(start, end) if made is not None else None
                if found is not None:
                    return found
        return None


class ElementInterface(QAccessibleObject):
    """One element. It stands on its own small QObject: Qt's cache drops the interface
    when that object is destroyed, which is how a new page retires the old tree."""

    def __init__(
        self, element: Element, parent: QAccessibleInterface, holder: QObject, host: ElementHost
    ) -> None:
        self._holder = QObject(holder)
        super().__init__(self._holder)
        self._element = element
        self._parent = parent
        self._host = host
        self.children = Children(self, element.children, self._holder, host)
        self._actions = LinkActions(element, host) if element.kind is Kind.LINK else None
        self._level = HeadingLevel(element.level) if element.kind is Kind.HEADING else None

    @property
    def element(self) -> Element:
        return self._element

    def role(self) -> QAccessible.Role:
        return ROLES[self._element.kind]

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._element.name
        if kind == QAccessible.Text.Description:
            return self._element.description
        if kind == QAccessible.Text.Value and self._element.kind is Kind.LINK:
            return self._element.href
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        if self._element.kind is Kind.LINK:
            state.focusable = True
            state.linked = True
            state.focused = self._host.is_focused(self._element.start, self._element.end)
        return state

    def rect(self) -> QRect:
        return self._host.rect_of(self._element.start, self._element.end)

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        # None once the document itself is gone (the page's widgets being destroyed).
        return self._parent if shiboken6.isValid(self._parent) else None

    def childCount(self) -> int:
        return len(self.children)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.children.at(index)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return self.children.index_of(child)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def interface_cast(  # type: ignore[override]  # Qt wants a void*: a VoidPtr
        self, kind: QAccessible.InterfaceType
    ) -> shiboken6.VoidPtr:
        extra: QAccessibleActionInterface | QAccessibleAttributesInterface | None = None
        if kind == QAccessible.InterfaceType.ActionInterface:
            extra = self._actions
        elif kind == QAccessible.InterfaceType.AttributesInterface:
            extra = self._level
        if extra is None:
            return shiboken6.VoidPtr(0)
        return shiboken6.VoidPtr(shiboken6.getCppPointer(extra)[0])
