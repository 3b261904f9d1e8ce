"""Printing from the real window: the dialog opens on the current section, Save runs
off the UI thread with a progress bar and Cancel, and a packet is byte for byte the
PDF the window made before printing ran one way (issue #34)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import __version__ as pyside_version
from pytestqt.qtbot import QtBot

from reader.ui.mainwindow import MainWindow
from reader.ui.print_dialog import PrintDialog
from tests.support import run_python

#: The packet below as the window saved it at commit 533fdae (before this change), with
#: the title page's date fixed to 2026-12-07 and QT_HASH_SEED=0 (Qt orders the embedded
#: fonts by a hash), after `_masked`. Made with PySide6 6.11.3 and Debian's DejaVu fonts.
REFERENCE_SHA256 = "f60d49722523782f04970895b0a1b05beb111867e4fa5fc1fb34285a6b5bd39a"
REFERENCE_SIZE = 53729
REFERENCE_QT = "6.11.3"

#: Saves a packet through the window's dialog and controller, in a fresh process so
#: that QT_HASH_SEED applies.
SAVE_PACKET = """
import sys
from datetime import date
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.print_dialog import PrintDialog
from tests.support import run_python

app = QApplication([])
out = Path(sys.argv[1])
window = MainWindow(load_handbook(bundled_handbook_dir()), Preferences())
window.start(); window.show()
window.printing.save_target = lambda: out
window.printing.today = lambda: date(2026, 12, 7)
dialog = window.printing.open_dialog()
dialog.set_scope("packet")
wanted = {"what-is-gene-therapy", "history/strimvelis"}
for item in dialog._section_items:
    sid = item.data(0, Qt.ItemDataRole.UserRole)
    item.setCheckState(0, Qt.CheckState.Checked if sid in wanted else Qt.CheckState.Unchecked)
dialog.notes_check.setChecked(True)
dialog.set_page_size("A4")
dialog.save_button.click()
while window.printing.job is not None:
    app.processEvents()
window.close()
print(dialog.status_label.text())
"""


def _masked(data: bytes) -> bytes:
    """The PDF with what differs at every save blanked, each to its own length: the
    info dictionary's /CreationDate and /ModDate, the XMP packet's CreateDate,
    ModifyDate, MetadataDate and DocumentID (uuid), and the trailer's /ID pair."""
    data = re.sub(rb"\(D:\d{14}Z\)", b"(D:00000000000000Z)", data)
    stamp = rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"
    data = re.sub(stamp, b"0000-00-00T00:00:00+00:00", data)
    data = re.sub(rb"uuid:[0-9a-f-]{36}", b"uuid:" + b"0" * 36, data)
    return re.sub(
        rb"/ID \[ <[0-9a-f]+> <[0-9a-f]+> \]",
        b"/ID [ <" + b"0" * 72 + b"> <" + b"0" * 72 + b"> ]",
        data,
    )


def _dialog_saving_to(window: MainWindow, out: Path, section: str = "") -> PrintDialog:
    """The window's print dialog, with Save as PDF writing `out` (no file dialog)."""
    window.printing.save_target = lambda: out
    if section:
        window.navigator.navigate(section)
    return window.printing.open_dialog()


def test_export_pdf_of_this_section_from_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "section.pdf"
    dialog = _dialog_saving_to(window, out, "history/strimvelis")
    assert dialog.request().scope == "sections"
    assert dialog.request().section_ids == ("history/strimvelis",)
    dialog.save_button.click()
    assert dialog.busy and dialog.cancel_button.isVisible() and dialog.progress_bar.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert out.is_file(), dialog.status_label.text()
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Strimvelis" in text
    assert dialog.status_label.text().startswith(f"Saved {out}")
    dialog.close()


def test_cancel_leaves_the_old_file_and_no_partial_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "handbook.pdf"
    out.write_bytes(b"previous PDF")
    dialog = _dialog_saving_to(window, out)
    dialog.set_scope("all")
    dialog.save_button.click()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.status_label.text() == "Cancelled. Nothing was saved."
    assert out.read_bytes() == b"previous PDF"
    assert [p.name for p in tmp_path.iterdir()] == ["handbook.pdf"]
    dialog.close()


def test_a_folder_that_is_not_there_is_one_plain_sentence(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "gone" / "section.pdf"
    dialog = _dialog_saving_to(window, out)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.status_label.text() == (
        f"Could not write the PDF: the folder does not exist ({out})."
    )
    assert not dialog.open_button.isVisible() and not (tmp_path / "gone").exists()
    dialog.close()


def test_preview_and_save_share_one_composed_document(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "chapter.pdf"
    dialog = _dialog_saving_to(window, out, "history/strimvelis")
    dialog.set_scope("chapter")
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: window.printing.open_preview is not None, timeout=20_000)
    composer = window.printing.composer
    previewed = composer.cached(dialog.request())
    assert previewed is not None
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert composer.cached(dialog.request()) is previewed  # not laid out a second time
    assert len(PdfReader(out).pages) == previewed.page_count
    preview = window.printing.open_preview
    assert preview is not None
    preview[0].close()
    dialog.close()


def test_a_packet_from_the_window_is_byte_for_byte_the_one_made_before(tmp_path: Path) -> None:
    if pyside_version != REFERENCE_QT:
        pytest.skip(f"the reference PDF was made with Qt {REFERENCE_QT}, this is {pyside_version}")
    out = tmp_path / "packet.pdf"
    done = run_python(
        ["-c", SAVE_PACKET, str(out)],
        home=tmp_path / "home",
        extra_env={"QT_HASH_SEED": "0", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "Saved" in done.stdout, done.stdout
    data = out.read_bytes()
    assert len(data) == REFERENCE_SIZE
    assert hashlib.sha256(_masked(data)).hexdigest() == REFERENCE_SHA256
