"""Interface language: our own Qt translations plus Qt's (for standard buttons).

The interface follows the system language unless `--lang` says otherwise; the handbook's
text stays in the language its manifest declares.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reader.paths import resources_dir

CATALOG = "handbook_reader"
SUPPORTED = ("en", "es")


def choose_language(requested: str | None) -> str:
    """`requested` if supported, else the system language if supported, else English."""
    for candidate in (requested, QLocale.system().name()):
        code = (candidate or "").replace("-", "_").split("_")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load and install the translators for `language`; keep the returned list alive."""
    # Dates and numbers follow the language; the territory stays the system's, because
    # it picks the default paper size (Letter in the U.S.) for printing.
    QLocale.setDefault(QLocale(QLocale(language).language(), QLocale.system().territory()))
    if language == "en":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"{CATALOG}_{language}", str(resources_dir() / "translations")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt)
        installed.append(qt)
    gaps = QT_GAPS.get(language)
    if gaps:  # installed last, so asked first
        supplement = QtGapTranslator(gaps, app)
        app.installTranslator(supplement)
        installed.append(supplement)
    return installed


#: Words of Qt's own dialogs that Qt's catalogue leaves in English (qtbase_es.qm of Qt
#: 6.11 lacks the save dialog's "Look in:" and "Files of type:"), by language, by
#: (context, source text). Plain strings: a table, never code.
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "es": {
        ("QFileDialog", "&Look in:"): "&Buscar en:",
        ("QFileDialog", "Look in:"): "Buscar en:",
        ("QFileDialog", "Files of &type:"): "&Tipo de archivo:",
        ("QFileDialog", "Files of type:"): "Tipo de archivo:",
    },
}


class QtGapTranslator(QTranslator):
    """Fills the gaps of Qt's own catalogue from a small table (QT_GAPS); every other
    text falls through to the next translator."""

    def __init__(self, words: dict[tuple[str, str], str], parent: QApplication) -> None:
        super().__init__(parent)
        self.words = words

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:  # type: ignore[override]
        # None (a null string) passes the text on; "" would blank it.
        return self.words.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self.words
