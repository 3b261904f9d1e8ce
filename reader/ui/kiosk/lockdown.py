"""Locking the main window down for a kiosk: no frame, no menus, no file actions, docks
pinned in place, big text size buttons, and full screen kept even on a bare X server."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QSizePolicy, QWidget

from reader.ui.kiosk.widgets import TextSizeButtons
from reader.ui.window.parts import WindowParts

TOOLBAR_ICON = QSize(36, 36)
FILL_SCREEN_MS = 300
MAX_FULL_SCREEN_TRIES = 3
BLOCKED_ACTIONS = (
    "quit",
    "open_handbook",
    "open_packed",
    "export_bookmarks",
    "import_bookmarks",
    "export_pdf",
)


def lock_window(parts: WindowParts, *, printing: bool) -> TextSizeButtons:
    """Everything a visitor could use to leave, browse files or rearrange the window is
    taken away; returns the A− / A+ buttons put in its place."""
    window = parts.window
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.menuBar().hide()
    window.statusBar().setSizeGripEnabled(False)
    parts.toolbar.setMovable(False)
    parts.toolbar.setIconSize(TOOLBAR_ICON)
    blocked = BLOCKED_ACTIONS if printing else (*BLOCKED_ACTIONS, "print")
    _remove_actions(parts, blocked)
    buttons = _add_kiosk_toolbar_items(parts)
    _keep_shortcuts_alive(parts)
    _pin_docks(window)
    parts.content.setCursorWidth(0)  # a blinking text cursor in a page no one edits
    return buttons


def refuse_context_menus(window: QWidget) -> None:
    """No right-click (or long-press) menus anywhere; the input guard also eats them."""
    for widget in (window, *window.findChildren(QWidget)):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)


def _remove_actions(parts: WindowParts, blocked: tuple[str, ...]) -> None:
    for action_id in blocked:
        action = parts.actions[action_id]
        action.setEnabled(False)
        action.setVisible(False)
        action.setShortcuts([])
        for menu in parts.menus.values():
            menu.removeAction(action)
        parts.toolbar.removeAction(action)


def _add_kiosk_toolbar_items(parts: WindowParts) -> TextSizeButtons:
    """The menu bar is hidden, so what a visitor needs from it goes on the toolbar
    (the bookmarks list). Big A− / A+ replace the zoom icons, bottom right, where
    they stay visible however narrow the screen."""
    bar = parts.toolbar
    actions = parts.actions
    if actions["show_bookmarks"] not in bar.actions():
        anchor = actions["print"] if actions["print"] in bar.actions() else None
        bar.insertAction(anchor, actions["show_bookmarks"])  # type: ignore[arg-type]
    bar.removeAction(actions["zoom_out"])
    bar.removeAction(actions["zoom_in"])
    while bar.actions() and bar.actions()[-1].isSeparator():
        bar.removeAction(bar.actions()[-1])
    status = parts.window.statusBar()
    buttons = TextSizeButtons(actions["zoom_out"], actions["zoom_in"], status)
    status.addPermanentWidget(buttons)
    return buttons


def _keep_shortcuts_alive(parts: WindowParts) -> None:
    """Shortcuts of actions that were only in the (now hidden) menus stop working;
    adding the actions to the window itself keeps them."""
    for action in parts.actions:
        if action.isEnabled() and action.shortcuts():
            parts.window.addAction(action)


def _pin_docks(window: QMainWindow) -> None:
    """Panels can't float off, be dragged away or closed: they are tabs of one column,
    and a tab needs no title bar above it (nor its finger-hard 18 px close button)."""
    for dock in window.findChildren(QDockWidget):
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        title = QWidget(dock)
        title.setObjectName(f"{dock.objectName()}Title")
        dock.setTitleBarWidget(title)


def fit_status_line(parts: WindowParts) -> None:
    """A long chapter title in the status line must not make the window wider than a
    small screen (full screen would silently fail). The search box's width is the
    toolbar's business (toolbar_fit.py)."""
    parts.status_label.setMinimumWidth(1)
    parts.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


class FullScreenKeeper(QObject):
    """Puts the window back to full screen whenever it leaves it (unless released)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.released = False
        self.filling_screen = False
        self._failures = 0
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(FILL_SCREEN_MS)
        self._fill_timer.timeout.connect(self._fill_screen)

    def enforce(self, *, retry: bool = False) -> None:
        if self.released:
            return
        if retry:
            self._failures = 0
        window = self.window
        wrong = not window.isFullScreen() or window.isMinimized() or not window.isVisible()
        if wrong and self._failures < MAX_FULL_SCREEN_TRIES:
            window.setWindowState(Qt.WindowState.WindowFullScreen)
            window.showFullScreen()
            self._fill_timer.start()
            self._note_result()
        if QApplication.activeModalWidget() is None and not window.isActiveWindow():
            window.raise_()
            window.activateWindow()

    def release(self) -> None:
        self.released = True
        self._fill_timer.stop()

    def _note_result(self) -> None:
        """A window wider or taller than the screen can't go full screen; say so once
        and stop retrying (each try would cause another state change)."""
        if self.window.isFullScreen():
            self._failures = 0
            return
        self._failures += 1
        if self._failures == MAX_FULL_SCREEN_TRIES:
            minimum = self.window.minimumSizeHint()
            sys.stderr.write(
                f"kiosk: the window needs at least {minimum.width()}x{minimum.height()} "
                "pixels and does not fit this screen, so it cannot go full screen.\n"
            )

    def refit(self) -> None:
        """Back to the screen's size now: larger text can have pushed the window's
        minimum past a small screen, and a reset brings the text back down."""
        self._fill_screen()

    def _fill_screen(self) -> None:
        """On a bare X server with no window manager, "full screen" keeps the desktop
        size: then size the window to the screen, and set the full-screen state again
        (setting the geometry clears it)."""
        window = self.window
        screen = window.screen().geometry()
        if self.released or window.geometry() == screen:
            return
        self.filling_screen = True
        try:
            window.setGeometry(screen)
            window.setWindowState(Qt.WindowState.WindowFullScreen)
        finally:
            self.filling_screen = False
