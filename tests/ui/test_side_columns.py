"""At large text sizes on a small screen the side columns take turns, so the page keeps
room for its widest word (reader/ui/window/layout_room.py): every page of the real
handbook, at 300% on 1024x768, in English and Spanish, has no word broken inside by a
line (read from Qt's own laid-out lines). Closing the column that took the place brings
the other back, the place in the page is kept, and the rule undoes itself at smaller
sizes and in a larger window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow
from tests.helpers.interface_language import speaking
from tests.helpers.text_fit import words_broken_inside
from tests.ui.conftest import MakeWindow


@pytest.fixture
def spanish_or_english(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from speaking(qapp, request.param)


def large_on_small(qtbot: QtBot, window: MainWindow) -> None:
    """300% on a 1024x768 screen, the contents open on the left."""
    window.resize(1024, 768)
    window.comfort.apply_zoom(300)
    window.toc_dock.show()
    qtbot.wait(20)


def page_settled(qtbot: QtBot, window: MainWindow) -> None:
    """The page whole (a long one arrives in pieces), the columns settled beside it."""
    qtbot.waitUntil(lambda: not window.navigator.opening())
    columns = window.comfort.side_columns
    assert columns is not None
    qtbot.waitUntil(lambda: not columns._timer.isActive())
    qtbot.wait(20)  # the page reflows to its new width


def left(window: MainWindow) -> list[QDockWidget]:
    return [window.toc_dock, window.search_dock, window.bookmarks_panel]


def is_open(docks: list[QDockWidget]) -> bool:
    return any(not dock.isHidden() for dock in docks)


@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
def test_at_300_percent_on_1024x768_no_word_of_any_page_breaks_inside(
    qtbot: QtBot, make_window: MakeWindow, handbook: Handbook, spanish_or_english: str
) -> None:
    window = make_window(load_handbook_in(handbook.root, spanish_or_english))
    large_on_small(qtbot, window)
    window.action_set["show_glossary"].trigger()  # the reader opens the other column
    qtbot.waitUntil(lambda: not is_open(left(window)))
    assert window.glossary_panel.isVisible(), "the column just opened stays"
    broken = []
    for chapter in window.handbook.chapters:
        window.navigator.navigate(chapter.intro.id)
        page_settled(qtbot, window)
        broken += [f"{chapter.id}: {word}" for word in words_broken_inside(window.content)]
    assert broken == [], "\n".join(broken)
    window.search_index.shut_down()


def test_closing_the_column_that_took_the_place_brings_the_other_back_at_the_same_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    large_on_small(qtbot, window)
    window.glossary_panel.hide()
    assert window.navigator.navigate("risks/the-back-up-plan")
    qtbot.wait(20)
    bar = window.content.verticalScrollBar()
    bar.setValue(bar.value() + window.content.viewport().height())  # into the section
    qtbot.wait(20)
    place = window.content.top_paragraph()[0]
    window.toc.setFocus()
    window.action_set["show_glossary"].trigger()
    qtbot.waitUntil(lambda: not is_open(left(window)))
    qtbot.wait(20)  # the page reflows to its new width
    assert window.content.top_paragraph()[0] == place, "the place moved"
    window.action_set["show_glossary"].trigger()  # closed again: the contents return
    qtbot.waitUntil(lambda: window.toc_dock.isVisible())
    qtbot.wait(20)
    assert window.glossary_panel.isHidden()
    assert window.content.top_paragraph()[0] == place
    window.search_index.shut_down()


def test_both_columns_come_back_at_a_smaller_size_and_in_a_larger_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    large_on_small(qtbot, window)
    window.action_set["show_glossary"].trigger()
    qtbot.waitUntil(lambda: not is_open(left(window)))
    window.comfort.apply_zoom(100)
    qtbot.waitUntil(lambda: is_open(left(window)))
    assert window.glossary_panel.isVisible() and window.toc_dock.isVisible()
    window.comfort.apply_zoom(300)
    qtbot.waitUntil(lambda: window.glossary_panel.isHidden() != is_open(left(window)))
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: is_open(left(window)) and window.glossary_panel.isVisible())
    assert words_broken_inside(window.content) == []
    window.search_index.shut_down()


def test_a_page_opened_while_a_column_closes_lands_where_it_was_asked_to(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The column's width change keeps the old page's place for a moment; a page opened
    in that moment (a language switch, a link) keeps its own landing instead."""
    window.resize(1024, 768)
    qtbot.wait(20)
    assert window.navigator.navigate("how-it-works/conditioning")
    qtbot.wait(20)
    width = window.content.width()
    window.glossary_panel.hide()  # the page widens: its place is put back next turn
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.content.width() > width
    assert window.navigator.navigate("risks/the-back-up-plan")
    qtbot.wait(50)
    assert window.navigator.current_section_id == "risks/the-back-up-plan"
    window.search_index.shut_down()


