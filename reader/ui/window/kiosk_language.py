"""The kiosk's language button: a large EN/ES button on the start page, and a reset
that brings the next visitor back to the kiosk's configured language.

The kiosk shell is bound to one window, so a switch releases it, builds the window in
the other language (reader/ui/window/language.py) and puts a new shell on it with the
same settings; nothing of the kiosk's own code changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QToolButton

from reader.ui.window.language import LANGUAGE_NAMES, switch_language

if TYPE_CHECKING:
    from reader.ui.app import Session

BUTTON_SIZE = QSize(200, 64)


def _other(languages: tuple[str, ...], current: str) -> str | None:
    others = [code for code in languages if code != current and code in LANGUAGE_NAMES]
    return others[0] if others else None


def add_kiosk_language_button(session: Session, home_language: str) -> QToolButton | None:
    """The big button that offers the other language, shown on the start page only."""
    window, shell = session.window, session.shell
    other = _other(window.handbook.languages, window.handbook.language)
    if shell is None or other is None:
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

    window.section_changed.connect(follow)
    follow(window.current_section_id)
    button.clicked.connect(lambda: switch_kiosk_language(session, other, home_language))
    window.visit_reset.connect(lambda: _back_home(session, home_language))
    return button


def switch_kiosk_language(session: Session, code: str, home_language: str) -> None:
    """The kiosk in `code`: a new window and shell on the same settings."""
    old_shell = session.shell
    if old_shell is None or session.window.handbook.language == code:
        return
    old_shell.release()
    from reader.ui.kiosk.shell import KioskShell

    window = switch_language(session, code, keep_place=False)
    session.shell = KioskShell(window, old_shell.config, old_shell.app)
    window.navigate(session.shell.start_section_id, record=False)
    add_kiosk_language_button(session, home_language)


def _back_home(session: Session, home_language: str) -> None:
    """After a reset, the next visitor meets the configured language again."""
    if session.window.handbook.language != home_language:
        QTimer.singleShot(0, lambda: switch_kiosk_language(session, home_language, home_language))
