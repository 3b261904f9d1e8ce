"""The reading view's pictures come only through the handbook gate, and nothing in a
picture can make its Qt override raise (an exception there killed the window)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.content_view import ContentView

SVG_REACHING_OUT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
    '<image href="../outside.png" width="20" height="20"/></svg>'
)


def _view(qtbot: QtBot, root: Path) -> ContentView:
    view = ContentView(root)
    qtbot.addWidget(view)
    view.resize(600, 400)
    return view


def test_picture_that_is_a_symlink_loop_shows_nothing_and_the_window_lives(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "b.png").symlink_to(tmp_path / "a.png")
    (tmp_path / "a.png").symlink_to(tmp_path / "b.png")
    view = _view(qtbot, tmp_path)
    view.show_html('<p>Before</p><img src="picture:a.png"><p>After</p>')
    assert view.picture("a.png") is None
    assert "After" in view.toPlainText()


def test_resource_requests_that_would_fail_return_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, tmp_path)
    kind = 2  # QTextDocument.ResourceType.ImageResource
    for url in ("picture:\x00bad", "picture:../../etc/hostname", "picture:" + "x/" * 3000):
        assert view.loadResource(kind, url) is None


def test_svg_reaching_outside_the_folder_is_drawn_without_it(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "handbook"
    root.mkdir()
    (root / "p.svg").write_text(SVG_REACHING_OUT)
    view = _view(qtbot, root)
    image = view.picture("p.svg")
    assert image is not None and not image.isNull()
