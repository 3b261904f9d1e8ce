"""Pictures for the reading page, read through the handbook gate and decoded within one
pixel budget per page: bitmaps shown no wider than the column, SVGs drawn at the
column's width and the screen's pixel ratio (so they stay sharp). A picture the budget
scales down keeps its size on the page, with fewer pixels; one too large to show at a
useful size is replaced by its alt text, drawn where the picture would be."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QTextDocument, QTextFormat

from reader.content.picture_images import PixelBudget, bitmap_image, declared_size, svg_image
from reader.handbook.gate import Refusal
from reader.handbook.pictures import read_picture

MAX_ALT_CHARS = 200  # of a placeholder's text: it is one line


class PagePictures:
    """The pictures of the page on show. `new_page` starts a new budget: call it when
    the page changes, and before redrawing all of a page's pictures."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.budget = PixelBudget()
        self.too_large: set[str] = set()  # pictures of this page shown as their alt text
        self._alts: dict[str, str] | None = None

    def new_page(self) -> None:
        self.budget = PixelBudget()
        self.too_large = set()
        self._alts = None

    def image(self, relative: str, width: int, ratio: float) -> QImage | None:
        """The picture at `relative` inside the handbook, `width` CSS pixels at most;
        None if refused, unreadable or too large for what the page has left (then it
        is in `too_large`)."""
        found = read_picture(self.root, self.root / relative)
        if isinstance(found, Refusal):
            return None
        refused = self.budget.refused
        if found.is_svg:
            image = svg_image(found.data, width, ratio, self.budget)
            shown_width = float(width)
        else:
            image = bitmap_image(found.data, self.budget, max_width=width * max(1.0, ratio))
            shown_width = min(float(width), declared_size(found.data).width())
        if self.budget.refused > refused:
            self.too_large.add(relative)
        if image is not None:  # as wide as asked, however many pixels the budget gave
            image.setDevicePixelRatio(image.width() / max(1.0, shown_width))
        return image

    def placeholder(self, document: QTextDocument, name: str, ratio: float) -> QImage:
        """The alt text of the picture `name` (its URL in the page), drawn as a line of
        italic grey text: what the page shows for a picture it cannot show."""
        if self._alts is None:
            self._alts = alt_texts(document)
        alt = " ".join(self._alts.get(name, "").split())[:MAX_ALT_CHARS]
        text = (
            QCoreApplication.translate("Pictures", "[Picture: {alt}]").format(alt=alt)
            if alt
            else QCoreApplication.translate("Pictures", "[Picture not available]")
        )
        return text_image(text, document.defaultFont(), ratio)


def alt_texts(document: QTextDocument) -> dict[str, str]:
    """Each picture's alt text in a laid-out page, by its URL (one pass)."""
    alts: dict[str, str] = {}
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                alts.setdefault(
                    image.name(), str(fmt.property(QTextFormat.Property.ImageAltText) or "")
                )
            iterator += 1
        block = block.next()
    return alts


def text_image(text: str, font: QFont, ratio: float) -> QImage:
    """One line of italic grey text on a transparent image, sharp at `ratio`."""
    font = QFont(font)
    font.setItalic(True)
    ratio = max(1.0, ratio)
    metrics = QFontMetrics(font)
    width, height = metrics.horizontalAdvance(text) + 2, metrics.height()
    image = QImage(
        int(width * ratio), int(height * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return image
