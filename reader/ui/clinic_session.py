"""Edit > Clinic details… in a session: the form (reader/ui/clinic_form.py) opened on the
details in use, saved where reader/clinic/writing.py says, and the window shown again
with the new details, at the same place, without a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.clinic.reading import ClinicError, ClinicSource, read_clinic
from reader.clinic.writing import save_target
from reader.ui.clinic_form import ClinicForm
from reader.ui.session import Session
from reader.ui.worker_safety import delete_on_close


def open_clinic_form(session: Session) -> ClinicForm:
    """Show the form over the session's window; saving reloads the clinic's details."""
    source = session.clinic_source or ClinicSource(None, "none", ())
    window = session.window
    form = ClinicForm(session.clinic, save_target(source, session.dirs), window,
                      handbook_root=window.handbook.root)  # fmt: skip
    delete_on_close(form)
    form.saved.connect(lambda path: _use_saved(session, path))
    form.open()
    return form


def _use_saved(session: Session, path: Path) -> None:
    """The saved file is the one in use from now on (it was written by us, so it reads;
    a failure still leaves the old details shown and says why)."""
    try:
        details = read_clinic(path)
    except ClinicError as error:
        session.window.statusBar().showMessage(str(error), 10000)
        return
    session.clinic_source = ClinicSource(path, "saved from the form", (path,))
    window = session.use_clinic(details)
    said = QCoreApplication.translate("ClinicForm", "Clinic details saved to %1.")
    window.statusBar().showMessage(said.replace("%1", str(path)), 10000)
