"""Pictures decoded within a pixel budget (QtGui, no widgets): the window's pages and the
printout share it.

A picture's file is small, but the pixels it asks for need not be: a 120-byte SVG that
says 100x20000 became a 392 MB image on a page, eight 7000x7000 PNGs took 1.6 GB, and
an SVG of 1x1e9 raised OverflowError. So the size a picture declares is read first
(QImageReader.size() reads only the header; QSvgRenderer only parses the SVG), scaled
down to fit the caps below and what the page or printout has left, and only then are
pixels spent. What cannot be shown at a useful size is not decoded at all: the caller
shows its alt text instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

MAX_PICTURE_SIDE = 8192  # pixels, either side of one decoded picture
MAX_PICTURE_PIXELS = 4096 * 4096  # one decoded picture (64 MB at 4 bytes a pixel)
MAX_TOTAL_PIXELS = 2 * MAX_PICTURE_PIXELS  # a page in the window; what a printout keeps
# Qt's own limit on one full decode before any scaling (a PNG is decoded whole, then
# scaled; a JPEG is scaled while decoding): a bitmap whose pixels need more is refused
# by Qt and never allocated. Qt 6.11's default, made explicit so no version changes it.
MAX_DECODE_MB = 256
MIN_SIDE = 2  # a picture scaled below this is not worth showing: its alt text is
# A picture the budget would leave with less than this share of the resolution the caps
# allow (on each side) would be a blur: its alt text is shown instead.
MIN_BUDGET_SCALE = 1 / 4


@dataclass
class PixelBudget:
    """Decoded pixels a page (window) or a printout may still spend on pictures; one
    per page or printout, so many pictures together stay bounded too."""

    left: int = MAX_TOTAL_PIXELS
    granted: list[tuple[int, int]] = field(default_factory=list)
    refused: int = 0  # pictures asked for that were too large to show at all

    @property
    def spent(self) -> int:
        return sum(w * h for w, h in self.granted)

    def grant(self, width: float, height: float) -> QSize | None:
        """The pixel size to decode at: `width` x `height` scaled down to the caps and
        to what is left, or None when nothing useful can be shown."""
        if not (math.isfinite(width) and math.isfinite(height)) or width < 1 or height < 1:
            self.refused += 1
            return None
        capped = min(
            1.0,
            MAX_PICTURE_SIDE / width,
            MAX_PICTURE_SIDE / height,
            math.sqrt(MAX_PICTURE_PIXELS / (width * height)),
        )
        scale = min(capped, math.sqrt(max(0, self.left) / (width * height)))
        w, h = math.floor(width * scale), math.floor(height * scale)
        if w < MIN_SIDE or h < MIN_SIDE or scale < capped * MIN_BUDGET_SCALE:
            self.refused += 1
            return None
        self.left -= w * h
        self.granted.append((w, h))
        return QSize(w, h)

    def take(self, size: QSize) -> bool:
        """Spend a decoded picture's pixels if there are enough left (what a printout
        keeps between layout and painting); False leaves the budget as it was."""
        pixels = size.width() * size.height()
        if pixels > self.left:
            return False
        self.left -= pixels
        self.granted.append((size.width(), size.height()))
        return True

    def refund(self, size: QSize) -> None:
        """Give back what a decode that failed did not spend."""
        self.left += size.width() * size.height()
        self.granted.remove((size.width(), size.height()))


def declared_size(data: bytes) -> QSize:
    """The size a bitmap's header declares, read without decoding its pixels."""
    reader, _buffer = _reader(data)
    return reader.size()


def bitmap_image(data: bytes, budget: PixelBudget, max_width: float = math.inf) -> QImage | None:
    """A bitmap decoded at most `max_width` pixels wide and within the budget; None
    when it is unreadable, or too large to decode at any useful size."""
    reader, _buffer = _reader(data)  # the buffer must live as long as the reader
    declared = reader.size()
    if not reader.canRead() or declared.width() < 1 or declared.height() < 1:
        return None
    width, height = float(declared.width()), float(declared.height())
    if width > max_width:
        width, height = max_width, height * max_width / width
    size = budget.grant(width, height)
    if size is None:
        return None
    if _full_decode_bytes(declared) > MAX_DECODE_MB * 2**20 and not _scales_while_decoding(
        reader, size != declared
    ):  # Qt would refuse it too, with a warning on stderr: refused here, quietly
        budget.refund(size)
        budget.refused += 1
        return None
    if size != declared:
        reader.setScaledSize(size)
    image = reader.read()
    if image.isNull():  # damaged, or over Qt's decode limit: shown as its alt text
        budget.refund(size)
        budget.refused += 1
        return None
    return image


def _full_decode_bytes(size: QSize) -> int:
    return size.width() * size.height() * 4


def _scales_while_decoding(reader: QImageReader, scaled: bool) -> bool:
    """Only Qt's JPEG reader decodes straight to a smaller size (measured: a 7000x7000
    PNG read at 700x700 still took 190 MB, the same JPEG 7 MB)."""
    return scaled and bytes(reader.format().data()).lower() in (b"jpeg", b"jpg")


def svg_renderer(data: bytes) -> QSvgRenderer | None:
    """The SVG parsed (no pixels yet), or None if it is not a valid SVG."""
    renderer = QSvgRenderer(QByteArray(data))
    return renderer if renderer.isValid() else None


def svg_image(data: bytes, width: int, ratio: float, budget: PixelBudget) -> QImage | None:
    """An SVG drawn `width` CSS pixels wide on white, at `ratio` device pixels each, or
    smaller when the budget says so; None when it cannot be drawn at a useful size."""
    renderer = svg_renderer(data)
    if renderer is None:
        return None
    declared = renderer.defaultSize()
    ratio = max(1.0, ratio)
    scale = width / max(1, declared.width())
    size = budget.grant(width * ratio, declared.height() * scale * ratio)
    if size is None:
        return None
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        budget.refund(size)
        return None
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A reader over the bytes (never a file name), with Qt's decode limit set."""
    QImageReader.setAllocationLimit(MAX_DECODE_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buffer), buffer
