"""The toolbar's search field: a line edit whose magnifier grows with its text.

Qt draws a line edit's action icons at the style's small-icon size (16 px) whatever the
font, so in the kiosk's 17 pt field the magnifier was a speck. The field's own style
answers that one question with the text height instead; everything else is Fusion's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QIcon
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
    """The search box, with a leading magnifier sized to its text."""

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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_text_margin()
