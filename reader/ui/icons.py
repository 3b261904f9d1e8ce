"""The app's own line icons (resources/icons/*.svg), tinted to the current text colour so
they stay visible in light, dark and high-contrast themes."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.paths import resources_dir

INK = "#2b3a4a"
_icon_color = INK


def set_icon_color(color: str) -> None:
    """Icons made after this call use `color` for their strokes."""
    global _icon_color
    _icon_color = color
    _cached_icon.cache_clear()


def icon(name: str) -> QIcon:
    return _cached_icon(name, _icon_color)


@lru_cache(maxsize=128)
def _cached_icon(name: str, color: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_text(encoding="utf-8").replace(INK, color)
    except OSError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    result = QIcon()
    for size in (16, 24, 32, 48, 64):
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
