"""The Language menu: English or Spanish, the interface and the handbook switched at once.

Many parts of the window hold the handbook (contents, glossary, search, pages), so a
switch builds a fresh window on the other language's handbook and hands it what the
reader had: the open section and scroll position, the back/forward history, the panels'
layout and the same bookmark store (a translation shares its bookmarks, see
reader/handbook/languages.py). Section ids are the same in every language, so all of it
still points at the right places.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from reader.handbook.languages import load_handbook_in
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import install_translators

if TYPE_CHECKING:
    from reader.ui.app import Session

# Each language named in itself: a reader lost in the other language still finds theirs.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def add_language_menu(
    window: MainWindow, languages: tuple[str, ...], current: str, choose: Callable[[str], object]
) -> QMenu | None:
    """A "Language" menu on the menu bar with one checkable entry per language."""
    offered = [code for code in languages if code in LANGUAGE_NAMES]
    if len(offered) < 2:
        return None
    menu = window.menuBar().addMenu(QCoreApplication.translate("Language", "&Language"))
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


def switch_language(session: Session, code: str, *, keep_place: bool = True) -> MainWindow:
    """Show the handbook and the interface in `code`, keeping the reader's place (or,
    with `keep_place=False`, starting afresh on the start page, as a kiosk reset does)."""
    old = session.window
    if old.handbook.language == code:
        return old
    handbook = load_handbook_in(old.handbook.root, code)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for translator in session.translators:
        app.removeTranslator(translator)
    session.translators = install_translators(app, code)
    place = old.current_place()
    old.save_layout()
    window = MainWindow(
        handbook,
        old.preferences,
        store=session.store,
        cache_dir=session.dirs.cache,
        kiosk=session.kiosk,
    )
    window.history = window.navigator.history = old.history
    window.setGeometry(old.geometry())
    window.restoreState(old.saveState())
    session.window = window
    if not session.kiosk:
        from reader.ui.app import furnish_desktop_window

        furnish_desktop_window(session, window)
    if place.section_id and keep_place:
        window.navigate(place.section_id, record=False)
        QTimer.singleShot(0, lambda: window.content.verticalScrollBar().setValue(place.scroll))
    else:
        window.start()
    window.action_set["back"].setEnabled(window.history.can_go_back)
    window.action_set["forward"].setEnabled(window.history.can_go_forward)
    window.show()
    old.shut_down_search()
    old.hide()
    old.deleteLater()
    return window
