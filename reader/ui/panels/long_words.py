"""A list row's word that is wider than the list breaks with a hyphen instead of being
cut off: at 300% on a 1024x768 screen the glossary column is about 260 px and
"Acondicionamiento" (Spanish for conditioning) showed as "Acondicion…", and a
contents entry's "suficientemente" was cut at the column's edge.

Qt's own item drawing wraps only between words, so a word too wide for the row is
elided. Soft hyphens (U+00AD, invisible unless a line breaks there, then drawn as "-")
are put into such words only, at the width and text size the list has now, and taken
out again when the word fits. The contents tree does the same as it works out its row
heights (row_heights.py); `LongWords` keeps a plain list so. Screen readers get the
row's words as written (`AccessibleTextRole`); nothing else reads the shown text but
its first letter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QListWidget

SOFT_HYPHEN = "\u00ad"
#: Room a row's text does not get: the style sheet's item padding and border, Qt's
#: text margins, and rounding (px).
ROW_CHROME_PX = 24
_WRITTEN = Qt.ItemDataRole.AccessibleTextRole  # the row's words as written


def breakable(text: str, metrics: QFontMetrics | QFontMetricsF, room: float) -> str:
    """`text` with soft hyphens inside each word wider than `room` px, so that every
    piece and its hyphen fit; words that fit are left whole."""
    words = text.split(" ")
    if max(map(len, words)) * metrics.maxWidth() <= room:
        return text  # no word can be too wide: most rows, measured no further
    shown = []
    for word in words:  # a loop, not a generator: str.join would resume it from C
        shown.append(
            word if metrics.horizontalAdvance(word) <= room else _pieces(word, metrics, room)
        )
    return " ".join(shown)


def _pieces(word: str, metrics: QFontMetrics | QFontMetricsF, room: float) -> str:
    hyphen = metrics.horizontalAdvance("-")
    pieces: list[str] = []
    current = ""
    for letter in word:
        if current and metrics.horizontalAdvance(current + letter) + hyphen > room:
            pieces.append(current)
            current = letter
        else:
            current += letter
    pieces.append(current)
    return SOFT_HYPHEN.join(pieces)


class LongWords(QObject):
    """Keeps the rows of `view` breakable at its width and font (see the module)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view
        self._key = (0, 0.0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._timer.start()
        return False

    def update(self) -> None:
        """Break the rows' too-wide words for the width and font the list has now."""
        view = self._view
        room = float(view.viewport().width() - ROW_CHROME_PX)
        key = (view.viewport().width(), view.font().pointSizeF())
        if key == self._key or room <= 0:
            return
        self._key = key
        metrics = QFontMetricsF(view.font())
        for row in range(view.count()):
            item = view.item(row)
            written = item.data(_WRITTEN)
            if not isinstance(written, str):
                written = item.text()
                item.setData(_WRITTEN, written)
            shown = breakable(written, metrics, room)
            if shown != item.text():
                item.setText(shown)
