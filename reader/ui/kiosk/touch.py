"""Touch first: every list and the reading view scroll by finger (kinetic scrolling), and
a sideways swipe on the page turns to the previous or next section."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScroller, QWidget

from reader.ui.window.parts import WindowParts

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
    a page back), `swiped(+1)` to the left. Taps on links and words reach the view as
    before; a swipe does not: once the finger has gone sideways far enough, its moves
    and its lifting are the swipe's (no text selected along the way, no explained word
    opened where the finger left the glass), and any flick the drag started is stopped
    before the new section is shown, so the page shows that section's top.

    A finger on a touch screen arrives as the mouse events Qt makes from it (the view
    does not take touch events itself), so one path serves a finger and a mouse."""

    swiped = Signal(int)

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._start: QPointF | None = None
        self._sideways = False
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._start, self._sideways = event.globalPosition(), False
        elif kind == QEvent.Type.MouseMove and self._start is not None:
            self._sideways = self._sideways or self._is_swipe(event.globalPosition() - self._start)
            return self._sideways  # the view selects no text under a swiping finger
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            moved = event.globalPosition() - self._start
            self._start = None
            if self._sideways or self._is_swipe(moved):
                self._finish(moved)
                return True  # not a click: no link or word opens where the finger left
        return False

    def _is_swipe(self, moved: QPointF) -> bool:
        sideways, upright = abs(moved.x()), abs(moved.y())
        return sideways >= max(SWIPE_MIN_PX, self._view.width() // 6) and upright * 2 < sideways

    def _finish(self, moved: QPointF) -> None:
        self._sideways = False
        stop_flick(self._view)
        self.swiped.emit(-1 if moved.x() > 0 else 1)


def stop_flick(viewport: QWidget) -> None:
    """A drag's flick must not scroll the section the swipe opens."""
    if QScroller.hasScroller(viewport):
        QScroller.scroller(viewport).stop()


def show_section_top(parts: WindowParts) -> None:
    """The current section's heading at the top of the page. (In the kiosk, the
    browser's own scroll to an anchor left a section of the same chapter at the
    chapter's top, so the status line named one section and the page showed another.)"""
    content = parts.content
    section = parts.handbook.section(parts.navigator.current_section_id)
    if section is None or content.anchor_at_top() == section.anchor:
        return
    document = content.document()
    block = document.findBlock(content.anchor_position(section.anchor))
    top = document.documentLayout().blockBoundingRect(block).top()
    content.verticalScrollBar().setValue(round(top))
