"""Pictures in a printout: read through the handbook gate, drawn as vectors or bitmaps.

An SVG is drawn with QSvgRenderer (vector, sharp at any zoom), a bitmap at up to 360
dpi within the printout's pixel budget (reader.content.picture_images); both come as
bytes from the gate, so an SVG cannot pull in another file.
`PictureObjects` is the text-object handler that sizes and draws them in a layout.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QPyTextObject, QTextDocument, QTextFormat
from PySide6.QtSvg import QSvgRenderer

from reader.content.links import PICTURE_SCHEME
from reader.content.picture_images import (
    PixelBudget,
    bitmap_image,
    declared_size,
    svg_renderer,
)
from reader.handbook.gate import Refusal, locate_file
from reader.handbook.pictures import read_picture
from reader.pyside_locks import settle

LAYOUT_DPI = 1200
CSS_PX = LAYOUT_DPI / 96  # layout units per CSS pixel (pictures' nominal size)
MAX_PICTURE_HEIGHT = 0.72  # of the body height: leaves room for the caption
# A bitmap is decoded at most this many pixels wide: the body's width (168 mm) at 360
# dpi, more than a 300 dpi printer uses.
PRINT_PIXELS_WIDE = 2400

PICTURE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
PICTURE_KEY = QTextFormat.Property.UserProperty + 1
PICTURE_WIDTH = QTextFormat.Property.UserProperty + 2
PICTURE_HEIGHT = QTextFormat.Property.UserProperty + 3


def resolve_picture(root: Path, url: str) -> Path | None:
    """The file a `picture:` URL names, only if it is a regular file inside the handbook."""
    if not url.startswith(PICTURE_SCHEME + ":"):
        return None
    relative = unquote(url[len(PICTURE_SCHEME) + 1 :])
    target = locate_file(root, root / relative)
    return None if isinstance(target, Refusal) else target


class Picture:
    """An SVG (drawn as vectors) or a bitmap and its size on paper. Read through the
    gate as bytes, so an SVG cannot pull in any other file. A bitmap is decoded at most
    PRINT_PIXELS_WIDE wide and kept for painting while the printout's pixel budget
    lasts; past it, it is decoded again when its page is painted, then let go, so a
    printout of many photos holds a bounded number of pixels and still prints them all."""

    def __init__(self, root: Path, path: Path, budget: PixelBudget) -> None:
        self.svg: QSvgRenderer | None = None
        self.image: QImage | None = None
        self.is_bitmap = False
        self.pixels = QSizeF()  # the bitmap's own size, before any scaling down
        self.dots_per_meter = 0
        self._source = (root, path)
        found = read_picture(root, path)
        if isinstance(found, Refusal):
            return
        if found.is_svg:
            self.svg = svg_renderer(found.data)
            return
        image = _decode(found.data)
        if image is None:
            return
        self.is_bitmap = True
        self.pixels = QSizeF(declared_size(found.data))
        self.dots_per_meter = image.dotsPerMeterX()
        if budget.take(image.size()):
            self.image = image

    @property
    def valid(self) -> bool:
        return self.svg is not None or self.is_bitmap

    def nominal_size(self) -> QSizeF:
        """Size in layout units: an SVG's CSS pixels, or a bitmap at its stated DPI."""
        if self.svg is not None:
            size = self.svg.defaultSize()
            return QSizeF(size.width() * CSS_PX, size.height() * CSS_PX)
        dpm = self.dots_per_meter or round(96 / 0.0254)
        per_pixel = LAYOUT_DPI / (dpm * 0.0254)
        per_pixel = min(max(per_pixel, LAYOUT_DPI / 300), CSS_PX)
        return self.pixels * per_pixel

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        if self.svg is not None:
            self.svg.render(painter, rect)
        elif self.is_bitmap:
            image = self.image or self._decode_again()
            if image is not None:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(rect, image)

    def _decode_again(self) -> QImage | None:
        found = read_picture(*self._source)
        return None if isinstance(found, Refusal) or found.is_svg else _decode(found.data)


def _decode(data: bytes) -> QImage | None:
    """One bitmap at print resolution, within the caps on one picture."""
    return bitmap_image(data, PixelBudget(), max_width=PRINT_PIXELS_WIDE)


class PictureObjects(QPyTextObject):
    """Draws the pictures of every part; one instance per composed document.

    PySide6 needs QPyTextObject (not QObject + QTextObjectInterface) for the layout to
    accept the handler."""

    def __init__(self, root: Path, body: QSizeF) -> None:
        super().__init__()
        self.root = root
        self.body = body
        self._pictures: dict[Path, Picture] = {}
        self.budget = PixelBudget()  # decoded pixels for the whole printout
        self._by_url: dict[str, Picture | None] = {}
        # Each part's layout is connected into this handler, and a part let go of on the
        # print thread is deleted without Python's lock: asked now, PySide need not take
        # it then (reader/pyside_locks.py; a test helper hung there, 1 run in 66).
        settle(self)

    def picture(self, url: str) -> Picture | None:
        """The picture a `picture:` URL names, or None; each URL resolved once (Qt asks
        for a picture's size many times per layout, and resolving checks the disk)."""
        if url not in self._by_url:
            self._by_url[url] = self._load(url)
        return self._by_url[url]

    def _load(self, url: str) -> Picture | None:
        path = resolve_picture(self.root, url)
        if path is None:
            return None
        if path not in self._pictures:
            self._pictures[path] = Picture(self.root, path, self.budget)
        found = self._pictures[path]
        return found if found.valid else None

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        """Qt calls this from C++, where an exception would end the process: any
        failure is a picture of no size."""
        try:
            return self._size(fmt)
        except Exception:  # see the docstring: nothing may escape to Qt
            return QSizeF(0, 0)

    def _size(self, fmt: QTextFormat) -> QSizeF:
        picture = self.picture(str(fmt.property(PICTURE_KEY)))
        if picture is None:
            return QSizeF(0, 0)
        size = picture.nominal_size()
        asked_w, asked_h = fmt.property(PICTURE_WIDTH), fmt.property(PICTURE_HEIGHT)
        if asked_w and asked_h:
            size = QSizeF(float(asked_w) * CSS_PX, float(asked_h) * CSS_PX)
        elif asked_w and size.width():
            size = size * (float(asked_w) * CSS_PX / size.width())
        limit = QSizeF(self.body.width(), self.body.height() * MAX_PICTURE_HEIGHT)
        if size.width() > limit.width() or size.height() > limit.height():
            size = size.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio)
        return size

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        try:  # called from C++ too: a failure draws nothing rather than ending the process
            picture = self.picture(str(fmt.property(PICTURE_KEY)))
            if picture is not None:
                picture.draw(painter, QRectF(rect))
        except Exception:
            return
