"""The clinic nurse's form: it saves the file atomically where it says, the saved file
reads back with the new values (and the handbook with them, no restart), and it never
writes into a handbook folder or through a link."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.clinic.apply import load_handbook_with_clinic
from reader.clinic.reading import read_clinic
from reader.content.pages import Pages
from reader.paths import bundled_handbook_dir
from reader.ui.clinic_form import ClinicForm
from reader.ui.text_size import apply_text_size
from tests.clinic.support import PHONE_24H, write_clinic


def _form(qtbot: QtBot, target: Path, source: Path | None = None, **kwargs: object) -> ClinicForm:
    details = read_clinic(source) if source else None
    form = ClinicForm(details, target, None, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    return form


def test_the_form_saves_and_the_saved_file_reloads_with_the_new_values(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clinic = write_clinic(tmp_path / "config")
    form = _form(qtbot, clinic, clinic)
    assert form.languages["en"].edits["phone_24h"].text() == PHONE_24H  # type: ignore[union-attr]
    form.languages["en"].edits["phone_24h"].setText("0800 555 0100")  # type: ignore[union-attr]
    form.languages["es"].edits["interpreter"].setText("Pida un intérprete")  # type: ignore[union-attr]
    assert "24-hour number: 0800 555 0100" in form.preview.text()
    with qtbot.waitSignal(form.saved, timeout=2000) as signal:
        form.buttons.button(form.buttons.StandardButton.Save).click()
    assert signal.args == [clinic]
    assert str(clinic) in form.status.text()
    details = read_clinic(clinic)
    assert details.main.fields["phone_24h"] == "0800 555 0100"
    assert details.main.team[1].role == "Clinical nurse specialist"
    assert details.translations["es"].fields["interpreter"] == "Pida un intérprete"
    handbook = load_handbook_with_clinic(bundled_handbook_dir(), None, details)
    assert "Our 24-hour number: 0800 555 0100" in Pages(handbook).chapter_html("when-to-call")
    assert [p.name for p in clinic.parent.iterdir()] == ["clinic.toml"]  # no temp file left


def test_the_form_never_writes_into_the_handbook_folder(qtbot: QtBot, tmp_path: Path) -> None:
    book = tmp_path / "book"
    book.mkdir()
    form = _form(qtbot, book / "clinic.toml", handbook_root=book)
    form.languages["en"].edits["name"].setText("Ward 7")  # type: ignore[union-attr]
    assert form.save() is None
    assert "Not saved" in form.status.text() and "inside a handbook" in form.status.text()
    assert not (book / "clinic.toml").exists()


def test_the_form_never_writes_through_a_link(qtbot: QtBot, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "clinic.toml").symlink_to(victim)
    form = _form(qtbot, tmp_path / "clinic.toml")
    assert form.save() is None
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert "is a link" in form.status.text()


def test_at_300_percent_the_form_fits_the_screen_with_save_in_view(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """At 300% on 1024 x 768 the form was 1,031 x 923 px: Save was below the screen's
    edge and each field was squeezed to about 70 px beside its label."""
    apply_text_size(300)
    try:
        form = _form(qtbot, tmp_path / "clinic.toml")
        form.show()
        qtbot.waitExposed(form)
        free = form.screen().availableGeometry()
        assert form.width() <= free.width() and form.height() <= free.height()
        save = form.buttons.button(form.buttons.StandardButton.Save)
        qtbot.waitUntil(lambda: form.rect().contains(save.mapTo(form, save.rect().bottomRight())))
        for edit in form.languages["en"].edits.values():
            assert edit.width() >= 20 * edit.fontMetrics().averageCharWidth(), edit.objectName()
    finally:
        apply_text_size(100)
