"""The clinic's details in the real window (#32): "Your care team" first in the
contents, the card on the start page, the 24-hour number where the handbook names it,
the Spanish fields under --lang es, Edit > Clinic details… saving and the window showing
the change without a restart, and a broken file that costs only one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.clinic.reading import read_clinic
from reader.paths import bundled_handbook_dir
from reader.ui.app import open_session
from reader.ui.clinic_form import ClinicForm
from reader.ui.session import Session
from tests.clinic.support import CLINIC_NAME, PHONE_24H, SPANISH_NAME, write_clinic

StartSession = Callable[..., Session]


@pytest.fixture
def start_session(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[StartSession]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    sessions: list[Session] = []

    def start(lang: str = "en", clinic: Path | None = None) -> Session:
        args = argparse.Namespace(lang=lang, kiosk=False, idle_timeout=None, clinic=clinic)
        session = open_session(args, bundled_handbook_dir())
        assert isinstance(session, Session)
        sessions.append(session)
        qtbot.waitExposed(session.window)
        return session

    yield start
    app = QApplication.instance()
    for session in sessions:
        session.close()
        session.window.close()
        for translator in session.translators:
            app.removeTranslator(translator)  # type: ignore[union-attr]


def _page_text(session: Session, section_id: str) -> str:
    window = session.window
    assert window.navigator.navigate(section_id)
    return window.content.toPlainText()


def test_the_window_shows_the_care_team_first_the_card_and_the_number(
    start_session: StartSession, tmp_path: Path
) -> None:
    session = start_session(clinic=write_clinic(tmp_path))
    window = session.window
    assert window.toc.topLevelItem(0).text(0) == "Your care team"
    start = _page_text(session, window.handbook.start_section_id or "")
    assert CLINIC_NAME in start and PHONE_24H in start  # the start page's card
    assert PHONE_24H in _page_text(session, "when-to-call")


def test_without_a_clinic_file_the_page_shows_the_write_in_line(
    start_session: StartSession,
) -> None:
    session = start_session()
    assert session.clinic is None
    assert session.window.toc.topLevelItem(0).text(0) != "Your care team"
    assert "(ask your team)" in _page_text(session, "when-to-call")


def test_spanish_shows_the_spanish_fields(start_session: StartSession, tmp_path: Path) -> None:
    session = start_session("es", write_clinic(tmp_path))
    window = session.window
    assert window.toc.topLevelItem(0).text(0) == "Su equipo de atención"
    assert SPANISH_NAME in _page_text(session, window.handbook.start_section_id or "")


def test_the_form_saves_and_the_window_shows_the_change_without_a_restart(
    start_session: StartSession, qtbot: QtBot, tmp_path: Path
) -> None:
    clinic = write_clinic(tmp_path)
    session = start_session(clinic=clinic)
    old = session.window
    assert old.navigator.navigate("when-to-call")
    old.action_set["clinic_details"].trigger()
    form = old.findChild(ClinicForm, "clinicForm")
    assert form is not None and form.isVisible()
    form.languages["en"].edits["phone_24h"].setText("0800 555 0100")  # type: ignore[union-attr]
    form.buttons.button(form.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: session.window is not old, timeout=10_000)
    window = session.window
    assert window.navigator.current_section_id == "when-to-call"  # the same place
    assert "0800 555 0100" in window.content.toPlainText()
    assert read_clinic(clinic).main.fields["phone_24h"] == "0800 555 0100"
    assert str(clinic) in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    "hostile",
    ["html", "huge", "bad-toml", "link-to-passwd"],
)
def test_a_broken_clinic_file_is_one_message_and_the_window_opens(
    start_session: StartSession, qtbot: QtBot, tmp_path: Path, hostile: str,
    capfd: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = tmp_path / "clinic.toml"
    if hostile == "html":
        path.write_text('name = "<img src=file:///etc/passwd><b>Ward</b>"\n', encoding="utf-8")
    elif hostile == "huge":
        path.write_text('name = "x"\nnotes = """' + "y" * 5_000_000 + '"""\n', encoding="utf-8")
    elif hostile == "bad-toml":
        path.write_text('name = "Ward 7\nphone_24h = 1\n', encoding="utf-8")
    else:
        path.symlink_to("/etc/passwd")
    told: list[str] = []

    def read_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                told.append(widget.text())
                widget.close()

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(50)
    session = start_session(clinic=path)
    window = session.window
    if hostile == "html":  # read, and shown as the words it is: no tag, no picture
        assert session.clinic is not None
        assert "<img src=file:///etc/passwd><b>Ward</b>" in _page_text(session, "care-team")
        assert window.content.picture("file:///etc/passwd") is None
    else:
        qtbot.waitUntil(lambda: bool(told), timeout=5000)
        assert session.clinic is None
        assert len(told) == 1 and "clinic's details could not be read" in told[0]
        errors = [line for line in capfd.readouterr().err.splitlines() if "clinic" in line]
        assert len(errors) == 1 and str(path) in errors[0]
        assert "(ask your team)" in _page_text(session, "when-to-call")
    timer.stop()
