"""The kiosk on a real X display (Xvfb, `QT_QPA_PLATFORM=xcb`), with real key and mouse
events from xdotool. X11 has what offscreen lacks: the PRIMARY selection that a
middle-click pastes, and a real screen size.

Not collected by the normal run (pytest.ini skips this folder): tests/ui/kiosk/test_kiosk_x11.py
runs this module under xvfb-run at 1366x768 and at 1920x1080.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.kiosk.pin import hash_pin
from reader.kiosk.settings import KioskConfig
from reader.preferences import ZOOM_STEPS
from reader.ui.kiosk.shell import KioskShell
from tests.helpers.kiosk_state import differences, reachable_state
from tests.helpers.kiosk_visit import busy_visit, let_the_reset_run, wait_for_search_index
from tests.helpers.kiosk_window import kiosk_shell

#: Long enough that a busy machine never starts the countdown in the middle of a visit.
IDLE_SECONDS = 6
LONG_IDLE_SECONDS = 3600
WORDS = "my child has leukemia"

pytestmark = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="needs a real X display (xcb)"
)


def make_kiosk(qtbot: QtBot, handbook: Handbook, config: KioskConfig) -> KioskShell:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = kiosk_shell(qtbot, handbook, config, app)
    window = shell.window
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry(), timeout=10_000)
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    wait_for_search_index(qtbot, shell)
    return shell


def kiosk_with_idle(qtbot: QtBot, handbook: Handbook, idle_seconds: int) -> Iterator[KioskShell]:
    config = KioskConfig(
        enabled=True, idle_timeout=idle_seconds, countdown=1, admin_pin_hash=hash_pin("7391")
    )
    shell = make_kiosk(qtbot, handbook, config)
    yield shell
    shell.release()
    shell.window.search_index.shut_down()


@pytest.fixture
def idle_kiosk(qtbot: QtBot, handbook: Handbook) -> Iterator[KioskShell]:
    """A kiosk whose idle reset comes after IDLE_SECONDS, by the real timers."""
    yield from kiosk_with_idle(qtbot, handbook, IDLE_SECONDS)


@pytest.fixture
def kiosk(qtbot: QtBot, handbook: Handbook) -> Iterator[KioskShell]:
    """A kiosk whose idle reset cannot come during the test: on a busy machine setting
    up (the search index) and a test could outlast IDLE_SECONDS, and a reset halfway
    through a test about something else made it fail once in a full run."""
    yield from kiosk_with_idle(qtbot, handbook, LONG_IDLE_SECONDS)


# -- real X events ---------------------------------------------------------------------


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=30)


def pointer() -> tuple[int, int]:
    """Where X has the pointer now."""
    shown = subprocess.run(
        ["xdotool", "getmouselocation", "--shell"],
        check=True, capture_output=True, text=True, timeout=30,
    ).stdout  # fmt: skip
    values = dict(line.split("=", 1) for line in shown.split() if "=" in line)
    return int(values["X"]), int(values["Y"])


def x_click(widget: QWidget, button: int = 1, *, point: QPoint | None = None) -> None:
    """A real click (1 left, 2 middle) on the widget's centre or `point` in it.

    `mousemove --sync` waits until the pointer has moved, so to where it already is it
    waits forever (once seen as a hung CI run): then it is not moved at all."""
    where = widget.mapToGlobal(point or widget.rect().center())
    if pointer() != (where.x(), where.y()):
        xdotool("mousemove", "--sync", str(where.x()), str(where.y()))
    xdotool("click", str(button))


def x_type_and_wait(qtbot: QtBot, box: object, typed: str, expected: str) -> None:
    """Type real keys and wait until the focused line edit shows `expected`."""
    with qtbot.waitSignal(
        box.textChanged,  # type: ignore[attr-defined]
        check_params_cb=lambda text: text == expected,
        timeout=15_000,
        raising=False,
    ):
        xdotool("type", "--delay", "25", typed)
    assert box.text() == expected  # type: ignore[attr-defined]


def x_keys_then_sentinel(qtbot: QtBot, box: object, *keys: str) -> str:
    """Press `keys` (e.g. Ctrl+Z), middle-click the box, then type a sentinel "x" and
    wait for it: X delivers events in order, so everything before it has been handled.
    Returns the box's text, which is "x" when nothing came back."""
    for key in keys:
        xdotool("key", key)
    x_click(box, 2)  # type: ignore[arg-type]
    with qtbot.waitSignal(
        box.textChanged,  # type: ignore[attr-defined]
        check_params_cb=lambda text: text.endswith("x"),
        timeout=15_000,
    ):
        xdotool("type", "x")
    return str(box.text())  # type: ignore[attr-defined]


