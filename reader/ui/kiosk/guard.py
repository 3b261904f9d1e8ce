"""What keeps a visitor inside the kiosk: the window guard (no closing, no minimising)
and the application-wide input watcher (activity for the idle clock, blocked keys, the
administrator's keys and corner gesture, dialogs and context menus)."""

from __future__ import annotations

import sys
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QWidget

CORNER_PX = 96

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)
ADMIN_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def is_admin_keys(event: QKeyEvent) -> bool:
    """Ctrl+Alt+Shift+Q, the keyboard form of the administrator's gesture."""
    return event.key() == Qt.Key.Key_Q and (event.modifiers() & ADMIN_MODIFIERS) == ADMIN_MODIFIERS


def is_blocked_keys(event: QKeyEvent) -> bool:
    """Keys that close or leave a window: Ctrl+Q, Ctrl+W, Alt+F4."""
    mods = event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    return (ctrl and event.key() in (Qt.Key.Key_Q, Qt.Key.Key_W)) or (
        alt and event.key() == Qt.Key.Key_F4
    )


class GuardedShell(Protocol):
    """What the guards need from the shell."""

    unlocked: bool

    @property
    def filling_screen(self) -> bool: ...

    def enforce_full_screen(self) -> None: ...

    def cover_overlay_if_shown(self) -> None: ...

    def window_shown(self) -> None: ...


class WindowGuard(QObject):
    """On the main window: refuses Close, undoes minimise, keeps the overlay sized."""

    def __init__(self, shell: GuardedShell, parent: QObject) -> None:
        super().__init__(parent)
        self._shell = shell

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        shell = self._shell
        if kind == QEvent.Type.Close and not shell.unlocked:
            assert isinstance(event, QCloseEvent)
            event.ignore()
            return True
        if kind == QEvent.Type.WindowStateChange and not (shell.unlocked or shell.filling_screen):
            QTimer.singleShot(0, shell.enforce_full_screen)
        elif kind == QEvent.Type.Resize:
            shell.cover_overlay_if_shown()
        elif kind == QEvent.Type.Show:
            QTimer.singleShot(0, shell.window_shown)  # after the window's own show handling
        return False


class InputGuard(QObject):
    """Watches every event of the application. It reports activity (real input only),
    physical key presses (for the on-screen keyboard's "auto" mode) and the
    administrator's gesture, and eats the keys and menus a visitor must not use."""

    activity = Signal()
    physical_key = Signal()
    admin_gesture = Signal()
    dialog_shown = Signal(QDialog)

    def __init__(self, window: QWidget, hold_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self._last_pointer: QPointF | None = None
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(max(1, hold_ms))
        self.hold_timer.timeout.connect(self.admin_gesture)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            return self._on_input(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if is_admin_keys(event) or is_blocked_keys(event):
                event.accept()  # deliver as a key press (eaten below), not a shortcut
                return True
        elif kind in (QEvent.Type.ContextMenu, QEvent.Type.StatusTip):
            return True  # no menus; no hover texts that a finger never sees
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            self._on_dialog_shown(watched)
        return False

    def _on_dialog_shown(self, dialog: QDialog) -> None:
        """A file browser is closed at once; other dialogs are the shell's to style."""
        if isinstance(dialog, QFileDialog):
            sys.stderr.write("kiosk: a file dialog was refused (kiosk mode never browses).\n")
            QTimer.singleShot(0, dialog.reject)
        else:
            self.dialog_shown.emit(dialog)

    def _on_input(self, watched: QObject, event: QEvent) -> bool:
        if self._is_new_input(event):
            self.activity.emit()
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.spontaneous():
                self.physical_key.emit()
            return self._on_key(watched, event)
        self._watch_corner(event)
        return False

    def _is_new_input(self, event: QEvent) -> bool:
        """Real input only: Qt's own synthetic events, and pointer "moves" that don't
        move (sent when widgets appear under a resting pointer), don't count."""
        if not event.spontaneous():
            return False
        if isinstance(event, QMouseEvent):
            position = event.globalPosition()
            moved = position != self._last_pointer
            self._last_pointer = position
            return moved or event.type() != QEvent.Type.MouseMove
        return True

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        if is_admin_keys(event):
            if not event.isAutoRepeat():
                self.admin_gesture.emit()
            return True
        if is_blocked_keys(event):
            return True
        if event.key() == Qt.Key.Key_Escape:
            return self._blocks_escape(watched)
        return False

    def _blocks_escape(self, watched: QObject) -> bool:
        """Escape still clears a search box or closes a dialog; elsewhere in the window
        (where it could end full screen) it does nothing."""
        if not isinstance(watched, QWidget) or isinstance(watched, QLineEdit):
            return False
        return watched.window() is self.window

    def _watch_corner(self, event: QEvent) -> None:
        """Press and hold the bottom-left corner: the administrator's gesture."""
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            point = _event_point(event)
            if point is not None and self._corner().contains(point):
                if not self.hold_timer.isActive():
                    self.hold_timer.start()
            else:
                self.hold_timer.stop()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            self.hold_timer.stop()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            point = _event_point(event)
            if point is not None and not self._corner().contains(point):
                self.hold_timer.stop()

    def _corner(self) -> QRect:
        window = self.window
        origin = window.mapToGlobal(QPoint(0, window.height() - CORNER_PX))
        return QRect(origin, QSize(CORNER_PX, CORNER_PX))


def _event_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None
