"""The printout's own words in the handbook's language, whatever the interface's.

A PDF's headers, contents and page numbers are read beside the handbook's text, so they
follow the handbook: `export-pdf --lang es` runs without a window (no interface
translator installed) and must still print "Página 1 de 9". QtCore only: the command
line loads no widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.paths import resources_dir

CATALOG = "handbook_reader"


@contextmanager
def print_language(language: str) -> Iterator[None]:
    """Our catalogue for `language` installed while the printout is made, then removed,
    and the default locale (dates on the title page) likewise. English installs nothing;
    a missing catalogue leaves the printout in English, as before."""
    app = QCoreApplication.instance()
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    locale = QLocale()
    translator = QTranslator(app) if app is not None and code != "en" else None
    folder = str(resources_dir() / "translations")
    if translator is not None and not translator.load(f"{CATALOG}_{code}", folder):
        translator = None
    if translator is not None and app is not None:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale(code).language(), QLocale.system().territory()))
    try:
        yield
    finally:
        QLocale.setDefault(locale)
        if translator is not None and app is not None:
            app.removeTranslator(translator)
