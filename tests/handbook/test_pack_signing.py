"""Who made a handbook (#38, "What to build" 2): `pack-key` makes an Ed25519 key,
`pack --sign KEY` signs the pack's seal, `toc --json` and the window say who signed it
(a name from trusted-keys.toml) or that nobody did, a changed or mis-signed file is
refused in one line, and a kiosk with `require_signed` opens only its publishers' files
(else the bundled handbook, with one line saying why). Real keys, real packs."""

from __future__ import annotations

import argparse
import json
import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.handbook import load_handbook
from reader.handbook.packed import SEAL_LENGTH, placeholder_comment, seal
from reader.handbook.signing import SIGNATURE_LENGTH, SIGNATURE_TAG, parse_public_key
from reader.handbook.trust import TRUST_NAME, load_trusted_keys
from reader.kiosk.settings import KioskConfig, kiosk_handbook, parse_kiosk_config
from reader.paths import UserDirs, bundled_handbook_dir
from tests.support import run_cli

TEAM = "St Mary's immunology team"


def make_key(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    """A new key at `path`; returns its public key as `pack-key` prints it."""
    code, out, err = run_cli(capsys, "pack-key", str(path))
    assert (code, err) == (0, "")
    [public] = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("Public")]
    assert parse_public_key(public) is not None
    return public


@pytest.fixture
def key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    path = tmp_path / "keys" / "publisher.pem"
    path.parent.mkdir()
    return path, make_key(capsys, path)


def pack(capsys: pytest.CaptureFixture[str], folder: Path, out: Path, *sign: str) -> Path:
    code, printed, err = run_cli(capsys, "pack", str(folder), str(out), *sign)
    assert (code, err) == (0, ""), err
    assert printed.startswith(f"Wrote {out} (")
    return out


def trust(user_dirs: UserDirs, name: str, public: str) -> None:
    user_dirs.config.mkdir(parents=True, exist_ok=True)
    (user_dirs.config / TRUST_NAME).write_text(
        f'[[publisher]]\nname = "{name}"\nkey = "{public}"\n', encoding="utf-8"
    )


def signature(capsys: pytest.CaptureFixture[str], book: Path) -> dict[str, object]:
    code, out, err = run_cli(capsys, "--handbook", str(book), "toc", "--json")
    assert (code, err) == (0, ""), err
    found: dict[str, object] = json.loads(out)["signature"]
    return found


def refusal(capsys: pytest.CaptureFixture[str], book: Path) -> str:
    code, out, err = run_cli(capsys, "--handbook", str(book), "toc")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.fixture
