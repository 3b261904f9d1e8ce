"""Touch first: every list and the reading view scroll by finger (kinetic scrolling), and
a sideways swipe on the page turns to the previous or next section."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScroller, QWidget

#: A swipe: at least this far sideways, and mostly sideways.
SWIPE_MIN_PX = 120


def scroll_areas(root: QWidget) -> list[QAbstractScrollArea]:
    """Every scrollable view under `root` that a visitor can reach."""
    return [area for area in root.findChildren(QAbstractScrollArea) if area.objectName()]


def enable_kinetic_scrolling(root: QWidget) -> list[QAbstractScrollArea]:
    """A finger (or a mouse button held down) drags the view and flicks it on. Item
    views scroll by pixels, not rows, so the flick is smooth."""
    areas = scroll_areas(root)
    for area in areas:
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        if isinstance(area, QAbstractItemView):
            area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return areas


def stop_scrolling(areas: list[QAbstractScrollArea]) -> None:
    """A flick still gliding when the visit ends must not move the next visitor's page."""
    for area in areas:
        if QScroller.hasScroller(area.viewport()):
            QScroller.scroller(area.viewport()).stop()


class SwipeWatcher(QObject):
    """Watches a view for a sideways swipe: `swiped(-1)` to the right (back, like turning
    a page back), `swiped(+1)` to the left. It only watches; the view still gets every
    event, so taps on links and words work as before."""

    swiped = Signal(int)

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._start: QPointF | None = None
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            if event.type() == QEvent.Type.MouseButtonPress:
                self._start = event.globalPosition()
            elif event.type() == QEvent.Type.MouseButtonRelease and self._start is not None:
                self._finish(event.globalPosition() - self._start)
        return False

    def _finish(self, moved: QPointF) -> None:
        self._start = None
        sideways, upright = abs(moved.x()), abs(moved.y())
        if sideways >= max(SWIPE_MIN_PX, self._view.width() // 6) and upright * 2 < sideways:
            self.swiped.emit(-1 if moved.x() > 0 else 1)
