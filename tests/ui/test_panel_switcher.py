"""At large text sizes on a small screen the side panels' tab titles shrink to fit
(reader/ui/window/tab_fit.py); the panel's own title then becomes a button in the
reader's size that lists the panels sharing the side (reader/ui/window/dock_title.py),
so a low-vision reader never has to read or hit the small tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTabBar, QToolButton
from pytestqt.qtbot import QtBot

from reader.ui.mainwindow import MainWindow
from reader.ui.window.dock_title import DockTitle


def _title(window: MainWindow) -> DockTitle:
    title = window.toc_dock.titleBarWidget()
    assert isinstance(title, DockTitle)
    return title


def _at(qtbot: QtBot, window: MainWindow, zoom: int, width: int) -> None:
    window.resize(width, 768)
    window.comfort.apply_zoom(zoom)
    window.glossary_panel.hide()
    window.toc_dock.show()
    window.toc_dock.raise_()
    qtbot.waitUntil(lambda: window.toc_dock.isVisible())
    qtbot.wait(50)  # the tabs are fitted a turn of the event loop after the size changes


def test_at_300_percent_the_title_lists_the_panels_in_the_readers_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    _at(qtbot, window, 300, 1024)
    title = _title(window)
    qtbot.waitUntil(title.switcher.isVisible)
    assert not title.label.isVisible()
    [bar] = [b for b in window.findChildren(QTabBar) if b.parentWidget() is window]
    reader_size = QApplication.font().pointSizeF()
    assert bar.font().pointSizeF() < reader_size * 0.75, "the tabs really are small"
    assert title.switcher.font().pointSizeF() >= reader_size
    assert title.switcher.text() == "Contents \N{BLACK DOWN-POINTING SMALL TRIANGLE}"
    assert title.switcher.accessibleName() == "Contents"

    title.switcher.click()
    menu = title.panels
    qtbot.waitUntil(menu.isVisible)
    names = [action.text() for action in menu.actions()]
    assert names == ["Contents", "Search results", "Bookmarks"]
    assert [a.isChecked() for a in menu.actions()] == [True, False, False]
    assert menu.font().pointSizeF() >= reader_size
    room = menu.fontMetrics().height()  # the check box and the margins
    for action in menu.actions():  # whole titles: none cut to "Book…rks"
        wanted = menu.fontMetrics().horizontalAdvance(action.text()) + room
        assert menu.actionGeometry(action).width() > wanted, action.text()

    menu.actions()[2].trigger()
    qtbot.waitUntil(lambda: not window.bookmarks_panel.visibleRegion().isEmpty())
    assert window.toc_dock.visibleRegion().isEmpty()
    bookmarks_title = window.bookmarks_panel.titleBarWidget()
    assert isinstance(bookmarks_title, DockTitle)
    assert bookmarks_title.switcher.isVisible()
    assert isinstance(QApplication.focusWidget(), QToolButton)


def test_at_the_usual_size_the_title_is_plain_text(qtbot: QtBot, window: MainWindow) -> None:
    _at(qtbot, window, 300, 1024)
    qtbot.waitUntil(_title(window).switcher.isVisible)
    _at(qtbot, window, 100, 1366)
    title = _title(window)
    qtbot.waitUntil(lambda: not title.switcher.isVisible())
    assert title.label.isVisible() and title.label.text() == "Contents"
