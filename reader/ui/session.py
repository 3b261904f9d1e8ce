"""One run of the reader: the application, its window and what outlives any one window
(the bookmark store, the user's folders, the translators, the policy).

A window is built for one handbook in one language (its pages, contents, glossary,
search index and page store all follow from it), so switching language and opening
another handbook both build a fresh window and put it in the old one's place. They do
it here, in one way (`replace_window`), so the two cannot drift apart: the new window
keeps the old one's size and panels, and (for the same handbook in another language,
whose section ids are the same) its section, scroll position and history; the bookmark
store is the same one. `furnish` adds what the place puts around every window: the
desktop's Language menu and File > Open, or the kiosk's shell and language button.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from reader import APP_ID
from reader.bookmarks.store import BookmarkStore
from reader.clinic.apply import load_handbook_with_clinic
from reader.clinic.details import ClinicDetails
from reader.clinic.reading import ClinicSource
from reader.handbook import Handbook
from reader.handbook.trust import TrustedKeys
from reader.paths import UserDirs
from reader.preferences import Preferences, save_preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import install_translators
from reader.ui.window.policy import WindowPolicy


@dataclass
class Session:
    """Everything one run of the window holds, so it can be closed in order."""

    app: QApplication
    window: MainWindow
    store: BookmarkStore
    dirs: UserDirs
    policy: WindowPolicy
    translators: list[QTranslator]
    trusted: TrustedKeys | None = None
    #: What the place adds around each new window (menus, a kiosk shell); set by whoever
    #: opened the session, run for the first window and for every replacement.
    furnish: Callable[[Session], None] = field(default=lambda _session: None)
    #: The kiosk shell dressing the window, on a kiosk (reader/ui/kiosk/).
    shell: object = None
    #: The clinic file in use (reader/clinic/) and its details; every handbook this
    #: session opens carries them.
    clinic_source: ClinicSource | None = None
    clinic: ClinicDetails | None = None

    @classmethod
    def begin(
        cls,
        app: QApplication,
        handbook: Handbook,
        preferences: Preferences,
        policy: WindowPolicy,
        store: BookmarkStore,
        dirs: UserDirs,
        translators: list[QTranslator],
        trusted: TrustedKeys | None = None,
    ) -> Session:
        """A session and its first window (not furnished, not shown: the caller does
        that, as the place needs). Windows are built here and in `replace_window` only."""
        window = MainWindow(handbook, preferences, policy=policy, store=store,
                            cache_dir=dirs.cache, trusted=trusted)  # fmt: skip
        return cls(app, window, store, dirs, policy, translators, trusted)

    def load_handbook(self, root: Path, language: str | None) -> Handbook:
        """A handbook as this session shows it: in `language`, with the clinic's details."""
        return load_handbook_with_clinic(root, language, self.clinic)

    def use_clinic(self, details: ClinicDetails | None) -> MainWindow:
        """New clinic details (the form saved them): the handbook shown again with them,
        at the same place; no restart."""
        self.clinic = details
        handbook = self.window.handbook
        return self.replace_window(self.load_handbook(handbook.root, handbook.language))

    def replace_window(self, handbook: Handbook, *, keep_place: bool = True) -> MainWindow:
        """Show `handbook` in a new window in the current one's place.

        `keep_place`: the same section, scroll position and history (for the same
        handbook in another language); otherwise the new window starts where its
        policy starts (the reader's last place in that handbook, or its start page)."""
        old = self.window
        self._follow_language(handbook.language)
        place = old.navigator.current_place()
        old.save_layout()
        window = MainWindow(handbook, old.preferences, policy=self.policy, store=self.store,
                            cache_dir=self.dirs.cache, trusted=self.trusted,
                            history=old.history if keep_place else None)  # fmt: skip
        window.restoreGeometry(old.saveGeometry())
        window.restoreState(old.saveState())
        self.window = window
        self.furnish(self)
        if keep_place and place.section_id and handbook.section(place.section_id):
            window.navigator.navigate(place.section_id, record=False)
            if handbook.language == old.handbook.language:  # pixels only mean the same
                bar = window.content.verticalScrollBar()  # on the same text
                QTimer.singleShot(0, lambda: bar.setValue(place.scroll))
        else:
            window.start()
        window.search_box.setText(old.search_box.text())  # the words being looked for
        window.action_set["back"].setEnabled(window.history.can_go_back)
        window.action_set["forward"].setEnabled(window.history.can_go_forward)
        if old.isFullScreen():
            window.showFullScreen()
        elif old.isMaximized():
            window.showMaximized()
        else:
            window.show()
        old.close()  # saves its place, stops its search and its reading aloud
        old.deleteLater()
        return window

    def _follow_language(self, code: str) -> None:
        """The interface's words in the handbook's language."""
        if code == self.window.handbook.language:
            return
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = install_translators(self.app, code)

    def close(self) -> None:
        """The window first (its close keeps the reader's place in the store), then the
        store and the preferences."""
        if self.window.isVisible():
            self.window.close()
        self.window.navigator.shut_down()
        self.window.search_index.shut_down()
        self.store.close()
        if self.policy.remembers:
            try:
                save_preferences(self.dirs.config, self.window.preferences)
            except OSError as error:
                sys.stderr.write(f"{APP_ID}: could not save preferences: {error}\n")
