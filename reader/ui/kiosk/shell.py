"""The kiosk shell: turns the main window into a full-screen, touch-first kiosk, resets
the visit after a quiet spell, and lets an administrator out with a gesture and a PIN.

It composes the parts that live beside it: lockdown.py (no way out), guard.py (input),
layout.py (panels), touch.py (finger scrolling, swipes), keyboard.py (on-screen
keyboard), reset.py (forgetting a visit), admin.py (the PIN), widgets.py and
printing.py. The policy (settings, PIN hashing, lockout) is in reader/kiosk/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from string import Template

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from reader.kiosk.pin import PinLockout
from reader.kiosk.settings import KioskConfig
from reader.kiosk.visit import VisitFiles, seconds_left_text
from reader.paths import resources_dir
from reader.ui.kiosk.admin import AdminExit
from reader.ui.kiosk.guard import InputGuard, WindowGuard
from reader.ui.kiosk.keyboard import KeyboardPolicy, OnScreenKeyboard
from reader.ui.kiosk.layout import KioskPanels
from reader.ui.kiosk.lockdown import (
    FullScreenKeeper,
    fit_status_line,
    lock_window,
    refuse_context_menus,
)
from reader.ui.kiosk.reset import reset_window
from reader.ui.kiosk.toolbar_fit import ToolbarFit
from reader.ui.kiosk.touch import (
    SwipeWatcher,
    enable_kinetic_scrolling,
    show_section_top,
    stop_flick,
)
from reader.ui.kiosk.widgets import AdminPinDialog, CountdownOverlay
from reader.ui.text_size import scale_points
from reader.ui.theme import resolve_theme
from reader.ui.window.parts import WindowParts

HOLD_MS = 3000
TICK_MS = 200


class KioskShell(QObject):
    """Dresses a window built with the kiosk's policy (reader/ui/kiosk/policy.py) as a
    kiosk, and watches the whole application for input."""

    exit_requested = Signal()
    countdown_started = Signal()
    countdown_cancelled = Signal()
    admin_requested = Signal()
    visit_reset = Signal()  # the next visitor's kiosk is ready
    clinic_requested = Signal()  # the administrator's PIN, to edit the clinic's details

    def __init__(
        self,
        parts: WindowParts,
        config: KioskConfig,
        app: QApplication,
        *,
        hold_ms: int = HOLD_MS,
        lockout: PinLockout | None = None,
    ) -> None:
        window = parts.window
        super().__init__(window)
        self.setObjectName("kioskShell")
        self.parts = parts
        self.window = window
        self.config = config
        self.app = app
        self.unlocked = False
        self._laid_out = False
        self.visit_files = VisitFiles()
        self.start_section_id = parts.navigator.home  # the policy's start page
        self._build_visitor_side(parts, config)
        self._build_guards(window, config, app, hold_ms, lockout or PinLockout())
        refuse_context_menus(window)
        self._apply_text_size()
        self.apply_style()
        parts.comfort.zoom_applied.connect(self.apply_style)
        parts.content.setFocus()
        self.full_screen.enforce()

    def _build_visitor_side(self, parts: WindowParts, config: KioskConfig) -> None:
        """What a visitor sees and touches: the locked window, one panel column, finger
        scrolling, swipes, the keyboard and the countdown."""
        window = parts.window
        self.text_size_buttons = lock_window(parts, printing=config.print_target != "none")
        fit_status_line(parts)
        self.toolbar_fit = ToolbarFit(parts)
        self.panels = KioskPanels(parts)
        self.keyboard = OnScreenKeyboard(parts.search_box, config.language, window)
        self.keyboard_policy = KeyboardPolicy(self.keyboard, config.on_screen_keyboard)
        # Typing raises the search results' dock (the window's own reaction, connected
        # first); the keyboard goes back on top of it.
        parts.search_panel.query_changed.connect(self.keyboard.keep_on_top)
        self.keyboard.submitted.connect(self._search_from_keyboard)
        self.scroll_areas = enable_kinetic_scrolling(window)
        self.swipe = SwipeWatcher(parts.content.viewport())
        self.swipe.swiped.connect(self._turn_section)
        self.overlay = CountdownOverlay(window)
        self.overlay.keep_reading.connect(self.cancel_countdown)

    def _build_guards(
        self,
        window: QMainWindow,
        config: KioskConfig,
        app: QApplication,
        hold_ms: int,
        lockout: PinLockout,
    ) -> None:
        self.admin = AdminExit(window, config, lockout)
        self.admin.confirmed.connect(self.leave)
        self.admin.clinic_confirmed.connect(self.clinic_requested)
        self.full_screen = FullScreenKeeper(window)
        self._idle_timer = self._timer(int(config.idle_timeout * 1000), self.start_countdown)
        self._countdown_timer = self._timer(int(config.countdown * 1000), self.reset_visit)
        self._tick_timer = self._timer(TICK_MS, self._tick, single=False)
        self._countdown_clock = QElapsedTimer()
        no_native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        self._had_no_native_dialogs = app.testAttribute(no_native)
        app.setAttribute(no_native, True)  # so a file dialog is one we can catch
        self._window_guard = WindowGuard(self, self)
        self._input_guard = InputGuard(window, hold_ms, self)
        self._input_guard.activity.connect(self.note_activity)
        self._input_guard.admin_gesture.connect(self.request_admin)
        self._input_guard.physical_key.connect(self.keyboard_policy.note_physical_key)
        self._input_guard.dialog_shown.connect(self._style_dialog)
        window.installEventFilter(self._window_guard)
        app.installEventFilter(self._input_guard)

    def _timer(self, ms: int, slot: Callable[[], None], *, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(max(1, ms))
        timer.timeout.connect(slot)
        return timer

    # -- the window ---------------------------------------------------------------------

    def _apply_text_size(self) -> None:
        self.parts.comfort.apply_zoom(self.config.text_size, announce=False, keep_place=False)

    def apply_style(self, zoom: int | None = None) -> None:
        """kiosk.qss (large text and panels; its sizes follow A+ and A−) and then
        kiosk-controls.qss (a row of touch controls that keeps its size) on the window,
        over the theme's sheet; dialogs get it when they are shown."""
        zoom = self.parts.preferences.zoom if zoom is None else zoom
        # Sized for the kiosk's own text size: scaled by how far A+/A− moved from it.
        growing = scale_points(self._themed("kiosk.qss"), round(100 * zoom / self.config.text_size))
        self.kiosk_qss = growing + self._themed("kiosk-controls.qss")
        if self.window.styleSheet() != self.kiosk_qss:
            self.window.setStyleSheet(self.kiosk_qss)
        self.toolbar_fit.fit()

    def _themed(self, name: str) -> str:
        template = (resources_dir() / "styles" / name).read_text(encoding="utf-8")
        return Template(template).safe_substitute(
            asdict(self.parts.comfort.theme or resolve_theme("system"))
        )

    def _style_dialog(self, dialog: QDialog) -> None:
        if not dialog.styleSheet():
            dialog.setStyleSheet(self.kiosk_qss)

    @property
    def filling_screen(self) -> bool:
        return self.full_screen.filling_screen

    def enforce_full_screen(self) -> None:
        if not self.unlocked:
            self.full_screen.enforce()

    def window_shown(self) -> None:
        """Panel sizes only hold once the window is laid out: the first time it is shown,
        set them up as every visit will find them (the toolbar too: its widgets' sizes
        are only final once polished on screen)."""
        self.toolbar_fit.fit()
        if self._laid_out:
            self.panels.fit_tabs()
        else:
            self._laid_out = True
            self.panels.reset()

    def _turn_section(self, step: int) -> None:
        """A swipe: nothing left selected, the next (or previous) section from its top.
        The turn waits for the finger's drag to finish with the page (its scroller sets
        the old position back as the finger lifts, which scrolled the new section off)."""
        content = self.parts.content
        cursor = content.textCursor()
        cursor.clearSelection()
        content.setTextCursor(cursor)
        stop_flick(content.viewport())

        def turn() -> None:
            stop_flick(content.viewport())
            self.parts.navigator.step_section(step)
            show_section_top(self.parts)

        QTimer.singleShot(0, self, turn)

    def cover_overlay_if_shown(self) -> None:
        """The window was resized: the overlays follow."""
        if self.keyboard.isVisible():
            self.keyboard.place()
        if self.overlay.isVisible():
            self.overlay.cover()

    def _search_from_keyboard(self) -> None:
        """The keyboard's Search key: search now and make room to tap a result."""
        self.parts.search_panel.search_now()
        self.keyboard.hide()
        self.parts.search_dock.show()
        self.parts.search_dock.raise_()

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
        self.overlay.text.clear()

    def reset_visit(self) -> None:
        """Forget the visitor: everything they could reach as at the kiosk's start (see
        reset.py), the visit's temporary files removed. The next input starts a visit."""
        self._stop_countdown()
        self._idle_timer.stop()
        self._input_guard.hold_timer.stop()
        # The text size goes back before the start page is shown: a size change keeps the
        # paragraph at the top in place, which must be the start page's, not the visitor's.
        extra = [self.panels.reset, self.keyboard_policy.reset, self._apply_text_size]
        reset_window(self.parts, self.start_section_id, extra)
        self.visit_files.clear()
        self.apply_style()
        self.full_screen.refit()
        # Back to the screen's width, the window shares its width out again: the panel
        # column gets its starting width once more (else it kept 12 px less).
        self.panels.reset()
        self.full_screen.enforce(retry=True)
        self.visit_reset.emit()

    # -- the administrator ---------------------------------------------------------------

    @property
    def pin_dialog(self) -> AdminPinDialog | None:
        return self.admin.pin_dialog

    def request_admin(self) -> None:
        """The deliberate gesture was made: ask for the PIN (or explain there is none)."""
        self._input_guard.hold_timer.stop()
        self.admin_requested.emit()
        self.admin.request()

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
        self.full_screen.release()
        self.admin.stop()
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.app.removeEventFilter(self._input_guard)
        self.window.removeEventFilter(self._window_guard)
        no_native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        self.app.setAttribute(no_native, self._had_no_native_dialogs)
