"""The real window reads a packed handbook (.handbook) as it reads a folder: contents,
pages, pictures and search, from --handbook, from a drop and from Open Recent; a
damaged file is refused in one line and the window stays."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.bookmarks.store import BookmarkStore
from reader.handbook import load_handbook
from reader.paths import UserDirs
from reader.preferences import Preferences
from reader.recent import load_recent
from reader.ui.app import Session, open_session
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.search_panel import ID_ROLE
from reader.ui.window.open_handbook import HandbookOpener, install
from tests.support import run_cli


@pytest.fixture(autouse=True)
def close_windows(qtbot: QtBot) -> Iterator[None]:
    """Opening deletes the window it replaces, so windows are closed here; each one's
    search worker is joined first."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget):
            widget.shut_down_search()
            widget.close()
            widget.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def packed(gene_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "clinic copy" / "gene.handbook"
    out.parent.mkdir()
    assert run_cli(capsys, "pack", str(gene_book), str(out))[0] == 0
    return out


@pytest.fixture
def folder_window(qtbot: QtBot, gene_book: Path, user_dirs: UserDirs) -> MainWindow:
    window = MainWindow(load_handbook(gene_book), Preferences(), cache_dir=user_dirs.cache)
    install(window, BookmarkStore.in_memory(), user_dirs.cache, user_dirs.config)
    window.start()
    window.show()
    qtbot.waitExposed(window)
    return window


def opener_of(window: MainWindow) -> HandbookOpener:
    opener = window.findChild(HandbookOpener, "handbookOpener")
    assert opener is not None
    return opener


def search_ids(qtbot: QtBot, window: MainWindow, words: str) -> list[str]:
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.index is not None, timeout=30_000)
    window.search_box.clear()
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        qtbot.keyClicks(window.search_box, words)
    return [panel.results.item(i).data(ID_ROLE) for i in range(panel.results.count())]


def test_window_opens_a_packed_handbook_with_its_pictures_and_search(
    qtbot: QtBot, packed: Path, user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    args = argparse.Namespace(lang="en", kiosk=False, idle_timeout=None, handbook=packed)
    session = open_session(args, packed)
    assert isinstance(session, Session)
    window = session.window
    try:
        qtbot.waitExposed(window)
        assert window.handbook.root == packed
        assert [window.toc.topLevelItem(i).text(0) for i in range(2)] == ["One", "Two"]
        assert "Gene therapy gives a working gene." in window.content.toPlainText()
        picture = window.content.picture("pictures/cell.svg")
        assert picture is not None and not picture.isNull()
        assert search_ids(qtbot, window, "lentivirus") == ["two"]
        index = window.search_panel.index
        assert index is not None and index.location == packed  # its own index, in memory
        assert sorted(packed.parent.iterdir()) == [packed]  # nothing written beside it
    finally:
        session.close()


def test_dropping_a_packed_handbook_opens_it_and_recent_remembers_it(
    qtbot: QtBot, folder_window: MainWindow, packed: Path, user_dirs: UserDirs
) -> None:
    opened: list[MainWindow] = []
    opener_of(folder_window).on_switch = opened.append
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(packed))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    copy = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(50, 50), copy, data, buttons, keys)
    QApplication.sendEvent(folder_window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(folder_window, QDropEvent(QPointF(50, 50), copy, data, buttons, keys))
    assert len(opened) == 1
    new = opened[0]
    assert new.handbook.root == packed and new.isVisible()
    assert load_recent(user_dirs.config)[0] == packed
    assert new.content.picture("pictures/vector.svg") is not None


def test_file_open_handbook_file_opens_the_chosen_packed_handbook(
    qtbot: QtBot, folder_window: MainWindow, packed: Path
) -> None:
    action = folder_window.action_set["open_packed"]
    assert action in folder_window.menus["file"].actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+O")
    opener_of(folder_window).choose_file = lambda: packed
    opened: list[MainWindow] = []
    opener_of(folder_window).on_switch = opened.append
    action.trigger()
    assert len(opened) == 1 and opened[0].handbook.root == packed
    assert opened[0].action_set["open_packed"].isEnabled()


def test_a_damaged_packed_handbook_is_refused_and_the_window_stays(
    folder_window: MainWindow, packed: Path
) -> None:
    data = bytearray(packed.read_bytes())
    data[len(data) // 2] ^= 0x01
    packed.write_bytes(bytes(data))
    assert opener_of(folder_window).open_path(packed) is None
    assert folder_window.isVisible() and folder_window.handbook.title == "One"
    message = folder_window.statusBar().currentMessage()
    assert message == "gene.handbook could not be opened as a handbook."
    box = folder_window.findChild(QMessageBox, "openErrorDialog")
    assert box is not None
    assert "damaged or was changed" in box.detailedText()
    assert box.detailedText().count("\n") == 0
    box.close()
