"""The window in Spanish: menus, search box, actions and panels read in Spanish, every
menu keeps unique accelerators, and the language choice falls back sensibly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from reader.handbook import Handbook
from reader.ui.actions import SPECS
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import choose_language, install_translators

ROOT = Path(__file__).resolve().parents[2]
ACCELERATOR = re.compile(r"&(?!&)(\w)")


@pytest.fixture
def spanish() -> Iterator[list[QTranslator]]:
    """Spanish translators in the running application, removed afterwards so the other
    tests see English again."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "es")
    try:
        yield translators
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.fixture
def window(
    spanish: list[QTranslator],
    make_window: Callable[[Handbook], MainWindow],
    handbook: Handbook,
) -> MainWindow:
    return make_window(handbook)


def test_spanish_installs_ours_and_qts_own_translations(spanish: list[QTranslator]) -> None:
    assert len(spanish) == 3  # ours, Qt's, and the gaps in Qt's (QT_GAPS)
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Buscar en:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_spanish_plurals_pick_the_right_form(spanish: list[QTranslator]) -> None:
    def results(count: int) -> str:
        return QCoreApplication.translate("SearchPanel", "%n result(s)", "", count)

    assert (results(1), results(3), results(0)) == ("1 resultado", "3 resultados", "0 resultados")


def test_english_needs_no_translators(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []


def test_menu_titles_are_spanish(window: MainWindow) -> None:
    titles = {name: menu.title() for name, menu in window.menus.items()}
    assert titles == {
        "file": "&Archivo", "edit": "&Edición", "view": "&Ver", "go": "&Ir",
        "bookmarks": "&Marcadores", "help": "A&yuda", "theme": "&Tema",
    }  # fmt: skip


def test_search_box_speaks_spanish(window: MainWindow) -> None:
    assert window.search_box.placeholderText() == "Buscar en el manual (Control+K)"
    assert window.search_box.accessibleName() == "Buscar en el manual"


def test_actions_and_toolbar_labels_are_spanish(window: MainWindow) -> None:
    actions = window.action_set
    assert actions["back"].text() == "&Atrás"
    assert actions["bookmark"].iconText() == "Marcador"
    assert actions["show_glossary"].text() == "&Glosario"
    assert actions["print"].toolTip() == "Imprimir o guardar como PDF"
    assert actions["zoom_in"].iconText() == "Más grande"


def test_no_action_is_left_in_english(window: MainWindow) -> None:
    english = [spec.id for spec in SPECS if window.action_set[spec.id].text() == spec.text]
    assert not english


def test_panels_and_status_are_spanish(window: MainWindow) -> None:
    assert window.toc_dock.windowTitle() == "Índice"
    assert window.glossary_panel.windowTitle() == "Glosario"
    assert window.bookmarks_panel.windowTitle() == "Marcadores"
    assert window.status_label.text().startswith("Capítulo 1 de ")


def test_accelerators_are_unique_in_every_spanish_menu(window: MainWindow) -> None:
    menus = [window.menuBar().actions(), *(m.actions() for m in window.menus.values())]
    for actions in menus:
        letters = [
            m.lower() for a in actions if not a.isSeparator() for m in ACCELERATOR.findall(a.text())
        ]
        repeated = [letter for letter, count in Counter(letters).items() if count > 1]
        assert not repeated, [a.text() for a in actions]


@pytest.mark.parametrize(
    ("requested", "expected"), [("es", "es"), ("es_MX", "es"), ("es-419", "es"), ("en", "en")]
)
def test_choose_language_takes_a_supported_request(requested: str, expected: str) -> None:
    assert choose_language(requested) == expected


def _choices_on_a_system_in(locale: str) -> list[str]:
    """choose_language in a fresh process whose system language is `locale`."""
    env = {**os.environ, "LANG": locale, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    code = (
        "from reader.ui.translations import choose_language as c; print(c('fr'), c(None), c('en'))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    return done.stdout.split()


def test_unknown_language_falls_back_to_english_on_an_english_system() -> None:
    assert _choices_on_a_system_in("fr_FR.UTF-8") == ["en", "en", "en"]


def test_unknown_language_follows_a_spanish_system() -> None:
    assert _choices_on_a_system_in("es_MX.UTF-8") == ["es", "es", "en"]
