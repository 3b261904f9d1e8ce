"""The page keeps its place when its width changes: a panel shown or hidden (F8, F9,
F10, the kiosk's tabs) reflows the text, and the pixel offset that was the reader's
paragraph is a section further or back afterwards. The paragraph at the top of the
view is noted as the reader scrolls and put back at the top after each new width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QResizeEvent

from reader.ui.content_view import ContentView


class PlaceKeeper(QObject):
    """Watches the page's width; see the module's docstring."""

    def __init__(self, content: ContentView) -> None:
        super().__init__(content)
        self.setObjectName("placeKeeper")
        self.content = content
        self._place = content.top_paragraph()
        self._restoring = False
        self._replaced = False  # a new page, or a place chosen, while a restore was pending
        content.verticalScrollBar().valueChanged.connect(self._note)
        content.document().contentsChange.connect(self._page_replaced)
        content.placed.connect(self._placed)
        content.installEventFilter(self)  # its resize arrives here before any reflow

    def _page_replaced(self, _position: int, removed: int, added: int) -> None:
        """Another page came in while a restore was pending: its place is not ours."""
        if self._restoring and 0 < removed != added:  # not a piece added at the end
            self._replaced = True

    def _placed(self) -> None:
        """The page was put at a place on purpose while a restore was pending (a section
        opened in the same turn as a resize): that place is the reader's now."""
        if self._restoring:
            self._replaced = True

    def _note(self, _value: int = 0) -> None:
        if not self._restoring:
            self._place = self.content.top_paragraph()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QResizeEvent):
            return False
        old, new = event.oldSize().width(), event.size().width()
        if old > 0 and new != old and not self._restoring:
            # After the page's own resize handling (its margins, its layout): until
            # then the scroll bar's moves are the reflow's, not the reader's.
            self._restoring = True
            QTimer.singleShot(0, self, self._restore)
        return False

    def _restore(self) -> None:
        """The noted paragraph back at the top, in the new width."""
        self._restoring = True
        try:
            if self._replaced:
                self._place = self.content.top_paragraph()  # the new page's own landing
            elif not self.content.document().isEmpty():
                self.content.restore_top_paragraph(self._place)
        finally:
            self._restoring = self._replaced = False
