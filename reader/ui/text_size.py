"""One text size for the whole interface: page, panels, menus, tool tips and dialogs.

The reader's "Larger"/"Smaller" (and the kiosk's A−/A+) change one factor; every widget
that uses the application font follows it. The factor multiplies the system's own font
size, remembered on the QApplication the first time, so a desktop set to large text
starts large and a zoom of 100% means "as the system chose".
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolTip

SYSTEM_FONT_PROPERTY = "handbookReaderSystemFont"
SHEET_PROPERTY = "handbookReaderStyleSheet"  # the theme's sheet, before scaling
ZOOM_PROPERTY = "handbookReaderZoom"
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def system_font(app: QApplication) -> QFont:
    """The font the desktop gave us, before any zoom: kept on the application so
    windows made later (tests, a reopened handbook) never compound a zoom."""
    saved = app.property(SYSTEM_FONT_PROPERTY)
    if isinstance(saved, QFont):
        return QFont(saved)
    font = QFont(app.font())
    app.setProperty(SYSTEM_FONT_PROPERTY, font)
    return QFont(font)


def system_scale(app: QApplication) -> float:
    """How much larger than Qt's usual 9-10 pt the desktop's text is (at least 1)."""
    size = system_font(app).pointSizeF()
    return max(1.0, size / 10.0) if size > 0 else 1.0


def apply_text_size(zoom: int) -> QFont:
    """Make every widget's text `zoom` percent of the system size, tool tips too.

    Widgets that set their own font lose it to this: use relative sizes (a style
    sheet's `em`, `small`, or `scale_points`) instead of fixed ones."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QFont()
    font = system_font(app)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(round(base * zoom / 100, 1))
    app.setProperty(ZOOM_PROPERTY, zoom)
    if app.font() != font:
        app.setFont(font)
        QToolTip.setFont(font)
        # Qt skips widgets styled by a style sheet when the application font changes;
        # setting the sheet again re-polishes them with the new font.
        set_style_sheet(app, None)
    return font


def set_style_sheet(app: QApplication, sheet: str | None) -> None:
    """The application's style sheet (None: the current one again, to re-polish every
    widget after a font change), its fixed point sizes scaled to the text size.

    A sheet the application already has is not set again: Qt would re-polish every
    widget of every window (50-90 ms with two windows while a language switch builds
    the new one), and widgets made since are polished with it anyway when shown."""
    again = sheet is None
    if sheet is None:
        saved = app.property(SHEET_PROPERTY)
        sheet = saved if isinstance(saved, str) else app.styleSheet()
    app.setProperty(SHEET_PROPERTY, sheet)
    zoom = app.property(ZOOM_PROPERTY)
    scaled = scale_points(sheet, zoom if isinstance(zoom, int) else 100)
    if again or scaled != app.styleSheet():
        app.setStyleSheet(scaled)


def scale_points(style_sheet: str, zoom: int) -> str:
    """A style sheet whose fixed `NNpt` font sizes follow the text size (the kiosk's
    large controls keep their proportions as A+ is pressed)."""
    factor = zoom / 100
    return _POINTS.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", style_sheet)
