"""Find in page (Ctrl+F): every match on the page highlighted, next/previous, a count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.folding import accent_blind_pattern
from reader.ui.content_view import ContentView
from reader.ui.icons import icon

ALL_MATCHES = QColor("#ffe08a")
CURRENT_MATCH = QColor("#f4a259")

#: The box keeps room for this many characters; when the bar is too narrow for that
#: beside its label (Spanish "Buscar en la página:" at 300% on a 1024 px screen left it
#: "Palabr…"), the label moves onto a row of its own above the box.
BOX_CHARACTERS = 16


class FindBar(QWidget):
    """A slim bar under the page. It searches the page's text and never the handbook."""

    closed = Signal()

    def __init__(self, view: ContentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.box = QLineEdit(self)
        self.box.setObjectName("findBox")
        self.box.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.previous_button = self._button("findPrevious", "up")
        self.next_button = self._button("findNext", "down")
        self.close_button = self._button("findClose", "close")
        self.label = QLabel(self)
        self.label.setBuddy(self.box)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 4, 8, 4)
        self._label_above: bool | None = None
        self._arrange(label_above=False)
        self.box.textChanged.connect(self.find_text)
        self.box.returnPressed.connect(self.next)
        self.box.installEventFilter(self)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.close_bar)
        self.retranslate()
        self.hide()

    def _button(self, name: str, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(icon(icon_name))
        button.setAutoRaise(True)
        return button

    def _arrange(self, *, label_above: bool) -> None:
        """The label beside the box (one row), or above it (two rows)."""
        if label_above == self._label_above:
            return
        self._label_above = label_above
        grid = self._grid
        row = [self.box, self.count, self.previous_button, self.next_button, self.close_button]
        for widget in [self.label, *row]:
            grid.removeWidget(widget)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        if label_above:
            grid.addWidget(self.label, 0, 0, 1, len(row))
        else:
            row.insert(0, self.label)
        for column, widget in enumerate(row):
            grid.addWidget(widget, 1 if label_above else 0, column)
        grid.setColumnStretch(row.index(self.box), 1)

    @property
    def label_above(self) -> bool:
        """The label has a row of its own above the box."""
        return bool(self._label_above)

    def _count_room(self) -> int:
        """Room for the widest count, so that a count never squeezes the box as it changes."""
        metrics = self.count.fontMetrics()
        many = self.tr("%1 of %2").replace("%1", "888").replace("%2", "888")
        widest = max(metrics.horizontalAdvance(text) for text in (self.tr("No matches"), many))
        return max(90, widest + 8)

    def _fit(self) -> None:
        self.count.setMinimumWidth(self._count_room())
        grid = self._grid
        margins = grid.contentsMargins()
        beside = [self.label, self.count, self.previous_button, self.next_button,
                  self.close_button]  # fmt: skip
        taken = sum(max(w.sizeHint().width(), w.minimumWidth()) for w in beside)
        spacing = max(grid.horizontalSpacing(), 0) * len(beside)
        room = self.width() - margins.left() - margins.right() - taken - spacing
        metrics = self.box.fontMetrics()
        wanted = metrics.averageCharWidth() * BOX_CHARACTERS + metrics.height()  # + clear button
        self._arrange(label_above=room < wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Find in page:"))
        self.box.setAccessibleName(self.tr("Find in this page"))
        self.box.setPlaceholderText(self.tr("Word to find"))
        self.previous_button.setAccessibleName(self.tr("Previous match"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self.count.setAccessibleName(self.tr("Number of matches"))
        self._show_count()
        self._fit()

    def open_bar(self) -> None:
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self.find_text(self.box.text())

    def close_bar(self) -> None:
        self.matches = []
        self.current = -1
        self.view.setExtraSelections([])
        self.hide()
        self.view.setFocus()
        self.closed.emit()

    def find_text(self, text: str) -> int:
        """Highlight every match of `text` on the page; returns how many there are."""
        self.matches = []
        document = self.view.document()
        if text.strip():
            # accents and case never matter: "medula" finds "médula"
            pattern = QRegularExpression(
                accent_blind_pattern(text), QRegularExpression.PatternOption.CaseInsensitiveOption
            )
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(pattern, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                self.matches.append(QTextCursor(cursor))
        self.current = 0 if self.matches else -1
        self._paint()
        return len(self.matches)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches)
        self._paint()

    def _paint(self) -> None:
        selections = []
        for index, cursor in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[misc]
            color = CURRENT_MATCH if index == self.current else ALL_MATCHES
            selection.format.setBackground(color)  # type: ignore[attr-defined]
            selection.format.setForeground(QColor("#1f2933"))  # type: ignore[attr-defined]
            selections.append(selection)
        self.view.setExtraSelections(selections)
        if self.current >= 0:
            focus = QTextCursor(self.matches[self.current])
            focus.clearSelection()
            self.view.setTextCursor(focus)
            self.view.ensureCursorVisible()
        self._show_count()

    def _show_count(self) -> None:
        if not self.box.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            text = self.tr("%1 of %2").replace("%1", str(self.current + 1))
            self.count.setText(text.replace("%2", str(len(self.matches))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                self.previous()
                return True
        return super().eventFilter(watched, event)
