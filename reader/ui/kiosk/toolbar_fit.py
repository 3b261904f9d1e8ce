"""The kiosk toolbar fits its screen in every language and at every text size: no button
ever goes into Qt's overflow menu (a tiny arrow a visitor never finds; Print was lost
there after one tap on A+ and stayed lost for every later visitor).

How: the search box takes what is left once every button has its whole label. When
even that leaves too little, the toolbar turns compact (narrower buttons, the labels
in a slightly smaller type; kiosk-controls.qss) before the search box gets less than a
finger's worth of room. The fit is worked out again after a size change, a language
change and at every visit reset, from the widgets' own size hints, so a new button or
a longer translation is covered without a new number here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLayout, QSizePolicy, QStyle, QToolBar, QWidget

from reader.ui.window.parts import WindowParts

#: The search box is never narrower than this (about ten letters and its icon).
SEARCH_FLOOR_PX = 170
#: ... nor wider: a long box is no help, and the rest is spare room.
SEARCH_CEILING_PX = 520
#: Property read by kiosk-controls.qss: "" (roomy), "compact" (narrower buttons and
#: spacing), "tight" (also a smaller label type: Spanish on a 1024 px screen).
COMPACT = "compact"
LEVELS = ("", "compact", "tight")


def _needed_width(bar: QToolBar) -> int:
    """The toolbar's width with every item at its size hint, from the style's own
    numbers (the layout's copies of them lag behind a style sheet change until its
    event arrives): items, spacing, margins, and the room Qt keeps for its overflow
    arrow."""
    style = bar.style()

    def metric(which: QStyle.PixelMetric) -> int:
        return style.pixelMetric(which, None, bar)

    widgets = [bar.widgetForAction(a) for a in bar.actions() if a.isVisible()]
    shown = [w for w in widgets if w is not None]
    items = sum(_laid_out_width(w) for w in shown)
    spacing = metric(QStyle.PixelMetric.PM_ToolBarItemSpacing) * max(0, len(shown) - 1)
    margins = 2 * (
        metric(QStyle.PixelMetric.PM_ToolBarItemMargin)
        + metric(QStyle.PixelMetric.PM_ToolBarFrameWidth)
    )
    return items + spacing + margins + metric(QStyle.PixelMetric.PM_ToolBarExtensionExtent)


def _laid_out_width(widget: QWidget) -> int:
    """The width a layout gives a widget: its size hint within its minimum and maximum."""
    hint = max(widget.sizeHint().width(), widget.minimumSizeHint().width())
    return max(widget.minimumWidth(), min(widget.maximumWidth(), hint))


def _repolish(bar: QToolBar) -> None:
    """The style sheet's rules for the new `compact` value, and the toolbar's layout
    told of its new spacing and margins (it reads them only on a style change event)."""
    style = bar.style()
    for widget in (bar, *bar.findChildren(QWidget)):
        style.unpolish(widget)
        style.polish(widget)
        widget.updateGeometry()
    QCoreApplication.sendEvent(bar, QEvent(QEvent.Type.StyleChange))


class ToolbarFit:
    """Keeps every toolbar button on the kiosk toolbar (see the module's docstring)."""

    def __init__(self, parts: WindowParts) -> None:
        self.bar = parts.toolbar
        self.search_box = parts.search_box
        self.window = parts.window
        self.search_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @property
    def room(self) -> int:
        """The width the toolbar gets: the screen's (the kiosk is full screen)."""
        return self.window.screen().geometry().width()

    @property
    def compact(self) -> str:
        """The level in use: "", "compact" or "tight"."""
        return str(self.bar.property(COMPACT) or "")

    def fit(self) -> None:
        """Decide the search box's width, and compactness if it must."""
        for level in LEVELS:
            self._set_compact(level)
            QCoreApplication.sendEvent(self.bar, QEvent(QEvent.Type.StyleChange))
            width = self._search_width()
            if width >= SEARCH_FLOOR_PX:
                break
        self._set_search_width(max(SEARCH_FLOOR_PX, width))
        layout = self.bar.layout()
        if isinstance(layout, QLayout):
            layout.activate()

    def _search_width(self) -> int:
        """What is left for the search box once every button has its whole label."""
        self._set_search_width(SEARCH_CEILING_PX)
        excess = _needed_width(self.bar) - self.room
        return SEARCH_CEILING_PX - max(0, excess)

    def _set_search_width(self, width: int) -> None:
        self.search_box.setMinimumWidth(width)
        self.search_box.setMaximumWidth(width)

    def _set_compact(self, compact: str) -> None:
        if self.compact != compact:
            self.bar.setProperty(COMPACT, compact)
            _repolish(self.bar)

    def overflowing(self) -> list[str]:
        """Object names of the actions not shown on the toolbar itself (for tests)."""
        hidden: list[str] = []
        for action in self.bar.actions():
            widget = self.bar.widgetForAction(action)
            if action.isVisible() and widget is not None and not widget.isVisible():
                hidden.append(action.objectName() or widget.objectName())
        return hidden
