"""Read aloud in the window: Listen, the highlight that follows the voice's timings,
pause, steps, speed, stopping on a section change and on a kiosk reset. Real voices;
no sound device needed (without one the window says so and the highlight still moves).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.kiosk.pin import hash_pin
from reader.kiosk.settings import KioskConfig
from reader.preferences import Preferences
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow
from reader.ui.read_aloud.controller import ReadAloudController
from tests.conftest import WriteHandbook
from tests.speech_support import (
    ENGLISH_BOOK,
    ENGLISH_MANIFEST,
    require_sound_library,
    require_speech,
)
from tests.support import run_python
from tests.ui.conftest import MakeWindow

SHORT_BOOK: dict[str, str | bytes] = {
    "a.md": "# Alpha\n\nOne short line.\n\n## Beta\n\nTwo short words.\n",
}
MADE = 60_000  # ms: generous; the voice makes these sections in about a second


@pytest.fixture
def reading_window(make_window: MakeWindow, write_handbook: WriteHandbook) -> Iterator[MainWindow]:
    require_speech()
    window = make_window(load_handbook(write_handbook(ENGLISH_BOOK, manifest=ENGLISH_MANIFEST)))
    yield window
    window.read_aloud.stop()  # joins the voice's thread


@pytest.fixture
def short_window(make_window: MakeWindow, write_handbook: WriteHandbook) -> Iterator[MainWindow]:
    """A window on a chapter of two one-line sections."""
    require_speech()
    window = make_window(load_handbook(write_handbook(SHORT_BOOK)))
    yield window
    window.read_aloud.stop()


def _page_text(window: MainWindow, span: tuple[int, int]) -> str:
    text = window.content.document().toPlainText()
    return text[span[0] : span[1]]


def test_listen_highlightFollowsTheTimings(reading_window: MainWindow, qtbot: QtBot) -> None:
    window = reading_window
    controller: ReadAloudController = window.read_aloud
    window.navigator.navigate("one")
    with qtbot.waitSignal(controller.made_all, timeout=MADE):
        window.action_set["listen"].trigger()
        window.action_set["pause_reading"].trigger()  # the clock stands still: we move it
    assert controller.state == "paused"
    assert [s.index for s in controller.spoken] == list(range(len(controller.sentences)))
    for spoken in controller.spoken:
        controller.show_position((spoken.start + spoken.end) / 2)
        assert controller.current == spoken.index
        if spoken.shown:
            assert _page_text(window, window.content.highlights.reading()) == spoken.shown
    assert controller.first_sound_seconds is not None


def test_readingToTheEnd_highlightsEachSentenceInTurn_thenStops(
    short_window: MainWindow, qtbot: QtBot
) -> None:
    window = short_window
    controller: ReadAloudController = window.read_aloud
    window.navigator.navigate("a/beta")
    seen: list[int] = []
    controller.sentence_changed.connect(seen.append)
    with qtbot.waitSignal(controller.finished, timeout=MADE):
        window.action_set["listen"].trigger()
    assert seen == [0, 1]
    assert controller.state == "idle"
    assert window.content.highlights.reading() == (0, 0)
    assert not controller.bar.isVisible()


def test_continueToNextSection_readsOn(short_window: MainWindow, qtbot: QtBot) -> None:
    window = short_window
    controller: ReadAloudController = window.read_aloud
    window.navigator.navigate("a")
    window.action_set["continue_reading"].setChecked(True)
    window.action_set["listen"].trigger()
    qtbot.waitUntil(lambda: window.navigator.current_section_id == "a/beta", timeout=MADE)
    assert controller.state == "reading" and controller.section_id == "a/beta"


def test_goingToAnotherSection_stopsReading(reading_window: MainWindow, qtbot: QtBot) -> None:
    controller: ReadAloudController = reading_window.read_aloud
    reading_window.navigator.navigate("one")
    reading_window.action_set["listen"].trigger()
    assert controller.state == "reading"
    reading_window.navigator.navigate("two")
    assert controller.state == "idle"


def test_pauseStepsAndSpeed(reading_window: MainWindow, qtbot: QtBot) -> None:
    window = reading_window
    controller: ReadAloudController = window.read_aloud
    window.navigator.navigate("one")
    window.action_set["listen"].trigger()
    window.action_set["pause_reading"].trigger()
    assert controller.state == "paused"
    qtbot.waitUntil(lambda: controller.current == 0, timeout=MADE)
    with qtbot.waitSignal(controller.sentence_changed, timeout=MADE) as moved:
        window.action_set["next_sentence"].trigger()
    assert moved.args == [1]
    assert controller.state == "paused"  # a step keeps the pause
    window.action_set["listen"].trigger()  # F5 while paused goes on
    assert controller.state == "reading"
    controller.bar.speed.setCurrentIndex(3)
    controller.bar.speed.activated.emit(3)
    assert controller.rate == 1.5 and controller.state == "reading"
    window.action_set["stop_reading"].trigger()
    assert controller.state == "idle"


def test_kioskReset_stopsReading_andForgetsTheSpeed(
    qtbot: QtBot, qapp: QApplication, write_handbook: WriteHandbook
) -> None:
    require_speech()
    config = KioskConfig(enabled=True, admin_pin_hash=hash_pin("7391"))
    handbook = load_handbook(write_handbook(SHORT_BOOK))
    window = MainWindow(handbook, Preferences(), policy=kiosk_policy(config, handbook))
    qtbot.addWidget(window)
    window.start()
    shell = KioskShell(window.parts, config, qapp)
    try:
        controller: ReadAloudController = window.read_aloud
        assert window.action_set["listen"] in window.toolbar.actions()
        window.action_set["listen"].trigger()
        controller.set_rate(1.25)
        window.action_set["continue_reading"].setChecked(True)
        assert controller.bar.speed.minimumHeight() >= 56  # large on a kiosk
        shell.reset_visit()
        assert controller.state == "idle" and controller.rate == 1.0
        assert not window.action_set["continue_reading"].isChecked()
    finally:
        shell.release()


def test_listen_startsWhereTheReaderIs(
    make_window: MakeWindow, handbook: Handbook, qtbot: QtBot
) -> None:
    """Scrolled down into a section, Listen starts at the first sentence in view."""
    require_speech()
    window = make_window(handbook)
    window.resize(1200, 420)  # a short view, with room for the text column
    window.navigator.navigate("what-is-gene-therapy/where-gene-therapy-stands-today")
    bar = window.content.verticalScrollBar()
    bar.setValue(bar.value() + window.content.viewport().height() // 2)
    controller: ReadAloudController = window.read_aloud
    with qtbot.waitSignal(controller.sentence_changed, timeout=MADE) as first:
        window.action_set["listen"].trigger()
    controller.stop()
    assert first.args[0] > 1  # not the heading: a sentence further down


def test_noSoundDevice_isSaidPlainly(reading_window: MainWindow, qtbot: QtBot) -> None:
    sounddevice = require_sound_library()
    try:
        sounddevice.query_devices(kind="output")
    except Exception:
        pass
    else:
        pytest.skip("this computer has a sound device")
    controller: ReadAloudController = reading_window.read_aloud
    reading_window.action_set["listen"].trigger()
    qtbot.waitUntil(lambda: controller.spoken != [], timeout=MADE)
    assert controller.no_sound_reason
    assert "No sound" in controller.bar.status.text()


def test_barWidgets_haveNames(reading_window: MainWindow) -> None:
    bar = reading_window.read_aloud.bar
    for widget in [bar, *bar.findChildren(QWidget)]:
        if widget.parent() is bar or widget is bar:
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_openingTheWindow_loadsNoSpeech(tmp_path: Path) -> None:
    """The voices and the sound library load on the first Listen, never at start-up."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from reader.handbook import load_handbook\n"
        "from reader.paths import bundled_handbook_dir\n"
        "from reader.preferences import Preferences\n"
        "from reader.ui.mainwindow import MainWindow\n"
        "window = MainWindow(load_handbook(bundled_handbook_dir()), Preferences())\n"
        "window.start()\n"
        "loaded = [m for m in ('reader.speech', 'piper', 'onnxruntime', 'numpy',\n"
        "          'sounddevice') if m in sys.modules]\n"
        "print(loaded)\n"
    )
    done = run_python(["-c", code], home=tmp_path, extra_env={"QT_QPA_PLATFORM": "offscreen"})
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def test_voiceLoadsWhileTheWindowIsIdle_soTheFirstListenNeedsNoWait(
    reading_window: MainWindow, qtbot: QtBot
) -> None:
    """The voice loaded on the first Listen: "Getting the voice ready…" for about 2 s.
    Now it loads on a thread once the window has painted and stayed idle."""
    window = reading_window
    controller: ReadAloudController = window.read_aloud
    window.navigator.navigate("one")
    qtbot.waitUntil(
        lambda: controller.voices is not None and controller.voices.is_loaded("en"),
        timeout=MADE,
    )
    with qtbot.waitSignal(controller.made_all, timeout=MADE):
        window.action_set["listen"].trigger()
        assert controller.bar.status.text() != "Getting the voice ready…"
    assert controller.first_sound_seconds is not None
    window.close()
    assert controller._preloader is not None
    controller._preloader.join(timeout=MADE / 1000)  # it had loaded: it ends at once
    assert not controller._preloader.is_alive()


def test_closingTheWindowDoesNotWaitForTheVoiceStillLoading(
    reading_window: MainWindow,
) -> None:
    """A language switch closes the old window: it waited up to 1.6 s for a voice still
    loading (the longest stall of a switch soon after start). The load now finishes on
    its own thread, and the process waits for it as it exits."""
    from reader.speech import VoiceLibrary

    controller: ReadAloudController = reading_window.read_aloud
    controller.voices = VoiceLibrary()  # a voice not loaded yet (the shared one may be)
    controller.preload_voice()
    loader = controller._preloader
    assert loader is not None
    reading_window.close()  # at once: the voice takes far longer to load than this
    assert loader.is_alive()
    loader.join(timeout=MADE / 1000)
    assert not loader.is_alive()
