"""The search index on disk: what goes in it, where it lives, and how it survives.

What goes in each document is in reader/search/documents.py. The index lives in the
user cache folder under `search/<key>`, where the key hashes the handbook's content,
the app version and the schema version. That folder is the ONLY place an index is ever
opened from: Whoosh reads parts of an index with pickle, so an index is code, and the
reader runs only code it wrote itself. A packed handbook (whose older versions carried
an index) and a standalone bundle are indexed from their text into the cache, as a
folder is. Even there, an index folder or file that another user owns or could have
written (group- or world-writable, or a link) is never opened, but rebuilt.

It is built once into a private temporary folder and renamed into place, so two copies
of the app never see a half-written index and the loser of a race simply uses the
winner's. A checksum of every file is kept beside the index; a missing, truncated or
garbled index, or a cache folder that cannot be written, is never fatal: the index is
rebuilt, or built in memory.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from whoosh.filedb.filestore import FileStorage, RamStorage, Storage
from whoosh.index import Index

from reader import __version__
from reader.handbook import Handbook
from reader.search.documents import (
    IndexTokens,
    Vocabulary,
    glossary_concepts,
    handbook_documents,
    search_schema,
)
from reader.storage import checksum, file_checksum

log = logging.getLogger(__name__)

SCHEMA_VERSION = 8  # 4: no text of scripts and styles; 5: zlib checksums, not hashes;
# 6: the vocabulary names its language (Spanish stems); 7: accented Spanish question words
# ("cómo", "cuánto") are stop words; 8: a handbook's own soft hyphens and other invisible
# characters no longer split a word ("inmuno&shy;deficiencia")
INDEX_FOLDER = "search"
META_FILE = "search-meta.json"
_BUILD_PREFIX = ".build-"
_TRASH_PREFIX = ".trash-"
_STALE_SECONDS = 3600
KEPT_INDEXES = 3


@dataclass
class OpenedIndex:
    """A Whoosh index ready to search, with its vocabulary and where it came from."""

    index: Index
    vocabulary: Vocabulary
    doc_count: int
    location: Path | None
    rebuilt: bool


def index_key(handbook: Handbook) -> str:
    raw = f"{handbook.content_hash()}|{__version__}|{SCHEMA_VERSION}"
    return checksum([raw.encode()])


def _fill(storage: Storage, handbook: Handbook) -> tuple[Index, Vocabulary, int]:
    concepts = glossary_concepts(handbook)
    tokens = IndexTokens(concepts, handbook.language)
    index = storage.create_index(search_schema())
    writer = index.writer(limitmb=128)
    count = 0
    try:
        for document in handbook_documents(handbook):
            writer.add_document(**tokens.fields(document))
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return index, tokens.vocabulary(concepts), count


class _PrivateRamStorage(RamStorage):
    """An in-memory index whose scratch files go to a folder of its own.

    Whoosh's choice is `<tmp>/MAIN.tmp`, shared by every in-memory build on the
    computer, and the first build to finish deletes it under the others.
    """

    def __init__(self, scratch: str) -> None:
        super().__init__()
        self.scratch = scratch

    def temp_storage(self, name: str | None = None) -> Storage:
        return FileStorage(os.path.join(self.scratch, name or "scratch.tmp")).create()


def build_in_memory(handbook: Handbook) -> OpenedIndex:
    """An index that lives only as long as the app: the fallback that always works."""
    scratch = tempfile.mkdtemp(prefix="handbook-reader-index-")
    try:
        index, vocabulary, count = _fill(_PrivateRamStorage(scratch), handbook)
    finally:
        _remove(Path(scratch))
    return OpenedIndex(index, vocabulary, count, None, rebuilt=True)


def _index_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name != META_FILE and not p.name.endswith("LOCK")
    )


def _write_meta(folder: Path, vocabulary: Vocabulary, doc_count: int) -> None:
    meta = {
        "schema": SCHEMA_VERSION,
        "app_version": __version__,
        "doc_count": doc_count,
        "files": {p.name: [p.stat().st_size, file_checksum(p)] for p in _index_files(folder)},
        "vocabulary": vocabulary.to_json(),
    }
    (folder / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


class IndexDamaged(Exception):
    """The index folder is missing, incomplete or does not match its checksums."""


def _written_only_by_us(path: Path) -> bool:
    """Whether no one but this user can have written `path`: ours, not a link, not
    group- or world-writable. (Where there are no user ids, on Windows, the per-user
    cache folder's own permissions keep others out.)"""
    if not hasattr(os, "getuid"):
        return True
    try:
        status = os.lstat(path)
    except OSError:
        return False
    mine = status.st_uid == os.getuid()
    return mine and not stat.S_ISLNK(status.st_mode) and not status.st_mode & 0o022


def _make_private(folder: Path) -> None:
    """Take group and world write off a freshly built index (a umask of 002 gives it)."""
    for path in (folder, *folder.iterdir()):
        os.chmod(path, stat.S_IMODE(os.lstat(path).st_mode) & ~0o022)


def _open_checked(folder: Path) -> OpenedIndex:
    """Open an index folder after checking every file against the saved checksums."""
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        files = meta["files"]
        if meta.get("schema") != SCHEMA_VERSION or not isinstance(files, dict) or not files:
            raise IndexDamaged("index written by another version")
        if not all(_written_only_by_us(p) for p in (folder, folder / META_FILE)):
            raise IndexDamaged("index folder that someone else could have written")
        for name, (size, digest) in files.items():
            path = folder / name
            if not _written_only_by_us(path):
                raise IndexDamaged(f"index file {name} that someone else could have written")
            if path.stat().st_size != size or file_checksum(path) != digest:
                raise IndexDamaged(f"index file {name} changed")
        vocabulary = Vocabulary.from_json(meta["vocabulary"])
        index = FileStorage(str(folder), supports_mmap=False, readonly=True).open_index()
        if index.doc_count() != meta["doc_count"]:
            index.close()
            raise IndexDamaged("index holds the wrong number of sections")
    except IndexDamaged:
        raise
    except Exception as error:  # whoosh, JSON, OS and type errors alike mean "damaged"
        raise IndexDamaged(f"{type(error).__name__}: {error}") from error
    return OpenedIndex(index, vocabulary, int(meta["doc_count"]), folder, rebuilt=False)


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _clean_up(root: Path, keep: str) -> None:
    """Remove all but the most recently used indexes, and leftovers of crashed builds.

    A few are kept so that switching between two handbooks does not rebuild each time.
    """
    now = time.time()
    try:
        entries = [entry for entry in root.iterdir() if entry.is_dir() and entry.name != keep]
    except OSError:
        return
    leftovers = [e for e in entries if e.name.startswith((_BUILD_PREFIX, _TRASH_PREFIX))]
    for entry in leftovers:
        if now - _mtime(entry) > _STALE_SECONDS:  # younger: another copy may be building
            _remove(entry)
    indexes = sorted((e for e in entries if e not in leftovers), key=_mtime, reverse=True)
    for entry in indexes[KEPT_INDEXES - 1 :]:
        _remove(entry)


def _mark_used(folder: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(folder)


def _build_on_disk(handbook: Handbook, root: Path, final: Path) -> OpenedIndex:
    """Build in a private folder, then rename it into place; the loser of a race reuses."""
    building = Path(tempfile.mkdtemp(prefix=_BUILD_PREFIX, dir=root))
    try:
        index, vocabulary, count = _fill(FileStorage(str(building)), handbook)
        index.close()
        _write_meta(building, vocabulary, count)
        _make_private(building)
        _move_into_place(building, final, root)
    except BaseException:
        _remove(building)
        raise
    # If the rename failed and the winner's index was unusable, ours stayed where it was.
    opened = _open_checked(building if building.exists() else final)
    opened.rebuilt = True
    return opened


def _move_into_place(building: Path, final: Path, root: Path) -> None:
    try:
        os.rename(building, final)
        return
    except OSError:
        pass
    with contextlib.suppress(IndexDamaged):
        _open_checked(final).index.close()
        _remove(building)  # another copy of the app finished first: use its index
        return
    trash = Path(tempfile.mkdtemp(prefix=_TRASH_PREFIX, dir=root))
    with contextlib.suppress(OSError):
        os.rename(final, trash / "old")
    with contextlib.suppress(OSError):
        os.rename(building, final)
    _remove(trash)


def open_or_build_index(handbook: Handbook, cache_dir: Path | None) -> OpenedIndex:
    """The handbook's index from the cache, built if needed; in memory if all else fails.
    `cache_dir` is the reader's own user cache (UserDirs.cache), never a place that a
    handbook, a pack or another user can write: see the module's docstring."""
    if cache_dir is None:
        return build_in_memory(handbook)
    key = index_key(handbook)
    root = Path(cache_dir) / INDEX_FOLDER
    final = root / key
    if final.is_dir():
        try:
            opened = _open_checked(final)
            _mark_used(final)
            return opened
        except IndexDamaged as problem:
            # A damaged cache is rebuilt without bothering anyone: info, not a warning.
            log.info("search index at %s is damaged (%s); rebuilding", final, problem)
    try:
        root.mkdir(parents=True, exist_ok=True)
        opened = _build_on_disk(handbook, root, final)
    except Exception as error:
        log.warning("cannot keep the search index in %s (%s); using memory", root, error)
        return build_in_memory(handbook)
    _clean_up(root, keep=key)
    return opened
