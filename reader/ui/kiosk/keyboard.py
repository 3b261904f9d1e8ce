"""The kiosk's own on-screen keyboard, so a touch screen with no keyboard can search:
large keys, an English and a Spanish layout (ñ, accents), and nothing from the system.

It lies over the bottom of the window while the search box has the focus. The keys
never take the focus, so the search box keeps it (and its cursor) while a
visitor taps; the keyboard types into the box with ordinary line edit edits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from reader.ui.accessibility.announce import announce

KEY_SIZE = QSize(52, 60)

# Rows of letter keys per layout; the last row (shift, space, ...) is the same for all.
LAYOUTS: dict[str, tuple[str, ...]] = {
    "en": ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-.?"),
    "es": ("1234567890", "qwertyuiop", "asdfghjklñ", "zxcvbnm-¿?", "áéíóúü"),
}
# The special keys' names (their object names are oskKey_<name>).
BACKSPACE, SHIFT, SPACE = "backspace", "shift", "space"
SEARCH, HIDE, SWITCH = "search", "hide", "switch"


class OnScreenKeyboard(QWidget):
    """Types into `target`. `submitted` is the Search key; `hidden_by_visitor` the hide
    key. `reset()` forgets the visit: the starting layout, no shift, hidden."""

    submitted = Signal()
    hidden_by_visitor = Signal()

    def __init__(self, target: QLineEdit, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.target = target
        self.start_layout = language if language in LAYOUTS else "en"
        self.layout_name = self.start_layout
        self.shifted = False
        self.keys: dict[str, QPushButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 8, 8, 8)
        self._grid.setSpacing(6)
        self._build()
        self.hide()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        """(Re)build the keys of the current layout; called when the layout switches."""
        for key in self.keys.values():
            self._grid.removeWidget(key)
            key.deleteLater()
        self.keys = {}
        rows = LAYOUTS[self.layout_name]
        columns = max(len(row) for row in rows) + 1
        for row_number, row in enumerate(rows):
            for column, letter in enumerate(row):
                self._add(letter, letter, row_number, column)
        self._add(BACKSPACE, "⌫", 0, columns - 1)
        bottom = len(rows)
        self._add(SHIFT, "⇧", bottom, 0)
        self._add(SWITCH, "ES" if self.layout_name == "en" else "EN", bottom, 1)
        self._add(SPACE, "", bottom, 2, span=columns - 4)
        self._add(SEARCH, "", bottom, columns - 2)
        self._add(HIDE, "⌨▾", bottom, columns - 1)
        self._label_letters()
        self.retranslate()

    def _add(self, name: str, label: str, row: int, column: int, *, span: int = 1) -> None:
        key = QPushButton(label, self)
        key.setObjectName(f"oskKey_{name}")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box keeps the focus
        key.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        key.setAutoDefault(False)
        key.setMinimumSize(KEY_SIZE)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.clicked.connect(lambda _=False, pressed=name: self.press(pressed))
        self._grid.addWidget(key, row, column, 1, span)
        self.keys[name] = key

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("On-screen keyboard"))
        spoken = {
            BACKSPACE: self.tr("Delete"),
            SHIFT: self.tr("Capital letter"),
            SPACE: self.tr("Space"),
            SEARCH: self.tr("Search"),
            HIDE: self.tr("Hide the keyboard"),
            SWITCH: self.tr("Spanish keyboard")
            if self.layout_name == "en"
            else self.tr("English keyboard"),
        }
        self.keys[SEARCH].setText(self.tr("Search"))
        self.keys[SPACE].setText(self.tr("space"))
        for name, key in self.keys.items():
            key.setAccessibleName(spoken.get(name, key.text()))

    def _label_letters(self) -> None:
        for name, key in self.keys.items():
            if len(name) == 1:
                key.setText(name.upper() if self.shifted else name)

    # -- typing -----------------------------------------------------------------------

    def press(self, name: str) -> None:
        """What one tap on the key called `name` does."""
        if name in self.keys:  # a tap moves no focus: say the key, as a screen reader would
            announce(self, self.keys[name].accessibleName())
        if name == BACKSPACE:
            self.target.backspace()
        elif name == SHIFT:
            self._set_shift(not self.shifted)
        elif name == SWITCH:
            self.switch_layout("es" if self.layout_name == "en" else "en")
        elif name == SPACE:
            self.target.insert(" ")
        elif name == SEARCH:
            self.submitted.emit()
        elif name == HIDE:
            self.hide()
            self.hidden_by_visitor.emit()
        else:
            self.target.insert(name.upper() if self.shifted else name)
            self._set_shift(False)

    def type_text(self, text: str) -> None:
        """Tap the keys for `text`, one by one (what a visitor's taps do; for tests)."""
        for letter in text:
            name = SPACE if letter == " " else letter.lower()
            if letter.isupper():
                self.keys[SHIFT].click()
            self.keys[name].click()

    def _set_shift(self, on: bool) -> None:
        if on != self.shifted:
            self.shifted = on
            self.keys[SHIFT].setProperty("active", on)
            self.keys[SHIFT].setStyle(self.keys[SHIFT].style())  # re-read the style sheet
            self._label_letters()

    def switch_layout(self, name: str) -> None:
        if name in LAYOUTS and name != self.layout_name:
            self.layout_name = name
            self.shifted = False
            self._build()

    def place(self) -> None:
        """Along the bottom of the window, over everything: as an overlay it never makes
        the window wider than a small screen, and the search box at the top stays seen."""
        parent = self.parentWidget()
        if parent is None:
            return
        height = self.sizeHint().height()
        self.setGeometry(0, parent.height() - height, parent.width(), height)
        self.raise_()

    def keep_on_top(self) -> None:
        if self.isVisible():
            self.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        self.place()
        super().showEvent(event)

    def set_start_layout(self, language: str) -> None:
        """The layout of the language on screen (a visitor switched the kiosk to it)."""
        if language in LAYOUTS:
            self.start_layout = language
            self.switch_layout(language)

    def reset(self) -> None:
        """As at the kiosk's start: the configured language's layout, lower case, hidden."""
        self.hide()
        self.switch_layout(self.start_layout)
        self._set_shift(False)


class KeyboardPolicy(QObject):
    """When the keyboard shows: on a tap in the search box, if the kiosk settings say
    "always", or "auto" and no physical key has been pressed since the visit began.
    It goes away when the box loses the focus (a result was opened) or on its hide key."""

    def __init__(self, keyboard: OnScreenKeyboard, mode: str) -> None:
        super().__init__(keyboard)
        self.keyboard = keyboard
        self.mode = mode
        self.physical_keys_seen = False
        keyboard.target.installEventFilter(self)

    @property
    def wanted(self) -> bool:
        return self.mode == "always" or (self.mode == "auto" and not self.physical_keys_seen)

    def note_physical_key(self) -> None:
        """A real key was pressed: in "auto" mode the kiosk has a keyboard after all."""
        self.physical_keys_seen = True
        if self.mode == "auto":
            self.keyboard.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonRelease) and self.wanted:
            self.keyboard.show()
        elif kind == QEvent.Type.FocusOut:
            self.keyboard.hide()
        return False

    def reset(self) -> None:
        """The next visitor may have no keyboard: "auto" starts afresh."""
        self.physical_keys_seen = False
        self.keyboard.reset()
