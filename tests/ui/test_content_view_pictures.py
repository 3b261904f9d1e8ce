"""The reading view's pictures come only through the handbook gate, and nothing in a
picture can make its Qt override raise (an exception there killed the window).

Pictures that ask for more pixels than a page can hold are scaled down to the column and
to one budget per page, or shown as their alt text; never a huge image, never a crash
(before: a 120-byte 100x20000 SVG became a 392 MB image, eight 7000x7000 PNGs 1.6 GB,
and a 1x1e9 SVG raised OverflowError into the crash dialog)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.content.picture_images import (
    MAX_PICTURE_PIXELS,
    MAX_PICTURE_SIDE,
    MAX_TOTAL_PIXELS,
)
from reader.ui.content_view import ContentView
from reader.ui.page_pictures import alt_texts
from tests.helpers.pictures import png_declaring

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


IMAGE = QTextDocument.ResourceType.ImageResource.value


def _svg(width: str, height: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
        '<rect width="100%" height="100%" fill="navy"/></svg>'
    )


def _page(view: ContentView, names: list[str]) -> list[QImage]:
    """Show a page of these pictures (each with its alt text); the images it holds."""
    view.show_html(
        "".join(f'<p><img src="picture:{name}" alt="Alt of {name}"></p>' for name in names)
        + "<p>After the pictures</p>"
    )
    document = view.document()  # asking for a resource loads it as painting would
    return [document.resource(IMAGE, QUrl(f"picture:{name}")) for name in names]


def _pixels(image: QImage) -> int:
    return image.width() * image.height()


def test_tiny_svg_declaring_a_huge_size_is_drawn_within_the_caps(
    qtbot: QtBot, tmp_path: Path
) -> None:
    svg = _svg("100", "20000")
    assert len(svg.encode()) < 130
    (tmp_path / "tall.svg").write_text(svg)
    view = _view(qtbot, tmp_path)
    [image] = _page(view, ["tall.svg"])
    assert isinstance(image, QImage) and not image.isNull()
    assert _pixels(image) <= MAX_PICTURE_PIXELS
    assert max(image.width(), image.height()) <= MAX_PICTURE_SIDE
    assert "After the pictures" in view.toPlainText()


def test_many_huge_svgs_on_one_page_share_one_budget_and_the_rest_show_their_alt_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Fourteen SVGs of 100x2000, each drawn at the column's width (some 400 x 8,000
    pixels): the page's budget holds ten of them, the rest show their alt text."""
    names = [f"tall{n}.svg" for n in range(14)]
    for name in names:
        (tmp_path / name).write_text(_svg("100", "2000"))
    view = _view(qtbot, tmp_path)
    images = _page(view, names)
    drawn = [i for i in images if isinstance(i, QImage) and i.height() > 100]
    assert sum(_pixels(i) for i in drawn) <= MAX_TOTAL_PIXELS
    assert 0 < len(drawn) < len(names)  # the budget ran out: the rest are their alt text
    assert len(view._page_pictures.too_large) == len(names) - len(drawn)
    assert "After the pictures" in view.toPlainText()


def test_svg_of_one_by_a_billion_shows_its_alt_text_and_the_window_lives(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "line.svg").write_text(_svg("1", "1000000000"))
    view = _view(qtbot, tmp_path)
    [image] = _page(view, ["line.svg"])
    assert view.picture("line.svg") is None
    assert isinstance(image, QImage) and image.height() < 100  # a line of text
    assert alt_texts(view.document())["picture:line.svg"] == "Alt of line.svg"
    assert "After the pictures" in view.toPlainText()


@pytest.fixture(scope="module")
def big_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("png") / "big.png"
    image = QImage(4000, 4000, QImage.Format.Format_RGB32)  # 64 MB decoded
    image.fill(QColor("teal"))
    assert image.save(str(path))
    return path


def test_big_bitmaps_are_decoded_no_wider_than_the_column(
    qtbot: QtBot, tmp_path: Path, big_png: Path
) -> None:
    names = [f"photo{n}.png" for n in range(3)]
    for name in names:
        shutil.copy(big_png, tmp_path / name)
    view = _view(qtbot, tmp_path)
    images = _page(view, names)
    ratio = max(1.0, view.devicePixelRatioF())
    for image in images:
        assert isinstance(image, QImage) and not image.isNull()
        assert image.width() <= 820 * ratio  # the widest the column gets
        assert image.width() / image.devicePixelRatio() <= 820
    assert sum(_pixels(i) for i in images) <= MAX_TOTAL_PIXELS


def test_png_declaring_ten_billion_pixels_shows_its_alt_text(qtbot: QtBot, tmp_path: Path) -> None:
    """Never decoded (Qt would need 40 GB first): the page shows its alt text."""
    (tmp_path / "bomb.png").write_bytes(png_declaring(100_000, 100_000))
    view = _view(qtbot, tmp_path)
    [image] = _page(view, ["bomb.png"])
    assert view._page_pictures.too_large == {"bomb.png"}
    assert isinstance(image, QImage) and image.height() < 100  # a line of text
    assert alt_texts(view.document())["picture:bomb.png"] == "Alt of bomb.png"
