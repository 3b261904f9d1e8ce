"""The window's chrome: which actions the toolbar and menus hold, in what order, and the
docks around the page. Layouts are lists of action names (actions are declared once, in
reader/ui/actions.py), so a menu or toolbar changes here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMenuBar,
    QSizePolicy,
    QTabBar,
    QToolBar,
    QWidget,
)

from reader.preferences import Preferences
from reader.ui.actions import Actions
from reader.ui.theme import THEMES
from reader.ui.window.dock_title import DockTitle, give_docks_titles

# None is a separator; "search_box" is the search field.
TOOLBAR: list[str | None] = [
    "back", "forward", "home", None, "search_box", None,
    "listen", "bookmark", "show_glossary", "print", None, "zoom_out", "zoom_in",
]  # fmt: skip

MENUS: dict[str, list[str | None]] = {
    "file": ["open_handbook", "open_packed", None, "print", "export_pdf", None,
             "export_bookmarks", "import_bookmarks", None, "quit"],
    "edit": ["undo", "redo", None, "clinic_details"],
    "view": ["show_contents", "show_glossary", "show_bookmarks", None, "next_pane",
             "previous_pane", None, "mark_terms",
             None, "zoom_in", "zoom_out", "zoom_reset", None, "listen", "pause_reading",
             "stop_reading", "previous_sentence", "next_sentence", "continue_reading"],
    "go": ["back", "forward", "home", None, "previous_section", "next_section", None,
           "focus_search", "find_in_page"],
    "bookmarks": ["bookmark", "show_bookmarks"],
    "help": ["help", "about"],
}  # fmt: skip


def menu_titles() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "file": translate("MainWindow", "&File"),
        "edit": translate("MainWindow", "&Edit"),
        "view": translate("MainWindow", "&View"),
        "go": translate("MainWindow", "&Go"),
        "bookmarks": translate("MainWindow", "&Bookmarks"),
        "help": translate("MainWindow", "&Help"),
        "theme": translate("MainWindow", "&Theme"),
    }


def add_dock(
    window: QMainWindow, name: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    window.addDockWidget(area, dock)
    return dock


@dataclass(frozen=True)
class Docks:
    """The docks chrome made around the page: the two it wrapped and every title bar."""

    toc: QDockWidget
    search: QDockWidget
    titles: list[DockTitle]


def build_docks(
    window: QMainWindow,
    toc: QWidget,
    search_panel: QWidget,
    bookmarks: QDockWidget,
    glossary: QDockWidget,
    *,
    show_glossary: bool,
) -> Docks:
    """Contents, search results and bookmarks share the left; the glossary is right."""
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    # Not animated: a column shown or hidden takes its width at once, so the page's
    # room is known when the side columns settle (layout_room.py), and nothing slides.
    window.setDockOptions(QMainWindow.DockOption.AllowTabbedDocks)
    toc_dock = add_dock(window, "contentsDock", toc, left)
    search_dock = add_dock(window, "searchDock", search_panel, left)
    window.addDockWidget(left, bookmarks)
    window.tabifyDockWidget(toc_dock, search_dock)
    window.tabifyDockWidget(toc_dock, bookmarks)
    toc_dock.raise_()
    window.addDockWidget(right, glossary)
    glossary.setVisible(show_glossary)
    titles = give_docks_titles([toc_dock, search_dock, bookmarks, glossary])
    return Docks(toc_dock, search_dock, titles)


def build_toolbar(window: QMainWindow, actions: Actions, search_box: QWidget) -> QToolBar:
    bar = QToolBar(window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    for item in TOOLBAR:
        if item is None:
            bar.addSeparator()
        elif item == "search_box":
            search_box.setMinimumWidth(260)
            search_box.setMaximumWidth(560)
            search_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            bar.addWidget(search_box)
        else:
            bar.addAction(actions[item])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def build_menus(menu_bar: QMenuBar, actions: Actions) -> dict[str, QMenu]:
    """The menu bar's menus by name ("theme" is View's submenu; its entries are one
    exclusive group)."""
    menus: dict[str, QMenu] = {}
    for name, items in MENUS.items():
        menu = menu_bar.addMenu("")
        menu.setObjectName(f"menu_{name}")
        for action_id in items:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[action_id])
        menus[name] = menu
    menus["theme"] = menus["view"].addMenu("")
    menus["theme"].setObjectName("menu_theme")
    theme_group = QActionGroup(menus["theme"])
    for name in THEMES:
        action = actions[f"theme_{name}"]
        theme_group.addAction(action)
        menus["theme"].addAction(action)
    return menus


def save_layout(window: QMainWindow, preferences: Preferences) -> None:
    """The window's size and panels, kept in the reader's preferences (one place)."""
    preferences.window_geometry = bytes(window.saveGeometry().toBase64().data()).decode()
    preferences.window_state = bytes(window.saveState().toBase64().data()).decode()


def restore_layout(window: QMainWindow, preferences: Preferences) -> None:
    if preferences.window_geometry:
        window.restoreGeometry(QByteArray.fromBase64(preferences.window_geometry.encode()))
    if preferences.window_state:
        window.restoreState(QByteArray.fromBase64(preferences.window_state.encode()))


def name_dock_tabs(window: QMainWindow) -> None:
    """Qt makes a tab bar for docks that share a place; screen readers need its name,
    and a reader needs its whole labels ("Search results", not "Search re...")."""
    for bar in window.findChildren(QTabBar):
        if not bar.accessibleName():
            bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Side panels"))
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        # Whole labels, but scroll arrows when they do not fit: longer (Spanish) or
        # larger labels must not widen the panel and reflow the page.
        bar.setUsesScrollButtons(True)
