"""No code from data (#38, defect 1): Whoosh reads an index with pickle, so an index is
code, and the reader opens one only from its own user cache, where it wrote it.

A .handbook made by hand carries a search index whose table of contents unpickles into
"create a marker file"; it is sealed and listed exactly as `pack` seals and lists (so
every check passes). toc, search, show and the window open it: the marker never
appears, and search still works, from an index built from the pack's text. The same
index placed in a standalone bundle's data folder, in a handbook folder or beside a
pack is never opened either."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from whoosh.filedb.filestore import RamStorage
from whoosh.index import TOC

from reader.handbook import load_handbook
from reader.handbook.packed import CHECKSUMS_NAME, checksum_list, placeholder_comment, seal
from reader.handbook.packing import folder_files
from reader.paths import UserDirs
from reader.preferences import Preferences
from reader.search.documents import search_schema
from reader.search.index import (
    INDEX_FOLDER,
    META_FILE,
    SCHEMA_VERSION,
    build_in_memory,
    index_key,
    open_or_build_index,
)
from reader.storage import checksum, file_checksum
from reader.ui.mainwindow import MainWindow
from tests.support import run_cli


class _TouchesMarker:
    """Unpickles into a call that creates `marker`: what a hostile index would run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def hostile_index_files(marker: Path) -> dict[str, bytes]:
    """A Whoosh index's files whose TOC's segment list unpickles into the marker."""
    storage = RamStorage()
    TOC(search_schema(), [_TouchesMarker(marker)], 1).write(storage, "MAIN")
    return {name: bytes(data) for name, data in storage.files.items()}


def hostile_meta(files: dict[str, bytes], vocabulary: object, doc_count: int) -> bytes:
    """The meta file the reader keeps beside an index, matching `files` exactly."""
    meta = {
        "schema": SCHEMA_VERSION,
        "doc_count": doc_count,
        "files": {name: [len(data), checksum([data])] for name, data in sorted(files.items())},
        "vocabulary": vocabulary,
    }
    return json.dumps(meta).encode()


def hostile_pack(folder: Path, marker: Path, out: Path) -> Path:
    """`folder` packed with a hostile index under the key the reader looks for, listed
    in the checksum list and sealed as `pack` does: only the reader's rules refuse it."""
    handbook = load_handbook(folder)
    honest = build_in_memory(handbook)
    honest.index.close()
    index = hostile_index_files(marker)
    index[META_FILE] = hostile_meta(index, honest.vocabulary.to_json(), honest.doc_count)
    key = index_key(handbook)
    entries = {f"handbook/{n}": d for n, d in folder_files(folder).files.items()}
    entries.update({f"search/{key}/{name}": data for name, data in index.items()})
    entries[CHECKSUMS_NAME] = checksum_list(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), entries[name])
        archive.comment = placeholder_comment()
    out.write_bytes(seal(buffer.getvalue()))
    return out


