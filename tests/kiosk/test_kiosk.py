"""Kiosk policy: kiosk.toml settings and their problems, the PIN hash, the lockout, the
visit's temporary files, where printouts go, and the `kiosk-pin` command."""

from __future__ import annotations

import argparse
import base64
import io
import re
from datetime import datetime
from pathlib import Path

import pytest

from reader.commands import CommandError, kiosk_pin
from reader.kiosk.pin import (
    MIN_PIN_ITERATIONS,
    PinError,
    PinLockout,
    hash_pin,
    parse_pin_hash,
    set_admin_pin,
    verify_pin,
)
from reader.kiosk.settings import (
    SYSTEM_CONFIG,
    KioskConfig,
    default_config_paths,
    load_kiosk_config,
    report_problems,
)
from reader.kiosk.visit import VisitFiles, kiosk_print_target, seconds_left_text
from reader.paths import UserDirs

PIN = "73915824"
PIN_HASH = hash_pin(PIN)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- the PIN --------------------------------------------------------------------------


def test_right_pin_verifies_and_wrong_pin_does_not() -> None:
    assert verify_pin(PIN, PIN_HASH)
    assert not verify_pin("73915825", PIN_HASH)
    assert not verify_pin("", PIN_HASH)
    assert not verify_pin(PIN, "")


def test_pin_hash_is_salted_pbkdf2_with_enough_iterations() -> None:
    scheme, iterations, salt, digest = PIN_HASH.split("$")
    assert scheme == "pbkdf2_sha256"
    assert int(iterations) >= 200_000
    assert len(base64.b64decode(salt)) >= 16
    assert len(base64.b64decode(digest)) == 32
    assert PIN not in PIN_HASH


def test_the_same_pin_gets_a_different_salt_each_time() -> None:
    again = hash_pin(PIN)
    assert again.split("$")[2] != PIN_HASH.split("$")[2]
    assert again != PIN_HASH
    assert verify_pin(PIN, again)


def test_a_weak_or_malformed_hash_is_not_accepted() -> None:
    weak = PIN_HASH.replace(f"${PIN_HASH.split('$')[1]}$", "$1000$")
    assert parse_pin_hash(weak) is None
    assert not verify_pin(PIN, weak)
    for stored in ("1234", "pbkdf2_sha256$x$y$z", "md5$300000$AAAA$BBBB", f"{PIN_HASH}$extra"):
        assert parse_pin_hash(stored) is None
    with pytest.raises(ValueError):
        hash_pin(PIN, iterations=MIN_PIN_ITERATIONS - 1)


def test_set_admin_pin_writes_only_the_hash_and_keeps_other_lines(tmp_path: Path) -> None:
    config = _write(tmp_path / "kiosk.toml", "enabled = true\n# the desk printer\ncountdown = 30\n")
    set_admin_pin(config, PIN)
    text = config.read_text(encoding="utf-8")
    assert PIN not in text
    assert "enabled = true" in text and "# the desk printer" in text and "countdown = 30" in text
    loaded = load_kiosk_config([config])
    assert loaded.problems == ()
    assert loaded.enabled and loaded.countdown == 30
    assert verify_pin(PIN, loaded.admin_pin_hash)


