"""The kiosk's small widgets: the "Still reading?" countdown overlay, the administrator
PIN dialog with its keypad, and the large A− / A+ text size buttons."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.accessibility.announce import announce

TOUCH_BUTTON = QSize(80, 60)


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
        self._announced = False
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
        if not self._announced:  # once per countdown, not every second
            self._announced = announce(self, self.text.text())

    def cover(self) -> None:
        self._announced = False
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class AdminPinDialog(QDialog):
    """The administrator types the PIN here (keyboard or on-screen keypad). It only
    reports what was typed; the shell checks it."""

    pin_submitted = Signal(str)
    clinic_pin_submitted = Signal(str)  # the PIN, to edit the clinic's details instead

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
        self.clinic_button = QPushButton(self)
        self.clinic_button.setObjectName("adminPinClinic")
        self.clinic_button.setAutoDefault(False)
        self.clinic_button.clicked.connect(self._submit_for_clinic)
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
        buttons.addWidget(self.clinic_button)
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
        self.clinic_button.setText(self.tr("Clinic details…"))
        self.clinic_button.setAccessibleName(self.tr("Edit the clinic's details"))
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

    def _submit_for_clinic(self) -> None:
        pin = self.box.text()
        self.box.clear()
        if pin:
            self.clinic_pin_submitted.emit(pin)

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
        for widget in (self.box, self.leave_button, self.clinic_button, *self.keys):
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
        button.clicked.connect(lambda: announce(self, button.accessibleName()))
        action.enabledChanged.connect(button.setEnabled)
        return button

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Text size"))
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.smaller.setToolTip(self.tr("Smaller text"))
        self.larger.setAccessibleName(self.tr("Larger text"))
        self.larger.setToolTip(self.tr("Larger text"))
