"""Starting the window: the QApplication, theme, translations, the main window, and the
error dialog that replaces tracebacks for the reader."""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import APP_ID, APP_NAME, DESKTOP_ID, __version__
from reader.bookmarks import BookmarkStore, default_path
from reader.handbook import HandbookError, load_handbook
from reader.paths import UserDirs, resources_dir
from reader.preferences import Preferences, load_preferences, save_preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import choose_language, install_translators

STARTUP_REPORT_ENV = "HANDBOOK_READER_STARTUP_REPORT"
EXIT_AFTER_PAINT_ENV = "HANDBOOK_READER_EXIT_AFTER_PAINT"


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """A plain-words error dialog, with the technical part folded away under Details."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)  # fmt: skip
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.exec()


def _install_error_hook(parent_getter: object) -> None:
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


def _report_first_paint(window: MainWindow, started: float) -> None:
    report = os.environ.get(STARTUP_REPORT_ENV)
    if not report:
        return

    def painted() -> None:
        origin = float(os.environ.get("HANDBOOK_READER_T0", started))
        Path(report).write_text(f"{(time.time() - origin) * 1000:.1f}\n", encoding="utf-8")
        if os.environ.get(EXIT_AFTER_PAINT_ENV):
            QApplication.instance().quit()  # type: ignore[union-attr]

    window.content.first_painted.connect(painted)


def run_app(args: argparse.Namespace, handbook_dir: Path) -> int:
    started = time.time()
    app = make_application(sys.argv[:1])
    translators = install_translators(app, choose_language(getattr(args, "lang", None)))
    _install_error_hook(None)
    dirs = UserDirs.default()
    kiosk = bool(getattr(args, "kiosk", False))
    try:
        handbook = load_handbook(handbook_dir)
    except (HandbookError, OSError) as error:
        show_error(None, APP_NAME, QApplication.translate(
            "App", "The handbook could not be opened."), str(error))  # fmt: skip
        return 2
    preferences = Preferences() if kiosk else load_preferences(dirs.config)
    store = BookmarkStore.in_memory() if kiosk else BookmarkStore.open(default_path(dirs))
    window = MainWindow(handbook, preferences, store=store, kiosk=kiosk)
    _report_first_paint(window, started)
    window.restore_layout()
    window.start()
    window.show()
    if store.recovery_message:
        QTimer.singleShot(0, lambda: show_error(window, APP_NAME, store.recovery_message or ""))
    code = app.exec()
    del translators
    store.close()
    if not kiosk:
        try:
            save_preferences(dirs.config, window.preferences)
        except OSError as error:
            sys.stderr.write(f"{APP_ID}: could not save preferences: {error}\n")
    return code
