"""A real desktop Session around a window a test built, as app.py makes one: the
Language menu and File > Open furnished, new windows put in place by the session (off
the window's thread: wait for `session.signals.window_replaced`)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.bookmarks.store import BookmarkStore
from reader.paths import UserDirs
from reader.ui.app import furnish_desktop
from reader.ui.mainwindow import MainWindow
from reader.ui.session import Session
from reader.ui.window.policy import DESKTOP, WindowPolicy


def desktop_session(
    window: MainWindow,
    dirs: UserDirs,
    store: BookmarkStore | None = None,
    policy: WindowPolicy = DESKTOP,
) -> Session:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = Session(app, window, store or BookmarkStore.in_memory(), dirs, policy, [],
                      furnish=furnish_desktop)  # fmt: skip
    furnish_desktop(session)
    return session


def record_windows(session: Session) -> list[MainWindow]:
    """Every window the session puts in place from now on, in order."""
    opened: list[MainWindow] = []
    session.signals.window_replaced.connect(opened.append)
    return opened
