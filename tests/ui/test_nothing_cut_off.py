"""Nothing a reader must read is cut off, from 100% to 300%, on 1024x768 and 1366x768,
in English and Spanish: every shown button, tab and label of the real window is
measured with its own font against the width it got, and every menu and submenu (the
menu bar's, the Language menu, the bookmark panel's actions menu) against its entries'
widths and the screen (tests/helpers/text_fit.py).

By default a representative few of the grid's 20 combinations run (the largest size on
the smallest screen in the longer language among them, and 150% there, where the
toolbar's labels stop fitting before they give way); HANDBOOK_READER_FULL_GRID=1
runs them all (100/150/200/250/300% x 1024x768/1366x768 x en/es). The test's screen is
the offscreen platform's (800x800), so menus are held to a screen narrower than 1024."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.window.language import add_language_menu
from tests.helpers.interface_language import speaking
from tests.helpers.text_fit import cut_off, menu_cut_off, menus_cut_off

FULL_GRID_ENV = "HANDBOOK_READER_FULL_GRID"
FULL_GRID = [(language, width, 768, zoom) for language in ("en", "es")
             for width in (1024, 1366) for zoom in (100, 150, 200, 250, 300)]  # fmt: skip
GRID = [("en", 1366, 768, 300), ("es", 1024, 768, 300), ("es", 1024, 768, 150),
        ("en", 1024, 768, 100), ("es", 1366, 768, 250)]  # fmt: skip
RUN = FULL_GRID if os.environ.get(FULL_GRID_ENV) else GRID


@pytest.fixture
def spanish_or_english(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from speaking(qapp, request.param)


def bookmark_menu_cut_off(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The bookmark panel's actions menu, opened as a reader opens it."""
    panel = window.bookmarks_panel
    if panel.actions_button.isVisible():
        qtbot.mouseClick(panel.actions_button, Qt.MouseButton.LeftButton)
    else:
        row = panel.list.visualItemRect(panel.list.item(0)).center()
        panel.list.customContextMenuRequested.emit(row)
    menu = panel.findChild(QMenu, "bookmarksMenu")
    assert menu is not None
    found = menu_cut_off(menu, window.screen().availableGeometry())
    menu.close()
    return found


@pytest.mark.parametrize(
    ("spanish_or_english", "width", "height", "zoom"),
    RUN,
    indirect=["spanish_or_english"],
    ids=[f"{lang}-{w}x{h}-{z}" for lang, w, h, z in RUN],
)
def test_every_button_and_label_has_room_for_its_text(
    qtbot: QtBot,
    handbook: Handbook,
    spanish_or_english: str,
    width: int,
    height: int,
    zoom: int,
) -> None:
    window = MainWindow(load_handbook_in(handbook.root, spanish_or_english), Preferences())
    qtbot.addWidget(window)
    add_language_menu(window.menuBar(), ("en", "es"), spanish_or_english, lambda _code: None)
    window.start()
    window.show()
    qtbot.waitExposed(window)
    window.resize(width, height)
    window.comfort.apply_zoom(zoom)
    window.bookmarks.toggle(window.navigator.current_section_id)  # the panel's buttons
    window.action_set["show_bookmarks"].trigger()
    qtbot.wait(20)  # the panel re-lays its buttons once their new fonts are in
    assert window.width() <= width and window.height() <= height, window.size()
    panel = window.bookmarks_panel
    buttons_shown = [b.isVisible() for b in panel.buttons.values()]
    assert panel.actions_button.isVisible() != all(buttons_shown), "the row or the menu"
    left = cut_off(window) + menus_cut_off(window) + bookmark_menu_cut_off(qtbot, window)
    assert left == [], "\n".join(left)
    window.search_index.shut_down()