def plant_index(folder: Path, marker: Path, handbook_folder: Path) -> Path:
    """The hostile index as the cache keeps one (files plus a meta file whose checksums
    match), under `folder/search/<key>`: everything a cache check would accept."""
    handbook = load_handbook(handbook_folder)
    honest = build_in_memory(handbook)
    honest.index.close()
    place = folder / INDEX_FOLDER / index_key(handbook)
    place.mkdir(parents=True)
    for name, data in hostile_index_files(marker).items():
        (place / name).write_bytes(data)
    files = {p.name: [p.stat().st_size, file_checksum(p)] for p in sorted(place.iterdir())}
    meta = {"schema": SCHEMA_VERSION, "doc_count": honest.doc_count, "files": files}
    meta["vocabulary"] = honest.vocabulary.to_json()
    (place / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    return place


def test_the_hostile_index_really_runs_code_when_whoosh_opens_it(tmp_path: Path) -> None:
    """The payload works: the tests below fail if the reader ever hands it to Whoosh."""
    marker = tmp_path / "ran"
    storage = RamStorage()
    storage.files.update(hostile_index_files(marker))
    with contextlib.suppress(Exception):  # whatever Whoosh makes of it afterwards
        storage.open_index()
    assert marker.exists()


def test_a_hostile_index_in_a_pack_never_runs_from_any_command(
    gene_book: Path, tmp_path: Path, user_dirs: UserDirs, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    packed = hostile_pack(gene_book, marker, tmp_path / "hostile.handbook")
    book = ["--handbook", str(packed)]
    assert run_cli(capsys, *book, "toc")[0] == 0
    code, out, err = run_cli(capsys, *book, "search", "lentivirus", "--json")
    assert (code, err) == (0, "")
    assert [hit["id"] for hit in json.loads(out)["results"]][:1] == ["two"]
    assert run_cli(capsys, *book, "show", "two")[0] == 0
    assert run_cli(capsys, *book, "check")[0] == 0
    assert not marker.exists(), "the pack's index was opened by Whoosh"
    built = open_or_build_index(load_handbook(packed), user_dirs.cache)
    built.index.close()
    assert built.location is not None and built.location.is_relative_to(user_dirs.cache)


def first_hit(qtbot: QtBot, window: MainWindow, words: str) -> str:
    """The id of the first search result in the window, once its index is ready."""
    from reader.ui.panels.search_panel import ID_ROLE

    qtbot.waitUntil(lambda: window.search_panel.index is not None, timeout=20000)
    window.search_box.setText(words)
    window.search_panel.search_now()
    results = window.search_panel.results
    return str(results.item(0).data(ID_ROLE)) if results.count() else ""


def test_a_hostile_index_in_a_pack_never_runs_in_the_window(
    qtbot: QtBot, gene_book: Path, tmp_path: Path, user_dirs: UserDirs
) -> None:
    """Opened as the window's handbook, and then from File > Open (which dropping the
    file and Open Recent use too): searched both times, and nothing runs."""
    from reader.ui.window.open_handbook import HandbookOpener
    from tests.helpers.desktop_session import desktop_session

    marker = tmp_path / "ran"
    packed = hostile_pack(gene_book, marker, tmp_path / "hostile.handbook")
    first = MainWindow(load_handbook(packed), Preferences(), cache_dir=user_dirs.cache)
    session = desktop_session(first, user_dirs)
    opener = first.findChild(HandbookOpener)
    assert opener is not None
    first.start()
    first.show()
    assert first_hit(qtbot, first, "lentivirus") == "two"
    with qtbot.waitSignal(session.signals.window_replaced, timeout=20_000) as replaced:
        opener.open_path(packed)  # loads it off the window's thread, then retires the first
    second = replaced.args[0]
    assert isinstance(second, MainWindow)
    qtbot.addWidget(second)
    try:
        assert first_hit(qtbot, second, "lentivirus") == "two"
        assert not marker.exists(), "the pack's index was opened by Whoosh"
    finally:
        second.search_index.shut_down()


def test_an_index_outside_the_user_cache_is_never_opened(
    gene_book: Path,
    tmp_path: Path,
    user_dirs: UserDirs,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In a standalone bundle's data folder (as a frozen app finds it), inside the
    handbook folder (either layout) and beside a pack: each would pass a cache check."""
    marker = tmp_path / "ran"
    bundle = tmp_path / "bundle"
    data = bundle / "reader" / "_data"
    shutil.copytree(gene_book, data / "handbook")
    plant_index(data / "index", marker, gene_book)
    plant_index(gene_book, marker, gene_book)
    plant_index(gene_book / "index", marker, gene_book)
    packed = tmp_path / "beside" / "book.handbook"
    packed.parent.mkdir()
    assert run_cli(capsys, "pack", str(gene_book), str(packed))[0] == 0
    plant_index(packed.parent, marker, gene_book)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)  # a frozen app's
    for root in (data / "handbook", gene_book, packed):
        opened = open_or_build_index(load_handbook(root), user_dirs.cache)
        opened.index.close()
        assert opened.location is not None
        assert opened.location.parent == user_dirs.cache / INDEX_FOLDER
    assert not marker.exists(), "an index outside the cache was opened by Whoosh"


def test_an_index_in_the_cache_that_others_could_write_is_never_opened(
    gene_book: Path, tmp_path: Path, user_dirs: UserDirs
) -> None:
    """The same index where the reader keeps its own, but in a folder anyone may write
    (a shared or badly set-up cache): rebuilt, never opened. The rebuilt one, made under
    a loose umask (group-writable by default, as on many desktops), is kept private and
    reused."""
    marker = tmp_path / "ran"
    place = plant_index(user_dirs.cache, marker, gene_book)
    place.chmod(0o777)
    handbook = load_handbook(gene_book)
    old = os.umask(0o002)
    try:
        opened = open_or_build_index(handbook, user_dirs.cache)
    finally:
        os.umask(old)
    opened.index.close()
    assert opened.rebuilt and opened.location == place
    assert not marker.exists(), "an index others could write was opened by Whoosh"
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o022 == 0 for p in (place, *place.iterdir()))
    again = open_or_build_index(handbook, user_dirs.cache)
    again.index.close()
    assert (again.location, again.rebuilt) == (place, False)
