"""Starting the window: the QApplication, theme, translations, the main window, and the
error dialog that replaces tracebacks for the reader."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import APP_ID, APP_NAME, DESKTOP_ID, __version__
from reader.bookmarks.store import BookmarkStore, default_path
from reader.clinic.apply import load_handbook_with_clinic
from reader.clinic.details import ClinicDetails
from reader.clinic.reading import ClinicSource, find_clinic_file, load_clinic
from reader.handbook import Handbook, HandbookError
from reader.kiosk.settings import KioskConfig, kiosk_handbook, load_kiosk_config, report_problems
from reader.paths import UserDirs, resources_dir
from reader.preferences import load_preferences
from reader.ui.plain_text import plain_box
from reader.ui.session import Session
from reader.ui.startup import show_first_page, window_thread_first
from reader.ui.translations import choose_language, install_translators
from reader.ui.window.policy import DESKTOP


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
    window_thread_first()
    app = QApplication(argv or [APP_ID])
    app.setStyle("Fusion")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.svg")))
    return app


def _kiosk_config(args: argparse.Namespace) -> KioskConfig | None:
    """The kiosk settings when this run is a kiosk (flag or settings file), else None."""
    config = load_kiosk_config()
    if not (getattr(args, "kiosk", False) or config.enabled):
        return None
    config = config.with_idle_timeout(getattr(args, "idle_timeout", None))
    for line in report_problems(config):
        sys.stderr.write(line + "\n")
    return config


#: Loads a handbook in a language, as the session shows it (with the clinic's details).
Load = Callable[[Path, str], Handbook]


def _first_handbook(
    given: Path | str | None,
    default: Path,
    dirs: UserDirs,
    language: str,
    desktop: bool,
    load: Load,
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
        return load(path, language), path, ""
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
        return load(default, language), default, note
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
    clinic_source, clinic, clinic_note = _clinic(args, kiosk_config, dirs)

    def load(root: Path, code: str) -> Handbook:
        return load_handbook_with_clinic(root, code, clinic)

    first = _first_handbook(given, handbook_dir, dirs, chosen, kiosk_config is None, load)
    if isinstance(first, int):
        return first
    handbook, opened, note = first
    if kiosk_config is not None:
        from reader.ui.kiosk.session import kiosk_session  # only kiosks pay for importing it

        session = kiosk_session(app, handbook, kiosk_config, dirs, translators)
    else:
        session = _desktop_session(app, handbook, dirs, translators)
        from reader.recent import remember_handbook

        remember_handbook(dirs.config, opened)  # only now: it opened
    session.clinic_source, session.clinic = clinic_source, clinic
    window = session.window
    for message in (note, clinic_note, session.store.recovery_message):
        if message:
            QTimer.singleShot(0, lambda text=message: show_error(window, APP_NAME, text))
    return session


def _clinic(
    args: argparse.Namespace, kiosk: KioskConfig | None, dirs: UserDirs
) -> tuple[ClinicSource, ClinicDetails | None, str]:
    """The clinic file in use and its details; a broken file is one line on stderr and
    one in the window, and the reader goes on without it."""
    source = find_clinic_file(getattr(args, "clinic", None), kiosk.clinic if kiosk else None, dirs)
    details, problem = load_clinic(source)
    if problem:
        sys.stderr.write(f"{APP_ID}: {problem}\n")
        problem = QApplication.translate(
            "App", "The clinic's details could not be read (%1). The handbook is shown "
            "without them.").replace("%1", problem)  # fmt: skip
    return source, details, problem


def _desktop_session(
    app: QApplication, handbook: Handbook, dirs: UserDirs, translators: list[QTranslator]
) -> Session:
    """A person's own computer: preferences and bookmarks kept, the place remembered."""
    preferences = load_preferences(dirs.config)
    store = BookmarkStore.open(default_path(dirs))
    session = Session.begin(app, handbook, preferences, DESKTOP, store, dirs, translators)
    session.furnish = furnish_desktop
    window = session.window
    furnish_desktop(session)
    window.restore_layout()
    show_first_page(window, window.start)
    window.show()
    return session


def furnish_desktop(session: Session) -> None:
    """The menus that put another window in this one's place: Language, and File > Open
    (with drag and drop and Recent). Every window of a desktop session gets both, the
    first one and each that replaces it."""
    from reader.ui.window.language import add_language_menu
    from reader.ui.window.open_handbook import install

    window = session.window
    handbook = window.handbook
    if session.policy.language_menu:
        add_language_menu(window.menuBar(), handbook.languages, handbook.language,
                          session.switch_language)  # fmt: skip
    window.action_set["clinic_details"].triggered.connect(lambda: _open_clinic_form(session))
    if not session.policy.opens_files:
        return
    opening = (window.action_set["open_handbook"], window.action_set["open_packed"])
    install(window, handbook, window.menus["file"], opening, session.dirs.config,
            lambda load, opened, failed: session.open_in_place(
                load, keep_place=False, opened=opened, failed=failed),
            load=session.load_handbook)  # fmt: skip


def _open_clinic_form(session: Session) -> None:
    from reader.ui.clinic_session import open_clinic_form  # only when it is asked for

    open_clinic_form(session)


def run_app(args: argparse.Namespace, handbook_dir: Path) -> int:
    session = open_session(args, handbook_dir)
    if isinstance(session, int):
        return session
    code = session.app.exec()
    session.close()
    return code
