"""The Language menu: one click shows the handbook and the interface in the other
language, on the same section, with the same history and bookmarks."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from reader.paths import bundled_handbook_dir
from reader.ui.app import Session, open_session

StartSession = Callable[..., Session]  # (language, handbook folder=the bundled one)


@pytest.fixture
def start_session(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[StartSession]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    sessions: list[Session] = []

    def start(lang: str, root: Path | None = None) -> Session:
        args = argparse.Namespace(lang=lang, kiosk=False, idle_timeout=None)
        session = open_session(args, root or bundled_handbook_dir())
        assert isinstance(session, Session)
        sessions.append(session)
        return session

    yield start
    app = QApplication.instance()
    for session in sessions:
        session.close()
        session.window.close()  # windows replaced by a switch are deleted already
        for translator in session.translators:  # the next test starts in English
            app.removeTranslator(translator)  # type: ignore[union-attr]


def _choose(session: Session, qtbot: QtBot, code: str) -> None:
    """Language > `code`, and wait: the handbook loads off the window's thread."""
    old = session.window
    menu = old.findChild(QMenu, "menu_language")
    assert menu is not None
    [action] = [a for a in menu.actions() if a.objectName() == f"language_{code}"]
    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000):
        action.trigger()
    assert session.window is not old
    qtbot.waitExposed(session.window)


def test_lang_es_opens_the_spanish_handbook_and_interface(
    start_session: StartSession, qtbot: QtBot
) -> None:
    session = start_session("es")
    window = session.window
    assert window.handbook.language == "es"
    assert window.windowTitle().startswith("Terapia génica para la inmunodeficiencia primaria")
    assert window.toc_dock.windowTitle() == "Índice"
    menu = window.findChild(QMenu, "menu_language")
    assert menu is not None and menu.title() == "&Idioma" and menu.accessibleName() == "Idioma"
    assert [a.text() for a in menu.actions()] == ["English", "Español"]


def test_switching_language_keeps_section_history_and_bookmarks(
    start_session: StartSession, qtbot: QtBot, tmp_path: Path
) -> None:
    session = start_session("en")
    window = session.window
    assert window.handbook.language == "en"
    assert window.navigator.navigate("how-it-works/conditioning")
    assert window.navigator.navigate("risks/the-back-up-plan")
    window.bookmarks.toggle("risks/the-back-up-plan")
    marked = [b.section_id for b in window.bookmarks.bookmarks()]
    assert marked == ["risks/the-back-up-plan"]

    _choose(session, qtbot, "es")
    spanish = session.window
    assert spanish.handbook.language == "es"
    assert spanish.navigator.current_section_id == "risks/the-back-up-plan"
    assert spanish.toc_dock.windowTitle() == "Índice"
    assert [b.section_id for b in spanish.bookmarks.bookmarks()] == marked
    assert spanish.action_set["back"].isEnabled()
    spanish.navigator.go_back()
    assert spanish.navigator.current_section_id == "how-it-works/conditioning"
    assert "Acondicionamiento" in spanish.content.toPlainText()

    _choose(session, qtbot, "en")
    english = session.window
    assert english.handbook.language == "en"
    assert english.navigator.current_section_id == "how-it-works/conditioning"
    assert english.toc_dock.windowTitle() == "Contents"
    assert [b.section_id for b in english.bookmarks.bookmarks()] == marked


def test_a_heading_the_other_language_lacks_lands_on_its_chapter(
    start_session: StartSession, qtbot: QtBot, tmp_path: Path
) -> None:
    """A section only one language has (a translation behind its English): the switch
    keeps the chapter, not the start page, and warms that page off the window's thread."""
    root = tmp_path / "handbook"
    shutil.copytree(bundled_handbook_dir(), root)
    chapter = root / "chapters" / "risks.md"
    text = chapter.read_text(encoding="utf-8")
    second = text.index("\n## ")  # before the chapter's second heading, high on the page
    added = "\n## A heading only in English\n\n" + "Not translated yet.\n\n" * 60
    chapter.write_text(text[:second] + added + text[second:], encoding="utf-8")
    session = start_session("en", root)
    window = session.window
    assert window.navigator.navigate("risks/a-heading-only-in-english")
    qtbot.waitExposed(window)
    assert window.navigator.current_section_id == "risks/a-heading-only-in-english"
    _choose(session, qtbot, "es")
    assert session.window.navigator.current_section_id == "risks"


# --- the kiosk ------------------------------------------------------------------------


