"""The README's clinic screenshots (#32), of the real window and form on a real X display.

usage: xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
           python tests/x11/clinic_screenshots.py CLINIC.toml resources/screenshots

Writes clinic-start-card.png (the start page with the clinic card), clinic-care-team.png
("Your care team", first in the contents) and clinic-form.png (Edit > Clinic details…).
The packet's cover is a PDF page: export it and render page 1 with pdftoppm.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer

from reader.clinic.apply import load_handbook_with_clinic
from reader.clinic.reading import read_clinic
from reader.paths import HOME_ENV, bundled_handbook_dir
from reader.preferences import Preferences
from reader.ui.app import make_application
from reader.ui.clinic_form import ClinicForm
from reader.ui.mainwindow import MainWindow


def settle(ms: int = 1500) -> None:
    """Let Qt lay out and paint (a picture-taking script, not a test: a pause is fine)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(clinic: Path, folder: Path) -> None:
    os.environ[HOME_ENV] = tempfile.mkdtemp(prefix="clinic-shots-")
    app = make_application(sys.argv[:1])
    details = read_clinic(clinic)
    handbook = load_handbook_with_clinic(bundled_handbook_dir(), None, details)
    window = MainWindow(handbook, Preferences())
    window.resize(1366, 768)
    window.show()
    window.start(None)
    settle()
    window.grab().save(str(folder / "clinic-start-card.png"))
    window.navigator.navigate("care-team")
    settle()
    window.grab().save(str(folder / "clinic-care-team.png"))
    form = ClinicForm(details, clinic)
    form.resize(720, 760)
    form.show()
    settle()
    form.grab().save(str(folder / "clinic-form.png"))
    app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
