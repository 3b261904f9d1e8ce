"""Bookmarks through the real window: Ctrl+D, the star, undo, and reopening where the
reader left off, with a real SQLite file shared by two window instances."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.bookmarks.store import BookmarkStore
from reader.handbook import Handbook
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow


def _window(qtbot: QtBot, handbook: Handbook, store: BookmarkStore) -> MainWindow:
    window = MainWindow(handbook, Preferences(), store=store)
    qtbot.addWidget(window)
    window.start()
    window.show()
    return window


def test_ctrl_d_toggles_the_bookmark_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.navigator.navigate("how-it-works/conditioning")
    star = window.action_set["bookmark"]
    qtbot.keyClick(window.content, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert star.isChecked()
    assert [b.section_id for b in window.bookmarks.bookmarks()] == ["how-it-works/conditioning"]
    qtbot.keyClick(window.content, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not star.isChecked()
    assert window.bookmarks.bookmarks() == []
    assert "undo" in window.statusBar().currentMessage().lower()
    qtbot.keyClick(window.content, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert star.isChecked()
    assert len(window.bookmarks.bookmarks()) == 1


def test_star_follows_the_section_being_read(window: MainWindow) -> None:
    window.navigator.navigate("history/strimvelis")
    window.bookmark_commands.toggle()
    window.navigator.navigate("limits")
    assert not window.action_set["bookmark"].isChecked()
    window.navigator.go_back()
    assert window.action_set["bookmark"].isChecked()


def test_panel_click_jumps_to_the_bookmarked_section(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.navigate("history/strimvelis")
    window.bookmark_commands.toggle()
    window.navigator.navigate("limits")
    window.bookmarks_panel.activated.emit("history/strimvelis")
    assert window.navigator.current_section_id == "history/strimvelis"


def test_bookmarks_and_last_place_survive_a_restart(
    qtbot: QtBot, handbook: Handbook, tmp_path: Path
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    first_store = BookmarkStore.open(path)
    first = _window(qtbot, handbook, first_store)
    first.navigator.navigate("how-it-works/the-infusion")
    first.bookmark_commands.toggle()
    first.navigator.navigate("history/strimvelis")
    first.close()
    first_store.close()

    second_store = BookmarkStore.open(path)
    second = _window(qtbot, handbook, second_store)
    assert second.navigator.current_section_id == "history/strimvelis"
    ids = [b.section_id for b in second.bookmarks.bookmarks()]
    assert ids == ["how-it-works/the-infusion"]
    second.close()
    second_store.close()