@pytest.fixture
def start_kiosk(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[StartSession]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    sessions: list[Session] = []

    def start(lang: str) -> Session:
        args = argparse.Namespace(lang=lang, kiosk=True, idle_timeout=None)
        session = open_session(args, bundled_handbook_dir())
        assert isinstance(session, Session) and session.shell is not None
        sessions.append(session)
        return session

    yield start
    app = QApplication.instance()
    for session in sessions:
        if session.shell is not None:
            session.shell.release()
        session.close()
        session.window.close()
        for translator in session.translators:
            app.removeTranslator(translator)  # type: ignore[union-attr]


def _language_button(session: Session) -> QToolButton:
    button = session.window.findChild(QToolButton, "kioskLanguageButton")
    assert button is not None
    return button


def test_kiosk_language_button_switches_and_reset_returns_to_the_configured_language(
    start_kiosk: StartSession, qtbot: QtBot
) -> None:
    session = start_kiosk("es")
    assert session.window.handbook.language == "es"
    button = _language_button(session)
    assert button.text() == "EN · English" and button.accessibleName() == "English"
    assert button.isVisibleTo(session.window)  # on the start page
    assert session.window.navigator.navigate("risks/the-back-up-plan")
    assert not button.isVisibleTo(session.window)  # only on the start page
    assert session.window.navigator.navigate(session.shell.start_section_id)  # type: ignore[union-attr]

    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000):
        button.click()
    english = session.window
    assert english.handbook.language == "en"
    assert session.shell is not None and session.shell.window is english
    assert english.navigator.current_section_id == session.shell.start_section_id
    assert _language_button(session).text() == "ES · Español"
    assert english.toc_dock.windowTitle() == "Contents"

    session.shell.reset_visit()
    qtbot.waitUntil(lambda: session.window.handbook.language == "es", timeout=5000)
    assert session.window.toc_dock.windowTitle() == "Índice"
    assert _language_button(session).text() == "EN · English"


def test_every_window_of_a_session_can_switch_language_and_open_a_handbook(
    start_session: StartSession, qtbot: QtBot, tmp_path: Path
) -> None:
    """The window a language switch makes still opens handbooks (File > Open), and the
    window File > Open makes still switches language."""
    from reader.ui.window.open_handbook import HandbookOpener

    session = start_session("en")
    _choose(session, qtbot, "es")
    opener = session.window.findChild(HandbookOpener, "handbookOpener")
    assert opener is not None
    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000) as replaced:
        opener.open_path(bundled_handbook_dir())
    opened = replaced.args[0]
    assert session.window is opened
    qtbot.waitExposed(opened)
    assert opened.handbook.language == "es"
    _choose(session, qtbot, "en")
    assert session.window.handbook.language == "en"
    assert session.window.findChild(HandbookOpener, "handbookOpener") is not None


def test_switching_language_leaves_the_window_answering_while_the_handbook_loads(
    start_session: StartSession, qtbot: QtBot
) -> None:
    """The switch returns at once: the window says it is opening, and a zero-delay timer
    queued right after runs before the new window exists (issue #34: no freeze)."""
    session = start_session("en")
    old = session.window
    menu = old.findChild(QMenu, "menu_language")
    assert menu is not None
    [spanish] = [a for a in menu.actions() if a.objectName() == "language_es"]
    turns: list[bool] = []
    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000):
        spanish.trigger()
        QTimer.singleShot(0, lambda: turns.append(session.window is old))
        assert session.window is old
        assert old.statusBar().currentMessage() == "Opening the handbook…"
        assert QGuiApplication.overrideCursor() is not None  # the busy pointer
    assert turns == [True]
    assert session.window is not old and session.window.handbook.language == "es"
    assert QGuiApplication.overrideCursor() is None


def test_a_window_that_replaces_another_reuses_its_loaded_voice(
    start_session: StartSession, qtbot: QtBot
) -> None:
    """Each new window (a language switch, another handbook, a kiosk reset) loaded Piper
    again, about 1.6 s and 150 MB while the old copy was still held, and two windows'
    loads could run at once on two threads, which ONNX Runtime does not make safe (the
    suite once crashed inside one). The windows of a process now share one library."""
    from tests.speech_support import require_speech

    require_speech()
    session = start_session("en")
    first = session.window.read_aloud
    qtbot.waitUntil(
        lambda: first.voices is not None and first.voices.is_loaded("en"), timeout=60_000
    )
    assert first.voices is not None
    voice = first.voices.voice_for("en")
    _choose(session, qtbot, "es")
    _choose(session, qtbot, "en")
    again = session.window.read_aloud
    again.preload_voice()
    assert again.voices is first.voices
    assert again.voices.is_loaded("en")  # at once: nothing is loaded a second time
    assert again.voices.voice_for("en") is voice
