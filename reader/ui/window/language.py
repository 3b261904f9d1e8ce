"""The Language menu: English or Spanish, the interface and the handbook switched at once.

Choosing a language calls back; the session (reader/ui/session.py) builds the window in
that language and hands it what the reader had. Each language is named in itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar

# Each language named in itself: a reader lost in the other language still finds theirs.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def add_language_menu(
    menu_bar: QMenuBar, languages: tuple[str, ...], current: str, choose: Callable[[str], object]
) -> QMenu | None:
    """A "Language" menu on the menu bar with one checkable entry per language."""
    offered = [code for code in languages if code in LANGUAGE_NAMES]
    if len(offered) < 2:
        return None
    menu = menu_bar.addMenu(QCoreApplication.translate("Language", "&Language"))
    menu.setObjectName("menu_language")
    menu.setAccessibleName(menu.title().replace("&", ""))
    menu.menuAction().setObjectName("menu_language_action")
    group = QActionGroup(menu)
    for code in offered:
        action = QAction(LANGUAGE_NAMES[code], menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setStatusTip(
            QCoreApplication.translate("Language", "Read the handbook in %1").replace(
                "%1", LANGUAGE_NAMES[code]
            )
        )
        action.triggered.connect(lambda _checked=False, c=code: choose(c))
        group.addAction(action)
        menu.addAction(action)
    return menu