def signed(
    gene_book: Path, key: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    return pack(capsys, gene_book, tmp_path / "signed.handbook", "--sign", str(key[0]))


@pytest.fixture
def plain(gene_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The same folder packed without a signature."""
    return pack(capsys, gene_book, tmp_path / "plain.handbook")


def test_pack_key_writes_a_private_key_for_its_owner_only_and_never_over_a_file(
    key: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = key[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "pack-key", str(path))
    assert (code, out) == (1, "") and err.count("\n") == 1 and "already exists" in err
    assert path.read_bytes() == before


def test_toc_json_says_who_signed_a_pack_and_whether_it_is_trusted(
    gene_book: Path,
    plain: Path,
    signed: Path,
    key: tuple[Path, str],
    user_dirs: UserDirs,
    capsys: pytest.CaptureFixture[str],
) -> None:
    public = key[1]
    unknown = signature(capsys, signed)
    assert unknown["signed"] is True and unknown["trusted"] is False
    assert unknown["signer"] is None and unknown["public_key"] == public
    trust(user_dirs, TEAM, public)
    known = signature(capsys, signed)
    assert known == {**unknown, "signer": TEAM, "trusted": True}
    nobody = {"signed": False, "signer": None, "key_id": None, "public_key": None}
    assert signature(capsys, plain) == {**nobody, "trusted": False}
    assert signature(capsys, gene_book) == {**nobody, "trusted": False}  # a folder
    code, out, _ = run_cli(capsys, "--handbook", str(signed), "search", "lentivirus")
    assert code == 0 and "[two]" in out


def test_signed_packs_are_deterministic_and_open_as_their_folder(
    gene_book: Path, signed: Path, key: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    again = pack(capsys, gene_book, signed.with_name("again.handbook"), "--sign", str(key[0]))
    assert again.read_bytes() == signed.read_bytes()
    assert signed.read_bytes()[-SIGNATURE_LENGTH:].startswith(SIGNATURE_TAG)
    folder_toc = run_cli(capsys, "--handbook", str(gene_book), "toc")
    assert run_cli(capsys, "--handbook", str(signed), "toc") == folder_toc


def resealed(data: bytes, at: int, trailer: bytes) -> bytes:
    """`data` with byte `at` flipped, sealed again by hand, and `trailer` after the seal:
    what someone who changed a signed file and knows how seals work would make."""
    body = bytearray(data[: -(SEAL_LENGTH + SIGNATURE_LENGTH)])
    body[at] ^= 0x20
    return seal(bytes(body) + placeholder_comment()) + trailer


def test_a_changed_or_mis_signed_pack_is_refused_in_one_line(
    signed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = signed.read_bytes()
    trailer = data[-SIGNATURE_LENGTH:]
    other = make_key(capsys, tmp_path / "other.pem").removeprefix("ed25519:").encode()
    cases = {
        "changed and resealed": resealed(data, 200, trailer),
        "another key named": data[:-SIGNATURE_LENGTH] + trailer[:9] + other + trailer[73:],
        "signature flipped": data[:-1] + (b"0" if data[-1:] != b"0" else b"1"),
    }
    for name, changed in cases.items():
        path = tmp_path / f"{name}.handbook"
        path.write_bytes(changed)
        assert "its signature does not match" in refusal(capsys, path), name
    cut = tmp_path / "cut.handbook"
    cut.write_bytes(data[:-SIGNATURE_LENGTH])  # the seal covers the comment's length
    assert "damaged or was changed" in refusal(capsys, cut)


def test_pack_sign_with_no_key_a_pipe_or_not_a_key_is_one_line_and_writes_nothing(
    gene_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_key = tmp_path / "notes.pem"
    not_a_key.write_text("-----BEGIN PRIVATE KEY-----\nnonsense\n", encoding="utf-8")
    pipe = tmp_path / "pipe.pem"  # reading it would wait for a writer for ever
    os.mkfifo(pipe)
    out = tmp_path / "book.handbook"
    for bad in (not_a_key, tmp_path / "missing.pem", pipe):
        code, printed, err = run_cli(capsys, "pack", str(gene_book), str(out), "--sign", str(bad))
        assert (code, printed) == (1, "") and err.count("\n") == 1
        assert str(bad) in err
    assert not out.exists()


def test_a_trust_file_with_bad_entries_trusts_only_the_good_ones(
    signed: Path,
    key: tuple[Path, str],
    user_dirs: UserDirs,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = user_dirs.config / TRUST_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'[[publisher]]\nname = "{TEAM}"\nkey = "{key[1]}"\n'
        '[[publisher]]\nname = "No key"\nkey = "ed25519:1234"\n',
        encoding="utf-8",
    )
    trusted = load_trusted_keys([path, path.with_name("absent.toml")])
    assert [p.name for p in trusted.publishers] == [TEAM]
    assert len(trusted.problems) == 1 and "entry 2" in trusted.problems[0]
    capsys.readouterr()
    caplog.clear()
    code, out, err = run_cli(capsys, "--handbook", str(signed), "toc", "--json")
    assert code == 0 and json.loads(out)["signature"]["signer"] == TEAM
    assert err == ""  # the problem is a warning: one line on stderr outside pytest
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and "entry 2: needs a name and a key" in warned[0]


# --- the kiosk ---------------------------------------------------------------------


def kiosk_toml(public: str, require: bool = True) -> str:
    return (
        f"enabled = true\nrequire_signed = {str(require).lower()}\n"
        f'trusted_keys = [{{ name = "{TEAM}", key = "{public}" }}]\n'
    )


def test_kiosk_settings_read_trusted_keys_and_fail_closed_on_a_bad_list(
    key: tuple[Path, str], tmp_path: Path
) -> None:
    config = parse_kiosk_config(kiosk_toml(key[1]), tmp_path / "kiosk.toml")
    assert config.require_signed and [p.name for p in config.trusted_keys] == [TEAM]
    assert config.problems == ()
    bad = kiosk_toml(key[1]).replace(key[1], "not a key")
    config = parse_kiosk_config(bad, tmp_path / "kiosk.toml")
    assert config.require_signed and config.trusted_keys == ()
    assert any("line 3: trusted_keys must list" in p for p in config.problems)
    assert any("only the bundled handbook opens" in p for p in config.problems)


def test_a_kiosk_that_requires_signatures_opens_only_its_publishers_files(
    gene_book: Path,
    plain: Path,
    signed: Path,
    key: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = parse_kiosk_config(kiosk_toml(key[1]), tmp_path / "kiosk.toml")
    assert kiosk_handbook(signed, config) == (signed, "")
    bundled = bundled_handbook_dir()
    assert kiosk_handbook(bundled, config) == (bundled, "")
    stranger = tmp_path / "stranger.pem"
    make_key(capsys, stranger)
    foreign = pack(capsys, gene_book, tmp_path / "foreign.handbook", "--sign", str(stranger))
    changed = tmp_path / "changed.handbook"
    data = signed.read_bytes()  # the signature's last hex digit changed, whatever it was
    changed.write_bytes(data[:-1] + (b"0" if data[-1:] != b"0" else b"1"))
    reasons = {
        plain: "it is not signed",
        foreign: "which is not a trusted publisher's",
        gene_book: "it is a folder",
        changed: "its signature does not match",
    }
    for book, reason in reasons.items():
        opened, message = kiosk_handbook(book, config)
        assert opened == bundled, book
        assert reason in message and message.count("\n") == 0
        assert message.startswith(f"kiosk: {book.name} is not opened: ")
    escaping = tmp_path / "red\x1b[31m.handbook"  # a name that would colour the log
    escaping.write_bytes(plain.read_bytes())
    message = kiosk_handbook(escaping, config)[1]
    assert message.startswith("kiosk: red?[31m.handbook is not opened: it is not signed")
    relaxed = parse_kiosk_config(kiosk_toml(key[1], require=False), tmp_path / "kiosk.toml")
    assert kiosk_handbook(plain, relaxed) == (plain, "")
    assert kiosk_handbook(plain, KioskConfig()) == (plain, "")


# --- the window ----------------------------------------------------------------------


@pytest.fixture
def start_kiosk(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[object]:
    from reader.ui.app import Session, open_session

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    sessions: list[Session] = []

    def start(book: Path) -> Session:
        args = argparse.Namespace(lang="en", kiosk=True, idle_timeout=None, handbook=book)
        session = open_session(args, book)
        assert isinstance(session, Session) and session.shell is not None
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        if session.shell is not None:
            session.shell.release()
        session.close()
        session.window.close()


def test_a_kiosk_window_shows_a_trusted_file_and_falls_back_from_an_unsigned_one(
    start_kiosk: object,
    plain: Path,
    signed: Path,
    key: tuple[Path, str],
    user_dirs: UserDirs,
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_dirs.config.mkdir(parents=True, exist_ok=True)
    (user_dirs.config / "kiosk.toml").write_text(kiosk_toml(key[1]), encoding="utf-8")
    session = start_kiosk(signed)  # type: ignore[operator]
    assert session.window.handbook.root == signed
    assert session.window.statusBar().currentMessage() == f"Signed by {TEAM}"
    capsys.readouterr()
    session = start_kiosk(plain)  # type: ignore[operator]
    assert session.window.handbook.root == bundled_handbook_dir()
    lines = capsys.readouterr().err.splitlines()
    assert (
        "kiosk: plain.handbook is not opened: it is not signed. Showing the bundled "
        "handbook." in lines
    )


def about_text(window: object) -> str:
    """The text of Help > About, read from the real dialog and closed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLabel

    from reader.ui.window.dialogs import show_about

    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QDialog)
        words = box.findChild(QLabel, "aboutText")
        assert words is not None
        seen.append(words.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    show_about(window, window.handbook, window.signature)  # type: ignore[attr-defined]
    return seen[0]


def test_the_desktop_window_says_who_signed_the_file_in_status_and_about(
    qtbot: QtBot, signed: Path, key: tuple[Path, str], user_dirs: UserDirs, gene_book: Path
) -> None:
    from reader.preferences import Preferences
    from reader.ui.mainwindow import MainWindow

    trust(user_dirs, TEAM, key[1])
    said: dict[Path, tuple[str, str]] = {}
    for book in (signed, gene_book):
        window = MainWindow(load_handbook(book), Preferences(), cache_dir=user_dirs.cache)
        qtbot.addWidget(window)
        window.start()
        said[book] = (window.statusBar().currentMessage(), about_text(window))
        window.search_index.shut_down()
    status, about = said[signed]
    assert status == f"Signed by {TEAM}" and "<p>Signed by St Mary&#x27;s" in about
    status, about = said[gene_book]  # a folder carries no signature: nothing is said
    assert status == "" and "igned" not in about
