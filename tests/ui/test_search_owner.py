"""Search has one owner: the index is opened, rebuilt and closed only by the
SearchIndexOwner (its files let go of when it says so), the results panel is handed the
index and never holds a closed one, and the search box's text and keys have one reader."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import reader
from reader.handbook import Handbook, load_handbook
from reader.search.engine import SearchIndex
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.search_field import SearchField
from reader.ui.window.searching import SearchIndexOwner
from tests.conftest import WriteHandbook

UI = Path(reader.__file__).parent / "ui"
TEXT_CHANGED = SIGNAL("textChanged(QString)")


def open_files_under(folder: Path) -> list[str]:
    """This process's open file descriptors pointing into `folder` (Linux's /proc)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed between listing and reading
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


def opened(qtbot: QtBot, owner: SearchIndexOwner, how: Callable[[], None]) -> SearchIndex:
    """The index the owner has in use once `how` (start or rebuild) has opened it."""
    with qtbot.waitSignal(owner.ready, timeout=10_000) as ready:
        how()
    index = ready.args[0]
    assert isinstance(index, SearchIndex) and owner.index is index
    return index


@pytest.fixture
def small_handbook(write_handbook: WriteHandbook) -> Handbook:
    chapter = "# Treatments\n\n## Editing\n\nCRISPR tools cut the DNA at one place.\n"
    return load_handbook(write_handbook({"treatments.md": chapter}))


@pytest.fixture
def owner_and_panel(
    qtbot: QtBot, small_handbook: Handbook, tmp_path: Path
) -> Iterator[tuple[SearchIndexOwner, SearchPanel]]:
    host = QWidget()
    qtbot.addWidget(host)
    panel = SearchPanel(SearchField(QIcon(), host), host)
    owner = SearchIndexOwner(small_handbook, tmp_path / "cache", host)
    owner.index_changed.connect(panel.set_index)
    yield owner, panel
    owner.shut_down()  # joins a worker still running


def test_the_owner_opens_the_index_in_a_worker_and_hands_it_to_the_panel(
    qtbot: QtBot, owner_and_panel: tuple[SearchIndexOwner, SearchPanel], tmp_path: Path
) -> None:
    owner, panel = owner_and_panel
    index = opened(qtbot, owner, owner.start)
    assert panel.index is index
    assert index.location is not None and index.location.is_relative_to(tmp_path / "cache")
    panel.search_box.setText("crispr")
    panel.search_now()
    assert panel.results.count() == 1


def test_shutting_down_lets_go_of_the_index_files_and_empties_the_panel(
    qtbot: QtBot, owner_and_panel: tuple[SearchIndexOwner, SearchPanel]
) -> None:
    owner, panel = owner_and_panel
    folder = opened(qtbot, owner, owner.start).location
    assert folder is not None and open_files_under(folder)
    owner.shut_down()
    assert owner.index is None and panel.index is None
    assert open_files_under(folder) == []
    owner.start()  # a shut-down owner stays shut: nothing reopens behind its back
    assert not owner.opening and owner.index is None


def test_shutting_down_while_the_worker_opens_drops_what_it_opens(
    qtbot: QtBot, owner_and_panel: tuple[SearchIndexOwner, SearchPanel], tmp_path: Path
) -> None:
    owner, panel = owner_and_panel
    received: list[object] = []
    owner.index_changed.connect(received.append)
    owner.start()
    owner.shut_down()
    qtbot.wait(50)  # a queued hand-over, had there been one, arrives now
    assert received == [] and panel.index is None
    assert open_files_under(tmp_path / "cache") == []


def test_rebuild_swaps_in_a_new_index_and_closes_the_old_one(
    qtbot: QtBot, owner_and_panel: tuple[SearchIndexOwner, SearchPanel]
) -> None:
    owner, panel = owner_and_panel
    old = opened(qtbot, owner, owner.start)
    changes: list[object] = []
    owner.index_changed.connect(changes.append)
    panel.search_box.setText("crispr")
    waiting: list[object] = []

    def rebuild() -> None:
        owner.rebuild()
        waiting.extend([panel.index, panel.message.text()])

    new = opened(qtbot, owner, rebuild)
    assert waiting == [None, "Preparing search…"]  # never left holding the closed one
    assert new is not old and changes == [None, new]
    assert panel.results.count() == 1  # the waiting search ran on the new index
    # Both live in the same cache folder: one open file there means the old one let go.
    assert new.location is not None and len(open_files_under(new.location)) == 1


def test_only_the_owner_opens_or_closes_an_index_in_the_window_layer() -> None:
    """The life cycle in one place: no other module under reader/ui opens an index, and
    none but the owner closes the one the panel shows."""
    opening = re.compile(r"open_or_build|SearchIndex\(")
    closing = re.compile(r"\bindex\.close\(\)|search_panel\.index\b")
    places = {
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if opening.search(text := path.read_text(encoding="utf-8")) or closing.search(text)
    }
    assert places == {"window/searching.py"}


def test_no_part_filters_the_search_box_events() -> None:
    """The box handles its own keys (SearchField.keyPressEvent); an event filter on it
    from another part would be a second owner of its keys."""
    filtering = re.compile(r"search_box\.installEventFilter|watched is self\.search_box")
    places = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if filtering.search(path.read_text(encoding="utf-8"))
    ]
    assert places == []


def test_the_search_box_has_one_listener_for_what_is_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    bare = SearchField(QIcon())  # Qt's own connections (the clear button) are counted too
    qtbot.addWidget(bare)
    assert window.search_box.receivers(TEXT_CHANGED) == bare.receivers(TEXT_CHANGED) + 1
    with qtbot.waitSignal(window.search_panel.query_changed, timeout=1000) as changed:
        window.search_box.setText("gene")
    assert changed.args == ["gene"]
    assert window.search_dock.isVisible()  # the window's reaction, through the panel
    window.search_index.shut_down()


def test_escape_clears_the_box_then_goes_back_to_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    box = window.search_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    qtbot.keyClicks(box, "gene")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and box.hasFocus()
    with qtbot.waitSignal(box.left, timeout=1000):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.content.hasFocus()
    window.search_index.shut_down()
