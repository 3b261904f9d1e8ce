"""Importing a bookmarks file someone else made: a pipe, a device, a folder, JSON built to
crash a parser, and files big enough to show whether the merge is linear. Each bad file
is one plain BookmarkStoreError and leaves the store as it was."""

from __future__ import annotations

import errno
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.bookmarks.exchange import MAX_IMPORT_BOOKMARKS, MAX_IMPORT_BYTES
from reader.bookmarks.store import EXPORT_FORMAT, BookmarkStore, BookmarkStoreError

CREATED = "2026-01-01T00:00:00+00:00"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:
    opened = BookmarkStore.open(tmp_path / "bookmarks.sqlite3")
    opened.add("hb", "kept", "Kept", note="keep me")
    yield opened
    opened.close()


def _export(bookmarks: list[dict[str, str]]) -> dict[str, object]:
    return {"format": EXPORT_FORMAT, "version": 1, "handbook": "hb", "bookmarks": bookmarks}


def _unchanged(store: BookmarkStore) -> bool:
    return [(b.section_id, b.note) for b in store.list("hb")] == [("kept", "keep me")]


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    store: BookmarkStore, tmp_path: Path
) -> None:
    pipe = tmp_path / "bookmarks.json"
    os.mkfifo(pipe)
    outcome: list[BaseException | int] = []

    def run() -> None:
        try:
            outcome.append(store.import_json("hb", pipe))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)  # generous: the refusal takes no time at all
    try:
        assert not worker.is_alive(), "the import waited on the named pipe"
    finally:
        _release_a_reader_of(pipe)
        worker.join(timeout=30)
    [error] = outcome
    assert isinstance(error, BookmarkStoreError)
    assert "is a named pipe, not a bookmarks file" in str(error)
    assert _unchanged(store)


def _release_a_reader_of(pipe: Path) -> None:
    """Open and close the writing end, so a reader stuck on the pipe sees its end."""
    try:
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    except OSError as error:
        if error.errno != errno.ENXIO:  # ENXIO: nobody is reading, nothing to release
            raise


@pytest.mark.parametrize(
    ("where", "what"), [("/dev/null", "a device"), ("folder", "a folder")], ids=["device", "folder"]
)
def test_a_device_or_folder_is_refused_before_reading(
    store: BookmarkStore, tmp_path: Path, where: str, what: str
) -> None:
    # /dev/zero would be read until memory ran out; /dev/null proves the same check.
    path = Path(where) if where.startswith("/") else tmp_path / where
    if not where.startswith("/"):
        path.mkdir()
    with pytest.raises(BookmarkStoreError, match=f"is {what}, not a bookmarks file"):
        store.import_json("hb", path)
    assert _unchanged(store)


def test_a_file_over_the_size_cap_is_refused_unread(store: BookmarkStore, tmp_path: Path) -> None:
    sparse = tmp_path / "huge.json"
    with sparse.open("wb") as stream:
        stream.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(BookmarkStoreError, match="too large"):
        store.import_json("hb", sparse)
    assert _unchanged(store)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),  # RecursionError
        ('{"format": ' + "9" * 5_000 + "}", "not valid JSON"),  # ValueError: too many digits
        (
            json.dumps(_export([{"section_id": "s", "title": "\ud800", "created": CREATED}])),
            "Bookmark 1 .* not valid Unicode",  # UnicodeEncodeError in SQLite
        ),
        (
            json.dumps(_export([{"section_id": "s", "created": "9999-12-31T23:59:59-23:59"}])),
            "Bookmark 1 .* date cannot be read",  # OverflowError on the way to UTC
        ),
        (
            json.dumps({**_export([]), "handbook": "\ud800\x1b[2J" + "x" * 500}),
            "another handbook",  # and the message holds none of it but 79 x's
        ),
    ],
    ids=["deep", "digits", "surrogate", "year-10000", "odd-handbook-name"],
)
def test_json_built_to_crash_a_parser_is_one_plain_refusal(
    store: BookmarkStore, tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(BookmarkStoreError, match=message) as refused:
        store.import_json("hb", bad)
    str(refused.value).encode("utf-8")  # showable: no half surrogate pairs
    assert "\x1b" not in str(refused.value) and len(str(refused.value)) < 300
    assert _unchanged(store)


def test_a_file_with_a_bom_imports(store: BookmarkStore, tmp_path: Path) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(_export([{"section_id": "s", "created": CREATED}])).encode()
    )
    assert store.import_json("hb", path) == 1


def test_a_section_named_twice_in_the_file_is_added_once_with_its_newer_note(
    store: BookmarkStore, tmp_path: Path
) -> None:
    twice = [
        {"section_id": "s", "note": "newer", "created": CREATED, "updated": "2026-02-01T00:00:00Z"},
        {"section_id": "s", "note": "older", "created": CREATED},
    ]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(_export(twice)), encoding="utf-8")
    assert store.import_json("hb", path) == 1
    assert [(b.section_id, b.note) for b in store.list("hb")][1:] == [("s", "newer")]


def test_importing_10000_bookmarks_asks_the_database_a_fixed_number_of_questions(
    store: BookmarkStore, tmp_path: Path
) -> None:
    # It was a lookup and a count per bookmark: quadratic, 120,000 took over 300 s.
    many = [{"section_id": f"s{n}", "created": CREATED} for n in range(MAX_IMPORT_BOOKMARKS)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_export(many)), encoding="utf-8")
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    assert store.import_json("hb", path) == MAX_IMPORT_BOOKMARKS
    store._db.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 3
    listed = store.list("hb")
    assert [b.section_id for b in listed[:3]] == ["kept", "s0", "s1"]
    assert [b.position for b in listed[-2:]] == [MAX_IMPORT_BOOKMARKS - 1, MAX_IMPORT_BOOKMARKS]


def test_a_file_of_more_bookmarks_than_the_cap_is_refused_whole(
    store: BookmarkStore, tmp_path: Path
) -> None:
    many = [{"section_id": f"s{n}", "created": CREATED} for n in range(120_000)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_export(many)), encoding="utf-8")
    with pytest.raises(BookmarkStoreError, match="holds 120,000 bookmarks; at most 10,000"):
        store.import_json("hb", path)
    assert _unchanged(store)
