"""The bookmark store: persistence, ordering, per-handbook keys, export/import, and
never losing a bookmark to a crash, a damaged file or a folder that cannot be written."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.bookmarks.store import (
    DATABASE_NAME,
    EXPORT_FORMAT,
    SCHEMA_VERSION,
    Bookmark,
    BookmarkStore,
    BookmarkStoreError,
    default_path,
    handbook_key,
    is_stale,
    location_label,
)
from reader.handbook import Handbook, load_handbook
from reader.paths import UserDirs
from tests.conftest import WriteHandbook

REPO_ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).resolve().parents[1] / "helpers" / "bookmark_writer.py"

CHAPTER = """# How it works

Opening words.

## Collecting stem cells

Cells are collected.

## Adding the gene

A lentivirus carries the gene.
"""

# What the first release wrote, frozen here on purpose: migrations must keep opening it.
V1_SCHEMA = (
    """CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY AUTOINCREMENT, handbook TEXT NOT NULL,
        section_id TEXT NOT NULL, title TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL, updated TEXT NOT NULL, position INTEGER NOT NULL,
        UNIQUE (handbook, section_id))""",
    "CREATE INDEX bookmarks_by_position ON bookmarks (handbook, position)",
    """CREATE TABLE state (handbook TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (handbook, key))""",
)


class FakeClock:
    """Time that moves only when told to, so 'newer' is exact in merge tests."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def db_path(user_dirs: UserDirs) -> Path:
    return user_dirs.data / DATABASE_NAME


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[BookmarkStore]:
    opened = BookmarkStore.open(db_path, clock=clock)
    yield opened
    opened.close()


def sections(store: BookmarkStore, handbook: str = "hb") -> list[str]:
    return [b.section_id for b in store.list(handbook)]


