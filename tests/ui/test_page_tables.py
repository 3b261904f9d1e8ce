"""The page's tables at the reader's width and text size (reader/ui/page_tables.py): a
table whose words cannot fit its columns is shown as rows, with no word broken inside
(read from Qt's laid-out lines), and is a table again once it fits, at the same place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextTable
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.paths import bundled_handbook_dir
from reader.ui.mainwindow import MainWindow
from reader.ui.window.chapter_render import LONG_CHAPTER_CHARS
from tests.conftest import WriteHandbook
from tests.helpers.long_chapter import LONG_CHAPTER, grow_chapter
from tests.helpers.text_fit import words_broken_inside
from tests.ui.conftest import MakeWindow

GLANCE = "risks/all-the-risks-at-a-glance"


def tables(window: MainWindow) -> int:
    root = window.content.document().rootFrame()
    return sum(isinstance(frame, QTextTable) for frame in root.childFrames())


def settled(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """The page whole, and its tables in the form expected once the columns and then
    the tables (150 ms after a change) have settled."""
    qtbot.waitUntil(
        lambda: not window.navigator.opening() and tables(window) == count, timeout=20_000
    )  # both at once: a long page taken in again has that many tables half-way, too


def test_at_200_percent_beside_the_glossary_the_tables_are_rows_with_whole_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.navigator.navigate(GLANCE)
    settled(qtbot, window, 2)  # at 100% both fit
    window.comfort.apply_zoom(200)
    window.glossary_panel.show()
    settled(qtbot, window, 0)
    assert words_broken_inside(window.content) == []
    assert not window.content.document().find("Gene therapy: Yes, usually busulfan").isNull()


def test_smaller_text_brings_the_table_back_at_the_paragraph_being_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.comfort.apply_zoom(300)
    window.navigator.navigate(GLANCE)
    settled(qtbot, window, 0)
    content = window.content
    found = content.document().find("This table puts the risks")
    assert not found.isNull()
    content.restore_top_paragraph((found.block().position(), 0.0))
    window.comfort.apply_zoom(100)
    settled(qtbot, window, 2)
    # The paragraph being read is still on screen (a side column coming back as the
    # text shrinks may move it a line or two; the page is not back at its top).
    block = content.document().find("This table puts the risks").block()
    top = content.document().documentLayout().blockBoundingRect(block).top()
    shown = content.verticalScrollBar().value()
    assert shown - 2 <= top < shown + content.viewport().height()  # 2: rounding


def paragraph_on_screen(window: MainWindow, text: str) -> bool:
    content = window.content
    block = content.document().find(text).block()
    top = content.document().documentLayout().blockBoundingRect(block).top()
    shown = content.verticalScrollBar().value()
    return shown - 2 <= top < shown + content.viewport().height()  # 2: rounding


@pytest.fixture(scope="module")
def long_tables(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    """The risks chapter grown past the long-chapter size: its tables again and again,
    in pieces that arrive one at a time."""
    folder = tmp_path_factory.mktemp("long-tables") / "handbook"
    grow_chapter(bundled_handbook_dir(), folder, LONG_CHAPTER_CHARS + 20_000)
    return load_handbook(Path(folder))


def test_a_long_chapters_tables_change_form_when_the_text_grows(
    qtbot: QtBot, make_window: MakeWindow, long_tables: Handbook
) -> None:
    # Before: a long page's tables were fitted once, as its pieces came, and never
    # again: at 200% beside the glossary they stayed tables with words broken inside.
    window = make_window(long_tables)
    window.resize(1366, 768)
    window.navigator.navigate(f"{LONG_CHAPTER}/all-the-risks-at-a-glance")
    qtbot.waitUntil(lambda: not window.navigator.opening(), timeout=20_000)
    whole = tables(window)
    assert whole > 2  # the tables of later pieces too
    content = window.content
    found = content.document().find("This table puts the risks")
    content.restore_top_paragraph((found.block().position(), 0.0))
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=20_000):
        window.comfort.apply_zoom(200)
        window.glossary_panel.show()
    settled(qtbot, window, 0)
    assert words_broken_inside(content) == []
    assert paragraph_on_screen(window, "This table puts the risks")
    window.comfort.apply_zoom(100)
    window.glossary_panel.hide()
    settled(qtbot, window, whole)
    assert paragraph_on_screen(window, "This table puts the risks")


def test_a_table_that_fills_the_column_puts_no_scroll_bar_under_the_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Before: Qt laid the risk table out a pixel wider than the text column, and a
    # horizontal scroll bar (range 1 px) sat under every page with such a table.
    window.resize(1366, 768)
    window.glossary_panel.show()
    window.navigator.navigate(GLANCE)
    settled(qtbot, window, 2)
    qtbot.wait(50)  # the scroll bar's range follows the page's layout
    assert not window.content.horizontalScrollBar().isVisible()


def test_a_page_really_wider_than_the_view_keeps_its_horizontal_scroll_bar(
    qtbot: QtBot, make_window: MakeWindow, write_handbook: WriteHandbook
) -> None:
    line = " ".join(f"step_{number}" for number in range(60)).replace(" ", "_")
    page = f"# Commands\n\nType this line:\n\n    {line}\n"
    window = make_window(load_handbook(write_handbook({"commands.md": page})))
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.content.horizontalScrollBar().maximum() > 100)
    qtbot.waitUntil(lambda: window.content.horizontalScrollBar().isVisible())
