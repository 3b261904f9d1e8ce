"""The clinic in the reading view's pages: the filled-in text, the start page's card,
and caches (rendered pages, search index) that notice another clinic file."""

from __future__ import annotations

from pathlib import Path

from reader.clinic.apply import clinic_stamp, load_handbook_with_clinic
from reader.clinic.reading import find_clinic_file, read_clinic
from reader.content.page_store import PageStore
from reader.content.pages import Pages
from reader.handbook import Handbook
from reader.kiosk.settings import parse_kiosk_config
from reader.paths import UserDirs, bundled_handbook_dir
from reader.search.index import index_key
from tests.clinic.support import CLINIC_NAME, CLINIC_TOML, PHONE_24H, write_clinic


def _handbook_with(clinic_text: str, folder: Path, language: str | None = None) -> Handbook:
    details = read_clinic(write_clinic(folder, clinic_text))
    return load_handbook_with_clinic(bundled_handbook_dir(), language, details)


def test_the_reading_view_shows_the_clinics_number(tmp_path: Path) -> None:
    pages = Pages(_handbook_with(CLINIC_TOML, tmp_path))
    assert f"Our 24-hour number: {PHONE_24H}" in pages.chapter_html("when-to-call")


def test_the_start_page_carries_the_clinic_card(tmp_path: Path) -> None:
    handbook = _handbook_with(CLINIC_TOML, tmp_path)
    page = Pages(handbook).chapter_html(handbook.start_section_id or "")
    card = page.split('class="admonition note clinic-card"', 1)[1].split("</div>", 1)[0]
    assert "Children&#x27;s Hospital, Ward 7" in card
    assert f"24-hour number: {PHONE_24H}" in card
    assert 'href="section:care-team">See Your care team</a>' in card
    assert "clinic-card" not in Pages(handbook).chapter_html("when-to-call")


def test_no_card_without_a_clinic_file() -> None:
    handbook = load_handbook_with_clinic(bundled_handbook_dir(), None, None)
    assert "clinic-card" not in Pages(handbook).chapter_html(handbook.start_section_id or "")


def test_another_clinic_file_renders_stored_pages_afresh(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _handbook_with(CLINIC_TOML, tmp_path / "a")
    Pages(first, PageStore(cache, first.root, "", clinic_stamp(first))).chapter_html("when-to-call")
    second = _handbook_with(CLINIC_TOML.replace(PHONE_24H, "0800 111 222"), tmp_path / "b")
    store = PageStore(cache, second.root, "", clinic_stamp(second))
    assert "0800 111 222" in Pages(second, store).chapter_html("when-to-call")


def test_the_search_index_key_follows_the_clinic(tmp_path: Path) -> None:
    first = _handbook_with(CLINIC_TOML, tmp_path / "a")
    second = _handbook_with(CLINIC_TOML.replace(PHONE_24H, "0800 111 222"), tmp_path / "b")
    assert index_key(first) != index_key(second)


def test_the_first_clinic_file_found_wins(tmp_path: Path) -> None:
    dirs = UserDirs.under(tmp_path / "home")
    system = write_clinic(tmp_path / "etc")
    user = write_clinic(dirs.config)
    explicit = tmp_path / "mine.toml"
    assert find_clinic_file(explicit, system, dirs, system).path == explicit
    assert find_clinic_file(None, user, dirs, system).chosen_by == "kiosk settings"
    assert find_clinic_file(None, None, dirs, system).path == system
    assert find_clinic_file(None, None, dirs, tmp_path / "none.toml").path == user
    assert find_clinic_file(None, None, UserDirs.under(tmp_path / "x"), tmp_path / "n").path is None


def test_the_kiosk_settings_name_the_clinic_file(tmp_path: Path) -> None:
    config = parse_kiosk_config('enabled = true\nclinic = "/srv/clinic.toml"\n', tmp_path / "k")
    assert config.clinic == Path("/srv/clinic.toml") and not config.problems


def test_the_spanish_handbook_gets_the_spanish_card(tmp_path: Path) -> None:
    handbook = _handbook_with(CLINIC_TOML, tmp_path, "es")
    assert handbook.chapters[0].title == "Su equipo de atención"
    assert handbook.clinic_card[0] == "Hospital Infantil St Mary, Sala 7"
    assert CLINIC_NAME not in handbook.chapters[0].markdown.replace("\\", "")
