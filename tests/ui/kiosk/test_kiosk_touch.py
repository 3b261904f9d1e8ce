"""Touch first in kiosk mode: a search typed and opened with taps only on the on-screen
keyboard, its English and Spanish layouts and when it shows, finger scrolling on every
view, a swipe to turn sections, glossary words opened by a tap, and 44 px tap targets."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLineEdit, QScroller, QTabBar
from pytestqt.qtbot import QtBot

from reader.content.links import GLOSSARY_SCHEME
from reader.kiosk.settings import KioskConfig
from reader.ui.kiosk.shell import KioskShell
from tests.helpers.kiosk_visit import search_with_keyboard_and_open, tap
from tests.ui.conftest import KIOSK_CONFIG

TAP_PX = 44


def test_a_search_can_be_typed_and_opened_with_taps_only(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    start = window.navigator.current_section_id
    search_with_keyboard_and_open(qtbot, kiosk, "lentivirus")
    assert window.search_box.text() == "lentivirus"
    assert window.navigator.current_section_id != start
    assert not kiosk.keyboard.isVisible()  # out of the way of the page


def test_the_spanish_layout_has_n_tilde_and_accents(qtbot: QtBot, kiosk: KioskShell) -> None:
    keyboard = kiosk.keyboard
    tap(qtbot, kiosk.window.search_box)
    assert "ñ" not in keyboard.keys
    tap(qtbot, keyboard.keys["switch"])
    for key in ("ñ", "á", "é", "í", "ó", "ú", "ü", "¿"):
        tap(qtbot, keyboard.keys[key])
    tap(qtbot, keyboard.keys["shift"])
    tap(qtbot, keyboard.keys["a"])
    tap(qtbot, keyboard.keys["backspace"])
    tap(qtbot, keyboard.keys["space"])
    assert kiosk.window.search_box.text() == "ñáéíóúü¿ "
    assert kiosk.window.search_box.hasFocus()  # the keys never take it
    for key in keyboard.keys.values():
        assert key.accessibleName() and key.objectName().startswith("oskKey_")
        assert key.width() >= TAP_PX and key.height() >= TAP_PX


@pytest.mark.parametrize("kiosk_config", [replace(KIOSK_CONFIG, language="es")])
def test_a_spanish_kiosk_starts_with_the_spanish_layout(
    qtbot: QtBot, kiosk: KioskShell, kiosk_config: KioskConfig
) -> None:
    tap(qtbot, kiosk.window.search_box)
    assert "ñ" in kiosk.keyboard.keys


def test_auto_hides_the_keyboard_once_real_keys_are_used_until_the_reset(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    box = kiosk.window.search_box
    tap(qtbot, box)
    assert kiosk.keyboard.isVisible()
    qtbot.keyClicks(box, "gene")
    assert not kiosk.keyboard.isVisible()
    tap(qtbot, kiosk.window.content)
    tap(qtbot, box)
    assert not kiosk.keyboard.isVisible()
    with qtbot.waitSignal(kiosk.visit_reset, timeout=10_000):
        kiosk.start_countdown()
    tap(qtbot, box)
    assert kiosk.keyboard.isVisible()  # the next visitor may have no keyboard


@pytest.mark.parametrize("kiosk_config", [replace(KIOSK_CONFIG, on_screen_keyboard="never")])
def test_never_shows_no_keyboard(qtbot: QtBot, kiosk: KioskShell, kiosk_config: object) -> None:
    tap(qtbot, kiosk.window.search_box)
    assert not kiosk.keyboard.isVisible()


@pytest.mark.parametrize("kiosk_config", [replace(KIOSK_CONFIG, on_screen_keyboard="always")])
def test_always_keeps_the_keyboard(qtbot: QtBot, kiosk: KioskShell, kiosk_config: object) -> None:
    box = kiosk.window.search_box
    tap(qtbot, box)
    qtbot.keyClicks(box, "gene")
    assert kiosk.keyboard.isVisible()


def test_the_hide_key_hides_the_keyboard(qtbot: QtBot, kiosk: KioskShell) -> None:
    tap(qtbot, kiosk.window.search_box)
    tap(qtbot, kiosk.keyboard.keys["hide"])
    assert not kiosk.keyboard.isVisible()


def test_every_list_and_the_page_scroll_by_finger(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    areas = [a for a in window.findChildren(QAbstractScrollArea) if a.objectName()]
    names = {a.objectName() for a in areas}
    assert {"contentView", "tocTree", "searchResults", "glossaryList", "bookmarksList"} <= names
    for area in areas:
        gesture = QScroller.grabbedGesture(area.viewport())
        assert gesture != Qt.GestureType(0), area.objectName()


def test_a_sideways_swipe_turns_to_the_next_and_previous_section(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    window = kiosk.window
    viewport = window.content.viewport()
    start = window.navigator.current_section_id
    middle = viewport.rect().center()
    for step in (-1, 1):  # a finger moving left, then right
        distance = QPoint(step * viewport.width() // 3, 0)
        with qtbot.waitSignal(window.navigator.section_changed, timeout=5000):
            qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=middle - distance)
            qtbot.mouseMove(viewport, middle)
            qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=middle + distance)
        if step == -1:
            assert window.navigator.current_section_id == window.handbook.neighbour(start, 1)
    assert window.navigator.current_section_id == start


def test_a_glossary_word_opens_by_a_tap(qtbot: QtBot, kiosk: KioskShell) -> None:
    view = kiosk.window.content
    block = view.document().begin()
    position = -1
    while block.isValid() and position < 0:
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref().startswith(GLOSSARY_SCHEME + ":"):
                position = fragment.position() + 1
                break
            iterator += 1
        block = block.next()
    assert position >= 0, "the start page has no glossary word"
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    where = view.cursorRect(cursor).center()
    with qtbot.waitSignal(kiosk.window.glossary_panel.term_shown, timeout=5000):
        tap(qtbot, view.viewport(), where)
    assert kiosk.window.glossary_panel.current_slug()


def _small_buttons(kiosk: KioskShell) -> list[str]:
    """Visible buttons (not the line edits' own clear buttons) under 44 px either way."""
    return [
        f"{button.objectName() or type(button).__name__} {button.width()}x{button.height()}"
        for button in kiosk.window.findChildren(QAbstractButton)
        if button.isVisible()
        and not isinstance(button.parentWidget(), QLineEdit)
        and min(button.width(), button.height()) < TAP_PX
    ]


def test_tap_targets_are_at_least_44_px(qtbot: QtBot, kiosk: KioskShell) -> None:
    window = kiosk.window
    window.action_set["find_in_page"].trigger()
    tap(qtbot, window.search_box)
    for dock in window.parts.side_panels():
        dock.raise_()
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        assert _small_buttons(kiosk) == [], dock.objectName()
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            assert bar.tabRect(index).height() >= TAP_PX
    glossary = window.glossary_panel.list
    assert glossary.visualItemRect(glossary.item(0)).height() >= TAP_PX
