"""A packed handbook (`.handbook`): one zip file, checked whole and entry by entry, read
in memory and never unpacked anywhere.

The file is untrusted like a folder is, so before any part of it is used:

- the archive comment seals the whole file: the SHA-256 of every byte before the seal,
  so a flipped byte anywhere (an entry, the checksum list, the central directory, the
  seal itself) is noticed before the zip is even parsed;
- every entry is a plain file with a relative name: no `..`, no absolute or drive
  names, no backslashes, no folders, links or encryption, no name twice;
- sizes are capped as the folder gate caps them (per file, and all files together),
  from the declared sizes, and Python's zipfile never inflates past a declared size;
- the central directory is measured from the end record before zipfile parses it
  (zipfile builds an object for every entry it lists, however many): at most
  MAX_DIRECTORY_BYTES and MAX_ENTRIES entries, and no ZIP64, which `pack` never writes;
- entry names are at most MAX_NAME_CHARS long and MAX_NAME_DEPTH folders deep (a
  32,000-part name once cost 1.2 GB in the folders it implies);
- `CHECKSUMS.sha256` lists the SHA-256 of every other entry, and must list exactly them;
- a signed file's comment goes on after the seal with an Ed25519 signature of the seal
  (reader/handbook/signing.py), checked before the zip is parsed.

Packs made by earlier versions also hold a search index (`search/`): those
entries are checked against the list like any other, then dropped unread. Whoosh reads
an index with pickle, so an index from a file would be code from a file.

A refusal is a `PackRefused` with one line for the reader. Nothing is ever written.
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # zipfile brings bz2 and lzma, hashlib OpenSSL: loaded only to open one
    import zipfile

PACK_SUFFIX = ".handbook"
CHECKSUMS_NAME = "CHECKSUMS.sha256"
CHECKSUMS_HEADER = "# handbook-reader pack 1"
HANDBOOK_PREFIX = "handbook/"
INDEX_PREFIX = "search/"  # older packs' search indexes: checked, then never used
SEAL_PREFIX = b"handbook-reader sha256 "
SEAL_LENGTH = len(SEAL_PREFIX) + 64
MAX_ENTRY_BYTES = 16 * 1024 * 1024  # the gate's picture cap; text is capped again on read
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ARCHIVE_BYTES = MAX_TOTAL_BYTES + 16 * 1024 * 1024
MAX_ENTRIES = 20000
MAX_DIRECTORY_BYTES = 8 * 1024 * 1024  # 20,000 entries with 400-byte names
MAX_NAME_CHARS = 1024
MAX_NAME_DEPTH = 32  # folders
_END_RECORD = struct.Struct("<4s4H2LH")  # the zip end of central directory record
_DIRECTORY_ENTRY = struct.Struct("<4s4B4HL2L5H2L")  # one central directory header
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
_DAMAGED = "the file is damaged or was changed after it was packed"


class PackRefused(Exception):
    """The .handbook file cannot be used; the message is one plain line."""


@dataclass(frozen=True)
class PackedHandbook:
    """The checked contents of one .handbook file: `files` are the handbook's files by
    their posix name inside the handbook; `signer` the raw Ed25519 public key whose
    signature the file carries and matches, None when it is not signed."""

    path: Path
    files: dict[str, bytes]
    signer: bytes | None = None
    folders: frozenset[str] = field(init=False)
    _children: dict[str, dict[str, bool]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Each folder's children, made once: asking per folder by scanning every name
        # made a packed MkDocs project of many folders O(folders x entries).
        children: dict[str, dict[str, bool]] = {"": {}}
        for name in self.files:
            folder, _, leaf = name.rpartition("/")
            children.setdefault(folder, {}).setdefault(leaf, False)  # a folder wins
            while folder:  # each folder above, listed in its own, up to one known
                above, _, own = folder.rpartition("/")
                siblings = children.setdefault(above, {})
                if siblings.get(own):
                    break
                siblings[own] = True
                folder = above
        object.__setattr__(self, "_children", children)
        object.__setattr__(self, "folders", frozenset(children))

    def name_of(self, path: Path) -> str | None:
        """The entry name `path` stands for (lexically, `..` folded), None if outside."""
        target = Path(os.path.normpath(path))
        if not target.is_relative_to(self.path):
            return None
        relative = target.relative_to(self.path).as_posix()
        return "" if relative == "." else relative

    def children(self, folder: str) -> list[tuple[str, bool]]:
        """The names directly in `folder` and whether each is a folder, by name."""
        return sorted(self._children.get(folder, {}).items())


def seal(archive: bytes) -> bytes:
    """A zip written with a placeholder comment of SEAL_LENGTH bytes, sealed: the
    comment becomes the SHA-256 of every byte before it."""
    body = archive[:-SEAL_LENGTH]
    return body + SEAL_PREFIX + _sha256(body).encode()


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def placeholder_comment() -> bytes:
    return SEAL_PREFIX + b"0" * 64


def open_packed(path: Path) -> PackedHandbook:
    """The checked contents of the .handbook file at `path`. Raises PackRefused."""
    import io
    import zipfile

    real = Path(os.path.realpath(path))
    data = _read_archive(real)
    signer = _check_seal(data)
    _check_directory(data)
    # The seal is no signature: anyone can seal a zip made by hand, so whatever zipfile
    # raises on one (struct errors, bad UTF-8 names, odd methods) is a refusal too.
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:
        detail = shown_name(f"{type(error).__name__}: {error}")
        raise PackRefused(f"{_DAMAGED} ({detail})") from None
    with archive:
        infos = archive.infolist()
        _check_entries(infos)
        contents = {info.filename: _entry_bytes(archive, info) for info in infos}
    _check_checksums(contents)
    files: dict[str, bytes] = {}
    for name, content in contents.items():
        if name.startswith(HANDBOOK_PREFIX):  # anything else (an old index) is dropped
            files[name[len(HANDBOOK_PREFIX) :]] = content
    if not files:
        raise PackRefused("the file holds no handbook")
    return PackedHandbook(real, files, signer)


def _read_archive(path: Path) -> bytes:
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise PackRefused(f"cannot read the file: {reason}") from None
    with os.fdopen(descriptor, "rb", closefd=True) as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise PackRefused("it is not a regular file")
        data = stream.read(MAX_ARCHIVE_BYTES + 1)
    if len(data) > MAX_ARCHIVE_BYTES:
        raise PackRefused(f"the file is too large (more than {MAX_ARCHIVE_BYTES >> 20} MB)")
    return data


def _check_seal(data: bytes) -> bytes | None:
    """Check the seal, and the signature after it if there is one; returns the signer's
    public key (None: not signed)."""
    from reader.handbook.signing import BadSignature, signature_trailer_at, verified_signer

    trailer = signature_trailer_at(data)
    end = len(data) - len(trailer)
    comment = data[end - SEAL_LENGTH : end]
    if end <= SEAL_LENGTH + 22 or not comment.startswith(SEAL_PREFIX[:16]):
        raise PackRefused("it is not a handbook file made by `handbook-reader pack`")
    expected = _sha256(data[: end - SEAL_LENGTH]).encode()
    if comment != SEAL_PREFIX + expected:
        raise PackRefused(f"{_DAMAGED} (its checksum does not match)")
    # The sealed end record says how long the comment is: a signature cut off shows.
    length = len(data) - (end - SEAL_LENGTH)
    if data[end - SEAL_LENGTH - 2 : end - SEAL_LENGTH] != length.to_bytes(2, "little"):
        raise PackRefused(f"{_DAMAGED} (its end does not match its seal)")
    if not trailer:
        return None
    try:
        return verified_signer(trailer, comment)
    except BadSignature as error:
        raise PackRefused(str(error)) from None


def _check_directory(data: bytes) -> None:
    """The central directory's size and entries, from the end record, before zipfile
    parses them all: it reads every header the directory's size holds, whatever count
    the end record claims, so the headers are counted here too (without parsing)."""
    from reader.handbook.signing import signature_trailer_at

    comment_length = SEAL_LENGTH + len(signature_trailer_at(data))
    end = len(data) - comment_length - _END_RECORD.size
    fields = _END_RECORD.unpack_from(data, end)
    signature, _, _, _, claimed, size, offset, comment = fields
    if signature != b"PK\x05\x06" or comment != comment_length:
        raise PackRefused("it is not a handbook file made by `handbook-reader pack`")
    if 0xFFFF in fields[1:5] or 0xFFFFFFFF in (size, offset):
        raise PackRefused("it is a ZIP64 file, which `handbook-reader pack` never makes")
    if claimed > MAX_ENTRIES or size > MAX_DIRECTORY_BYTES:
        raise PackRefused(f"it lists more than {MAX_ENTRIES} files (or their list is too long)")
    if offset + size > end:
        raise PackRefused(f"{_DAMAGED} (its list of files is cut short)")
    position, count = offset, 0
    while position < offset + size:
        if count >= MAX_ENTRIES or position + _DIRECTORY_ENTRY.size > offset + size:
            raise PackRefused(f"it holds more than {MAX_ENTRIES} files, or a damaged list")
        header = _DIRECTORY_ENTRY.unpack_from(data, position)
        position += _DIRECTORY_ENTRY.size + header[12] + header[13] + header[14]
        count += 1


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise PackRefused(f"it holds more than {MAX_ENTRIES} files")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        reason = _bad_kind(info) or _bad_name(name)
        if reason:
            raise PackRefused(f"entry '{shown_name(name)}' is refused: {reason}")
        if name in seen:
            raise PackRefused(f"entry '{shown_name(name)}' is in the file twice")
        seen.add(name)
        if info.file_size > MAX_ENTRY_BYTES:
            raise PackRefused(
                f"entry '{shown_name(name)}' is too large (more than {MAX_ENTRY_BYTES >> 20} MB)"
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackRefused(f"its files are too large (more than {MAX_TOTAL_BYTES >> 20} MB)")


def shown_name(name: str) -> str:
    """An entry name for a one-line message: at most 80 characters, control characters
    (a newline, an escape) shown as `?`, so that a name never breaks the line."""
    return "".join("?" if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in name[:80])


def _bad_name(name: str) -> str:
    # zipfile turns the writer's backslashes and drive letters into its own idea of a
    # name on some systems; the raw name is what is judged here.
    if len(name) > MAX_NAME_CHARS:
        return f"its name is longer than {MAX_NAME_CHARS} characters"
    if name.count("/") > MAX_NAME_DEPTH:
        return f"its name is more than {MAX_NAME_DEPTH} folders deep"
    if "\\" in name:
        return "its name holds a backslash (a Windows folder separator)"
    if not name or name.startswith("/") or ":" in name.split("/")[0]:
        return "its name is absolute"
    parts = name.split("/")
    if ".." in parts:
        return "its name leads outside the handbook"
    if any(part in ("", ".") for part in parts):
        return "it is not a file name"
    if "\0" in name or any(ord(c) < 32 for c in name):
        return "its name holds control characters"
    return ""


def _bad_kind(info: zipfile.ZipInfo) -> str:
    import zipfile

    mode = info.external_attr >> 16
    if info.is_dir() or stat.S_ISDIR(mode):
        return "it is a folder"
    if stat.S_ISLNK(mode):
        return "it is a symbolic link"
    if mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return "it is not a regular file"
    if info.flag_bits & 0x1:
        return "it is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "it is compressed in an unknown way"
    return ""


def _entry_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except Exception as error:  # a hand-made file can fail in any of zipfile's ways
        detail = shown_name(f"{error}")
        raise PackRefused(f"{_DAMAGED} (entry '{shown_name(info.filename)}': {detail})") from None
    if len(data) != info.file_size:
        raise PackRefused(f"{_DAMAGED} (entry '{shown_name(info.filename)}' has the wrong size)")
    return data


def refused_name(name: str) -> str:
    """Why the reader refuses an entry named `name` ('' when it does not), so that
    `pack` leaves out what the reader would refuse instead of writing a bad file."""
    return _bad_name(name)


def checksum_list(entries: dict[str, bytes]) -> bytes:
    """The CHECKSUMS.sha256 text for `entries`: a header, then `digest  name` by name."""
    lines = [CHECKSUMS_HEADER]
    lines += [f"{_sha256(entries[n])}  {n}" for n in sorted(entries)]
    return ("\n".join(lines) + "\n").encode()


def _check_checksums(contents: dict[str, bytes]) -> None:
    listed = contents.get(CHECKSUMS_NAME)
    if listed is None:
        raise PackRefused(f"it has no checksum list ({CHECKSUMS_NAME})")
    others = {n: d for n, d in contents.items() if n != CHECKSUMS_NAME}
    if listed != checksum_list(others):
        names = _listed_names(listed)
        wrong = sorted(set(others) ^ set(names)) or [
            n for n in sorted(others) if _sha256(others[n]) != names.get(n)
        ]
        detail = f"'{shown_name(wrong[0])}' does not match the checksum list" if wrong else ""
        raise PackRefused(f"{_DAMAGED} ({detail or 'the checksum list is not valid'})")


def _listed_names(listed: bytes) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in listed.decode("utf-8", errors="replace").splitlines()[1:]:
        digest, _, name = line.partition("  ")
        names[name] = digest
    return names
