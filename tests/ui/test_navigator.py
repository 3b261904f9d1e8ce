"""The Navigator on its own: built with the handbook, pages, a reading view and history
(no window), it owns the place and reports it through signals."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.content.pages import Pages
from reader.handbook import Handbook
from reader.history import History
from reader.ui.content_view import ContentView
from reader.ui.window.navigation import Navigator


def make_navigator(qtbot: QtBot, handbook: Handbook) -> Navigator:
    view = ContentView(handbook.root)
    qtbot.addWidget(view)
    return Navigator(handbook, Pages(handbook), view, History(), lambda: True, view)


def test_navigating_reports_place_status_and_history_through_signals(
    qtbot: QtBot, handbook: Handbook
) -> None:
    navigator = make_navigator(qtbot, handbook)
    first, second = handbook.reading_chapters[0], handbook.reading_chapters[1]
    changed: list[str] = []
    statuses: list[str] = []
    history: list[tuple[bool, bool]] = []
    navigator.section_changed.connect(changed.append)
    navigator.status_changed.connect(statuses.append)
    navigator.history_changed.connect(lambda back, forward: history.append((back, forward)))
    with qtbot.waitSignal(navigator.chapter_shown):
        navigator.navigate(first.id)
    navigator.navigate(second.id)
    assert changed == [first.id, second.id]
    assert navigator.current_section_id == second.id
    assert second.title in statuses[-1]
    assert history[-1] == (True, False)
    navigator.go_back()
    assert navigator.current_section_id == first.id
    assert history[-1] == (False, True)


def test_start_uses_the_last_place_only_when_one_is_given(qtbot: QtBot, handbook: Handbook) -> None:
    remembered = handbook.reading_chapters[2].id
    navigator = make_navigator(qtbot, handbook)
    navigator.start(None, lambda: (remembered, 0.0))
    assert navigator.current_section_id == remembered
    kiosk_like = make_navigator(qtbot, handbook)
    kiosk_like.start(None, None)
    assert kiosk_like.current_section_id == handbook.start_section_id


def test_an_unknown_section_is_a_message_not_a_move(qtbot: QtBot, handbook: Handbook) -> None:
    navigator = make_navigator(qtbot, handbook)
    navigator.navigate(handbook.reading_chapters[0].id)
    messages: list[tuple[str, int]] = []
    navigator.message.connect(lambda text, ms: messages.append((text, ms)))
    assert navigator.navigate("no-such-chapter/nowhere") is False
    assert messages and messages[0][1] > 0
    assert navigator.current_section_id == handbook.reading_chapters[0].id