def test_the_glossary_opened_at_a_chapters_top_leaves_the_page_at_its_top(
    qtbot: QtBot, window: MainWindow
) -> None:
    large_on_small(qtbot, window)
    window.bookmarks.toggle(window.navigator.current_section_id)
    window.action_set["show_bookmarks"].trigger()
    qtbot.wait(50)
    assert window.navigator.navigate("how-it-works")
    window.action_set["show_glossary"].trigger()
    qtbot.waitUntil(lambda: not is_open(left(window)))
    qtbot.wait(100)  # the page reflows, and its place is put back
    assert window.content.verticalScrollBar().value() == 0
    assert window.navigator.current_section_id == "how-it-works"
    window.search_index.shut_down()


def test_a_new_window_with_room_for_both_columns_keeps_its_glossary(
    qtbot: QtBot, handbook: Handbook
) -> None:
    """Before its first show Qt has laid nothing out (the page reads 100 px wide): the
    rule took that for a narrow page and closed the glossary of every new window, on a
    1366x768 screen too. It now weighs the window's width less what the columns ask."""
    window = MainWindow(handbook, Preferences())
    qtbot.addWidget(window)
    window.resize(1256, 691)  # what the window takes on a 1366x768 screen
    window.start()
    window.show()
    qtbot.waitExposed(window)
    assert window.comfort.side_columns is not None
    assert window.comfort.side_columns.displaced == []
    assert window.glossary_panel.isVisible()
    window.search_index.shut_down()


def test_a_long_page_is_measured_only_to_the_cap(qtbot: QtBot) -> None:
    """The widest word is measured on the window's thread at about 3 µs a character:
    the first 5,000 paragraphs of a 1 MB chapter took 1.5 s, and froze an export whose
    progress moved a dock. A page is measured to MAX_CHARS_MEASURED characters."""
    from PySide6.QtGui import QTextDocument

    from reader.ui.window.layout_room import MAX_CHARS_MEASURED, widest_word

    ordinary = "<p>" + "word " * 4 + "</p>"
    paragraphs = MAX_CHARS_MEASURED // 20 + 100
    document = QTextDocument()
    document.setHtml(ordinary * paragraphs + "<p>" + "W" * 29 + "</p>")
    assert document.characterCount() > MAX_CHARS_MEASURED
    short = QTextDocument()
    short.setHtml(ordinary + "<p>" + "W" * 29 + "</p>")
    assert widest_word(document) < widest_word(short) / 2


def test_a_page_arriving_in_pieces_is_measured_piece_by_piece_and_again_when_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A long chapter's pieces come in at the page's end: each is measured on its own
    (measuring the first 30,000 characters again each time held the window 80-150 ms
    while an export moved a dock); a change inside what was measured, or a new page,
    starts the measure again; the answer is always the whole page's widest word."""
    from PySide6.QtGui import QTextCursor

    from reader.ui.window.layout_room import PageRoom, widest_word

    content = window.content
    room = PageRoom(content)
    content.show_html("<p>short words only</p>")
    narrow = room.needed()
    assert narrow == widest_word(content.document())
    end = QTextCursor(content.document())
    end.movePosition(QTextCursor.MoveOperation.End)
    end.insertHtml("<p>" + "W" * 25 + "</p>")  # a piece at the end
    qtbot.wait(10)  # measured in a turn of its own
    kept = room._measure  # the measure went on from where it was, not from the start
    assert kept.resume is not None and kept.widest > narrow  # measured already
    assert room.needed() == widest_word(content.document()) > narrow
    assert room._measure is kept
    start = QTextCursor(content.document())
    start.insertText("M" * 28 + " ")  # inside what was measured
    assert room.needed() == widest_word(content.document())
    content.show_html("<p>short words only</p>")  # a new page: nothing of the old one
    assert room.needed() == narrow
