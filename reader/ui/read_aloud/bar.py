"""The read-aloud bar under the page: pause, stop, previous and next sentence, speed,
"keep going" into the next section, and a line saying what is happening. It only shows
the shared actions and reports the speed chosen; the controller does the work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.actions import Actions
from reader.ui.plain_text import plain_label

SPEEDS = (0.75, 1.0, 1.25, 1.5)
BAR_ACTIONS = ("pause_reading", "stop_reading", "previous_sentence", "next_sentence")


class ReadAloudBar(QFrame):
    """Shown while reading aloud; large on a kiosk."""

    speed_chosen = Signal(float)

    def __init__(self, actions: Actions, *, large: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(2)
        row = QHBoxLayout()
        column.addLayout(row)
        self.buttons: dict[str, QToolButton] = {}
        for action_id in (*BAR_ACTIONS, "continue_reading"):
            self.buttons[action_id] = self._button(action_id, actions[action_id])
            row.addWidget(self.buttons[action_id])
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("readAloudSpeedLabel")
        self.speed = QComboBox(self)
        self.speed.setObjectName("readAloudSpeed")
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.activated.connect(lambda index: self.speed_chosen.emit(SPEEDS[index]))
        self.speed_label.setBuddy(self.speed)
        row.addWidget(self.speed_label)
        row.addWidget(self.speed)
        row.addStretch(1)
        self.status = plain_label(QLabel(self))  # section titles, as written
        self.status.setObjectName("readAloudStatus")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        if large:
            self._make_large()
        self.retranslate()

    def _button(self, action_id: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"readAloud_{action_id}")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def _make_large(self) -> None:
        """Kiosk: big type and touch-sized buttons, like the rest of the kiosk shell."""
        font = QFont(self.font())
        font.setPointSizeF(max(16.0, font.pointSizeF() * 1.5))
        self.setFont(font)
        for button in self.buttons.values():
            button.setMinimumHeight(56)
            button.setIconSize(button.iconSize() * 2)
        self.speed.setMinimumHeight(56)

    def set_speed(self, value: float) -> None:
        self.speed.setCurrentIndex(SPEEDS.index(value) if value in SPEEDS else 1)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Read aloud"))
        self.speed_label.setText(self.tr("&Speed:"))
        self.speed_label.setAccessibleName(self.tr("Speed"))
        self.speed.setAccessibleName(self.tr("Reading speed"))
        self.speed.setToolTip(self.tr("How fast the voice reads (1× is normal)"))
        self.status.setAccessibleName(self.tr("Read aloud status"))
        for button in self.buttons.values():
            button.setAccessibleName(button.defaultAction().iconText())

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
