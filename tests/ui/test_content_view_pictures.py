"""The reading view's pictures come only through the handbook gate, and nothing in a
picture can make its Qt override raise (an exception there killed the window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
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
    """An SVG naming a red picture outside the folder, by absolute path: the page's
    picture is drawn without it (white), so nothing outside was read."""
    outside = tmp_path / "outside.png"
    red = QImage(20, 20, QImage.Format.Format_RGB32)
    red.fill(QColor("red"))
    red.save(str(outside))
    root = tmp_path / "handbook"
    root.mkdir()
    svg = SVG_REACHING_OUT.replace("../outside.png", str(outside))
    (root / "p.svg").write_text(svg)
    view = _view(qtbot, root)
    image = view.picture("p.svg")
    assert image is not None and not image.isNull()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.red() == 255 and centre.green() == 255  # white, not the red picture
