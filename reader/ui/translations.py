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
    return installed
