"""Menus fit their screen at large text sizes: at 300% the View menu was taller than a
768 px screen, so Qt laid it out in two columns 1,600 px wide, and the Spanish File
menu ("Abrir archivo de manual…  Ctrl+Shift+O") was wider than a 1024 px screen; what
did not fit was cut at the screen's edge. A menu too wide or too tall for its screen
takes a type a half point smaller at a time until it fits in one column, never below
the system's own size (100%); every other menu keeps the reader's size."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.text_size import system_font

#: Room kept between a menu and the screen's edges (Qt's own frame and a shadow).
SCREEN_MARGIN_PX = 8


def one_column(menu: QMenu) -> bool:
    """Whether Qt laid the menu's entries out in one column (it adds columns when the
    menu is taller than the screen)."""
    shown = [a for a in menu.actions() if a.isVisible()]
    return len({menu.actionGeometry(action).x() for action in shown}) <= 1


def fits(menu: QMenu, screen: QRect) -> bool:
    hint = menu.sizeHint()
    return (
        one_column(menu)
        and hint.width() <= screen.width() - SCREEN_MARGIN_PX
        and hint.height() <= screen.height() - SCREEN_MARGIN_PX
    )


def fit_menu(menu: QMenu, screen: QRect) -> None:
    """The menu in the interface's type, or the largest smaller type that fits."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    full = QFont(app.font())
    menu.setFont(full)
    floor = system_font(app).pointSizeF()
    size = full.pointSizeF()
    while not fits(menu, screen) and size - 0.5 >= floor:
        size -= 0.5
        smaller = QFont(full)
        smaller.setPointSizeF(size)
        menu.setFont(smaller)


def fit_menus(menus: list[QMenu], screen: QRect) -> None:
    """Each menu (submenus are in the list too) fitted to `screen` on its own."""
    for menu in menus:
        fit_menu(menu, screen)
