"""Help > About writes the edition's month in words, as the printout does (#37):
"Third edition, December 2026", never the manifest's "2026-12"."""

from __future__ import annotations

from reader.ui.mainwindow import MainWindow
from reader.ui.window.dialogs import about_box


def test_about_writes_the_edition_month_in_words(window: MainWindow) -> None:
    box = about_box(window, window.handbook, window.signature)
    text = box.text()
    box.deleteLater()
    assert "Third edition, December 2026" in text
    assert "Reviewed December 2026: check with your care team." in text
    assert "2026-12" not in text