def test_a_real_visit_and_idle_reset_leave_nothing_to_bring_back(
    qtbot: QtBot, idle_kiosk: KioskShell
) -> None:
    window = idle_kiosk.window
    clipboard = QApplication.clipboard()
    assert clipboard.supportsSelection()
    # the visit: words typed, selected (PRIMARY) and copied; a glossary word opened
    x_click(window.search_box)
    x_type_and_wait(qtbot, window.search_box, WORDS, WORDS)
    with qtbot.waitSignal(clipboard.selectionChanged, timeout=10_000):
        xdotool("key", "ctrl+a")
    xdotool("key", "ctrl+c")
    assert clipboard.text(QClipboard.Mode.Selection) == WORDS
    window.action_set["show_glossary"].trigger()
    glossary = window.glossary_panel
    x_click(glossary.filter)
    x_type_and_wait(qtbot, glossary.filter, "GVHD", "GVHD")
    first = next(r for r in range(glossary.list.count()) if not glossary.list.item(r).isHidden())
    with qtbot.waitSignal(glossary.term_shown, timeout=10_000):
        row = glossary.list.visualItemRect(glossary.list.item(first))
        x_click(glossary.list.viewport(), point=row.center())
    # the idle reset, by the real timers
    with qtbot.waitSignal(idle_kiosk.visit_reset, timeout=(IDLE_SECONDS + 20) * 1000):
        pass
    assert window.search_box.text() == ""
    # Ctrl+Z and a middle-click bring nothing back, in the search box...
    x_click(window.search_box)
    assert x_keys_then_sentinel(qtbot, window.search_box, "ctrl+z") == "x"
    # ...nor in the glossary, whose filter and entry are gone
    assert glossary.current_slug() is None
    assert not glossary.list.selectedItems()
    window.action_set["show_glossary"].trigger()
    x_click(glossary.filter)
    assert x_keys_then_sentinel(qtbot, glossary.filter, "ctrl+z") == "x"
    assert clipboard.text(QClipboard.Mode.Selection) in ("", "x")


def test_the_busy_visit_is_forgotten_with_every_clipboard_mode(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    """The state comparison of tests/ui/kiosk/test_kiosk_reset.py, where PRIMARY exists."""
    start = reachable_state(kiosk.window)
    assert "selection" in start["app"]
    busy_visit(qtbot, kiosk)
    kiosk.window.search_box.selectAll()  # PRIMARY now holds the visitor's words
    assert QApplication.clipboard().text(QClipboard.Mode.Selection)
    let_the_reset_run(qtbot, kiosk)
    left = differences(start, reachable_state(kiosk.window))
    assert left == [], "\n".join(left)


def test_the_reading_column_keeps_most_of_the_width(qtbot: QtBot, kiosk: KioskShell) -> None:
    """At least 55% of the window with any one side panel open (they share one column)."""
    window = kiosk.window
    for dock in window.parts.side_panels():
        if dock.isHidden():
            continue
        dock.raise_()
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        share = window.content.width() / window.width()
        assert share >= 0.55, (dock.objectName(), window.content.width(), window.width())


def test_at_the_largest_text_size_the_window_still_fits_the_screen(
    qtbot: QtBot, kiosk: KioskShell
) -> None:
    """A+ up to the top: the toolbar labels stay whole and the status bar with A+ and
    A− stays on the screen (the glossary's parts once made the window too tall)."""
    window = kiosk.window
    larger = window.findChild(QToolButton, "kioskTextLarger")
    assert larger is not None
    while window.preferences.zoom < ZOOM_STEPS[-1]:
        # Qt's click: xdotool's --sync move waits out a pointer already on the button.
        qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.frameGeometry().bottom() <= screen.bottom())
    status = window.statusBar()
    bottom = status.mapToGlobal(status.rect().bottomLeft()).y()
    assert bottom <= screen.bottom(), (bottom, screen.bottom())
    for button in window.toolbar.findChildren(QToolButton):
        if button.isVisible() and button.objectName().startswith("toolButton_"):
            room = button.contentsRect().width()
            assert button.fontMetrics().horizontalAdvance(button.text()) <= room, button.text()
