"""Starting the window: the QApplication, theme, translations, the main window, and the
error dialog that replaces tracebacks for the reader."""

from __future__ import annotations

import argparse
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import APP_ID, APP_NAME, DESKTOP_ID, __version__
from reader.bookmarks.store import BookmarkStore, default_path
from reader.handbook import Handbook, HandbookError
from reader.handbook.languages import load_handbook_in
from reader.handbook.trust import TrustedKeys
from reader.kiosk.settings import KioskConfig, kiosk_handbook, load_kiosk_config, report_problems
from reader.paths import UserDirs, resources_dir
from reader.preferences import Preferences, load_preferences, save_preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.plain_text import plain_box
from reader.ui.startup import show_first_page

if TYPE_CHECKING:
    from reader.ui.kiosk.shell import KioskShell
from reader.ui.translations import choose_language, install_translators


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """A plain-words error dialog, with the technical part folded away under Details."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)  # fmt: skip
    plain_box(box).setObjectName("errorDialog")  # names in it are shown as written
    if details:
        box.setDetailedText(details)
    box.exec()


def _install_error_hook() -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(details)
        show_error(
            None,
            QApplication.translate("App", "Something went wrong"),
            QApplication.translate(
                "App", "Handbook Reader ran into a problem, but your bookmarks are safe. "
                "You can keep reading."),
            details,
        )  # fmt: skip

    sys.excepthook = hook


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [APP_ID])
    app.setStyle("Fusion")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.svg")))
    return app


@dataclass
class Session:
    """Everything one run of the window holds, so it can be closed in order."""

    app: QApplication
    window: MainWindow
    store: BookmarkStore
    dirs: UserDirs
    kiosk: bool
    translators: list[QTranslator]
    shell: KioskShell | None = None

    def close(self) -> None:
        self.window.shut_down_search()
        self.store.close()
        if not self.kiosk:
            try:
                save_preferences(self.dirs.config, self.window.preferences)
            except OSError as error:
                sys.stderr.write(f"{APP_ID}: could not save preferences: {error}\n")


def _kiosk_config(args: argparse.Namespace) -> KioskConfig | None:
    """The kiosk settings when this run is a kiosk (flag or settings file), else None."""
    config = load_kiosk_config()
    if not (getattr(args, "kiosk", False) or config.enabled):
        return None
    config = config.with_idle_timeout(getattr(args, "idle_timeout", None))
    for line in report_problems(config):
        sys.stderr.write(line + "\n")
    return config


def _first_handbook(
    given: Path | str | None, default: Path, dirs: UserDirs, language: str, desktop: bool
) -> tuple[Handbook, Path, str] | int:
    """The handbook to start with, where it is, and what to tell the reader about it;
    or an exit code after saying why there is none.

    --handbook if given, else (on a desktop) the handbook opened last, else `default`.
    A remembered handbook that no longer opens, whatever the reason (a crash of the
    loader included), gives way to `default` with a message naming it and why: a
    handbook that fails must never make every later start fail too."""
    from reader.recent import last_opened

    remembered = last_opened(dirs.config) if desktop and not given else None
    path = Path(given) if given else (remembered or default)
    try:
        return load_handbook_in(path, language), path, ""
    except Exception as error:  # any failure at all: say it, open the bundled one
        if remembered is None or remembered == default:
            show_error(None, APP_NAME, QApplication.translate(
                "App", "The handbook could not be opened."), _why(error))  # fmt: skip
            return 2
        why = _why(error)
    sys.stderr.write(f"{APP_ID}: {remembered}: could not be opened: {why}\n")
    note = QApplication.translate(
        "App", "The handbook opened last, “%1”, could not be opened (%2). "
        "The handbook that comes with the reader is open instead.",
    ).replace("%1", str(remembered)).replace("%2", why)  # fmt: skip
    try:
        return load_handbook_in(default, language), default, note
    except Exception as error:
        show_error(None, APP_NAME, QApplication.translate(
            "App", "The handbook could not be opened."), _why(error))  # fmt: skip
        return 2


def _why(error: Exception) -> str:
    """An opening failure in a few words: the handbook's own message, an OS error's
    words, or (for a failure nobody foresaw) its kind."""
    if isinstance(error, HandbookError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def open_session(args: argparse.Namespace, handbook_dir: Path) -> Session | int:
    """Build the app and its window (shown), or return an exit code after telling why."""
    app = make_application(sys.argv[:1])
    kiosk_config = _kiosk_config(args)
    language = getattr(args, "lang", None) or (kiosk_config.language if kiosk_config else None)
    chosen = choose_language(language)
    translators = install_translators(app, chosen)
    _install_error_hook()
    dirs = UserDirs.default()
    given = getattr(args, "handbook", None)
    if kiosk_config is not None:  # a kiosk that requires signed files falls back to the bundled one
        handbook_dir, refused = kiosk_handbook(handbook_dir, kiosk_config)
        sys.stderr.write(f"{refused}\n" if refused else "")
        given = handbook_dir
    first = _first_handbook(given, handbook_dir, dirs, chosen, kiosk_config is None)
    if isinstance(first, int):
        return first
    handbook, opened, note = first
    kiosk = kiosk_config is not None
    if kiosk_config is not None:
        preferences = Preferences(zoom=kiosk_config.text_size)
        store = BookmarkStore.in_memory()
    else:
        preferences = load_preferences(dirs.config)
        store = BookmarkStore.open(default_path(dirs))
    trusted = TrustedKeys(kiosk_config.trusted_keys) if kiosk_config else None  # kiosk's only
    window = MainWindow(handbook, preferences, store=store, cache_dir=dirs.cache, kiosk=kiosk,
                        trusted=trusted)  # fmt: skip
    session = Session(app, window, store, dirs, kiosk, translators)
    if kiosk_config is not None:
        start_page = kiosk_config.start_page or None
        show_first_page(window, lambda: window.start(start_page))
        from reader.ui.kiosk.shell import KioskShell  # only kiosks pay for importing it

        session.shell = KioskShell(window, kiosk_config, app)
        from reader.ui.window.kiosk_language import add_kiosk_language_button

        add_kiosk_language_button(session, handbook.language)
    else:
        furnish_desktop_window(session, window)
        window.restore_layout()
        show_first_page(window, window.start)
        window.show()
        from reader.recent import remember_handbook

        remember_handbook(dirs.config, opened)  # only now: it opened
    for message in (note, store.recovery_message):
        if message:
            QTimer.singleShot(0, lambda text=message: show_error(window, APP_NAME, text))
    return session


def furnish_desktop_window(session: Session, window: MainWindow) -> None:
    """The menus that put another window in this one's place: Language, and File > Open
    (with drag and drop and Recent). Every window of a desktop session gets both, the
    first one and each that replaces it."""
    from reader.ui.window.open_handbook import install

    _add_language_menu(session, window)
    install(window, session.store, session.dirs.cache, session.dirs.config,
            lambda new: _adopt_window(session, new))  # fmt: skip


def _adopt_window(session: Session, window: MainWindow) -> None:
    """A handbook opened from File > Open: the session follows it, with its Language menu
    (File > Open installs itself on the windows it makes)."""
    session.window = window
    _add_language_menu(session, window)


def _add_language_menu(session: Session, window: MainWindow) -> None:
    from reader.ui.window.language import add_language_menu, switch_language

    handbook = window.handbook
    add_language_menu(window, handbook.languages, handbook.language,
                      lambda code: switch_language(session, code))  # fmt: skip


def run_app(args: argparse.Namespace, handbook_dir: Path) -> int:
    session = open_session(args, handbook_dir)
    if isinstance(session, int):
        return session
    code = session.app.exec()
    session.close()
    return code
