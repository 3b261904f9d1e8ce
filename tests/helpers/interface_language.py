"""The interface in a language for one test: Qt's and our translators installed, and
taken out again afterwards so the next test starts in English."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication

from reader.ui.translations import install_translators


def speaking(qapp: QApplication, language: str) -> Iterator[str]:
    """For a fixture: `yield from speaking(qapp, "es")`."""
    translators = install_translators(qapp, language)
    yield language
    for translator in translators:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")
