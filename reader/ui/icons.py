"""The app's own line icons (resources/icons/*.svg), tinted to the current text colour so
they stay visible in light, dark and high-contrast themes.

Icons are drawn from the SVG when Qt asks for a size, not rendered up front: start-up
pays only for the sizes actually shown, and every size stays sharp.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.paths import resources_dir

INK = "#2b3a4a"
_icon_color = INK


class _SvgIconEngine(QIconEngine):
    """Paints one tinted SVG at whatever size is asked for."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer = QSvgRenderer(QByteArray(svg))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)


def set_icon_color(color: str) -> None:
    """Icons made after this call use `color` for their strokes."""
    global _icon_color
    _icon_color = color


def icon(name: str) -> QIcon:
    return _cached_icon(name, _icon_color)


@lru_cache(maxsize=128)
def _cached_icon(name: str, color: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_text(encoding="utf-8").replace(INK, color)
    except OSError:
        return QIcon()
    return QIcon(_SvgIconEngine(svg.encode()))
