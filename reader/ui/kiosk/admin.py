"""The administrator's way out of the kiosk: the gesture opens the PIN dialog, the PIN
is checked against kiosk.toml's hash, and wrong tries lock the dialog for a while."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.kiosk.pin import PinLockout, verify_pin
from reader.kiosk.settings import KioskConfig
from reader.ui.kiosk.widgets import AdminPinDialog
from reader.ui.worker_safety import delete_on_close

#: For the administrator, in the log: how to set the PIN that closes the kiosk.
NO_PIN_LOG = (
    "kiosk: the exit gesture was made, but no administrator PIN is set; "
    "set one with: handbook-reader kiosk-pin\n"
)


class AdminExit(QObject):
    """Asks for the PIN and emits `confirmed` (close the kiosk) or `clinic_confirmed`
    (edit the clinic's details) when it is right."""

    confirmed = Signal()
    clinic_confirmed = Signal()

    def __init__(self, window: QWidget, config: KioskConfig, lockout: PinLockout) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.lockout = lockout
        # Made now, not on first use, so the window a visitor leaves is the one they
        # found; without a PIN there is nothing to type, so no dialog.
        self.pin_dialog: AdminPinDialog | None = None
        if config.has_pin:
            self.pin_dialog = AdminPinDialog(window)
            self.pin_dialog.pin_submitted.connect(self.check_pin)
            self.pin_dialog.clinic_pin_submitted.connect(
                lambda pin: self.check_pin(pin, self.clinic_confirmed)
            )
        self._lockout_timer = QTimer(self)
        self._lockout_timer.setInterval(1000)
        self._lockout_timer.timeout.connect(self._refresh_lockout)

    def request(self) -> None:
        """The deliberate gesture was made: ask for the PIN (or explain there is none)."""
        if not self.config.has_pin:
            self._explain_no_pin()
            return
        dialog = self.pin_dialog
        if dialog is not None and not dialog.isVisible():
            dialog.unlock()
            dialog.open()
        self._refresh_lockout()

    def stop(self) -> None:
        self._lockout_timer.stop()

    def _explain_no_pin(self) -> None:
        """The visitor is told to ask for help; how to set a PIN is for the
        administrator, in the log (stderr), never on a visitor's screen."""
        sys.stderr.write(NO_PIN_LOG)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Kiosk mode"),
            self.tr("This kiosk can't be closed from the screen. "
                    "If you need help, please ask a member of staff."),
            QMessageBox.StandardButton.Ok,
            self.window,
        )  # fmt: skip
        box.setObjectName("kioskNoPinMessage")
        box.setAccessibleName(self.tr("Kiosk mode"))
        delete_on_close(box)
        box.open()

    def check_pin(self, pin: str, then: SignalInstance | None = None) -> None:
        """Right: the dialog closes and `then` (by default `confirmed`) is emitted."""
        dialog = self.pin_dialog
        assert dialog is not None  # PINs come from the dialog, made when a PIN is set
        if self.lockout.locked:
            self._refresh_lockout()
            return
        right = verify_pin(pin, self.config.admin_pin_hash)
        self.lockout.record(right)
        if right:
            dialog.accept()
            (then or self.confirmed).emit()
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