def fill_disk(store: BookmarkStore) -> None:
    """Make the database 'full' at its current size: SQLite then fails like a full disk."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


# ------------------------------------------------------------------ basics


def test_bookmarks_persist_across_two_stores_on_the_same_file(db_path: Path) -> None:
    first = BookmarkStore.open(db_path)
    added = first.add("hb", "how-it-works/adding-the-gene", "Adding the gene", "ask Dr Lee")
    first.set_last_section("hb", "how-it-works/adding-the-gene", 0.4)
    first.close()

    second = BookmarkStore.open(db_path)
    assert second.recovery_message is None
    assert second.list("hb") == [added]
    assert second.last_section("hb") == "how-it-works/adding-the-gene"
    assert second.last_scroll("hb") == pytest.approx(0.4)
    second.close()


def test_desktop_store_lives_in_the_user_data_folder(user_home: Path) -> None:
    assert default_path() == user_home / "data" / "bookmarks.sqlite3"
    store = BookmarkStore.open(default_path())
    store.add("hb", "a", "A")
    store.close()
    assert (user_home / "data" / "bookmarks.sqlite3").is_file()


def test_two_open_stores_see_each_others_changes(db_path: Path) -> None:
    first, second = BookmarkStore.open(db_path), BookmarkStore.open(db_path)
    first.add("hb", "a", "A")
    second.add("hb", "b", "B")
    assert sections(first) == sections(second) == ["a", "b"]
    first.close()
    second.close()


def test_adding_a_bookmarked_section_again_returns_the_same_bookmark(
    store: BookmarkStore,
) -> None:
    first = store.add("hb", "a", "A")
    assert store.add("hb", "a", "Other title") == first
    assert len(store.list("hb")) == 1


def test_new_bookmark_records_iso_utc_creation_time(store: BookmarkStore, clock: FakeClock) -> None:
    bookmark = store.add("hb", "a", "A")
    assert bookmark.created == "2026-11-28T09:30:00+00:00"
    assert datetime.fromisoformat(bookmark.created) == clock.now


def test_remove_then_restore_gives_back_same_id_and_position(store: BookmarkStore) -> None:
    for name in "abc":
        store.add("hb", name, name.upper(), note=f"note {name}")
    removed = store.remove(store.find("hb", "b").id)  # type: ignore[union-attr]
    assert removed is not None
    assert sections(store) == ["a", "c"]
    assert [b.position for b in store.list("hb")] == [0, 1]

    restored = store.restore(removed)
    assert restored.id == removed.id
    assert store.list("hb")[1] == removed
    assert sections(store) == ["a", "b", "c"]


def test_remove_of_unknown_bookmark_returns_none(store: BookmarkStore) -> None:
    assert store.remove(12345) is None


def test_restore_after_section_was_bookmarked_again_keeps_one_bookmark(
    store: BookmarkStore,
) -> None:
    removed = store.remove(store.add("hb", "a", "A").id)
    assert removed is not None
    again = store.add("hb", "a", "A again")
    assert store.restore(removed) == again
    assert len(store.list("hb")) == 1


def test_move_reorders_and_clamps_to_the_list(store: BookmarkStore) -> None:
    ids = {name: store.add("hb", name, name).id for name in "abcd"}
    store.move(ids["a"], 2)
    assert sections(store) == ["b", "c", "a", "d"]
    store.move(ids["d"], 0)
    assert sections(store) == ["d", "b", "c", "a"]
    store.move(ids["b"], 99)
    assert sections(store) == ["d", "c", "a", "b"]
    store.move(ids["a"], -5)
    assert sections(store) == ["a", "d", "c", "b"]
    assert [b.position for b in store.list("hb")] == [0, 1, 2, 3]


def test_rename_and_note_change_the_texts_and_the_update_time(
    store: BookmarkStore, clock: FakeClock
) -> None:
    bookmark = store.add("hb", "a", "A")
    clock.advance(5)
    store.rename(bookmark.id, "Our first question")
    store.set_note(bookmark.id, "Ask about the conditioning")
    changed = store.find("hb", "a")
    assert changed is not None
    assert (changed.title, changed.note) == ("Our first question", "Ask about the conditioning")
    assert changed.created == bookmark.created
    assert changed.last_changed > bookmark.created


def test_handbooks_keep_separate_bookmarks_and_places(store: BookmarkStore) -> None:
    store.add("one-en", "a", "A")
    store.add("two-en", "a", "A in two")
    store.add("two-en", "b", "B")
    store.set_last_section("one-en", "a")
    assert sections(store, "one-en") == ["a"]
    assert sections(store, "two-en") == ["a", "b"]
    assert store.last_section("two-en") is None

    store.clear("two-en")
    assert sections(store, "two-en") == []
    assert sections(store, "one-en") == ["a"]
    assert store.last_section("one-en") == "a"


def test_clear_without_handbook_forgets_everything(store: BookmarkStore) -> None:
    store.add("one-en", "a", "A")
    store.add("two-en", "b", "B")
    store.set_last_section("one-en", "a")
    store.clear()
    assert store.handbooks() == []
    assert store.last_section("one-en") is None


def test_file_uses_wal_journal_and_full_sync(store: BookmarkStore, db_path: Path) -> None:
    store.add("hb", "a", "A")
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db_path.exists()


def test_in_memory_store_writes_nothing_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_home: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*")), sorted(user_home.rglob("*"))
    store = BookmarkStore.in_memory()
    store.add("hb", "a", "A")
    store.set_last_section("hb", "a")
    assert sections(store) == ["a"]
    assert not store.persistent
    store.close()
    assert (sorted(tmp_path.rglob("*")), sorted(user_home.rglob("*"))) == before


def test_a_failed_write_is_a_plain_error_and_changes_nothing(store: BookmarkStore) -> None:
    store.add("hb", "a", "A")
    fill_disk(store)
    with pytest.raises(BookmarkStoreError, match="disk is full"):
        store.add("hb", "b", "B", note="x" * 100_000)
    assert sections(store) == ["a"]


# -------------------------------------------------------- handbook keys, stale


def test_handbook_key_comes_from_manifest_title_and_language(
    write_handbook: WriteHandbook,
) -> None:
    manifest = 'title = "Gene Therapy for PI: A Family Guide"\nlanguage = "es"\nchapters = ["a.md"]'
    first = load_handbook(write_handbook({"a.md": CHAPTER}, manifest=manifest))
    copy = load_handbook(write_handbook({"a.md": CHAPTER + "\nMore.\n"}, manifest=manifest))
    assert handbook_key(first) == "gene-therapy-for-pi-a-family-guide-es"
    assert handbook_key(copy) == handbook_key(first)


def test_handbook_key_of_plain_folder_is_its_name(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"a.md": CHAPTER})
    other = write_handbook({"a.md": CHAPTER})
    assert handbook_key(load_handbook(root)) == root.name
    assert handbook_key(load_handbook(root)) != handbook_key(load_handbook(other))


def test_bundled_handbook_has_a_key(handbook: Handbook) -> None:
    assert handbook_key(handbook)
    assert handbook_key(handbook) == handbook_key(load_handbook(handbook.root))


def test_location_label_names_chapter_and_section(write_handbook: WriteHandbook) -> None:
    handbook = load_handbook(write_handbook({"how-it-works.md": CHAPTER}))
    assert location_label(handbook, "how-it-works/adding-the-gene") == (
        "How it works › Adding the gene"
    )
    assert location_label(handbook, "how-it-works") == "How it works"
    assert location_label(handbook, "how-it-works/gone") is None


def test_bookmark_of_removed_section_stays_and_is_stale(
    write_handbook: WriteHandbook, store: BookmarkStore
) -> None:
    root = write_handbook({"how-it-works.md": CHAPTER})
    before = load_handbook(root)
    key = handbook_key(before)
    store.add(key, "how-it-works/collecting-stem-cells", "Collecting stem cells")
    store.add(key, "how-it-works/adding-the-gene", "Adding the gene")

    (root / "how-it-works.md").write_text(CHAPTER.replace("## Adding the gene", "More text."))
    after = load_handbook(root)
    kept = store.list(handbook_key(after))
    assert [b.section_id for b in kept] == [
        "how-it-works/collecting-stem-cells",
        "how-it-works/adding-the-gene",
    ]
    assert [is_stale(b, after) for b in kept] == [False, True]
    assert [is_stale(b, before) for b in kept] == [False, False]


# ------------------------------------------------------------ export/import


def test_export_then_import_on_another_computer_round_trips(
    store: BookmarkStore, tmp_path: Path
) -> None:
    store.add("hb", "a", "A", note="ask about fertility")
    store.add("hb", "b", "B")
    store.add("other", "x", "X")
    exported = tmp_path / "bookmarks.json"
    assert store.export_json("hb", exported) == 2
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == EXPORT_FORMAT
    assert document["version"] == 1

    elsewhere = BookmarkStore.open(tmp_path / "other-computer" / DATABASE_NAME)
    assert elsewhere.import_json("hb", exported) == 2
    assert [(b.section_id, b.title, b.note) for b in elsewhere.list("hb")] == [
        ("a", "A", "ask about fertility"),
        ("b", "B", ""),
    ]
    assert [b.created for b in elsewhere.list("hb")] == [b.created for b in store.list("hb")]
    assert elsewhere.list("other") == []
    assert elsewhere.import_json("hb", exported) == 0
    assert len(elsewhere.list("hb")) == 2
    elsewhere.close()


def test_import_merges_keeping_the_newer_title_and_note(tmp_path: Path, clock: FakeClock) -> None:
    home = BookmarkStore.open(tmp_path / "home.sqlite3", clock=clock)
    clinic = BookmarkStore.open(tmp_path / "clinic.sqlite3", clock=clock)
    home.add("hb", "a", "A", note="old note at home")
    home.add("hb", "b", "B", note="newest note at home")
    clinic.add("hb", "c", "C")
    clinic.add("hb", "a", "A")
    clinic.add("hb", "b", "B")
    clock.advance()
    clinic.set_note(clinic.find("hb", "a").id, "newer note at clinic")  # type: ignore[union-attr]
    clinic.rename(clinic.find("hb", "b").id, "Renamed at clinic")  # type: ignore[union-attr]
    clock.advance()
    home.set_note(home.find("hb", "b").id, "newest note at home")  # type: ignore[union-attr]
    exported = tmp_path / "clinic.json"
    clinic.export_json("hb", exported)

    assert home.import_json("hb", exported) == 1
    merged = {b.section_id: (b.title, b.note) for b in home.list("hb")}
    assert merged == {
        "a": ("A", "newer note at clinic"),
        "b": ("B", "newest note at home"),
        "c": ("C", ""),
    }
    assert sections(home) == ["a", "b", "c"]
    home.close()
    clinic.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\xffnot text at all", "not a bookmarks file"),
        (b"{ this is not json", "not valid JSON"),
        (b'{"format": "something-else", "version": 1}', "not a Handbook Reader bookmarks"),
        (b'["a", "list"]', "not a Handbook Reader bookmarks"),
        (
            b'{"format": "handbook-reader-bookmarks", "version": 99, "handbook": "hb",'
            b' "bookmarks": []}',
            "newer version",
        ),
        (
            b'{"format": "handbook-reader-bookmarks", "version": 1, "handbook": "another",'
            b' "bookmarks": []}',
            "another handbook",
        ),
        (
            b'{"format": "handbook-reader-bookmarks", "version": 1, "handbook": "hb",'
            b' "bookmarks": [{"section_id": "new", "created": "2026-01-01T00:00:00+00:00"},'
            b' {"title": "no section"}]}',
            "Bookmark 2 .* names no section",
        ),
        (
            b'{"format": "handbook-reader-bookmarks", "version": 1, "handbook": "hb",'
            b' "bookmarks": [{"section_id": "new", "created": "yesterday"}]}',
            "date cannot be read",
        ),
    ],
)
def test_bad_import_file_is_refused_and_changes_nothing(
    store: BookmarkStore, tmp_path: Path, content: bytes, message: str
) -> None:
    kept = store.add("hb", "a", "A", note="keep me")
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(BookmarkStoreError, match=message):
        store.import_json("hb", bad)
    assert store.list("hb") == [kept]


def test_import_of_missing_file_is_a_plain_error(store: BookmarkStore, tmp_path: Path) -> None:
    with pytest.raises(BookmarkStoreError, match="could not be read"):
        store.import_json("hb", tmp_path / "nowhere.json")


def test_export_to_unwritable_place_is_a_plain_error(store: BookmarkStore, tmp_path: Path) -> None:
    store.add("hb", "a", "A")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(BookmarkStoreError, match="could not be saved"):
        store.export_json("hb", blocker / "bookmarks.json")


# -------------------------------------------------------- crash and damage


def test_sigkill_during_a_burst_of_writes_loses_no_committed_bookmark(db_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=REPO_ROOT,
    )
    assert writer.stdout is not None
    reported: list[int] = []
    for line in writer.stdout:
        reported.append(int(line))
        if len(reported) == 40:
            break
    writer.send_signal(signal.SIGKILL)
    rest, errors = writer.communicate()
    reported += [int(line) for line in rest.split()]
    assert writer.returncode == -signal.SIGKILL, errors
    assert len(reported) >= 40

    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()
    reopened = BookmarkStore.open(db_path)
    assert reopened.recovery_message is None
    kept = {b.id for b in reopened.list("writer")}
    assert set(reported) <= kept
    reopened.close()


def _existing_database_bytes(db_path: Path) -> bytes:
    store = BookmarkStore.open(db_path)
    for number in range(60):
        store.add("hb", f"section-{number}", f"Section {number}", note="n" * 300)
    store.close()
    return db_path.read_bytes()


def _set_aside_files(db_path: Path, label: str) -> list[Path]:
    return sorted(db_path.parent.glob(f"{DATABASE_NAME}.{label}-*"))


def _assert_fresh_working_store(store: BookmarkStore, db_path: Path) -> None:
    assert store.persistent
    assert store.list("hb") == []
    store.add("hb", "a", "A")
    store.close()
    again = BookmarkStore.open(db_path)
    assert again.recovery_message is None
    assert sections(again) == ["a"]
    again.close()


def test_garbage_file_is_set_aside_and_a_new_store_starts(db_path: Path, clock: FakeClock) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"these are not the bookmarks you are looking for\n" * 100
    db_path.write_bytes(garbage)
    (db_path.parent / f"{DATABASE_NAME}-wal").write_bytes(b"stray wal")

    store = BookmarkStore.open(db_path, clock=clock)

    aside = db_path.parent / f"{DATABASE_NAME}.corrupt-20261128T093000Z"
    assert aside.read_bytes() == garbage
    assert (db_path.parent / f"{aside.name}-wal").read_bytes() == b"stray wal"
    assert store.recovery_message is not None
    assert "could not be read" in store.recovery_message
    assert aside.name in store.recovery_message
    assert "new one was started" in store.recovery_message
    _assert_fresh_working_store(store, db_path)


def test_truncated_database_is_set_aside(db_path: Path) -> None:
    original = _existing_database_bytes(db_path)
    truncated = original[: len(original) // 2]
    db_path.write_bytes(truncated)

    store = BookmarkStore.open(db_path)

    [aside] = _set_aside_files(db_path, "corrupt")
    assert aside.read_bytes() == truncated
    assert store.recovery_message is not None
    _assert_fresh_working_store(store, db_path)


def test_database_from_a_newer_version_is_set_aside_not_changed(db_path: Path) -> None:
    _existing_database_bytes(db_path)
    newer = sqlite3.connect(db_path)
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.commit()
    newer.close()
    content = db_path.read_bytes()

    store = BookmarkStore.open(db_path)

    [aside] = _set_aside_files(db_path, "newer")
    assert aside.read_bytes() == content
    assert store.recovery_message is not None
    assert "newer version" in store.recovery_message
    _assert_fresh_working_store(store, db_path)


def test_sqlite_file_without_our_tables_is_set_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    foreign = sqlite3.connect(db_path)
    foreign.execute("CREATE TABLE bookmarks (url TEXT)")
    foreign.commit()
    foreign.close()

    store = BookmarkStore.open(db_path)

    assert len(_set_aside_files(db_path, "corrupt")) == 1
    assert store.recovery_message is not None
    _assert_fresh_working_store(store, db_path)


def test_second_damaged_file_in_the_same_second_gets_its_own_name(
    db_path: Path, clock: FakeClock
) -> None:
    db_path.parent.mkdir(parents=True)
    for content in (b"first garbage" * 50, b"second garbage" * 50):
        db_path.write_bytes(content)
        BookmarkStore.open(db_path, clock=clock).close()
        db_path.unlink()
    contents = {path.read_bytes()[:6] for path in _set_aside_files(db_path, "corrupt")}
    assert contents == {b"first ", b"second"}


def test_unwritable_folder_falls_back_to_memory_with_a_message(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")

    store = BookmarkStore.open(not_a_folder / DATABASE_NAME)

    assert not store.persistent
    assert store.recovery_message is not None
    assert store.recovery_message.startswith("Bookmarks can't be saved on this computer")
    store.add("hb", "a", "A")
    assert sections(store) == ["a"]
    store.close()
    assert not_a_folder.read_text() == "a file where the data folder should be"


def test_first_release_file_opens_under_current_code(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    old = sqlite3.connect(db_path, isolation_level=None)
    for step in V1_SCHEMA:
        old.execute(step)
    old.execute(
        "INSERT INTO bookmarks (handbook, section_id, title, note, created, updated, position)"
        " VALUES ('hb', 'how-it-works', 'How it works', 'from v1',"
        " '2026-01-02T03:04:05+00:00', '2026-01-02T03:04:05+00:00', 0)"
    )
    old.execute("INSERT INTO state VALUES ('hb', 'last_section', 'how-it-works')")
    old.execute("PRAGMA user_version = 1")
    old.close()

    store = BookmarkStore.open(db_path)

    assert store.recovery_message is None
    assert store.list("hb") == [
        Bookmark(
            id=1,
            handbook="hb",
            section_id="how-it-works",
            title="How it works",
            note="from v1",
            created="2026-01-02T03:04:05+00:00",
            position=0,
            updated="2026-01-02T03:04:05+00:00",
        )
    ]
    assert store.last_section("hb") == "how-it-works"
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()


WRITERS = ("first", "second", "third", "fourth")
PER_WRITER = 75


def test_real_processes_opening_and_adding_at_once_lose_nothing(
    tmp_path: Path, db_path: Path
) -> None:
    """Four copies of the app start at the same moment on a fresh profile (a family
    laptop with several windows) and each adds 75 bookmarks to the same handbook.

    To make the race certain rather than lucky, this test holds the new file locked
    while every process begins opening it, so all of them meet a busy file, then all
    create and migrate it together. Every bookmark is kept, in one order with no
    shared places, no process falls back to memory, and nothing is set aside."""
    db_path.parent.mkdir(parents=True)
    go = tmp_path / "go"
    writer = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from reader.bookmarks.store import BookmarkStore\n"
        "print('ready', flush=True)\n"
        "while not Path(sys.argv[2]).exists():\n"
        "    time.sleep(0.001)\n"
        "store = BookmarkStore.open(Path(sys.argv[1]))\n"
        "assert store.persistent and store.recovery_message is None, store.recovery_message\n"
        f"for n in range({PER_WRITER}):\n"
        "    store.add('hb', f'{sys.argv[3]}/section-{n}', f'{sys.argv[3]} {n}')\n"
        "store.close()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    processes = [
        subprocess.Popen(
            [sys.executable, "-W", "error", "-c", writer, str(db_path), str(go), name],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in WRITERS
    ]
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    go.touch()
    holder.execute("ROLLBACK")
    holder.close()
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    store = BookmarkStore.open(db_path)
    kept = store.list("hb")
    store.close()
    total = PER_WRITER * len(WRITERS)
    assert len(kept) == total
    assert sorted(b.position for b in kept) == list(range(total))
    assert _set_aside_files(db_path, "corrupt") == []
    for name in WRITERS:
        mine = [b.section_id for b in kept if b.section_id.startswith(f"{name}/")]
        assert mine == [f"{name}/section-{n}" for n in range(PER_WRITER)]  # own order


def test_busy_file_is_never_set_aside(db_path: Path) -> None:
    """Another process holds the file past the wait: the store keeps to memory with a
    plain message, and the other process's good file is left exactly where it was."""
    content = _existing_database_bytes(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # in WAL mode, shuts readers out too
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = BookmarkStore.open(db_path, patience=0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert not store.persistent
    assert store.recovery_message is not None
    assert "being used by another window" in store.recovery_message
    assert _set_aside_files(db_path, "corrupt") == []
    assert db_path.read_bytes() == content
    store.close()


def test_the_reading_place_is_written_without_waiting_for_the_disk(
    store: BookmarkStore,
) -> None:
    """The place is written on the window's thread as it closes or is replaced: a FULL
    (flushed to disk) commit took 45 ms of a language switch's stall. It commits with
    synchronous=NORMAL; bookmarks keep FULL, and the store is FULL again after."""
    said: list[str] = []
    store._db.set_trace_callback(said.append)
    store.set_last_section("hb", "intro", 0.5)
    place = said[:]
    said.clear()
    store.add("hb", "intro", "Intro")
    store._db.set_trace_callback(None)
    assert place[0] == "PRAGMA synchronous=NORMAL" and place[-1] == "PRAGMA synchronous=FULL"
    assert not any("synchronous" in line for line in said)
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.last_section("hb") == "intro"