def test_setting_the_pin_again_replaces_the_old_hash(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "kiosk.toml"
    set_admin_pin(config, PIN)
    set_admin_pin(config, "2580")
    text = config.read_text(encoding="utf-8")
    assert text.count("admin_pin_hash") == 1
    loaded = load_kiosk_config([config])
    assert verify_pin("2580", loaded.admin_pin_hash)
    assert not verify_pin(PIN, loaded.admin_pin_hash)


def test_the_pin_line_goes_before_any_table(tmp_path: Path) -> None:
    config = _write(tmp_path / "kiosk.toml", "enabled = true\n[notes]\nwho = 'desk'\n")
    set_admin_pin(config, PIN)
    text = config.read_text(encoding="utf-8")
    assert text.index("admin_pin_hash") < text.index("[notes]")


@pytest.mark.parametrize("pin", ["", "123", "12ab", "1234567890123", "١٢٣٤"])
def test_pins_that_are_not_4_to_12_digits_are_refused(tmp_path: Path, pin: str) -> None:
    with pytest.raises(PinError, match="4 to 12 digits"):
        set_admin_pin(tmp_path / "kiosk.toml", pin)
    assert not (tmp_path / "kiosk.toml").exists()


def test_five_wrong_pins_lock_input_for_a_while() -> None:
    now = [100.0]
    lockout = PinLockout(max_tries=5, lockout_seconds=60, clock=lambda: now[0])
    for _ in range(4):
        lockout.record(False)
    assert not lockout.locked
    lockout.record(False)
    assert lockout.locked and lockout.seconds_left() == 60
    now[0] += 59
    assert lockout.locked
    now[0] += 1.5
    assert not lockout.locked


def test_a_right_pin_clears_the_wrong_count() -> None:
    lockout = PinLockout(max_tries=3, clock=lambda: 0.0)
    lockout.record(False)
    lockout.record(False)
    lockout.record(True)
    lockout.record(False)
    lockout.record(False)
    assert not lockout.locked


# -- the settings file -----------------------------------------------------------------


def test_without_a_file_the_defaults_apply(tmp_path: Path) -> None:
    config = load_kiosk_config([tmp_path / "missing.toml"])
    assert config == KioskConfig()
    assert not config.enabled and config.idle_timeout == 180 and config.countdown == 20
    assert config.print_target == "none" and not config.has_pin


def test_config_is_looked_for_system_wide_first_then_in_the_user_folder(
    user_dirs: UserDirs,
) -> None:
    assert default_config_paths(user_dirs) == [SYSTEM_CONFIG, user_dirs.config / "kiosk.toml"]
    assert str(SYSTEM_CONFIG) == "/etc/handbook-reader/kiosk.toml"


def test_the_system_file_wins_over_the_user_file(tmp_path: Path) -> None:
    system = _write(tmp_path / "etc" / "kiosk.toml", "enabled = true\nidle_timeout = 60\n")
    user = _write(tmp_path / "home" / "kiosk.toml", "enabled = false\nidle_timeout = 300\n")
    config = load_kiosk_config([system, user])
    assert config.enabled and config.idle_timeout == 60 and config.source == system
    assert load_kiosk_config([tmp_path / "none.toml", user]).idle_timeout == 300


def test_every_setting_is_read(tmp_path: Path) -> None:
    text = (
        "enabled = true\nidle_timeout = 240\ncountdown = 15\n"
        f'admin_pin_hash = "{PIN_HASH}"\nprint_target = "folder"\n'
        f'print_folder = "{tmp_path / "usb"}"\nstart_page = "history"\n'
        'text_size = 125\nlanguage = "es"\n'
    )
    config = load_kiosk_config([_write(tmp_path / "kiosk.toml", text)])
    assert config.problems == ()
    assert (config.enabled, config.idle_timeout, config.countdown) == (True, 240, 15)
    assert config.has_pin and config.print_target == "folder"
    assert config.print_folder == tmp_path / "usb"
    assert (config.start_page, config.text_size, config.language) == ("history", 125, "es")


def test_bad_values_fall_back_to_defaults_with_messages_naming_file_and_line(
    tmp_path: Path,
) -> None:
    text = (
        "enabled = true\n"
        'idle_timeout = "soon"\n'
        "countdown = 0\n"
        'admin_pin_hash = "1234"\n'
        'print_target = "fax"\n'
        "text_size = 133\n"
        'language = "fr"\n'
        "colour = 'blue'\n"
    )
    path = _write(tmp_path / "kiosk.toml", text)
    config = load_kiosk_config([path])
    assert config.enabled
    assert config.idle_timeout == 180 and config.countdown == 20
    assert not config.has_pin and config.print_target == "none"
    assert config.text_size == 125 and config.language == "en"
    messages = "\n".join(config.problems)
    keys = ("idle_timeout", "countdown", "admin_pin_hash", "print_target", "text_size",
            "language", "colour")  # fmt: skip
    for line, key in enumerate(keys, start=2):
        assert f"{path}, line {line}: " in messages, key
        assert key in messages
    assert "1234" not in messages.replace(f"{path}", "")


def test_broken_toml_still_keeps_the_lines_that_can_be_read(tmp_path: Path) -> None:
    text = f'enabled = true\nidle_timeout = 90 seconds\nadmin_pin_hash = "{PIN_HASH}"\n'
    path = _write(tmp_path / "kiosk.toml", text)
    config = load_kiosk_config([path])
    assert config.enabled and config.has_pin
    assert config.idle_timeout == 180
    messages = "\n".join(config.problems)
    assert "not valid TOML" in messages
    assert f"{path}, line 2: could not be read" in messages


def test_an_unreadable_file_means_defaults_and_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk.toml"
    folder.mkdir()
    config = load_kiosk_config([folder])
    assert config.idle_timeout == 180 and not config.enabled
    assert len(config.problems) == 1 and str(folder) in config.problems[0]


def test_a_file_that_is_not_utf8_means_defaults_and_a_message(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"enabled = true\nstart_page = '\xff'\n")
    config = load_kiosk_config([path])
    assert config.problems and str(path) in config.problems[0]


@pytest.mark.parametrize(
    "first", ["enabled = true", f'admin_pin_hash = "{PIN_HASH}"'], ids=["enabled", "pin"]
)
def test_a_bom_written_by_notepad_keeps_the_first_line(tmp_path: Path, first: str) -> None:
    others = ["enabled = true", f'admin_pin_hash = "{PIN_HASH}"', "countdown = 30"]
    lines = [first, *(line for line in others if line != first)]
    config = tmp_path / "kiosk.toml"
    config.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    loaded = load_kiosk_config([config])
    assert loaded.problems == ()
    assert loaded.enabled and loaded.countdown == 30
    assert verify_pin(PIN, loaded.admin_pin_hash)


def test_setting_the_pin_in_a_file_with_a_bom_replaces_its_first_line_hash(
    tmp_path: Path,
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_bytes(b"\xef\xbb\xbf" + f'admin_pin_hash = "{PIN_HASH}"\n'.encode())
    set_admin_pin(config, "2580")
    assert config.read_text(encoding="utf-8-sig").count("admin_pin_hash") == 1
    loaded = load_kiosk_config([config])
    assert loaded.problems == ()
    assert verify_pin("2580", loaded.admin_pin_hash)


def test_printing_without_its_printer_or_folder_is_turned_off(tmp_path: Path) -> None:
    for target in ("printer", "folder"):
        path = _write(tmp_path / f"{target}.toml", f'\n\nprint_target = "{target}"\n')
        config = load_kiosk_config([path])
        assert config.print_target == "none"
        assert any(f"{path}, line 3:" in problem for problem in config.problems)


def test_the_command_line_idle_timeout_wins_over_the_file(tmp_path: Path) -> None:
    config = load_kiosk_config([_write(tmp_path / "kiosk.toml", "idle_timeout = 300\n")])
    assert config.with_idle_timeout(None).idle_timeout == 300
    assert config.with_idle_timeout(45).idle_timeout == 45
    refused = config.with_idle_timeout(2)
    assert refused.idle_timeout == 300
    assert "--idle-timeout" in refused.problems[-1]


def test_the_log_says_how_to_set_a_pin_when_none_is_set() -> None:
    lines = list(report_problems(KioskConfig()))
    assert any("handbook-reader kiosk-pin" in line for line in lines)
    assert list(report_problems(KioskConfig(admin_pin_hash=PIN_HASH))) == []


# -- the visit and printing -------------------------------------------------------------


def test_visit_files_are_removed_when_the_visit_ends(tmp_path: Path) -> None:
    files = VisitFiles(parent=tmp_path)
    first = files.new_path(".pdf")
    first.write_bytes(b"%PDF-")
    second = files.new_path(".pdf")
    assert first != second and first.parent == second.parent
    assert first.parent.parent == tmp_path
    files.clear()
    assert not first.exists() and not first.parent.exists()
    assert files.new_path().parent.is_dir()
    files.clear()
    assert list(tmp_path.iterdir()) == []


def test_print_target_gives_a_new_file_in_the_configured_folder(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    config = KioskConfig(print_target="folder", print_folder=usb)
    target = kiosk_print_target(config, now=lambda: datetime(2026, 11, 28, 14, 3))
    first = target()
    assert first == usb / "handbook-2026-11-28-1403.pdf"
    first.write_bytes(b"%PDF-")
    second = target()
    assert second == usb / "handbook-2026-11-28-1403-2.pdf"


def test_print_target_is_none_unless_printing_to_a_folder(tmp_path: Path) -> None:
    assert kiosk_print_target(KioskConfig())() is None
    printer = KioskConfig(print_target="printer", printer_name="desk", print_folder=tmp_path)
    assert kiosk_print_target(printer)() is None


def test_countdown_shows_whole_seconds_rounded_up() -> None:
    assert [seconds_left_text(ms) for ms in (20_000, 19_001, 1_000, 200, 0)] == [20, 20, 1, 1, 0]


# -- the kiosk-pin command ----------------------------------------------------------------


def _run_kiosk_pin(monkeypatch: pytest.MonkeyPatch, path: Path, typed: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    return kiosk_pin.run(argparse.Namespace(config=path, handbook=None))


def test_kiosk_pin_command_stores_the_hash_of_the_pin_typed_twice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    assert _run_kiosk_pin(monkeypatch, path, f"{PIN}\n{PIN}\n") == 0
    text = path.read_text(encoding="utf-8")
    assert PIN not in text
    assert re.search(r'^admin_pin_hash = "pbkdf2_sha256\$\d+\$', text, re.MULTILINE)
    assert verify_pin(PIN, load_kiosk_config([path]).admin_pin_hash)
    assert str(path) in capsys.readouterr().out


def test_kiosk_pin_command_refuses_pins_that_differ_or_break_the_rules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "kiosk.toml"
    with pytest.raises(CommandError, match="not the same"):
        _run_kiosk_pin(monkeypatch, path, f"{PIN}\n1111\n")
    with pytest.raises(CommandError, match="4 to 12 digits"):
        _run_kiosk_pin(monkeypatch, path, "12\n12\n")
    with pytest.raises(CommandError, match="no PIN"):
        _run_kiosk_pin(monkeypatch, path, "")
    assert not path.exists()


def test_kiosk_pin_command_defaults_to_the_user_config(
    monkeypatch: pytest.MonkeyPatch, user_dirs: UserDirs
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("2580\n2580\n"))
    assert kiosk_pin.run(argparse.Namespace(config=None, handbook=None)) == 0
    assert verify_pin("2580", load_kiosk_config([user_dirs.config / "kiosk.toml"]).admin_pin_hash)
