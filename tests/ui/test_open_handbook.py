"""File > Open (Ctrl+O), drag and drop and Open Recent switch the real window to another
handbook (#22): contents, title, glossary and search then belong to the new one. A
packed handbook (.handbook) opens the same ways, and from --handbook."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import load_handbook
from reader.paths import UserDirs
from reader.preferences import Preferences
from reader.recent import load_recent
from reader.ui.app import Session, open_session
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.search_panel import ID_ROLE
from reader.ui.window.open_handbook import HandbookOpener
from reader.ui.window.policy import WindowPolicy
from tests.helpers.desktop_session import desktop_session, record_windows
from tests.helpers.mkdocs_project import write_mkdocs_project
from tests.support import run_cli

KIOSK_LIKE = WindowPolicy(opens_files=False, remembers=False, system_dialogs=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_mkdocs_project(tmp_path / "clinic-docs")


@pytest.fixture(autouse=True)
def close_windows(qtbot: QtBot) -> Iterator[None]:
    """Opening deletes the window it replaces, so windows are closed here, not by qtbot
    (which would close a deleted one); each one's search worker is joined first."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget):
            widget.search_index.shut_down()
            widget.close()
            widget.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def packed(gene_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """`gene_book` packed alone in a folder (so anything written beside it shows)."""
    out = tmp_path / "clinic copy" / "gene.handbook"
    out.parent.mkdir()
    assert run_cli(capsys, "pack", str(gene_book), str(out))[0] == 0
    return out


SESSIONS: list[Session] = []


@pytest.fixture
def first_window(qtbot: QtBot, gene_book: Path, user_dirs: UserDirs) -> MainWindow:
    window = MainWindow(load_handbook(gene_book), Preferences(), cache_dir=user_dirs.cache)
    SESSIONS[:] = [desktop_session(window, user_dirs)]
    window.start()
    window.show()
    qtbot.waitExposed(window)
    return window


def opener_of(window: MainWindow) -> HandbookOpener:
    opener = window.findChild(HandbookOpener, "handbookOpener")
    assert opener is not None
    return opener


def open_and_wait(qtbot: QtBot, session: Session, path: Path) -> MainWindow:
    """Open `path` from the session's window; the new window, once it is in place (the
    handbook loads off the window's thread)."""
    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000) as replaced:
        opener_of(session.window).open_path(path)
    new = replaced.args[0]
    assert isinstance(new, MainWindow) and session.window is new
    return new


def said_in_status(qtbot: QtBot, window: MainWindow, message: str) -> None:
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == message, timeout=20_000)


def toc_titles(window: MainWindow) -> list[str]:
    tree = window.toc
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def search_ids(qtbot: QtBot, window: MainWindow, words: str) -> list[str]:
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.index is not None, timeout=30_000)
    window.search_box.clear()
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        qtbot.keyClicks(window.search_box, words)
    return [panel.results.item(i).data(ID_ROLE) for i in range(panel.results.count())]


def test_ctrl_o_opens_a_chosen_mkdocs_project_and_search_finds_only_it(
    qtbot: QtBot, first_window: MainWindow, project: Path, user_dirs: UserDirs
) -> None:
    action = first_window.action_set["open_handbook"]
    assert action.shortcut() == QKeySequence("Ctrl+O")
    opener_of(first_window).choose_folder = lambda: project
    opened = record_windows(SESSIONS[-1])
    first_window.activateWindow()
    qtbot.waitActive(first_window)
    qtbot.keyClick(first_window.content, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20_000)
    new = opened[0]
    # The old window is closed, and may be gone already (deleteLater has run).
    assert not (shiboken6.isValid(first_window) and first_window.isVisible()) and new.isVisible()
    assert new.windowTitle().startswith("Clinic Guide")
    assert new.handbook.title == "Clinic Guide"
    assert toc_titles(new)[:2] == ["Welcome", "Using the tool"]
    assert "Start here." in new.content.toPlainText()
    assert search_ids(qtbot, new, "wound") == ["ext-deep-notes/wound-care"]
    assert search_ids(qtbot, new, "lentivirus") == []  # the old handbook's word
    assert load_recent(user_dirs.config)[0] == project.absolute()
    new.search_index.shut_down()


def test_cancelled_chooser_keeps_the_window(first_window: MainWindow) -> None:
    opener_of(first_window).choose_folder = lambda: None
    first_window.action_set["open_handbook"].trigger()
    assert first_window.isVisible() and first_window.handbook.title == "One"


def test_a_folder_that_is_no_handbook_is_refused_in_one_line(
    qtbot: QtBot, first_window: MainWindow, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    opener_of(first_window).open_path(empty)
    said_in_status(qtbot, first_window, "empty could not be opened as a handbook.")
    assert first_window.isVisible() and SESSIONS[-1].window is first_window


def test_a_handbook_whose_loading_crashes_is_refused_in_one_line_and_not_remembered(
    qtbot: QtBot, first_window: MainWindow, tmp_path: Path, user_dirs: UserDirs
) -> None:
    # A name the system refuses with OSError: loading raises what it never foresaw.
    too_long = tmp_path / ("a" * 300) / "mkdocs.yml"
    opener_of(first_window).open_path(too_long)
    said_in_status(qtbot, first_window, "mkdocs.yml could not be opened as a handbook.")
    assert first_window.isVisible()
    assert load_recent(user_dirs.config) == []


def _drop(window: MainWindow, path: Path, target: QWidget | None = None) -> bool:
    """Drag `path` over `target` (the window itself by default) and drop it."""
    target = target or window
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(50, 50), actions, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(50, 50), actions, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, drop)
    return True


