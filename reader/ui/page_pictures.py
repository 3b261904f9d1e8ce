"""Pictures for the reading page, read through the handbook gate: bitmaps as they are,
SVGs drawn at the column's width and the screen's pixel ratio, so they stay sharp."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from reader.handbook.gate import Refusal
from reader.handbook.pictures import read_picture


def picture_image(root: Path, relative: str, width: int, ratio: float) -> QImage | None:
    """The picture at `relative` inside `root`; None if refused or unreadable."""
    found = read_picture(root, root / relative)
    if isinstance(found, Refusal):
        return None
    if not found.is_svg:
        image = QImage.fromData(found.data)
        return None if image.isNull() else image
    return svg_image(found.data, width, ratio)


def svg_image(data: bytes, width: int, ratio: float) -> QImage | None:
    """An SVG drawn `width` CSS pixels wide on white, at `ratio` device pixels each."""
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    scale = width / max(1, size.width())
    ratio = max(1.0, ratio)
    pixel_size = QSize(int(width * ratio), int(size.height() * scale * ratio))
    image = QImage(pixel_size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixel_size.width(), pixel_size.height()))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image
