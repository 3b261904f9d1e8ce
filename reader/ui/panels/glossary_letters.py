"""The glossary's A-Z keys, in as many rows as their text size needs: two rows of 13
were a few pixels too narrow for "W" at 300%, so the keys re-row themselves whenever
their width or font changes (two rows of 13, three of 9, four of 7), each key wide
enough for the widest letter. Past DESKTOP_MOST_ROWS the rows would take the panel's
height from the word list (and push a 768 px window off the screen), so at large sizes
the keys give way to one list of letters in the same large type. A kiosk keeps
finger-sized keys in a fixed number of rows instead: their letters' type shrinks."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

#: A key's border on each side (the themes' 2 px) and the room beside its letter.
KEY_FRAME_PX = 2
KEY_PADDING_PX = 4
#: The least key width on a desktop (a mouse); the kiosk asks for a finger's.
DESKTOP_KEY_PX = 18
#: More rows than this and a desktop shows the list of letters instead.
DESKTOP_MOST_ROWS = 4
SPACING_PX = 1
#: A kiosk's letters never shrink below this to fit its rows.
LEAST_LETTER_PT = 9.0


class LetterKeys(QWidget):
    """A grid of letter keys (`buttons`, by letter) that re-rows itself to fit, or
    (`picker`) one list of the letters where the rows would be too many."""

    def __init__(
        self,
        letters: str,
        enabled: set[str],
        chosen: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryLetters")
        self.least_key_px = DESKTOP_KEY_PX
        self.most_rows = DESKTOP_MOST_ROWS
        self.shrinks = False  # True: the kiosk's keys stay, their type shrinks
        self._regridding = False
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING_PX)
        # Not held at the old rows' width: the keys re-row for the width they get.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.buttons = {letter: self._key(letter, letter in enabled, chosen) for letter in letters}
        self.picker = self._make_picker([c for c in letters if c in enabled], chosen)
        self.per_row = 0
        self._keys_shown: bool | None = None
        # Events ask for a new grid later: a style sheet or font being applied to every
        # widget must not be changed from inside (Qt crashed when it was).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.regrid)
        self.regrid()

    def _key(self, letter: str, enabled: bool, chosen: Callable[[str], object]) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"glossaryLetter{letter}")
        button.setText(letter)
        button.setAutoRaise(True)
        button.setEnabled(enabled)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False: chosen(letter))
        button.installEventFilter(self)  # its font follows the text size
        return button

    def _make_picker(self, letters: list[str], chosen: Callable[[str], object]) -> QComboBox:
        picker = QComboBox(self)
        picker.setObjectName("glossaryLetterList")
        picker.addItems(letters)
        picker.setPlaceholderText("A–Z")
        picker.setCurrentIndex(-1)
        picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        picker.textActivated.connect(chosen)
        picker.hide()
        return picker

    def set_least_key(self, pixels: int, most_rows: int) -> None:
        """Keys at least this wide (a kiosk's finger-sized 44 px), in at most `most_rows`
        rows: past that, the letters' type shrinks (never the keys) to fit the rows."""
        self.least_key_px, self.most_rows, self.shrinks = pixels, most_rows, True
        self.regrid()

    def shows_keys(self) -> bool:
        """The keys (True) or the list of letters (False)."""
        return self._keys_shown is not False

    def key_width(self) -> int:
        """What the widest letter needs, in the keys' own font, with its frame."""
        first = next(iter(self.buttons.values()), None)
        if first is None:
            return self.least_key_px
        metrics = first.fontMetrics()
        widest = max(metrics.horizontalAdvance(letter) for letter in self.buttons)
        return max(self.least_key_px, widest + 2 * (KEY_FRAME_PX + KEY_PADDING_PX))

    def keys_per_row(self, width: int) -> int:
        """As many keys as fit `width`, spread evenly over the rows they need."""
        count = len(self.buttons)
        fit = max(1, (width + SPACING_PX) // (self.key_width() + SPACING_PX))
        rows = math.ceil(count / min(fit, count)) if count else 1
        return math.ceil(count / rows) if count else 1

    def regrid(self) -> None:
        if self._regridding:
            return
        self._regridding = True
        try:
            self._regrid()
        finally:
            self._regridding = False

    def _regrid(self) -> None:
        if self.shrinks and self.styleSheet():
            self.setStyleSheet("")  # the letters' own size first
        width = self.width() if self.width() > 0 else 13 * self.key_width()
        per_row = self.keys_per_row(width)
        count = len(self.buttons)
        too_many_rows = count > 0 and math.ceil(count / per_row) > self.most_rows
        if too_many_rows and self.shrinks:
            per_row = math.ceil(count / self.most_rows)
            self._fit_letters((width + SPACING_PX) // per_row - SPACING_PX)
        key = self.key_width()
        for button in self.buttons.values():
            button.setMinimumWidth(key)
        if per_row != self.per_row:  # in their new rows before they are shown
            self.per_row = per_row
            for position, button in enumerate(self.buttons.values()):
                self.grid.removeWidget(button)
                self.grid.addWidget(button, position // per_row, position % per_row)
        self._show_keys(not too_many_rows or self.shrinks)

    def _show_keys(self, keys: bool) -> None:
        if keys == self._keys_shown:
            return
        self._keys_shown = keys
        self.grid.removeWidget(self.picker)
        if not keys:
            self.grid.addWidget(self.picker, 0, 0, 1, max(1, self.grid.columnCount()))
        self.picker.setVisible(not keys)
        for button in self.buttons.values():
            button.setVisible(keys)

    def _fit_letters(self, room: int) -> None:
        """The letters' type, a half point at a time, until the widest fits `room`."""
        first = next(iter(self.buttons.values()), None)
        if first is None:
            return
        font = QFont(first.font())
        size = font.pointSizeF()
        padding = 2 * (KEY_FRAME_PX + KEY_PADDING_PX)
        while size > LEAST_LETTER_PT:
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(c) for c in self.buttons) + padding <= room:
                break
            size -= 0.5
            font.setPointSizeF(size)
        self.setStyleSheet(f"QToolButton {{ font-size: {size:.1f}pt; }}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and not self._regridding:
            self._later.start()
        return False

    def minimumSizeHint(self) -> QSize:
        """As narrow as one key: the keys re-row themselves for the width they get."""
        hint = super().minimumSizeHint()
        hint.setWidth(self.key_width())
        return hint
