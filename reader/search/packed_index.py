"""The search index inside a packed handbook: built in memory by `pack`, and read back
from the checked .handbook file into memory, never written anywhere.

It is stored as the files of a Whoosh index plus the same meta file an index in the
cache has, under the same key, so a .handbook made by another version of the app (or
from other content) simply has no index for this key, and one is built as for a folder.
"""

from __future__ import annotations

import json
import random

from whoosh.filedb.filestore import RamStorage

from reader.handbook import Handbook
from reader.handbook.gate import packed_source
from reader.handbook.packed import PackedHandbook
from reader.search.documents import Vocabulary
from reader.search.index import META_FILE, SCHEMA_VERSION, OpenedIndex, build_in_memory, index_key
from reader.storage import checksum

# Whoosh names each segment at random; a fixed seed for the build (and the caller's
# random state put back after it) gives the same folder the same bytes every time.
_SEGMENT_NAME_SEED = 20260


def index_files(handbook: Handbook) -> dict[str, bytes]:
    """The handbook's index as `<key>/<file>` names and bytes, the meta file included."""
    state = random.getstate()
    random.seed(_SEGMENT_NAME_SEED)
    try:
        opened = build_in_memory(handbook)
    finally:
        random.setstate(state)
    stored = opened.index.storage.files  # a RamStorage's files: name to bytes
    files = {n: bytes(d) for n, d in stored.items() if not n.endswith("LOCK")}
    opened.index.close()
    meta = {
        "schema": SCHEMA_VERSION,
        "doc_count": opened.doc_count,
        "files": {n: [len(d), checksum([d])] for n, d in sorted(files.items())},
        "vocabulary": opened.vocabulary.to_json(),
    }
    files[META_FILE] = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode()
    key = index_key(handbook)
    return {f"{key}/{name}": data for name, data in sorted(files.items())}


def open_packed_index(handbook: Handbook) -> OpenedIndex | None:
    """The prebuilt index of a packed handbook, in memory; None for a folder, or when
    the file holds none for this content and app version (or a damaged one)."""
    packed = packed_source(handbook.root)
    if not isinstance(packed, PackedHandbook):
        return None
    files = packed.search_index(index_key(handbook))
    try:
        meta = json.loads(files.pop(META_FILE))
        if meta.get("schema") != SCHEMA_VERSION or set(meta["files"]) != set(files):
            return None
        storage = RamStorage()
        storage.files.update(files)
        index = storage.open_index()
        if index.doc_count() != meta["doc_count"]:
            return None
        vocabulary = Vocabulary.from_json(meta["vocabulary"])
    except Exception:  # whoosh, JSON and type errors alike: build one as for a folder
        return None
    return OpenedIndex(index, vocabulary, int(meta["doc_count"]), packed.path, rebuilt=False)
