"""Keyboard paths through the window: F6 and Shift+F6 move between its parts (toolbar,
search, contents, page, side panel), and every toolbar button takes the focus.

Tab alone cannot do this: the page and the panels hold dozens of stops each, so a
keyboard-only reader needs one key that jumps a whole part at a time, as browsers do.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QMenu,
    QMenuBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader.ui.panels.glossary_panel import GlossaryPanel

#: The access key in a menu text: the character after a single "&".
_KEY = re.compile(r"&([^&])")


class PaneCycle(QObject):
    """The parts F6 visits, in order, and moving the focus among them."""

    def __init__(
        self,
        toolbar: QToolBar,
        search_box: QLineEdit,
        left_docks: list[tuple[QDockWidget, QWidget]],
        page: QWidget,
        side_panel: GlossaryPanel,
    ) -> None:
        """`left_docks`: each left panel's dock and the widget whose list takes focus."""
        super().__init__(toolbar)
        self.setObjectName("paneCycle")
        self.toolbar, self.search_box, self.page = toolbar, search_box, page
        self.left_docks, self.side_panel = left_docks, side_panel
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"toolButton_{action.objectName().removeprefix('action_')}")
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Tab walks the toolbar left to right (Qt's order is the order widgets were made,
        # and the search box was made first).
        row = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
        chain = [w for w in row if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.more_button = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if self.more_button is not None:  # the » that holds what does not fit
            self.more_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.retranslate()

    def retranslate(self) -> None:
        if self.more_button is not None:
            self.more_button.setAccessibleName(self.tr("More tools"))
            self.more_button.setToolTip(self.tr("More tools"))

    def parts(self) -> list[tuple[str, QWidget]]:
        """Each part's name and the widget that takes its focus, if it is on screen."""
        found: list[tuple[str, QWidget]] = []
        first_button = self._first_toolbar_button()
        if first_button is not None:
            found.append(("toolbar", first_button))
        found.append(("search", self.search_box))
        left = self._left_panel()
        if left is not None:
            found.append(("contents", left))
        found.append(("page", self.page))
        if self.side_panel.isVisible():
            found.append(("side panel", self.side_panel.list))
        return [(name, widget) for name, widget in found if widget.isVisible()]

    def current(self) -> int:
        """The part that holds the focus now (-1 if none)."""
        focus = QApplication.focusWidget()
        if focus is None:
            return -1
        found = -1
        for position, (name, widget) in enumerate(self.parts()):
            holder = self._holder(name, widget)
            if focus is holder or holder.isAncestorOf(focus):
                found = position
                if name != "toolbar":  # the search box sits inside the toolbar
                    return position
        return found

    def step(self, forward: bool = True) -> str:
        """Focus the next (or previous) part; returns its name."""
        parts = self.parts()
        if not parts:
            return ""
        now = self.current()
        if now < 0:
            target = 0 if forward else len(parts) - 1
        else:
            target = (now + (1 if forward else -1)) % len(parts)
        name, widget = parts[target]
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if name == "search":
            self.search_box.selectAll()
        return name

    def _holder(self, name: str, widget: QWidget) -> QWidget:
        """The widget whose focus counts as being in this part."""
        if name == "toolbar":
            return self.toolbar
        if name == "side panel":
            return self.side_panel
        if name == "contents":
            dock = widget.parentWidget()
            while dock is not None and not isinstance(dock, QDockWidget):
                dock = dock.parentWidget()
            return dock or widget
        return widget

    def _first_toolbar_button(self) -> QWidget | None:
        toolbar = self.toolbar
        if not toolbar.isVisible():
            return None
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton) and action.isEnabled() and button.isVisible():
                return button
        return None

    def _left_panel(self) -> QWidget | None:
        """The left dock on top (contents, search results or bookmarks), by its list."""
        for dock, widget in self.left_docks:
            if dock.isVisible() and not dock.visibleRegion().isEmpty():
                return _focus_target(widget)
        return None


def _focus_target(widget: QWidget) -> QWidget:
    """The first child that takes the focus (a panel's list), else the widget."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisible():
            return child
    return widget


def unique_access_keys(menu_bar: QMenuBar) -> None:
    """No two entries of one menu share an access key (Alt+letter would pick the first
    and the second could never be reached), in whatever language the texts are: the
    first entry keeps its key; a later one moves its "&" to the first letter of one of
    its words, else any letter, that the menu has not used. Translations need no
    coordination, and a new action cannot steal a key silently."""
    _unique_in(menu_bar, menu_bar.actions())
    menus = [a.menu() for a in menu_bar.actions()]
    while menus:
        menu = menus.pop()
        if isinstance(menu, QMenu):
            _unique_in(menu, menu.actions())
            menus += [a.menu() for a in menu.actions()]


def _access_key(text: str) -> str | None:
    found = _KEY.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _unique_in(owner: QWidget, actions: list[QAction]) -> None:
    shown = [a for a in actions if a.isVisible() and not a.isSeparator() and a.text()]
    used: set[str] = set()
    for action in shown:
        key = _access_key(action.text())
        if key is not None and key not in used:
            used.add(key)
            continue
        moved = _with_new_key(action.text(), used)
        if moved is not None:
            used.add(_access_key(moved) or "")
            action.setText(moved)


def _with_new_key(text: str, used: set[str]) -> str | None:
    """`text` with its "&" before an unused letter: a word's first, else any."""
    plain = text.replace("&&", "\0").replace("&", "")
    starts = [
        i for i, c in enumerate(plain) if c.isalnum() and (i == 0 or not plain[i - 1].isalnum())
    ]
    others = [i for i, c in enumerate(plain) if c.isalnum() and i not in starts]
    for i in (*starts, *others):
        if plain[i].casefold() not in used:
            return (plain[:i] + "&" + plain[i:]).replace("\0", "&&")
    return None


def focus_into(panel: QWidget) -> QWidget | None:
    """Put the focus on the panel's first stop in Tab order (its filter box or list), so
    a panel opened with F9 or F10 is where the next key goes; returns that widget."""
    candidate = panel.nextInFocusChain()
    while candidate is not None and candidate is not panel:
        takes_tab = bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
        usable = candidate.isVisible() and candidate.isEnabled()
        if panel.isAncestorOf(candidate) and takes_tab and usable:
            candidate.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return candidate
        candidate = candidate.nextInFocusChain()
    return None
