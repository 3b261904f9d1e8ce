"""Search lands where it says: a result opens at its snippet, highlights are whole
words, and no highlight outlives its query."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.content.pages import Pages
from reader.handbook import load_handbook
from reader.search.documents import handbook_documents
from reader.search.engine import SearchIndex
from reader.ui import page_marks
from reader.ui.mainwindow import MainWindow
from tests.conftest import WriteHandbook


@pytest.fixture
def searching_window(qtbot: QtBot, window: MainWindow) -> Iterator[MainWindow]:
    """The bundled handbook's window once its index is open."""
    if window.search_panel.index is None:
        with qtbot.waitSignal(window.search_index.ready, timeout=30_000):
            pass
    yield window
    window.search_index.shut_down()


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_box.setText(text)
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0, timeout=5000)


def lead_on_screen(window: MainWindow, lead: str) -> bool:
    cursor = window.content.highlights.find_lead(lead, 0)
    assert cursor is not None, lead
    rect = window.content.cursorRect(cursor)
    return window.content.viewport().rect().contains(rect.center())


@pytest.mark.parametrize("query", ["how is the stem cell collected", "insurance", "GVHD"])
def test_a_result_opens_at_its_snippet(
    qtbot: QtBot, searching_window: MainWindow, query: str
) -> None:
    window = searching_window
    window.resize(1366, 768)
    search(qtbot, window, query)
    index = window.search_panel.index
    assert isinstance(index, SearchIndex)
    hit = index.search(query).hits[0]
    assert hit.lead
    window.search_panel.results.setCurrentRow(0)
    window.search_panel.activate_current()
    assert window.navigator.current_section_id.startswith(hit.id.split("/")[0])
    assert lead_on_screen(window, hit.lead), f"{hit.lead!r} is not on screen"


def test_highlights_are_whole_names_and_cleared_when_the_query_changes(
    qtbot: QtBot, searching_window: MainWindow
) -> None:
    window = searching_window
    search(qtbot, window, "GVHD")
    window.search_panel.results.setCurrentRow(0)
    window.search_panel.activate_current()
    marked = [s.cursor.selectedText() for s in window.content.extraSelections()]
    assert marked
    assert "Graft" not in marked, "a piece of a name was marked on its own"
    for text in marked:
        start = window.content.toPlainText()
        assert text.strip() and text in start
    qtbot.keyClicks(window.search_box, "x")
    assert window.content.extraSelections() == []
    window.search_box.setText("zzqqxxy")
    assert window.content.extraSelections() == []


def test_did_you_mean_only_when_the_words_as_typed_find_too_little(
    searching_window: MainWindow,
) -> None:
    index = searching_window.search_panel.index
    assert isinstance(index, SearchIndex)
    assert index.search("is gene therapy risky").suggestion is None
    assert index.search("leukemai").suggestion == "leukemia"


def test_lay_words_find_the_handbooks_words(searching_window: MainWindow) -> None:
    index = searching_window.search_panel.index
    assert isinstance(index, SearchIndex)
    for lay in ("insurance", "pay"):
        ids = [hit.id for hit in index.search(lay).hits[:3]]
        assert any(i.endswith("/cost") for i in ids), (lay, ids)


def test_snippets_start_at_a_sentence_and_hide_glossary_fields(
    searching_window: MainWindow,
) -> None:
    index = searching_window.search_panel.index
    assert isinstance(index, SearchIndex)
    bodies = {d.id: " ".join(d.body.split()) for d in handbook_documents(searching_window.handbook)}
    for query in ("GVHD", "lentiviral vector", "how much does it cost", "conditioning"):
        for hit in index.search(query).hits[:5]:
            text = hit.plain_snippet.removeprefix("… ")
            assert "Also called:" not in text and "See also:" not in text, hit.id
            opening = " ".join(text.split()[:4])
            body = bodies[hit.id]
            before = body[: body.find(opening)].rstrip()
            assert opening in body, (hit.id, opening)
            assert before == "" or before[-1] in ".!?:;,(", (query, hit.id, before[-30:], opening)


def test_escape_in_the_page_keeps_focus_keys_working(searching_window: MainWindow) -> None:
    assert searching_window.content.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_a_results_opening_words_are_found_across_the_pages_own_soft_hyphens(
    write_handbook: WriteHandbook,
) -> None:
    """The index keeps no soft hyphen ("immunodeficiency"), the page keeps the author's
    ("immuno&shy;deficiency"); before, the snippet's opening words were not found on the
    page, and the result did not open at them."""
    page = "# Diseases\n\n## Rare ones\n\nColds first.\n\nSevere immuno&shy;deficiency is rare.\n"
    handbook = load_handbook(write_handbook({"diseases.md": page}))
    with SearchIndex.open_or_build(handbook, None) as index:
        lead = index.search("immunodeficiency").hits[0].lead
    assert "immunodeficiency" in lead
    document = QTextDocument()
    document.setHtml(Pages(handbook).chapter_html("diseases"))
    found = page_marks.find_lead(document, lead, 0)
    assert found is not None
    assert found.selectedText().replace("\u00ad", "").startswith(lead.split()[0])
    assert page_marks.find_lead(document, "no such words here", 0) is None


def test_a_results_words_are_highlighted_across_the_pages_own_soft_hyphens(
    write_handbook: WriteHandbook,
) -> None:
    """The page's own "immuno&shy;deficiency" was not highlighted for a search for it:
    the index's word has no soft hyphen, and the page was searched for it as written."""
    page = "# Diseases\n\nSevere Immuno&shy;deficiency is rare. An immunodeficiency test.\n"
    handbook = load_handbook(write_handbook({"diseases.md": page}))
    document = QTextDocument()
    document.setHtml(Pages(handbook).chapter_html("diseases"))
    selections, first = page_marks.word_selections(document, ["immunodeficiency"], 0)
    marked = [s.cursor.selectedText().replace("\u00ad", "") for s in selections]
    assert marked == ["Immunodeficiency", "immunodeficiency"]
    assert first is not None and first.selectedText().startswith("Immuno")
    assert page_marks.word_selections(document, ["immuno"], 0)[0] == []  # whole words