def test_dropping_a_folder_opens_it(
    qtbot: QtBot, first_window: MainWindow, project: Path, tmp_path: Path
) -> None:
    opened = record_windows(SESSIONS[-1])
    stray = tmp_path / "note.txt"
    stray.write_text("x")
    assert not _drop(first_window, stray)  # a plain file is not a handbook
    assert _drop(first_window, project, first_window.content.viewport())  # on the page
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20_000)
    assert opened[0].handbook.title == "Clinic Guide"
    opened[0].search_index.shut_down()


def test_recent_menu_reopens_a_handbook(
    qtbot: QtBot, first_window: MainWindow, project: Path, gene_book: Path
) -> None:
    opened = record_windows(SESSIONS[-1])
    second = open_and_wait(qtbot, SESSIONS[-1], project)
    opener = opener_of(second)
    opener.fill_recent_menu()
    entries = opener.recent_menu.actions()
    assert [a.toolTip() for a in entries] == [str(project.absolute()), str(gene_book)]
    assert not entries[0].isEnabled()  # the handbook already open
    assert opener.recent_menu.accessibleName() == "Recent handbooks"
    entries[1].trigger()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=20_000)
    assert opened[-1].handbook.title == "One"
    for window in opened:
        window.search_index.shut_down()


def test_kiosk_window_never_opens_another_handbook(
    qtbot: QtBot, gene_book: Path, project: Path, user_dirs: UserDirs
) -> None:
    window = MainWindow(load_handbook(gene_book), Preferences(), policy=KIOSK_LIKE)
    desktop_session(window, user_dirs, policy=KIOSK_LIKE)
    assert window.findChild(HandbookOpener) is None
    assert not window.action_set["open_handbook"].isEnabled()
    assert not window.action_set["open_packed"].isVisible()
    assert not _drop(window, project)


def test_the_last_opened_handbook_is_opened_next_time(
    qtbot: QtBot,
    project: Path,
    gene_book: Path,
    user_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    args = argparse.Namespace(lang="en", kiosk=False, idle_timeout=None, handbook=project)
    first = open_session(args, project)
    assert isinstance(first, Session)
    assert first.window.handbook.title == "Clinic Guide"
    first.close()
    first.window.close()
    again = open_session(argparse.Namespace(lang="en", kiosk=False, idle_timeout=None), gene_book)
    assert isinstance(again, Session)
    try:
        assert again.window.handbook.title == "Clinic Guide"  # remembered, not the default
        new = open_and_wait(qtbot, again, gene_book)  # the session follows the switch
        assert new.handbook.title == "One"
    finally:
        again.close()


def test_contents_show_nav_sections_holding_their_pages(
    qtbot: QtBot, first_window: MainWindow, project: Path
) -> None:
    new = open_and_wait(qtbot, SESSIONS[-1], project)
    assert toc_titles(new) == ["Welcome", "Using the tool", "Extensions", "Unlisted page"]
    extensions = new.toc.topLevelItem(2)
    assert [extensions.child(i).text(0) for i in range(extensions.childCount())] == [
        "Table of Contents", "Attribute Lists", "Deeper",
    ]  # fmt: skip
    assert extensions.child(2).child(0).text(0) == "Notes deep down"
    new.navigator.navigate("ext-deep-notes/wound-care")
    assert new.toc.currentItem().text(0) == "Wound care"
    new.search_index.shut_down()


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
        assert toc_titles(window)[:2] == ["One", "Two"]
        assert "Gene therapy gives a working gene." in window.content.toPlainText()
        picture = window.content.picture("pictures/cell.svg")
        assert picture is not None and not picture.isNull()
        assert search_ids(qtbot, window, "lentivirus") == ["two"]
        index = window.search_panel.index
        assert index is not None and index.location is not None  # built from its text,
        assert index.location.is_relative_to(user_home / "cache" / "search")  # in the cache
        assert sorted(packed.parent.iterdir()) == [packed]  # nothing written beside it
    finally:
        session.close()


def test_packed_handbook_opens_from_file_open_and_by_a_drop(
    qtbot: QtBot, first_window: MainWindow, packed: Path, user_dirs: UserDirs
) -> None:
    action = first_window.action_set["open_packed"]
    assert action in first_window.menus["file"].actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+O")
    opened = record_windows(SESSIONS[-1])
    opener_of(first_window).choose_file = lambda: packed
    action.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20_000)
    assert opened[0].handbook.root == packed
    assert load_recent(user_dirs.config)[0] == packed
    back = open_and_wait(qtbot, SESSIONS[-1], first_window.handbook.root)
    assert _drop(back, packed)
    qtbot.waitUntil(lambda: len(opened) == 3, timeout=20_000)
    assert opened[-1].handbook.root == packed
    assert opened[-1].content.picture("pictures/vector.svg") is not None


def test_a_damaged_packed_handbook_is_refused_and_the_window_stays(
    qtbot: QtBot, first_window: MainWindow, packed: Path
) -> None:
    data = bytearray(packed.read_bytes())
    data[len(data) // 2] ^= 0x01
    packed.write_bytes(bytes(data))
    opener_of(first_window).open_path(packed)
    said_in_status(qtbot, first_window, "gene.handbook could not be opened as a handbook.")
    assert first_window.isVisible() and first_window.handbook.title == "One"
    box = first_window.findChild(QMessageBox, "openErrorDialog")
    assert box is not None
    assert "damaged or was changed" in box.detailedText() and "\n" not in box.detailedText()
    box.close()
