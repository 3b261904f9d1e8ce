"""Edit > Clinic details…: the clinic nurse's form for clinic.toml, standalone.

Labelled fields for every key, one tab per language, a preview of the card as a family
will see it, and Save, which writes the file atomically (reader/clinic/writing.py: never
through a link, never into a handbook folder) and says where. The form stores nothing
else and knows no window: it is given the details and the file to write, and emits
`saved(Path)` for whoever opened it to reload the handbook with the new details.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.clinic.details import (
    LANGUAGE_TABLES,
    MAX_FIELD_CHARS,
    ClinicDetails,
    ClinicText,
    TeamMember,
)
from reader.clinic.page import card_lines
from reader.clinic.reading import ClinicError
from reader.clinic.writing import save_clinic
from reader.ui.plain_text import plain_label
from reader.ui.wrapping import Scroller, open_with_room

# Fields written on one line; the others (and the team, one person a line) get a box.
ONE_LINE = ("name", "phone_day", "phone_24h", "fever_threshold", "interpreter", "patient_group")
SEVERAL_LINES = ("emergency", "address", "notes")
TEAM_SEPARATOR = ";"


class LanguageFields(QWidget):
    """The fields of one language: a line or a box per key, and the team."""

    changed = Signal()

    def __init__(self, code: str, text: ClinicText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"clinicFields_{code}")
        self.code = code
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        layout = QFormLayout(self)
        # A label too long to sit beside its field goes above it (at 300% the fields
        # were squeezed to 70 px beside their labels).
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, label in self._labels().items():
            edit = self._edit(key, text)
            # Room for a phone number at the text size: narrower, it goes under its label.
            edit.setMinimumWidth(20 * edit.fontMetrics().averageCharWidth())
            edit.setObjectName(f"clinic_{code}_{key}")
            edit.setAccessibleName(label)
            layout.addRow(label, edit)
            self.edits[key] = edit

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Hospital or clinic name"),
            "phone_day": self.tr("Daytime number"),
            "phone_24h": self.tr("24-hour number"),
            "emergency": self.tr("In an emergency (what to do, where to go)"),
            "fever_threshold": self.tr("Fever threshold (°C and/or °F)"),
            "address": self.tr("Address"),
            "interpreter": self.tr("Interpreter line"),
            "patient_group": self.tr("Local patient group"),
            "team": self.tr("Team (one person a line: name; role)"),
            "notes": self.tr("Notes (Markdown: no HTML, pictures or links)"),
        }

    def _edit(self, key: str, text: ClinicText) -> QLineEdit | QPlainTextEdit:
        if key in ONE_LINE:
            line = QLineEdit(text.fields.get(key, ""))
            line.setMaxLength(MAX_FIELD_CHARS)
            line.textChanged.connect(self.changed)
            return line
        box = _Box()
        if key == "team":
            box.setPlainText("\n".join(_team_line(member) for member in text.team))
        else:
            box.setPlainText(text.fields.get(key, ""))
        box.setTabChangesFocus(True)
        box.textChanged.connect(self.changed)
        return box

    def value(self) -> ClinicText:
        """What the fields say now (empty fields left out)."""
        fields: dict[str, str] = {}
        team: tuple[TeamMember, ...] = ()
        for key, edit in self.edits.items():
            value = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            if key == "team":
                team = tuple(_member(row) for row in value.splitlines() if row.strip())
            elif value.strip():
                fields[key] = value.strip()
        return ClinicText(fields, team)


class _Box(QPlainTextEdit):
    """A box of several lines that asks for four lines' room at the text size (Qt's own
    asks for about 190 px at any size), so the form opens with every field in view."""

    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth() + 2 * int(self.document().documentMargin())
        return QSize(super().sizeHint().width(), 4 * self.fontMetrics().lineSpacing() + frame)


def _team_line(member: TeamMember) -> str:
    return f"{member.name}{TEAM_SEPARATOR} {member.role}" if member.role else member.name


def _member(row: str) -> TeamMember:
    name, _, role = row.partition(TEAM_SEPARATOR)
    return TeamMember(name.strip(), role.strip())


class ClinicForm(QDialog):
    """The form. `target_path` is where Save writes (see writing.save_target);
    `handbook_root` is a folder it must never write into."""

    saved = Signal(Path)

    def __init__(
        self,
        details: ClinicDetails | None,
        target_path: Path,
        parent: QWidget | None = None,
        *,
        handbook_root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clinicForm")
        self.setWindowTitle(self.tr("Clinic details"))
        self.setAccessibleName(self.tr("Clinic details"))
        self.target_path = Path(target_path)
        self.handbook_root = handbook_root
        self.details = details or ClinicDetails(None)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("clinicLanguages")
        self.languages: dict[str, LanguageFields] = {}
        names = {"en": self.tr("English"), "es": self.tr("Spanish")}
        for code in LANGUAGE_TABLES:
            fields = LanguageFields(code, self._text(code), self)
            fields.changed.connect(self._show_preview)
            self.languages[code] = fields
            self.tabs.addTab(fields, names[code])
        self.tabs.currentChanged.connect(lambda _index: self._show_preview())
        self.preview = self._label("clinicPreview", self.tr("Card preview"))
        self.status = self._label("clinicStatus", self.tr("Where the details were saved"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.setObjectName("clinicButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.tabs, QLabel(self.tr("Card preview:")), self.preview):
            column.addWidget(widget)
        # The fields scroll, if they must, above where it was saved and the buttons,
        # which always show: at 300% on 1024 x 768 the form was 923 px tall.
        self._scroller = Scroller(body, "clinicFieldsScroller")
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroller, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._show_preview()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # room for every field, within the screen (wrapping.py)
            self._sized = True
            open_with_room(self, self._scroller)
        super().showEvent(event)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = plain_label(QLabel(self))  # the clinic's words are never markup here
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        return label

    def _text(self, code: str) -> ClinicText:
        if code == self.details.language:
            return self.details.main
        return self.details.translations.get(code, ClinicText())

    def current_details(self) -> ClinicDetails:
        """The details as the form shows them now."""
        main = self.details.language
        others = {c: f.value() for c, f in self.languages.items() if c != main}
        return ClinicDetails(self.target_path, main, self.languages[main].value(), others)

    def _show_preview(self) -> None:
        details = self.current_details()
        index = self.tabs.currentIndex()
        language = LANGUAGE_TABLES[index] if index >= 0 else details.language
        self.preview.setText("\n".join(card_lines(details, language)))

    def save(self) -> Path | None:
        """Write the file; say where (or why not) in the form. The path written."""
        try:
            path = save_clinic(self.current_details(), self.target_path, self.handbook_root)
        except ClinicError as error:
            self.status.setText(self.tr("Not saved: {reason}").format(reason=error.reason))
            return None
        self.status.setText(self.tr("Saved to {path}").format(path=path))
        self.saved.emit(path)
        return path
