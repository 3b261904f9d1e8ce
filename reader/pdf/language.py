"""The printout's own words in the handbook's language, whatever the interface's.

A PDF's headers, contents and page numbers are read beside the handbook's text, so they
follow the handbook: `export-pdf --lang es` runs without a window (no interface
translator installed) and must still print "Página 1 de 9". QtCore only: the command
line loads no widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.paths import resources_dir

CATALOG = "handbook_reader"


def install_print_language(language: str) -> list[QTranslator]:
    """Install our catalogue for `language` (nothing for English); keep the list alive.

    Raises nothing: a missing catalogue leaves the printout in English, as before."""
    app = QCoreApplication.instance()
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    QLocale.setDefault(QLocale(QLocale(code).language(), QLocale.system().territory()))
    if app is None or code == "en":
        return []
    translator = QTranslator(app)
    if not translator.load(f"{CATALOG}_{code}", str(resources_dir() / "translations")):
        return []
    app.installTranslator(translator)
    return [translator]
