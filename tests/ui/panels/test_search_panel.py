"""The search panel driven through the real search box: typing, its keys, results."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QIcon, QTextDocument
from PySide6.QtWidgets import QListWidgetItem, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.search.engine import SearchIndex
from reader.ui.panels.search_panel import (
    HTML_ROLE,
    ID_ROLE,
    SearchPanel,
    SearchResultDelegate,
    row_html,
)
from reader.ui.search_field import SearchField
from tests.conftest import WriteHandbook
from tests.helpers.text_fit import words_broken_inside

REPO = Path(__file__).resolve().parents[3]

CHAPTER = """# Treatments

Three kinds of care are described here.

## Cancer risk

A few children developed leukemia years later.

## Leukemia care

How the care team watches for it.

## Editing

CRISPR tools cut the DNA at one place.
"""
GLOSSARY = """
[[terms]]
term = "Leukemia"
aliases = ["leukaemia"]
definition = "A cancer of the blood-forming cells."
"""


@pytest.fixture
def small_handbook(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook({"treatments.md": CHAPTER, "glossary.toml": GLOSSARY}))


@pytest.fixture
def index(small_handbook: Handbook) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(small_handbook, None) as opened:
        yield opened


@pytest.fixture
def box_and_panel(qtbot: QtBot) -> Iterator[tuple[SearchField, SearchPanel]]:
    host = QWidget()  # kept alive by this generator until the test ends
    qtbot.addWidget(host)
    box = SearchField(QIcon(), host)
    panel = SearchPanel(box, host)
    host.show()
    qtbot.waitExposed(host)
    box.setFocus()
    yield box, panel


def type_query(qtbot: QtBot, box: SearchField, panel: SearchPanel, text: str) -> int:
    with qtbot.waitSignal(panel.results_changed, timeout=3000) as blocker:
        qtbot.keyClicks(box, text)
    return int(blocker.args[0]) if blocker.args else 0


def row_ids(panel: SearchPanel) -> list[str]:
    return [panel.results.item(i).data(ID_ROLE) for i in range(panel.results.count())]


def test_typing_shows_results_and_enter_opens_the_first(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    panel.set_index(index)
    assert type_query(qtbot, box, panel, "developed") == 1
    assert row_ids(panel) == ["treatments/cancer-risk"]
    with qtbot.waitSignal(panel.result_activated, timeout=1000) as activated:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert activated.args[:2] == ["treatments/cancer-risk", ["developed"]]
    assert "developed" in activated.args[2] or activated.args[2]


def test_down_arrow_moves_through_results_before_enter(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    panel.set_index(index)
    assert type_query(qtbot, box, panel, "leukemia") >= 3
    second = row_ids(panel)[1]
    with qtbot.waitSignal(box.stepped, timeout=1000) as stepped:  # the box's keys, said
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert stepped.args == [1] and panel.results.currentRow() == 1
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert panel.results.currentRow() == 1
    with qtbot.waitSignal(panel.result_activated, timeout=1000) as activated:
        qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert activated.args[0] == second
    assert box.hasFocus()


def test_glossary_rows_are_tagged_for_sight_and_speech(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    panel.set_index(index)
    type_query(qtbot, box, panel, "leukemia")
    row = row_ids(panel).index("glossary/leukemia")
    item = panel.results.item(row)
    assert item.text().startswith("Glossary: Leukemia. ")
    assert "[Glossary]" in item.data(HTML_ROLE)
    assert "Also called" not in item.data(HTML_ROLE)  # index data, not for reading
    section = panel.results.item(row_ids(panel).index("treatments/cancer-risk"))
    assert section.text().startswith("Treatments › Cancer risk. ")


def test_a_chapters_opening_text_is_named_by_the_chapter_once(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    """Not "Treatments › Treatments" (the kiosk's screenshot showed "What is gene
    therapy? › What is gene therapy?")."""
    box, panel = box_and_panel
    panel.set_index(index)
    assert type_query(qtbot, box, panel, "described") == 1
    assert row_ids(panel) == ["treatments"]
    assert panel.results.item(0).text().startswith("Treatments. Three kinds")
    assert "Treatments ›" not in panel.results.item(0).data(HTML_ROLE)


def test_misspelling_offers_a_clickable_suggestion(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    panel.set_index(index)
    type_query(qtbot, box, panel, "leukemai")
    assert panel.message.isVisible()
    assert "Did you mean" in panel.message.text()
    assert "leukemia" in panel.message.text()
    with qtbot.waitSignal(panel.results_changed, timeout=1000):
        panel.message.linkActivated.emit("suggestion")
    assert box.text() == "leukemia"


def test_no_results_explains_what_to_try(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    panel.set_index(index)
    assert type_query(qtbot, box, panel, "zebrafish") == 0
    assert "No results for “zebrafish”" in panel.message.text()
    assert "Try fewer words" in panel.message.text()
    # The empty list gives its room to the message (at 300% it kept 72 px and the last
    # words to try were cut off), and comes back with the next results.
    assert panel.message.isVisible() and not panel.results.isVisible()
    box.clear()
    assert type_query(qtbot, box, panel, "developed") == 1
    assert panel.results.isVisible()


def test_escape_clears_the_box_and_the_results(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    panel.set_index(index)
    type_query(qtbot, box, panel, "crispr")
    with qtbot.waitSignal(panel.query_changed, timeout=1000) as changed:
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and changed.args == [""]
    assert panel.results.count() == 0  # at once, not after the typing pause
    assert not panel.message.isVisible()
    with qtbot.waitSignal(box.left, timeout=1000):
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # an empty box: back to the page


def test_search_waits_for_the_index_then_runs(
    qtbot: QtBot, box_and_panel: tuple[SearchField, SearchPanel], index: SearchIndex
) -> None:
    box, panel = box_and_panel
    assert type_query(qtbot, box, panel, "crispr") == 0
    assert panel.message.text() == "Preparing search…"
    with qtbot.waitSignal(panel.results_changed, timeout=1000):
        panel.set_index(index)
    assert row_ids(panel) == ["treatments/editing"]
    assert not panel.message.isVisible()


def test_widgets_have_names_for_tests_and_screen_readers(
    box_and_panel: tuple[SearchField, SearchPanel],
) -> None:
    _, panel = box_and_panel
    assert panel.results.objectName() == "searchResults"
    assert panel.message.objectName() == "searchMessage"
    assert panel.results.accessibleName()
    assert panel.accessibleName()


def test_panel_module_does_not_load_whoosh_before_first_paint() -> None:
    code = "import sys, reader.ui.panels.search_panel; sys.exit('whoosh' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False, timeout=60)
    assert completed.returncode == 0


def _widest_line(document: QTextDocument) -> float:
    widest, block = 0.0, document.begin()
    while block.isValid():
        layout = block.layout()
        for number in range(layout.lineCount()):
            widest = max(widest, layout.lineAt(number).naturalTextWidth())
        block = block.next()
    return widest


def test_a_long_word_in_a_narrow_result_row_breaks_between_syllables(qtbot: QtBot) -> None:
    """At 300% in a narrow column a bold match was cut where the edge fell
    ("inmunodefic|iencia"); it breaks with a hyphen between syllables."""
    from reader.content.hyphenation import break_points, load
    from reader.ui.panels.long_words import SOFT_HYPHEN

    load("es")
    host = QWidget()
    qtbot.addWidget(host)
    panel = SearchPanel(SearchField(QIcon(), host), host, "es")
    snippet = '… para las personas con <b class="match">inmunodeficiencia</b> primaria'
    item = QListWidgetItem(panel.results)
    item.setData(HTML_ROLE, row_html("Sobre este manual", snippet, ""))
    delegate = panel.results.itemDelegate()
    assert isinstance(delegate, SearchResultDelegate)
    option = QStyleOptionViewItem()
    option.font = QFont(panel.font())
    option.font.setPointSizeF(30)
    option.rect = QRect(0, 0, 260, 100)
    document = delegate.document(option, panel.results.indexFromItem(item))
    document.size()  # laid out, as the delegate's size hint and painting do
    assert words_broken_inside(document) == []
    assert _widest_line(document) <= document.textWidth() - 2 * document.documentMargin()
    words = document.toPlainText().split()
    broken = [word for word in words if SOFT_HYPHEN in word]
    assert [word.replace(SOFT_HYPHEN, "") for word in broken] == ["inmunodeficiencia"]
    cuts = [i - n for n, i in enumerate(i for i, c in enumerate(broken[0]) if c == SOFT_HYPHEN)]
    points = break_points("inmunodeficiencia", "es") or ()
    assert cuts and set(cuts) <= set(points)
