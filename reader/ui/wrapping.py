"""Dialog parts that give way at a large text size instead of pushing the dialog off a
small screen: at 300% on a 1024 x 768 screen the print dialog was 1,173 px wide and 820
px tall, with "Save as PDF" below the screen's edge.

- `WrappingChoice`: Qt draws a radio button's words on one line; here they wrap, and a
  click on them chooses it ("Un paquete para llevar a casa, con las secciones que yo
  elija" was 1,260 px at 300%).
- `ButtonRows`: a row of buttons that goes onto two rows when the dialog is narrower
  than the buttons side by side.
- `Scroller` and `open_with_room`: a dialog's fields scroll, if they must, above the
  buttons, and the dialog opens with room for all of them, but no larger than the
  screen it is on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class _Words(QLabel):
    """A choice's words: a click on them is a click on the choice."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self._button = button
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setBuddy(button)  # screen readers: these words name the button
        policy = self.sizePolicy()  # keeps word wrap's height-for-width
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # wrap; never widen a dialog
        self.setSizePolicy(policy)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._button.isEnabled():
            self._button.click()
            self._button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class WrappingChoice(QWidget):
    """`button` (drawn without words) beside its words, which wrap at the row's width.
    The button keeps the words as its accessible name; the words look disabled when it
    is."""

    def __init__(self, button: QAbstractButton, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = button
        button.setText("")
        button.setAccessibleName(text)
        self.words = _Words(text, button)
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() == QEvent.Type.EnabledChange:
            self.words.setEnabled(self.button.isEnabled())
        return False

    def sizeHint(self) -> QSize:
        """The words on one line, where there is room for it."""
        gap = max(self._row.spacing(), 0)
        words = self.words.fontMetrics().horizontalAdvance(self.words.text())
        height = max(self.button.sizeHint().height(), self.words.fontMetrics().height())
        return QSize(self.button.sizeHint().width() + gap + words + 2, height)

    def minimumSizeHint(self) -> QSize:
        """Room for the button and a few letters a line: the words wrap to fit."""
        least = self.button.sizeHint().width() + 8 * self.words.fontMetrics().averageCharWidth()
        return QSize(least, self.button.sizeHint().height())


class ButtonRows(QWidget):
    """`left` buttons, room, then `right` buttons on one row; when the row is narrower
    than they are together, `right` goes onto a second row, at the right under `left`."""

    def __init__(
        self, left: list[QPushButton], right: list[QPushButton], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._left, self._right = left, right
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self._top, self._bottom = QHBoxLayout(), QHBoxLayout()
        column.addLayout(self._top)
        column.addLayout(self._bottom)
        self._two_rows: bool | None = None
        self._lay_out(two_rows=False)

    def _shown(self, buttons: list[QPushButton]) -> list[QPushButton]:
        return [button for button in buttons if not button.isHidden()]  # a place may hide some

    def _needed(self) -> int:
        """The width of all the buttons side by side, with the gaps between them."""
        buttons = self._shown(self._left + self._right)
        gap = max(self._top.spacing(), 0)
        return sum(b.sizeHint().width() for b in buttons) + gap * len(buttons)

    def _lay_out(self, *, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        for row in (self._top, self._bottom):
            while row.takeAt(0) is not None:
                pass  # the buttons stay this widget's children; only their places go
        for button in self._left:
            self._top.addWidget(button)
        self._top.addStretch(1)
        right_row = self._bottom if two_rows else self._top
        if two_rows:
            self._bottom.addStretch(1)
        for button in self._right:
            right_row.addWidget(button)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out(two_rows=event.size().width() < self._needed())

    def sizeHint(self) -> QSize:
        """As wide as one row of all the buttons; as tall as the rows they are in now."""
        return QSize(self._needed(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """As wide as the wider side (narrower, the other goes onto a second row), as
        tall as the rows they are in now."""
        gap = max(self._top.spacing(), 0)
        sides = [
            sum(b.sizeHint().width() + gap for b in self._shown(side))
            for side in (self._left, self._right)
        ]
        return QSize(max(sides), super().sizeHint().height())


class Scroller(QScrollArea):
    """`inner` in a frameless area that scrolls up and down when the dialog is shorter
    than it; the fields inside take the focus, not the area."""

    def __init__(self, inner: QWidget, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.inner = inner


def open_with_room(dialog: QWidget, scroller: Scroller) -> None:
    """Before `dialog` first shows: room for all that `scroller` holds (it asks for less
    of itself), no larger than the free part of the screen the dialog is on. A size its
    owner chose (a `resize` before `show`) stands."""
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return
    hint = dialog.sizeHint()
    below = hint.height() - scroller.sizeHint().height()
    inner = scroller.inner.sizeHint()
    wanted = hint.expandedTo(QSize(inner.width() + 40, inner.height() + below))
    free = dialog.screen().availableGeometry()
    dialog.resize(min(wanted.width(), free.width()), min(wanted.height(), free.height()))
