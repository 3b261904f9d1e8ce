"""A sideways swipe with a real finger (touch events, as a touch screen sends them):
it turns the section and shows that section's top, selects no text, and lifting the
finger on an explained word does not open the glossary."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.content.links import GLOSSARY_SCHEME
from reader.ui.content_view import ContentView
from reader.ui.kiosk.shell import KioskShell

STEPS = 8


def finger_swipe(qtbot: QtBot, view: QWidget, start: QPoint, end: QPoint) -> None:
    """Touch down at `start`, slide in steps, lift at `end`: real touch events."""
    device = QTest.createTouchDevice()
    QTest.touchEvent(view, device).press(0, start, view).commit()
    for step in range(1, STEPS + 1):
        point = start + (end - start) * step / STEPS
        QTest.touchEvent(view, device).move(0, point, view).commit()
        qtbot.wait(5)
    QTest.touchEvent(view, device).release(0, end, view).commit()
    qtbot.wait(20)


def glossary_word_on_screen(view: ContentView) -> QPoint:
    """The middle of the first explained word on the page, scrolled into view."""
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref().startswith(GLOSSARY_SCHEME + ":"):
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + 1)
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                return view.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError("the page has no explained word")


def test_a_finger_swipe_turns_to_the_next_section_at_its_top(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    window = kiosk.parts
    viewport = window.content.viewport()
    start = window.navigator.current_section_id
    target = window.handbook.neighbour(start, 1)
    middle = viewport.rect().center()
    third = QPoint(viewport.width() // 3, 0)
    with qtbot.waitSignal(window.navigator.section_changed, timeout=5000):
        finger_swipe(qtbot, viewport, middle + third, middle - third)  # right to left
    assert window.navigator.current_section_id == target
    section = window.handbook.section(target)
    assert section is not None
    qtbot.wait(50)
    assert window.content.anchor_at_top() == section.anchor, "the page shows its top"
    assert not window.content.textCursor().hasSelection()


def test_a_swipe_ending_on_an_explained_word_opens_no_glossary(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    window = kiosk.parts
    view = window.content
    word = glossary_word_on_screen(view)
    shown: list[str] = []
    window.glossary_panel.term_shown.connect(shown.append)
    start = window.navigator.current_section_id
    sideways = QPoint(view.viewport().width() // 3, 0)
    with qtbot.waitSignal(window.navigator.section_changed, timeout=5000):
        finger_swipe(qtbot, view.viewport(), word + sideways, word)  # ends on the word
    assert window.navigator.current_section_id != start, "it was a swipe"
    qtbot.wait(50)
    assert shown == [], "the glossary opened from a swipe"
    assert not view.textCursor().hasSelection()
