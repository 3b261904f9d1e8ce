"""Help > About writes the edition's month in words, as the printout does (#37):
"Third edition, December 2026", never the manifest's "2026-12"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from reader.ui.mainwindow import MainWindow
from reader.ui.window.dialogs import about_box


def test_about_writes_the_edition_month_in_words(window: MainWindow) -> None:
    box = about_box(window, window.handbook, window.signature)
    words = box.findChild(QLabel, "aboutText")
    assert words is not None
    text = words.text()
    box.deleteLater()
    assert "Third edition, December 2026" in text
    assert "Reviewed December 2026: check with your care team." in text
    assert "2026-12" not in text


def test_about_fits_the_screen_at_300_percent_with_ok_in_view(window: MainWindow) -> None:
    """A message box at 300% on 1024 x 768 was 1,410 px tall, its OK below the edge."""
    from PySide6.QtWidgets import QDialogButtonBox

    from reader.ui.text_size import apply_text_size

    apply_text_size(300)
    try:
        box = about_box(window, window.handbook, window.signature)
        box.show()
        free = box.screen().availableGeometry()
        assert box.width() <= free.width() and box.height() <= free.height()
        buttons = box.findChild(QDialogButtonBox, "aboutButtons")
        assert buttons is not None and buttons.isVisible()
        assert box.rect().contains(buttons.geometry())
        box.close()
        box.deleteLater()
    finally:
        apply_text_size(100)
