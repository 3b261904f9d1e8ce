"""The kiosk shell: keeps visitors inside a full-screen, frameless main window, resets
the visit after a quiet spell, and lets an administrator out with a gesture and a PIN.

Its small widgets live here too: the "Still reading?" countdown overlay, the
administrator PIN dialog and the large A− / A+ text size buttons. The policy (settings,
PIN hashing, lockout) is in reader/kiosk/settings.py.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from string import Template
from typing import NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QMouseEvent,
    QRegularExpressionValidator,
    QTouchEvent,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScroller,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.kiosk.settings import (
    KioskConfig,
    PinLockout,
    VisitFiles,
    kiosk_print_target,
    seconds_left_text,
    verify_pin,
)
from reader.paths import resources_dir
from reader.pdf.compose import ComposedDocument, PdfExportError
from reader.pdf.layout import page_layout
from reader.ui.mainwindow import MainWindow

HOLD_MS = 3000
TOUCH_BUTTON = QSize(80, 60)
FILL_SCREEN_MS = 300
MAX_FULL_SCREEN_TRIES = 3
TOOLBAR_ICON = QSize(36, 36)
CORNER_PX = 96
TICK_MS = 200
BLOCKED_ACTIONS = ("quit", "open_handbook", "export_bookmarks", "import_bookmarks", "export_pdf")

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


def _is_admin_keys(event: QKeyEvent) -> bool:
    """Ctrl+Alt+Shift+Q, the keyboard form of the administrator's gesture."""
    return event.key() == Qt.Key.Key_Q and (event.modifiers() & ADMIN_MODIFIERS) == ADMIN_MODIFIERS


def _is_blocked_keys(event: QKeyEvent) -> bool:
    """Keys that close or leave a window: Ctrl+Q, Ctrl+W, Alt+F4."""
    mods = event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    return (ctrl and event.key() in (Qt.Key.Key_Q, Qt.Key.Key_W)) or (
        alt and event.key() == Qt.Key.Key_F4
    )


# -- small widgets ------------------------------------------------------------------------


