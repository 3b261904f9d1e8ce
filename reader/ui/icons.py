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
_on_color = "#ffffff"  # a checked button's icon, on its accent fill


class _SvgIconEngine(QIconEngine):
    """Paints one tinted SVG at whatever size is asked for."""

    def __init__(self, svg: bytes, svg_on: bytes | None = None) -> None:
        super().__init__()
        self._svg, self._svg_on = svg, svg_on or svg
        # Parsed when first painted: the window makes ~50 icons (twice when the theme
        # tints them), and most are in menus nobody has opened yet.
        self._renderers: dict[bool, QSvgRenderer] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._renderer(state == QIcon.State.On).render(painter, QRectF(rect))

    def _renderer(self, on: bool) -> QSvgRenderer:
        if on not in self._renderers:
            self._renderers[on] = QSvgRenderer(QByteArray(self._svg_on if on else self._svg))
        return self._renderers[on]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg, self._svg_on)


def set_icon_color(color: str, on_color: str | None = None) -> None:
    """Icons made after this call use `color` for their strokes, and `on_color` when
    drawn on a checked (pressed-looking, accent-filled) button."""
    global _icon_color, _on_color
    _icon_color = color
    _on_color = on_color or _on_color


def icon(name: str) -> QIcon:
    return _cached_icon(name, _icon_color, _on_color)


@lru_cache(maxsize=128)
def _cached_icon(name: str, color: str, on_color: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    off, on = svg.replace(INK, color), svg.replace(INK, on_color)
    return QIcon(_SvgIconEngine(off.encode(), on.encode()))
