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

The window never freezes while this happens (issue #34): `open_in_place` loads the
handbook in a worker thread (reader/ui/handbook_load.py) while the old window says
"Opening…", warming there the first page the new window shows; then `show_in_place`
builds the new window, puts it in place and retires the old one, one step per turn of
the event loop, and `signals.window_replaced` says when it is done. A failure is said
in the old window, which stays. `replace_window` does the same steps at once, for a
caller that must have the new window back (a test, a script).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from reader import APP_ID
from reader.bookmarks.store import BookmarkStore
from reader.clinic.apply import clinic_stamp, load_handbook_with_clinic
from reader.clinic.details import ClinicDetails
from reader.clinic.reading import ClinicSource
from reader.content.page_store import PageStore
from reader.content.pages import Pages
from reader.handbook import Handbook
from reader.handbook.trust import TrustedKeys
from reader.history import Place
from reader.paths import UserDirs
from reader.preferences import Preferences, save_preferences
from reader.ui.handbook_load import Busy, HandbookLoad, Load
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import install_translators
from reader.ui.window.policy import WindowPolicy, start_section

#: The pause between the steps of putting a new window in place (ms). Not 0: Qt runs
#: zero-delay calls before timers and input in the same turn, so the steps would run
#: back to back; a real timer lets what waits (a key press, a repaint) in between.
STEP_MS = 1

#: Told why a handbook could not be opened (the old window stays and says it).
Failed = Callable[[Exception], None]


class SessionSignals(QObject):
    """What a session tells (a dataclass cannot hold Qt signals itself)."""

    #: The new window (a MainWindow) is in place and shown; the old one is closed.
    window_replaced = Signal(QMainWindow)


@dataclass
class _Replacing:
    """A new window built, waiting to be put in the old one's place."""

    old: MainWindow
    window: MainWindow
    place: Place
    keep_place: bool


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
    signals: SessionSignals = field(default_factory=SessionSignals)
    #: The handbook being loaded, or the window being put in place (one at a time).
    _loading: HandbookLoad | None = field(default=None, init=False)
    _replacing: bool = field(default=False, init=False)

    def busy(self) -> bool:
        """A handbook is loading or its window is being put in place."""
        return self._loading is not None or self._replacing

    def switch_language(self, code: str, *, keep_place: bool = True) -> bool:
        """The same handbook in `code` (Language menu, kiosk button), without freezing.
        False if there is nothing to do or another switch is under way."""
        if code == self.window.handbook.language:
            return False
        root = self.window.handbook.root
        return self.open_in_place(lambda: self.load_handbook(root, code), keep_place=keep_place)

    def open_in_place(
        self,
        load: Load,
        *,
        keep_place: bool,
        opened: Callable[[Handbook], None] | None = None,
        failed: Failed | None = None,
    ) -> bool:
        """Load a handbook off the window's thread, then show it in the current
        window's place (`show_in_place`). `opened(handbook)` runs first when it loaded;
        `failed(error)` when it did not (the old window says it). False, doing nothing,
        while another one is under way."""
        if self.busy():
            return False
        old = self.window
        section_id = old.navigator.current_section_id if keep_place else ""
        warm = _page_warmer(self.dirs.cache, self.policy, old.preferences.mark_terms, section_id)
        busy = Busy(old)
        self._loading = loading = HandbookLoad(lambda: warm(load()), old)

        def done() -> None:
            busy.end()
            self._loading = None
            loading.deleteLater()

        def arrived(handbook: Handbook) -> None:
            done()
            if opened is not None:
                opened(handbook)
            self.show_in_place(handbook, keep_place=keep_place)

        def refused(error: Exception) -> None:
            done()
            (failed or _say_not_opened(old))(error)

        loading.loaded.connect(arrived)
        loading.failed.connect(refused)
        loading.start()
        return True

    def show_in_place(self, handbook: Handbook, *, keep_place: bool = True) -> None:
        """Show `handbook` in a new window in the current one's place, a step per turn
        of the event loop: build it; put it in place; show it and retire the old one.
        `signals.window_replaced` tells when it is done."""
        self._replacing = True
        step = self._build(handbook, keep_place)

        def retire() -> None:
            self._retire(step)
            self._replacing = False
            self.signals.window_replaced.emit(step.window)

        def show() -> None:
            self._show(step)
            # In the same turn: the old window is deleted before the new one's deferred
            # work starts its search index. Deleted while that thread ran Python, each of
            # its Python wrappers waited for the lock: 86-98 ms instead of 14-16 ms after
            # a 1 MB chapter.
            retire()

        def put_in_place() -> None:
            self._put_in_place(step)
            QTimer.singleShot(STEP_MS, show)

        QTimer.singleShot(STEP_MS, put_in_place)

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
        """Show `handbook` in a new window in the current one's place, at once.

        `keep_place`: the same section, scroll position and history (for the same
        handbook in another language); otherwise the new window starts where its
        policy starts (the reader's last place in that handbook, or its start page)."""
        step = self._build(handbook, keep_place)
        self._put_in_place(step)
        self._show(step)
        self._retire(step)
        self.signals.window_replaced.emit(step.window)
        return step.window

    def _build(self, handbook: Handbook, keep_place: bool) -> _Replacing:
        old = self.window
        self._follow_language(handbook.language)
        place = old.navigator.current_place()
        old.save_layout()
        window = MainWindow(handbook, old.preferences, policy=self.policy, store=self.store,
                            cache_dir=self.dirs.cache, trusted=self.trusted,
                            history=old.history if keep_place else None)  # fmt: skip
        return _Replacing(old, window, place, keep_place)

    def _put_in_place(self, step: _Replacing) -> None:
        old, window, place = step.old, step.window, step.place
        window.restoreGeometry(old.saveGeometry())
        window.restoreState(old.saveState())
        self.window = window
        self.furnish(self)
        kept = window.handbook.nearest_section(place.section_id) if step.keep_place else None
        if kept is not None:
            window.navigator.navigate(kept.id, record=False)
            if kept.id == place.section_id and window.handbook.language == old.handbook.language:
                # the same text: the same pixels. In another language the page's lengths
                # differ, and the old offset would land on another section: its heading
                # is the place kept then.
                bar = window.content.verticalScrollBar()
                QTimer.singleShot(0, lambda: bar.setValue(place.scroll))
        else:
            window.start()
        window.search_box.setText(old.search_box.text())  # the words being looked for
        window.action_set["back"].setEnabled(window.history.can_go_back)
        window.action_set["forward"].setEnabled(window.history.can_go_forward)

    def _show(self, step: _Replacing) -> None:
        """Shown as the old window was (polishing and laying out the whole window is a
        step of its own: 20-40 ms)."""
        old, window = step.old, step.window
        if old.isFullScreen():
            window.showFullScreen()
        elif old.isMaximized():
            window.showMaximized()
        else:
            window.show()

    def _retire(self, step: _Replacing) -> None:
        step.old.close()  # saves its place, stops its search and its reading aloud
        step.old.deleteLater()

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
        if self._loading is not None:
            self._loading.wait()
        self.window.navigator.shut_down()
        self.window.search_index.shut_down()
        self.store.close()
        if self.policy.remembers:
            try:
                save_preferences(self.dirs.config, self.window.preferences)
            except OSError as error:
                sys.stderr.write(f"{APP_ID}: could not save preferences: {error}\n")


def _page_warmer(
    cache: Path, policy: WindowPolicy, marked: bool, section_id: str
) -> Callable[[Handbook], Handbook]:
    """What the worker does after loading: render the page the new window shows first
    (the kept section's chapter, else the start page) into the page store, as the
    window's own store keeps it, so the window finds it there instead of rendering it
    on its thread (about 90 ms for a chapter of the bundled handbook)."""

    def warm(handbook: Handbook) -> Handbook:
        section = handbook.nearest_section(section_id) or handbook.section(
            start_section(handbook, policy)
        )
        if section is None:
            return handbook
        translation = handbook.language if handbook.base_language else ""
        with suppress(Exception):  # only a head start: the window renders it if need be
            store = PageStore(cache, handbook.root, translation, clinic_stamp(handbook))
            Pages(handbook, store).chapter_html(section.chapter_id, mark_terms=marked)
        return handbook

    return warm


def _say_not_opened(window: MainWindow) -> Failed:
    def say(_error: Exception) -> None:
        text = QCoreApplication.translate("Session", "The handbook could not be opened.")
        window.statusBar().showMessage(text, 10000)

    return say
