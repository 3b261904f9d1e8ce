"""The kiosk's language button: a large EN/ES button on the start page, and a reset
that brings the next visitor back to the kiosk's configured language.

A switch is the session's `switch_language` (reader/ui/session.py): the handbook loads
off the window's thread, and the new window is furnished as the first: a new shell
from the same settings, and this button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QToolButton

from reader.ui.kiosk.shell import KioskShell
from reader.ui.session import Session
from reader.ui.window.language import LANGUAGE_NAMES

BUTTON_SIZE = QSize(200, 64)


def _other(languages: tuple[str, ...], current: str) -> str | None:
    others = [code for code in languages if code != current and code in LANGUAGE_NAMES]
    return others[0] if others else None


def add_kiosk_language_button(
    session: Session, shell: KioskShell, home_language: str
) -> QToolButton | None:
    """The big button that offers the other language, shown on the start page only."""
    window = session.window
    other = _other(window.handbook.languages, window.handbook.language)
    if other is None:
        return None
    button = QToolButton(window.statusBar())
    button.setObjectName("kioskLanguageButton")
    button.setText(f"{other.upper()} · {LANGUAGE_NAMES[other]}")
    button.setAccessibleName(LANGUAGE_NAMES[other])
    description = QCoreApplication.translate("Language", "Read the handbook in %1")
    button.setToolTip(description.replace("%1", LANGUAGE_NAMES[other]))
    button.setAccessibleDescription(button.toolTip())
    button.setMinimumSize(BUTTON_SIZE)
    font = QFont(button.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    button.setFont(font)
    window.statusBar().addPermanentWidget(button)

    def follow(section_id: str) -> None:
        button.setVisible(section_id == shell.start_section_id)

    window.navigator.section_changed.connect(follow)
    follow(window.navigator.current_section_id)
    button.clicked.connect(lambda: switch_kiosk_language(session, other))
    shell.visit_reset.connect(lambda: _back_home(session, home_language))
    return button


def switch_kiosk_language(session: Session, code: str) -> None:
    """The kiosk in `code`: a new window, dressed again from the same settings, on the
    start page (a visitor's place is not carried across)."""
    session.switch_language(code, keep_place=False)


def _back_home(session: Session, home_language: str) -> None:
    """After a reset, the next visitor meets the configured language again."""
    if session.window.handbook.language != home_language:
        QTimer.singleShot(0, lambda: switch_kiosk_language(session, home_language))
