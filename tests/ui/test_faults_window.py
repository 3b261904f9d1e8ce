"""Faults the window survives, each with a plain-words message and nothing saved lost:
an exception in a slot, a missing handbook, a damaged bookmarks file, a data folder
that cannot be written, a damaged or unwritable search cache, a full disk during PDF
export, and a handbook folder that disappears while it is open."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.bookmarks.store import DATABASE_NAME, BookmarkStore, default_path
from reader.cli import parse_arguments
from reader.handbook import load_handbook
from reader.paths import UserDirs, bundled_handbook_dir
from reader.recent import load_recent, remember_handbook
from reader.search.engine import SearchIndex
from reader.ui import app as ui_app
from reader.ui.app import Session, open_session
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.search_panel import ID_ROLE
from tests.support import fill_disk, small_disk
from tests.ui.conftest import MakeWindow

Seen = list[tuple[str, str]]


@pytest.fixture
def error_dialogs(qtbot: QtBot) -> Iterator[Seen]:
    """Closes every error dialog as soon as it shows, keeping (text, details) of each.

    `show_error` runs the dialog's own event loop (`exec`), so it is closed from a timer.
    """
    seen: Seen = []

    def close_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == "errorDialog"
                and widget.isVisible()
            ):
                seen.append((widget.text(), widget.detailedText()))
                widget.done(0)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(close_shown)
    timer.start()
    yield seen
    timer.stop()


def _search_ids(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    qtbot.waitUntil(lambda: window.search_panel.index is not None, timeout=20000)
    window.search_box.setText(text)
    window.search_panel.search_now()
    results = window.search_panel.results
    return [str(results.item(row).data(ID_ROLE)) for row in range(results.count())]


# --- an exception inside a slot: a dialog in plain words, the traceback under Details ---


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_a_plain_error_dialog_with_details(
    qtbot: QtBot,
    make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
    gene_book: Path,
    error_dialogs: Seen,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    ui_app._install_error_hook()
    window = make_window(load_handbook(gene_book))

    def broken_slot(section_id: str) -> None:
        raise RuntimeError(f"slot failed on {section_id}")

    window.toc.section_requested.connect(broken_slot)
    window.toc.section_requested.emit("two")
    qtbot.waitUntil(lambda: bool(error_dialogs), timeout=3000)
    [(text, details)] = error_dialogs
    assert text == (
        "Handbook Reader ran into a problem, but your bookmarks are safe. You can keep reading."
    )
    assert "Traceback" not in text
    assert details.startswith("Traceback (most recent call last):")
    assert "RuntimeError: slot failed on two" in details
    assert window.navigator.current_section_id == "two", "the window's own slot still ran"
    assert window.navigator.navigate("one"), "and the window keeps working"
    assert "RuntimeError: slot failed on two" in capsys.readouterr().err  # kept for support
    window.search_index.shut_down()


# --- starting the app on bad ground ----------------------------------------------------


#: `start_session(handbook_dir, *words)`: the window started as `handbook-reader --lang en
#: WORDS...` starts it (the real parse), with `handbook_dir` as the bundled handbook.
StartSession = Callable[..., Session | int]


@pytest.fixture
def start_session(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[StartSession]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    sessions: list[Session] = []

    def start(handbook_dir: Path, *words: str) -> Session | int:
        session = open_session(parse_arguments(["--lang", "en", *words]), handbook_dir)
        if isinstance(session, Session):
            qtbot.addWidget(session.window)
            sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()


def test_missing_handbook_folder_at_start_is_a_dialog_and_exit_2(
    start_session: StartSession, tmp_path: Path, error_dialogs: Seen
) -> None:
    assert start_session(tmp_path / "unplugged-usb") == 2
    [(text, details)] = error_dialogs
    assert text == "The handbook could not be opened."
    assert details.startswith("No handbook folder at ") and "unplugged-usb" in details


def _crashing_handbook(tmp_path: Path) -> Path:
    """A path whose loading raises what the loader never foresaw: the system refuses a
    name this long with OSError (a NUL in docs_dir once did it, but is now a problem the
    loader reports)."""
    return tmp_path / ("a" * 300) / "handbook"


def test_a_handbook_that_fails_to_open_is_never_remembered(
    start_session: StartSession,
    tmp_path: Path,
    user_dirs: UserDirs,
    error_dialogs: Seen,
) -> None:
    bad = _crashing_handbook(tmp_path)
    assert start_session(bundled_handbook_dir(), "--handbook", str(bad)) == 2
    [(text, _details)] = error_dialogs
    assert text == "The handbook could not be opened."
    assert load_recent(user_dirs.config) == []
    again = start_session(bundled_handbook_dir())  # a plain start: the bundled handbook, no message
    assert isinstance(again, Session)
    assert again.window.handbook.root == bundled_handbook_dir()
    assert load_recent(user_dirs.config) == [bundled_handbook_dir().absolute()]
    assert len(error_dialogs) == 1


# A remembered path that the system refuses (the crash above) is dropped by the recent
# list before loading, so a handbook that is no longer one is the case left to show.
@pytest.mark.parametrize("fault", ["no-longer-a-handbook"])
def test_a_remembered_handbook_that_fails_gives_way_to_the_bundled_one_and_says_so(
    qtbot: QtBot,
    start_session: StartSession,
    tmp_path: Path,
    user_dirs: UserDirs,
    error_dialogs: Seen,
    fault: str,
) -> None:
    if fault == "crashes":
        bad, why = _crashing_handbook(tmp_path), "File name too long"
    else:
        bad, why = tmp_path / "emptied", "holds no Markdown chapters"
        bad.mkdir()
    remember_handbook(user_dirs.config, bad)  # opened on an earlier day, broken since
    session = start_session(bundled_handbook_dir())
    assert isinstance(session, Session)
    assert session.window.handbook.root == bundled_handbook_dir()
    qtbot.waitUntil(lambda: bool(error_dialogs), timeout=5000)
    [(text, _details)] = error_dialogs
    assert text.startswith(f"The handbook opened last, “{bad.absolute()}”, could not be opened (")
    assert why in text and text.endswith("comes with the reader is open instead.")
    assert load_recent(user_dirs.config) == [bundled_handbook_dir().absolute(), bad.absolute()]


def test_damaged_bookmarks_file_is_set_aside_and_said_so(
    qtbot: QtBot,
    start_session: StartSession,
    gene_book: Path,
    user_dirs: UserDirs,
    error_dialogs: Seen,
) -> None:
    path = default_path(user_dirs)
    path.parent.mkdir(parents=True)
    garbage = b"not a database at all\n" * 200
    path.write_bytes(garbage)
    session = start_session(gene_book)
    assert isinstance(session, Session)
    qtbot.waitUntil(lambda: bool(error_dialogs), timeout=3000)
    [(text, _details)] = error_dialogs
    assert text.startswith("Your bookmarks file could not be read, so it was set aside as")
    [aside] = path.parent.glob(f"{DATABASE_NAME}.corrupt-*")
    assert aside.read_bytes() == garbage, "the damaged file is kept as it was"
    session.window.navigator.navigate("two")
    session.window.bookmark_commands.toggle()
    session.close()
    reopened = BookmarkStore.open(path)
    assert [b.section_id for b in reopened.list(session.window.bookmarks.key)] == ["two"]
    reopened.close()


def test_unwritable_data_folder_keeps_bookmarks_for_the_visit_and_says_so(
    qtbot: QtBot,
    start_session: StartSession,
    gene_book: Path,
    user_dirs: UserDirs,
    error_dialogs: Seen,
) -> None:
    user_dirs.data.parent.mkdir(parents=True, exist_ok=True)
    user_dirs.data.write_text("a file where the data folder should be", encoding="utf-8")
    session = start_session(gene_book)
    assert isinstance(session, Session)
    qtbot.waitUntil(lambda: bool(error_dialogs), timeout=3000)
    [(text, _details)] = error_dialogs
    assert text.startswith("Bookmarks can't be saved on this computer right now")
    session.window.navigator.navigate("two")
    session.window.bookmark_commands.toggle()
    assert session.window.bookmarks.is_bookmarked("two")
    assert user_dirs.data.read_text(encoding="utf-8") == "a file where the data folder should be"


# --- the search cache ------------------------------------------------------------------


def test_damaged_search_index_is_rebuilt_and_search_works(
    qtbot: QtBot, make_window: MakeWindow, gene_book: Path, user_dirs: UserDirs
) -> None:
    handbook = load_handbook(gene_book)
    with SearchIndex.open_or_build(handbook, user_dirs.cache) as index:
        assert index.location is not None
        folder = index.location
    for path in folder.iterdir():
        if path.suffix == ".seg":
            path.write_bytes(path.read_bytes()[:40])
    window = make_window(handbook, cache_dir=user_dirs.cache)
    try:
        assert _search_ids(qtbot, window, "leukemia")[:1] == ["two/risks"]
        assert window.search_panel.index is not None and window.search_panel.index.rebuilt
        assert window.statusBar().currentMessage() == ""
    finally:
        window.search_index.shut_down()


def test_unwritable_search_cache_still_searches(
    qtbot: QtBot, make_window: MakeWindow, gene_book: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    window = make_window(load_handbook(gene_book), cache_dir=blocker / "handbook-reader")
    try:
        assert _search_ids(qtbot, window, "lentivirus")[:1] == ["two"]
        assert window.search_panel.index is not None
        assert window.search_panel.index.location is None  # kept in memory instead
    finally:
        window.search_index.shut_down()


# --- a full disk during PDF export -----------------------------------------------------


def test_full_disk_during_pdf_export_is_said_plainly_and_keeps_the_old_file(
    make_window: MakeWindow, gene_book: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    window = make_window(load_handbook(gene_book))
    disk = tmp_path / "usb"
    try:
        with small_disk(disk) as mounted:
            assert mounted, "these tests run as root on Linux and mount a small tmpfs"
            out = disk / "packet.pdf"
            out.write_bytes(b"previous PDF")
            fill_disk(disk)
            window.printing.save_target = lambda: out
            dialog = window.printing.open_dialog()
            dialog.set_scope("all")
            dialog.save_pdf()
            while dialog.busy:  # saving runs off the UI thread (#34)
                QApplication.processEvents()
            assert dialog.status_label.text() == (
                f"Could not write the PDF: the disk is full ({out})."
            )
            assert out.read_bytes() == b"previous PDF"
            assert sorted(p.name for p in disk.iterdir()) == ["filler", "packet.pdf"]
            dialog.close()
    finally:
        window.search_index.shut_down()
    assert "Traceback" not in capfd.readouterr().err


# --- the handbook folder disappears while the window is open ---------------------------


def test_handbook_folder_that_disappears_while_reading(
    qtbot: QtBot,
    make_window: MakeWindow,
    gene_book: Path,
    tmp_path: Path,
    user_dirs: UserDirs,
    capfd: pytest.CaptureFixture[str],
) -> None:
    usb = tmp_path / "usb-stick"
    shutil.copytree(gene_book, usb)
    window = make_window(load_handbook(usb), cache_dir=user_dirs.cache)
    try:
        assert window.navigator.current_section_id == "one"
        shutil.rmtree(usb)
        assert window.navigator.navigate("two/risks")  # never shown before: rendered now
        text = window.content.toPlainText()
        assert "Leukemia was seen in early trials." in text
        assert "[Picture: The vector]" in text
        assert window.navigator.navigate("one")  # shown before, with its picture
        assert "Gene therapy gives a working gene." in window.content.toPlainText()
        assert "[Picture: A cell with a new gene]" in window.content.toPlainText()
        assert _search_ids(qtbot, window, "leukemia")[:1] == ["two/risks"]
        window.bookmark_commands.toggle()
        assert window.bookmarks.is_bookmarked("one")
        out = tmp_path / "packet.pdf"
        window.printing.save_target = lambda: out
        dialog = window.printing.open_dialog()
        dialog.save_pdf()
        qtbot.waitUntil(lambda: not dialog.busy)  # saving runs off the UI thread
        assert dialog.status_label.text().startswith(
            "Could not make the PDF: the handbook folder is no longer there"
        )
        assert not out.exists()
        dialog.close()
    finally:
        window.search_index.shut_down()
    assert "Traceback" not in capfd.readouterr().err
