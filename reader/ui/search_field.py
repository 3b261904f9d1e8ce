"""The toolbar's search field: a line edit whose magnifier grows with its text, and the
one place its keys mean something (Enter, Up/Down, Escape), said as signals.

Qt draws a line edit's action icons at the style's small-icon size (16 px) whatever the
font, so in the kiosk's 17 pt field the magnifier was a speck. The field's own style
answers that one question with the text height instead; everything else is Fusion's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QProxyStyle, QStyle, QStyleOption, QWidget


class _TextSizedIcons(QProxyStyle):
    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_SmallIconSize and widget is not None:
            return max(16, widget.fontMetrics().height())
        return super().pixelMetric(metric, option, widget)


class SearchField(QLineEdit):
    """The search box, with a leading magnifier sized to its text.

    It handles its own keys, so no other part filters its events: Enter asks for the
    chosen result (`submitted`), Up and Down move the choice (`stepped(-1 or 1)`),
    Escape clears the text, and Escape in an empty box asks to go back to the page
    (`left`). What is typed is read from `textChanged` by the results panel alone.
    """

    submitted = Signal()
    stepped = Signal(int)
    left = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self._style = _TextSizedIcons("Fusion")  # kept: the widget does not own it
        self._style.setParent(self)
        self.setStyle(self._style)
        # A widget with a style of its own gets the application's style sheet only if it
        # has a style sheet too (Qt then wraps its style in the sheet's); this one is empty.
        self.setStyleSheet("/* the application's rules apply */")
        self.setClearButtonEnabled(True)
        self.addAction(icon, QLineEdit.ActionPosition.LeadingPosition)
        self._fit_text_margin()

    def icon_size(self) -> int:
        return self._style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)

    def _fit_text_margin(self) -> None:
        """Qt keeps room for the magnifier; leave a little air after it, in proportion."""
        self.setTextMargins(self.icon_size() // 4, 0, 0, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.stepped.emit(1 if key == Qt.Key.Key_Down else -1)
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif key == Qt.Key.Key_Escape:
            self.left.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_text_margin()
