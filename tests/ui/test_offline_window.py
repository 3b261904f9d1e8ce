"""The window never reaches the network: start, read, search, look up a word, bookmark
and save a PDF with network sockets made to fail loudly; remote pictures show their
text and are never requested; web links are never opened without a yes, and never in
a kiosk."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.bookmarks.store import BookmarkStore, default_path
from reader.handbook import Handbook, load_handbook
from reader.paths import UserDirs
from reader.ui.mainwindow import MainWindow
from reader.ui.window.policy import WindowPolicy
from tests.conftest import WriteHandbook
from tests.support import QT_NETWORK
from tests.ui.conftest import MakeWindow

REMOTE = """# Remote

A chart from a website: ![A chart of blood counts](https://example.org/chart.png)

<img src="http://example.org/raw.png" alt="A raw picture">

Read more at [the foundation's page](https://example.org/idf) when you are online.
"""


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs handed to the desktop to open (recorded instead of opened)."""
    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(QUrl(url).toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return opened


def test_every_window_flow_stays_offline(
    qtbot: QtBot,
    make_window: MakeWindow,
    handbook: Handbook,
    user_dirs: UserDirs,
    tmp_path: Path,
    network_attempts: list[str],
    requested_resources: list[str],
    opened_urls: list[str],
) -> None:
    store = BookmarkStore.open(default_path(user_dirs))
    window = make_window(handbook, store=store, cache_dir=user_dirs.cache)
    try:
        for chapter in handbook.chapters:  # read every chapter, pictures and all
            assert window.navigator.navigate(chapter.id)
        qtbot.waitUntil(lambda: window.search_panel.index is not None, timeout=20000)
        with qtbot.waitSignal(window.search_panel.results_changed, timeout=5000):
            qtbot.keyClicks(window.search_box, "leukemai")
        assert window.search_panel.results.count() > 0
        window.search_panel.activate_current()
        gvhd = handbook.glossary.find("GVHD")
        assert gvhd is not None
        window.show_term(gvhd.slug)
        assert window.glossary_panel.isVisible()
        window.bookmark_commands.toggle()
        out = tmp_path / "section.pdf"
        window.printing.save_target = lambda: out
        dialog = window.printing.open_dialog()
        dialog.set_scope("chapter")
        dialog.save_pdf()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)  # off the UI thread
        assert out.stat().st_size > 1000, dialog.status_label.text()
        dialog.close()
    finally:
        window.search_index.shut_down()
        store.close()
    assert network_attempts == []
    assert opened_urls == []
    assert QT_NETWORK not in sys.modules
    assert requested_resources and all(url.startswith("picture:") for url in requested_resources), (
        requested_resources
    )


@pytest.fixture
def remote(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook({"remote.md": REMOTE}))


def test_remote_pictures_show_their_text_and_are_never_requested(
    make_window: MakeWindow,
    remote: Handbook,
    network_attempts: list[str],
    requested_resources: list[str],
) -> None:
    window = make_window(remote)
    text = window.content.toPlainText()
    assert "[Picture: A chart of blood counts]" in text
    assert "[Picture: A raw picture]" in text
    assert "example.org" not in text
    assert not any("example.org" in url for url in requested_resources)
    assert network_attempts == []
    window.search_index.shut_down()


def _click_text(qtbot: QtBot, window: MainWindow, words: str) -> None:
    """A real mouse click in the middle of `words` on the page."""
    found = window.content.document().find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(window.content.document())
    cursor.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    window.content.ensureCursorVisible()
    point = window.content.cursorRect(cursor).center()
    qtbot.mouseClick(window.content.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_web_link_asks_first_and_opens_only_after_yes(
    qtbot: QtBot,
    make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
    remote: Handbook,
    opened_urls: list[str],
    network_attempts: list[str],
    answer: str,
) -> None:
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    window = make_window(remote)
    source = window.content.source()
    _click_text(qtbot, window, "the foundation's page")
    assert len(asked) == 1 and "https://example.org/idf" in asked[0]
    assert opened_urls == ([] if answer == "No" else ["https://example.org/idf"])
    assert window.content.source() == source, "the reading view itself never loads a link"
    assert window.navigator.current_section_id == "remote"
    assert network_attempts == []
    window.search_index.shut_down()


def test_kiosk_never_opens_a_web_link(
    qtbot: QtBot,
    make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
    remote: Handbook,
    opened_urls: list[str],
    network_attempts: list[str],
) -> None:
    told: list[str] = []

    def information(parent, title, text, *args):  # type: ignore[no-untyped-def]
        told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", information)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("a kiosk never asks"))
    window = make_window(remote, policy=WindowPolicy(system_dialogs=False))
    _click_text(qtbot, window, "the foundation's page")
    assert len(told) == 1 and "can't be opened on this computer" in told[0]
    assert opened_urls == []
    assert network_attempts == []
    window.search_index.shut_down()
