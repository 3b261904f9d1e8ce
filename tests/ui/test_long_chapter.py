"""A very long chapter opens without freezing the window (issue #34): it is rendered off
the window's thread and taken in a piece at a time, the event loop running between
pieces, and the page lands on the section asked for once it has arrived."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from reader.content.page_pieces import split_page
from reader.content.pages import Pages
from reader.handbook import Handbook, Section, load_handbook
from reader.paths import bundled_handbook_dir
from reader.ui.content_view import ContentView
from reader.ui.mainwindow import MainWindow
from reader.ui.page_feed import PageFeed
from reader.ui.window.chapter_render import ChapterRender
from tests.helpers.long_chapter import LONG_CHAPTER, grow_chapter
from tests.ui.conftest import MakeWindow

#: Big enough for many pieces, small enough to render in well under a second.
GROWN_CHARS = 300_000


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    folder = tmp_path_factory.mktemp("long") / "handbook"
    grow_chapter(bundled_handbook_dir(), folder, GROWN_CHARS)
    return load_handbook(folder)


def note_size(view: ContentView, seen: list[int]) -> None:
    seen.append(view.document().characterCount())


def last_section(handbook: Handbook) -> Section:
    chapter = handbook.chapter(LONG_CHAPTER)
    assert chapter is not None
    return chapter.sections[-1]


def heading_in_view(window: MainWindow, section: Section) -> bool:
    view = window.content
    position = view.anchor_position(section.anchor)
    document = view.document()
    top = document.documentLayout().blockBoundingRect(document.findBlock(position)).top()
    scroll = view.verticalScrollBar().value()
    return position > 0 and scroll - 1 <= top <= scroll + view.viewport().height()


def test_a_long_chapter_opens_in_pieces_and_lands_on_its_section(
    qtbot: QtBot, make_window: MakeWindow, long_book: Handbook
) -> None:
    window = make_window(long_book)
    target = last_section(long_book)
    seen_between: list[int] = []
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
        window.navigator.navigate(target.id)
        # Queued right after: it runs at the next turn of the event loop.
        QTimer.singleShot(
            0, lambda: seen_between.append(window.content.document().characterCount())
        )
    whole = window.content.document().characterCount()
    assert seen_between and seen_between[0] < whole  # the loop ran before the page was whole
    assert window.navigator.current_section_id == target.id
    assert target.anchor in window.content.anchor_names()
    assert heading_in_view(window, target)
    assert target.title in window.content.toPlainText()


def test_moving_on_while_a_long_chapter_opens_keeps_the_new_page(
    qtbot: QtBot, make_window: MakeWindow, long_book: Handbook
) -> None:
    window = make_window(long_book)
    short = long_book.reading_chapters[1]
    assert short.id != LONG_CHAPTER
    window.navigator.navigate(last_section(long_book).id)
    window.navigator.navigate(short.id)
    navigator = window.navigator
    qtbot.waitUntil(lambda: not navigator.findChildren(ChapterRender), timeout=30_000)
    qtbot.wait(50)  # any late result from the dropped render would have arrived
    assert window.navigator.current_section_id == short.id
    assert navigator.shown_chapter_id == short.id
    assert not navigator.opening()
    assert short.title in window.content.toPlainText()
    assert last_section(long_book).title not in window.content.toPlainText()


def test_pieces_make_the_same_page_as_one_whole(
    qtbot: QtBot, long_book: Handbook, tmp_path: Path
) -> None:
    html = Pages(long_book).chapter_html(LONG_CHAPTER)
    whole = ContentView(long_book.root)
    pieced = ContentView(long_book.root)
    for view in (whole, pieced):
        qtbot.addWidget(view)
        view.resize(800, 600)
    whole.show_html(html)
    feed = PageFeed(pieced)
    pieces = split_page(html)
    assert len(pieces) > 5
    with qtbot.waitSignal(feed.finished, timeout=30_000):
        feed.start(pieces)
    assert pieced.document().toHtml() == whole.document().toHtml()
    assert pieced.anchor_names() == whole.anchor_names()


def test_a_new_text_size_takes_a_long_page_in_again_in_pieces_at_the_paragraph_read(
    qtbot: QtBot, make_window: MakeWindow, long_book: Handbook
) -> None:
    # Before: a font change made Qt lay the whole page out at once (a 1 MB chapter froze
    # the window for about 6 s; tests/bench/stall_bench.py's text-size row).
    window = make_window(long_book)
    target = last_section(long_book)
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
        window.navigator.navigate(target.id)
    view = window.content
    whole = view.document().characterCount()
    read = view.reading_mark()
    size = view.point_size()
    headings = view.anchor_names()
    seen_between: list[int] = []
    said: list[str] = []
    window.navigator.message.connect(lambda text, _ms: said.append(text))
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
        window.comfort.apply_zoom(200)
        QTimer.singleShot(0, lambda: seen_between.append(view.document().characterCount()))
    assert seen_between and seen_between[0] < whole  # the loop ran between the pieces
    assert view.anchor_names() == headings  # the whole page (its tables now as rows)
    assert view.point_size() > size * 1.9
    assert read and view.reading_mark() == read
    assert window.navigator.current_section_id == target.id  # not the chapter's top
    progress = [text for text in said if text]
    assert progress and all(text.startswith("Adjusting the page") for text in progress)


def test_a_new_width_takes_a_long_page_in_again_in_pieces_at_the_paragraph_read(
    qtbot: QtBot, make_window: MakeWindow, long_book: Handbook
) -> None:
    """Qt lays a page out again at a new width inside the resize itself: a 1 MB chapter
    froze the window for 230-290 ms at each resize, and its pictures and tables moved
    the reader a section away (tests/bench/stall_bench.py's resize row)."""
    window = make_window(long_book)
    window.resize(1366, 768)
    chapter = long_book.chapter(LONG_CHAPTER)
    assert chapter is not None
    target = chapter.sections[len(chapter.sections) * 2 // 3]  # not at the page's end
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
        window.navigator.navigate(target.id)
    view = window.content
    for width in (1024, 1366):
        whole = view.document().characterCount()
        read, heading, headings = view.reading_mark(), view.anchor_at_top(), view.anchor_names()
        seen_between: list[int] = []
        with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
            window.resize(width, 768)
            QTimer.singleShot(0, partial(note_size, view, seen_between))
        assert seen_between and seen_between[0] < whole  # the loop ran between the pieces
        assert view.anchor_names() == headings
        assert read and view.reading_mark() == read and view.anchor_at_top() == heading
        assert view.document().pageSize().width() == view.viewport().width()
        assert window.navigator.current_section_id == target.id


def test_a_scroll_bar_that_comes_or_goes_does_not_take_a_long_page_in_again(
    qtbot: QtBot, make_window: MakeWindow, long_book: Handbook
) -> None:
    """Only the view's own width counts: a scroll bar resizes the page's viewport, and a
    page taken in again for it could bring it about again, for ever."""
    window = make_window(long_book)
    with qtbot.waitSignal(window.navigator.chapter_shown, timeout=30_000):
        window.navigator.navigate(last_section(long_book).id)
    view = window.content
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    qtbot.wait(20)
    assert not window.navigator.opening()
    assert view.document().pageSize().width() == view.viewport().width()
