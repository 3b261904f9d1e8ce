"""Names a handbook chose (title, edition, source, MkDocs site_name and site_url, chapter
and section titles) are shown as written everywhere in the window: never read as HTML,
so they load no picture and hold no link."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import Qt as GuiText
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.handbook import load_handbook
from reader.ui.mainwindow import MainWindow
from reader.ui.window.dialogs import about_box
from tests.conftest import WriteHandbook
from tests.ui.conftest import MakeWindow

PICTURE = '<img src="file:///etc/x.png">'
LINK = '<a href="file:///etc">Open</a>'
TITLE_PICTURE = '<img src="file:///etc/y.png"> Care'


class RecordingDocument(QTextDocument):
    """A Qt text document that notes every resource its layout asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str, /) -> object:
        self.asked.append(name.toString() if isinstance(name, QUrl) else name)
        return super().loadResource(kind, name)


def _as_qt_shows_it(text: str, rich: bool) -> tuple[str, list[str], bool]:
    """What a rich-text widget shows for `text`: its words, the resources it asks for,
    and whether any of it is a link."""
    document = RecordingDocument()
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    document.setTextWidth(400)
    document.size()  # lays it out: pictures are asked for here
    block = document.begin()
    linked = False
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            linked = linked or iterator.fragment().charFormat().isAnchor()
            iterator += 1
        block = block.next()
    return document.toPlainText(), document.asked, linked


def _tooltip_shows(tooltip: str) -> tuple[str, list[str], bool]:
    return _as_qt_shows_it(tooltip, GuiText.mightBeRichText(tooltip))


@pytest.fixture
def hostile_folder(write_handbook: WriteHandbook) -> Path:
    return write_handbook(
        {
            "a.md": '# &lt;img src="file:///etc/y.png"&gt; Care\n\nText.\n\n'
            '## &lt;a href="file:///etc"&gt;Link&lt;/a&gt; part\n\nMore.\n',
        },
        manifest=(
            "title = '<img src=\"file:///etc/x.png\">'\n"
            "edition = '<a href=\"file:///etc\">Open</a>'\n"
            f"source = '{PICTURE} {LINK}'\nchapters = [\"a.md\"]\n"
        ),
    )


@pytest.fixture
def hostile_mkdocs(tmp_path: Path) -> Path:
    (tmp_path / "site" / "docs").mkdir(parents=True)
    (tmp_path / "site" / "docs" / "index.md").write_text("# Home\n\nHello.\n", encoding="utf-8")
    config = tmp_path / "site" / "mkdocs.yml"
    config.write_text(f"site_name: '{PICTURE}'\nsite_url: '{LINK}'\n", encoding="utf-8")
    return config


@pytest.mark.parametrize("kind", ["folder", "mkdocs"])
def test_about_shows_the_handbooks_title_edition_and_source_as_written(
    qtbot: QtBot,
    make_window: MakeWindow,
    hostile_folder: Path,
    hostile_mkdocs: Path,
    kind: str,
) -> None:
    window = make_window(load_handbook(hostile_folder if kind == "folder" else hostile_mkdocs))
    box = about_box(window, window.handbook, window.signature)
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "aboutText")
    assert label is not None
    rich = label.textFormat() == Qt.TextFormat.RichText
    assert rich or label.textFormat() == Qt.TextFormat.PlainText
    shown, asked, linked = _as_qt_shows_it(label.text(), rich)
    assert PICTURE in shown and LINK in shown
    assert asked == [] and not linked
    links = Qt.TextInteractionFlag.LinksAccessibleByMouse
    assert not label.openExternalLinks() or not label.textInteractionFlags() & links


def test_contents_status_line_and_tooltips_show_titles_as_written(
    qtbot: QtBot, make_window: MakeWindow, hostile_folder: Path
) -> None:
    window: MainWindow = make_window(load_handbook(hostile_folder))
    assert window.windowTitle().startswith(PICTURE)  # a window title is always plain
    chapter = window.toc.topLevelItem(0)
    assert chapter is not None and chapter.text(0) == TITLE_PICTURE
    items = [chapter, *(chapter.child(n) for n in range(chapter.childCount()))]
    for item in items:
        assert item is not None
        shown, asked, linked = _tooltip_shows(item.toolTip(0))
        assert shown == item.text(0) and asked == [] and not linked
    window.navigator.navigate("a")
    label = window.status_label
    assert label.textFormat() == Qt.TextFormat.PlainText and TITLE_PICTURE in label.text()
