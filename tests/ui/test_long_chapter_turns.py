"""A long chapter comes into the reading view in small turns (issue #34): each turn of
the event loop parses and lays out one piece, underlines its glossary words and notes
its headings, so the piece's size is what the window waits for. Pieces of 20,000
characters of HTML (up to 15,000 characters of text) took 30 to 60 ms a turn on a busy
2-core machine, too close to the 100 ms a window may stall; now a turn takes in at most
TURN_TEXT_CHARS."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.paths import bundled_handbook_dir
from tests.helpers.long_chapter import LONG_CHAPTER, grow_chapter
from tests.ui.conftest import MakeWindow

#: The most text (characters) one turn may add to the page.
TURN_TEXT_CHARS = 10_000


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    folder = tmp_path_factory.mktemp("long") / "handbook"
    grow_chapter(bundled_handbook_dir(), folder, 150_000)
    return load_handbook(folder)


def test_each_turn_takes_in_a_small_piece_of_a_long_chapter(
    qtbot: QtBot, make_window: MakeWindow, long_book: Handbook
) -> None:
    window = make_window(long_book)
    document = window.content.document()
    added: list[int] = []
    document.contentsChange.connect(lambda _at, _removed, count: added.append(count))
    chapter = long_book.chapter(LONG_CHAPTER)
    assert chapter is not None
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
        window.navigator.navigate(chapter.sections[-1].id)
    whole = document.characterCount()
    assert whole > 10 * TURN_TEXT_CHARS and len(added) > 10
    assert max(added) <= TURN_TEXT_CHARS, sorted(added)[-3:]