class CountdownOverlay(QWidget):
    """Covers the window: "Still reading? ... Starting over in N seconds"."""

    keep_reading = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel = QFrame(self)
        panel.setObjectName("kioskCountdownPanel")
        panel.setMaximumWidth(900)
        self.text = QLabel(panel)
        self.text.setObjectName("kioskCountdownText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(panel)
        self.button.setObjectName("kioskKeepReading")
        self.button.clicked.connect(self.keep_reading)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(32)
        inner.addWidget(self.text)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Still reading?"))
        self.button.setText(self.tr("Keep reading"))
        self.button.setAccessibleName(self.tr("Keep reading"))
        self.text.setAccessibleName(self.tr("Countdown"))

    def show_seconds(self, seconds: int) -> None:
        self.text.setText(
            self.tr("Still reading?\nTouch the screen to keep reading.\n"
                    "Starting over in %n seconds", "", seconds)
        )  # fmt: skip

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class AdminPinDialog(QDialog):
    """The administrator types the PIN here (keyboard or on-screen keypad). It only
    reports what was typed; the shell checks it."""

    pin_submitted = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("adminPinDialog")
        self.setModal(True)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("adminPinPrompt")
        self.prompt.setWordWrap(True)
        self.box = QLineEdit(self)
        self.box.setObjectName("adminPinBox")
        self.box.setEchoMode(QLineEdit.EchoMode.Password)
        self.box.setMaxLength(12)
        self.box.setValidator(QRegularExpressionValidator(r"\d{0,12}", self.box))
        self.box.returnPressed.connect(self._submit)
        self.message = QLabel(self)
        self.message.setObjectName("adminPinMessage")
        self.message.setWordWrap(True)
        self.keys: list[QPushButton] = []
        self.leave_button = QPushButton(self)
        self.leave_button.setObjectName("adminPinLeave")
        self.leave_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("adminPinCancel")
        self.cancel_button.clicked.connect(self.reject)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        keypad = QGridLayout()
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]
        for index, label in enumerate(labels):
            key = QPushButton(label, self)
            key.setObjectName(f"adminPinKey_{index}")
            key.setAutoDefault(False)
            key.clicked.connect(lambda _=False, text=label: self._press(text))
            keypad.addWidget(key, index // 3, index % 3)
            self.keys.append(key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.leave_button)
        self.leave_button.setDefault(True)
        column = QVBoxLayout(self)
        column.addWidget(self.prompt)
        column.addWidget(self.box)
        column.addWidget(self.message)
        column.addLayout(keypad)
        column.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Leave kiosk mode"))
        self.setAccessibleName(self.tr("Administrator PIN"))
        self.prompt.setText(self.tr("Administrator: type the PIN to close the kiosk."))
        self.box.setAccessibleName(self.tr("PIN"))
        self.message.setAccessibleName(self.tr("Message"))
        self.leave_button.setText(self.tr("Close the kiosk"))
        self.leave_button.setAccessibleName(self.tr("Close the kiosk"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        names = {"⌫": self.tr("Delete last digit"), "C": self.tr("Clear")}
        for key in self.keys:
            key.setAccessibleName(names.get(key.text(), key.text()))

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.box.backspace()
        elif key == "C":
            self.box.clear()
        else:
            self.box.insert(key)

    def _submit(self) -> None:
        pin = self.box.text()
        self.box.clear()
        if pin:
            self.pin_submitted.emit(pin)

    def show_wrong(self) -> None:
        self.message.setText(self.tr("That PIN is not right. Please try again."))

    def lock(self, seconds: int) -> None:
        """After too many wrong PINs: no typing until the lockout ends."""
        self.message.setText(self.tr("Too many wrong tries. Try again in %n seconds.", "", seconds))
        self._set_input_enabled(False)

    def unlock(self) -> None:
        self.message.setText("")
        self._set_input_enabled(True)

    def _set_input_enabled(self, enabled: bool) -> None:
        for widget in (self.box, self.leave_button, *self.keys):
            widget.setEnabled(enabled)

    def reject(self) -> None:
        self.box.clear()
        super().reject()


class TextSizeButtons(QWidget):
    """A− and A+: big, plain text size buttons that trigger the window's zoom actions."""

    def __init__(self, smaller: QAction, larger: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskTextSize")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.smaller = self._button("kioskTextSmaller", "A−", smaller)
        self.larger = self._button("kioskTextLarger", "A+", larger)
        row.addWidget(self.smaller)
        row.addWidget(self.larger)
        self.retranslate()

    def _button(self, name: str, label: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(label)
        button.setMinimumSize(TOUCH_BUTTON)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Text size"))
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.smaller.setToolTip(self.tr("Smaller text"))
        self.larger.setAccessibleName(self.tr("Larger text"))
        self.larger.setToolTip(self.tr("Larger text"))


# -- printing -------------------------------------------------------------------------------


class KioskPrintError(Exception):
    """A printout that could not be sent; the message is for the visitor."""


def print_to_named_printer(document: ComposedDocument, printer_name: str) -> None:
    """Send a composed printout straight to the kiosk's printer: no dialog, no file
    browser. Raises KioskPrintError with a plain message."""
    if printer_name not in QPrinterInfo.availablePrinterNames():
        raise KioskPrintError(
            QCoreApplication.translate(
                "KioskShell", "The printer “%1” is not available. Please ask at the desk."
            ).replace("%1", printer_name)
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPageLayout(page_layout(document.request.page_size))
    printer.setDocName(document.title)
    try:
        document.paint(printer)
    except PdfExportError as error:
        raise KioskPrintError(str(error)) from None


# -- the shell ------------------------------------------------------------------------------


class _WindowGuard(QObject):
    """On the main window: refuses Close, undoes minimise, keeps the overlay sized."""

    def __init__(self, shell: KioskShell) -> None:
        super().__init__(shell)
        self._shell = shell

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and not self._shell.unlocked:
            assert isinstance(event, QCloseEvent)
            event.ignore()
            return True
        shell = self._shell
        if kind == QEvent.Type.WindowStateChange and not (shell.unlocked or shell.filling_screen):
            QTimer.singleShot(0, shell.enforce_full_screen)
        elif kind == QEvent.Type.Resize and shell.overlay.isVisible():
            shell.overlay.cover()
        return False


class KioskShell(QObject):
    """Turns a MainWindow into a kiosk, and watches the whole application for input."""

    exit_requested = Signal()
    countdown_started = Signal()
    countdown_cancelled = Signal()
    admin_requested = Signal()

    def __init__(
        self,
        window: MainWindow,
        config: KioskConfig,
        app: QApplication,
        *,
        hold_ms: int = HOLD_MS,
        lockout: PinLockout | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("kioskShell")
        self.window = window
        self.config = config
        self.app = app
        self.unlocked = False
        self.visit_files = VisitFiles()
        self.lockout = lockout or PinLockout()
        self.start_section_id = self._resolve_start_page()
        window.home_section_id = self.start_section_id
        window.pdf_save_target = self.print_target()
        if config.print_target == "printer":
            window.direct_print = self.print_document
        self.overlay = CountdownOverlay(window)
        self.overlay.keep_reading.connect(self.cancel_countdown)
        self.pin_dialog: AdminPinDialog | None = None
        self._last_pointer: QPointF | None = None
        self._idle_timer = self._timer(int(config.idle_timeout * 1000), self.start_countdown)
        self._countdown_timer = self._timer(int(config.countdown * 1000), self.reset_visit)
        self._tick_timer = self._timer(TICK_MS, self._tick, single=False)
        self._hold_timer = self._timer(hold_ms, self.request_admin)
        self._lockout_timer = self._timer(1000, self._refresh_lockout, single=False)
        self._fill_timer = self._timer(FILL_SCREEN_MS, self._fill_screen)
        self.filling_screen = False
        self._full_screen_failures = 0
        self._countdown_clock = QElapsedTimer()
        self._guard = _WindowGuard(self)
        self._lock_window()
        self._fit_panels()
        self._apply_text_size()
        self.apply_style()
        window.installEventFilter(self._guard)
        app.installEventFilter(self)
        self.enforce_full_screen()

    def _timer(self, ms: int, slot: Callable[[], None], *, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(max(1, ms))
        timer.timeout.connect(slot)
        return timer

    # -- locking the window down --------------------------------------------------------

    def _lock_window(self) -> None:
        window = self.window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.menuBar().hide()
        window.statusBar().setSizeGripEnabled(False)
        window.toolbar.setMovable(False)
        window.toolbar.setIconSize(TOOLBAR_ICON)
        self._remove_blocked_actions()
        self._add_kiosk_toolbar_items()
        self._keep_shortcuts_alive()
        self._pin_docks()
        for widget in (window, *window.findChildren(QWidget)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        for view in (window.content.viewport(), window.toc.viewport()):
            QScroller.grabGesture(view, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        no_native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        self._had_no_native_dialogs = self.app.testAttribute(no_native)
        self.app.setAttribute(no_native, True)  # so a file dialog is one we can catch

    def _remove_blocked_actions(self) -> None:
        blocked: tuple[str, ...] = BLOCKED_ACTIONS
        if self.config.print_target == "none":
            blocked = (*blocked, "print")  # printing is off on this kiosk
        for action_id in blocked:
            action = self.window.action_set[action_id]
            action.setEnabled(False)
            action.setVisible(False)
            action.setShortcuts([])
            for menu in self.window.menus.values():
                menu.removeAction(action)
            self.window.toolbar.removeAction(action)

    def _add_kiosk_toolbar_items(self) -> None:
        """The menu bar is hidden, so what a visitor needs from it goes on the toolbar
        (the bookmarks list). Big A− / A+ replace the zoom icons, bottom right, where
        they stay visible however narrow the screen."""
        bar = self.window.toolbar
        actions = self.window.action_set
        if actions["show_bookmarks"] not in bar.actions():
            anchor = actions["print"] if actions["print"] in bar.actions() else None
            bar.insertAction(anchor, actions["show_bookmarks"])  # type: ignore[arg-type]
        bar.removeAction(actions["zoom_out"])
        bar.removeAction(actions["zoom_in"])
        while bar.actions() and bar.actions()[-1].isSeparator():
            bar.removeAction(bar.actions()[-1])
        status = self.window.statusBar()
        self.text_size_buttons = TextSizeButtons(actions["zoom_out"], actions["zoom_in"], status)
        status.addPermanentWidget(self.text_size_buttons)

    def _keep_shortcuts_alive(self) -> None:
        """Shortcuts of actions that were only in the (now hidden) menus stop working;
        adding the actions to the window itself keeps them."""
        for action in self.window.action_set:
            if action.isEnabled() and action.shortcuts():
                self.window.addAction(action)

    def _pin_docks(self) -> None:
        """Panels can't float off or be dragged away; the contents can't be closed."""
        for dock in self.window.findChildren(QDockWidget):
            features = dock.features() & ~(
                QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            if dock is self.window.toc_dock:
                features &= ~QDockWidget.DockWidgetFeature.DockWidgetClosable
            dock.setFeatures(features)

    def _fit_panels(self) -> None:
        """Room for whole chapter titles and the search box's words on a big screen."""
        width = self.window.screen().geometry().width()
        self.window.resizeDocks(
            [self.window.toc_dock], [max(300, width // 5)], Qt.Orientation.Horizontal
        )
        self.window.search_box.setMinimumWidth(max(260, min(520, width // 4)))
        # A long chapter title in the status line must not make the window wider
        # than a small screen: full screen would silently fail.
        self.window.status_label.setMinimumWidth(1)
        self.window.status_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )

    def _apply_text_size(self) -> None:
        self.window.default_zoom = self.config.text_size
        self.window.apply_zoom(self.config.text_size)

    def _resolve_start_page(self) -> str:
        wanted = self.config.start_page
        if wanted and self.window.handbook.section(wanted) is not None:
            return wanted
        if wanted:
            sys.stderr.write(
                f"kiosk: start_page '{wanted}' is not a section of this handbook; "
                "using the handbook's first page.\n"
            )
        return self.window.handbook.start_section_id or ""

    def apply_style(self) -> None:
        """kiosk.qss (large, touch-sized controls) on the window, so it adds to the
        theme's application style sheet and survives a theme change. Dialogs are
        separate windows and get it when they are shown (see eventFilter)."""
        template = (resources_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")
        self.kiosk_qss = Template(template).safe_substitute(asdict(self.window.theme))
        if self.window.styleSheet() != self.kiosk_qss:
            self.window.setStyleSheet(self.kiosk_qss)

    def enforce_full_screen(self) -> None:
        if self.unlocked:
            return
        window = self.window
        wrong = not window.isFullScreen() or window.isMinimized() or not window.isVisible()
        if wrong and self._full_screen_failures < MAX_FULL_SCREEN_TRIES:
            window.setWindowState(Qt.WindowState.WindowFullScreen)
            window.showFullScreen()
            self._fill_timer.start()
            self._note_full_screen_result()
        if QApplication.activeModalWidget() is None and not window.isActiveWindow():
            window.raise_()
            window.activateWindow()

    def _note_full_screen_result(self) -> None:
        """A window wider or taller than the screen can't go full screen; say so once
        and stop retrying (each try would cause another state change)."""
        if self.window.isFullScreen():
            self._full_screen_failures = 0
            return
        self._full_screen_failures += 1
        if self._full_screen_failures == MAX_FULL_SCREEN_TRIES:
            minimum = self.window.minimumSizeHint()
            sys.stderr.write(
                f"kiosk: the window needs at least {minimum.width()}x{minimum.height()} "
                "pixels and does not fit this screen, so it cannot go full screen.\n"
            )

    def _fill_screen(self) -> None:
        """On a bare X server with no window manager, "full screen" keeps the desktop
        size: then size the window to the screen, and set the full-screen state again
        (setting the geometry clears it)."""
        window = self.window
        screen = window.screen().geometry()
        if self.unlocked or window.geometry() == screen:
            return
        self.filling_screen = True
        try:
            window.setGeometry(screen)
            window.setWindowState(Qt.WindowState.WindowFullScreen)
        finally:
            self.filling_screen = False

    # -- watching input -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            return self._on_input(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if _is_admin_keys(event) or _is_blocked_keys(event):
                event.accept()  # deliver as a key press (eaten below), not a shortcut
                return True
        elif kind == QEvent.Type.ContextMenu:
            return True
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            self._on_dialog_shown(watched)
        return False

    def _on_dialog_shown(self, dialog: QDialog) -> None:
        """Dialogs get the touch sizes; a file browser is closed at once."""
        if isinstance(dialog, QFileDialog):
            sys.stderr.write("kiosk: a file dialog was refused (kiosk mode never browses).\n")
            QTimer.singleShot(0, dialog.reject)
        elif not dialog.styleSheet():
            dialog.setStyleSheet(self.kiosk_qss)

    def _on_input(self, watched: QObject, event: QEvent) -> bool:
        if self._is_new_input(event):
            self.note_activity()
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
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
        if _is_admin_keys(event):
            if not event.isAutoRepeat():
                self.request_admin()
            return True
        if _is_blocked_keys(event):
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
            point = self._event_point(event)
            if point is not None and self._corner().contains(point):
                if not self._hold_timer.isActive():
                    self._hold_timer.start()
            else:
                self._hold_timer.stop()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            self._hold_timer.stop()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            point = self._event_point(event)
            if point is not None and not self._corner().contains(point):
                self._hold_timer.stop()

    @staticmethod
    def _event_point(event: QEvent) -> QPoint | None:
        if isinstance(event, QMouseEvent):
            return event.globalPosition().toPoint()
        if isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].globalPosition().toPoint()
        return None

    def _corner(self) -> QRect:
        window = self.window
        origin = window.mapToGlobal(QPoint(0, window.height() - CORNER_PX))
        return QRect(origin, QSize(CORNER_PX, CORNER_PX))

    # -- the visit ------------------------------------------------------------------------

    def note_activity(self) -> None:
        """Someone is using the kiosk: cancel a countdown, start the quiet-time clock."""
        if self.overlay.isVisible():
            self.cancel_countdown()
        if not self.unlocked:
            self._idle_timer.start()

    @property
    def counting_down(self) -> bool:
        return self.overlay.isVisible()

    def start_countdown(self) -> None:
        self._countdown_clock.start()
        self._tick()
        self.overlay.cover()
        self._tick_timer.start()
        self._countdown_timer.start()
        self.countdown_started.emit()

    def _tick(self) -> None:
        remaining = self._countdown_timer.interval() - self._countdown_clock.elapsed()
        self.overlay.show_seconds(seconds_left_text(max(0, remaining)))

    def cancel_countdown(self) -> None:
        was_counting = self.overlay.isVisible()
        self._stop_countdown()
        if was_counting:
            self._idle_timer.start()
            self.countdown_cancelled.emit()

    def _stop_countdown(self) -> None:
        self._countdown_timer.stop()
        self._tick_timer.stop()
        self.overlay.hide()

    def reset_visit(self) -> None:
        """Forget the visitor: close what they opened, reset the window, remove the
        visit's temporary files and the clipboard. The next input starts a new visit."""
        self._stop_countdown()
        self._idle_timer.stop()
        self._hold_timer.stop()
        self._close_popups()
        find_bar = getattr(self.window, "find_bar", None)
        if find_bar is not None and find_bar.isVisible():
            find_bar.box.clear()
            find_bar.close_bar()
        self.window.reset_visit()
        if self.start_section_id and self.window.current_section_id != self.start_section_id:
            self.window.navigate(self.start_section_id, record=False)
        self.visit_files.clear()
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.apply_style()
        self.window.content.setFocus()
        self._full_screen_failures = 0
        self.enforce_full_screen()

    def _close_popups(self) -> None:
        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            elif isinstance(widget, QMenu):
                widget.close()

    # -- the administrator -------------------------------------------------------------------

    def request_admin(self) -> None:
        """The deliberate gesture was made: ask for the PIN (or explain there is none)."""
        self._hold_timer.stop()
        self.admin_requested.emit()
        if not self.config.has_pin:
            self._explain_no_pin()
            return
        dialog = self._pin_dialog()
        if not dialog.isVisible():
            dialog.unlock()
            dialog.open()
        self._refresh_lockout()

    def _pin_dialog(self) -> AdminPinDialog:
        if self.pin_dialog is None:
            self.pin_dialog = AdminPinDialog(self.window)
            self.pin_dialog.pin_submitted.connect(self.check_pin)
        return self.pin_dialog

    def _explain_no_pin(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Kiosk mode"),
            self.tr("No administrator PIN is set, so the kiosk can't be closed from the "
                    "screen. An administrator can set one with: handbook-reader kiosk-pin"),
            QMessageBox.StandardButton.Ok,
            self.window,
        )  # fmt: skip
        box.setObjectName("kioskNoPinMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    def check_pin(self, pin: str) -> None:
        dialog = self._pin_dialog()
        if self.lockout.locked:
            self._refresh_lockout()
            return
        right = verify_pin(pin, self.config.admin_pin_hash)
        self.lockout.record(right)
        if right:
            dialog.accept()
            self.leave()
        elif self.lockout.locked:
            self._refresh_lockout()
        else:
            dialog.show_wrong()

    def _refresh_lockout(self) -> None:
        dialog = self.pin_dialog
        seconds = int(self.lockout.seconds_left() + 0.999)
        if dialog is None or seconds <= 0:
            self._lockout_timer.stop()
            if dialog is not None and not dialog.box.isEnabled():
                dialog.unlock()
            return
        dialog.lock(seconds)
        if not self._lockout_timer.isActive():
            self._lockout_timer.start()

    def leave(self) -> None:
        """The right PIN: stop guarding, say so, and close the window (the app ends)."""
        self.unlocked = True
        self.release()
        self.visit_files.clear()
        self.exit_requested.emit()
        self.window.close()

    def release(self) -> None:
        """Stop watching: remove the filters and timers (leaving, or a test's teardown)."""
        self.unlocked = True
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.app.removeEventFilter(self)
        self.window.removeEventFilter(self._guard)
        no_native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        self.app.setAttribute(no_native, self._had_no_native_dialogs)

    # -- printing ----------------------------------------------------------------------------

    def print_target(self) -> Callable[[], Path | None]:
        """For the print dialog's `save_target`: a new file in the configured folder."""
        return kiosk_print_target(self.config)

    def print_document(self, document: ComposedDocument) -> None:
        """Print to the configured printer without a dialog. Raises KioskPrintError."""
        if self.config.print_target != "printer":
            raise KioskPrintError(self.tr("Printing is turned off on this computer."))
        print_to_named_printer(document, self.config.printer_name)


# -- the soak test for the benchmark ----------------------------------------------------------


class SoakResult(NamedTuple):
    rss_after_10_kib: int
    rss_after_n_kib: int
    resets: int


def rss_kib() -> int:
    """This process's resident memory, from /proc/self/status (Linux), in KiB."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def soak(shell: KioskShell, resets: int) -> SoakResult:
    """Scripted visits (navigate, search, zoom, reset) `resets` times; the resident
    memory after 10 visits and after all of them, to show a kiosk doesn't grow."""
    window = shell.window
    sections = [s.id for s in window.handbook.sections()] or [shell.start_section_id]
    after_10 = 0
    for visit in range(resets):
        window.navigate(sections[(visit * 7) % len(sections)])
        window.search_box.setText(("gene therapy", "lentivirus", "GVHD")[visit % 3])
        window.action_set["zoom_in"].trigger()
        window.action_set["zoom_in"].trigger()
        shell.start_countdown()
        QCoreApplication.processEvents()
        shell.reset_visit()
        QCoreApplication.processEvents()
        if visit == 9:
            gc.collect()
            after_10 = rss_kib()
    gc.collect()
    return SoakResult(after_10, rss_kib(), resets)
