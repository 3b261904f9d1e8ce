"""Back/forward history and remembered preferences: plain Python, no window."""

from __future__ import annotations

import json
from pathlib import Path

from reader.history import History, Place
from reader.preferences import Preferences, load_preferences, save_preferences
from reader.recent import RECENT_FILE, last_opened, load_recent


def test_back_then_forward_returns_the_places_with_their_scroll() -> None:
    history = History()
    history.leave(Place("a", 10))
    history.leave(Place("b", 20))
    assert history.back(Place("c", 30)) == Place("b", 20)
    assert history.back(Place("b", 25)) == Place("a", 10)
    assert history.back(Place("a", 10)) is None
    assert history.forward(Place("a", 10)) == Place("b", 25)
    assert history.forward(Place("b", 25)) == Place("c", 30)
    assert not history.can_go_forward


def test_visiting_somewhere_new_drops_the_forward_trail() -> None:
    history = History()
    history.leave(Place("a"))
    history.back(Place("b"))
    assert history.can_go_forward
    history.leave(Place("a"))
    assert not history.can_go_forward


def test_history_is_bounded() -> None:
    history = History(limit=3)
    for n in range(10):
        history.leave(Place(str(n)))
    assert [history.back(Place("x")) for _ in range(4)][-1] is None


def test_preferences_round_trip(tmp_path: Path) -> None:
    prefs = Preferences(zoom=150, theme="dark", mark_terms=False)
    save_preferences(tmp_path, prefs)
    assert load_preferences(tmp_path) == prefs


def test_unreadable_preferences_give_defaults(tmp_path: Path) -> None:
    (tmp_path / "preferences.json").write_text('{"zoom": "huge", "theme": 3', encoding="utf-8")
    assert load_preferences(tmp_path) == Preferences()
    (tmp_path / "preferences.json").write_text('{"zoom": 999, "theme": "dark"}', encoding="utf-8")
    loaded = load_preferences(tmp_path)
    assert loaded.zoom == 100 and loaded.theme == "dark"


def test_zoom_steps_stop_at_the_ends() -> None:
    prefs = Preferences()
    for _ in range(20):
        prefs.zoom_in()
    assert prefs.zoom == 300
    for _ in range(20):
        prefs.zoom_out()
    assert prefs.zoom == 80


def test_preferences_saved_with_a_bom_keep_their_settings(tmp_path: Path) -> None:
    text = '{"zoom": 150, "theme": "dark"}'
    (tmp_path / "preferences.json").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    loaded = load_preferences(tmp_path)
    assert (loaded.zoom, loaded.theme) == (150, "dark")


def test_preferences_nested_too_deep_give_defaults(tmp_path: Path) -> None:
    (tmp_path / "preferences.json").write_text("[" * 100_000, encoding="utf-8")
    assert load_preferences(tmp_path) == Preferences()


def test_recent_list_skips_paths_no_file_call_accepts(tmp_path: Path) -> None:
    good = tmp_path / "handbook"
    good.mkdir()
    listed = json.dumps([f"{good}\x00/evil", str(good)])
    (tmp_path / RECENT_FILE).write_bytes(b"\xef\xbb\xbf" + listed.encode("utf-8"))
    assert load_recent(tmp_path) == [good]
    (tmp_path / RECENT_FILE).write_text(json.dumps([f"{good}\x00/evil"]), encoding="utf-8")
    assert last_opened(tmp_path) is None
