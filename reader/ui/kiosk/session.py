"""A kiosk's session: the window built with the kiosk's policy, dressed by the shell,
with the big language button; every window that replaces it (a language switch) gets
the same, from the same settings."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from reader.bookmarks.store import BookmarkStore
from reader.handbook import Handbook
from reader.handbook.trust import TrustedKeys
from reader.kiosk.settings import KioskConfig
from reader.paths import UserDirs
from reader.preferences import Preferences
from reader.ui.clinic_session import open_clinic_form
from reader.ui.kiosk.language_button import add_kiosk_language_button
from reader.ui.kiosk.policy import kiosk_policy
from reader.ui.kiosk.shell import KioskShell
from reader.ui.session import Session
from reader.ui.startup import show_first_page


def kiosk_session(
    app: QApplication,
    handbook: Handbook,
    config: KioskConfig,
    dirs: UserDirs,
    translators: list[QTranslator],
) -> Session:
    """Nothing kept: preferences from the settings, bookmarks in memory only, only the
    kiosk's own trusted keys."""
    policy = kiosk_policy(config, handbook)
    store = BookmarkStore.in_memory()
    trusted = TrustedKeys(config.trusted_keys)
    preferences = Preferences(zoom=config.text_size)
    session = Session.begin(app, handbook, preferences, policy, store, dirs, translators, trusted)
    home = handbook.language

    def furnish(session: Session) -> None:
        old = session.shell
        if isinstance(old, KioskShell):
            old.release()
        session.shell = shell = KioskShell(session.window.parts, config, app)
        shell.clinic_requested.connect(lambda: open_clinic_form(session))
        # The keyboard speaks the language on screen (after a switch, the other one).
        shell.keyboard.set_start_layout(session.window.handbook.language)
        add_kiosk_language_button(session, shell, home)

    session.furnish = furnish
    window = session.window
    show_first_page(window, window.start)
    furnish(session)
    return session
