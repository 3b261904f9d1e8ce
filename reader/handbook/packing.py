"""Making a packed handbook: a folder's files, read through the gate, into one sealed zip.

The same folder always gives the same bytes: entries in name order, one fixed
timestamp, fixed permissions, one compression level, a seal (see packed.py) that
depends only on what comes before it, and (when signed) a deterministic Ed25519
signature of the seal. A pack holds text and pictures only: no search index (an index
is pickled code; the reader builds its own from the text).
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.handbook.gate import Refusal, read_bytes
from reader.handbook.packed import (
    CHECKSUMS_NAME,
    HANDBOOK_PREFIX,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_TOTAL_BYTES,
    PACK_SUFFIX,
    SEAL_LENGTH,
    checksum_list,
    placeholder_comment,
    refused_name,
    seal,
)
from reader.handbook.signing import SIGNATURE_LENGTH, signature_trailer

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the first time a zip can hold
_FILE_MODE = (stat.S_IFREG | 0o644) << 16
_UNIX = 3


class PackError(Exception):
    """The folder cannot be packed; the message is one plain line."""


@dataclass(frozen=True)
class FolderFiles:
    """What goes into the pack (posix name to bytes) and what was left out, and why."""

    files: dict[str, bytes]
    left_out: tuple[Refusal, ...]


def folder_files(folder: Path) -> FolderFiles:
    """Every file in `folder` and its subfolders, read through the gate: links that lead
    out, pipes, devices, files over the size cap and names the reader refuses in a pack
    (a backslash, a newline, control characters) are left out. Hidden folders (`.git`)
    and other .handbook files are not packed; links to folders are not followed. Raises
    PackError when it all is too much."""
    files: dict[str, bytes] = {}
    left_out: list[Refusal] = []
    total = 0
    for place, subfolders, names in os.walk(folder):
        here = Path(place)
        for name in sorted(subfolders):
            if name.startswith(".") or os.path.islink(here / name):
                subfolders.remove(name)
                if not name.startswith("."):
                    left_out.append(Refusal(here / name, "a link to a folder is not packed"))
        subfolders.sort()
        for name in sorted(names):
            path = here / name
            if name.lower().endswith(PACK_SUFFIX):
                continue
            entry = path.relative_to(folder).as_posix()
            if reason := refused_name(HANDBOOK_PREFIX + entry):
                left_out.append(Refusal(path, f"the reader refuses this name in a pack ({reason})"))
                continue
            data = read_bytes(folder, path, MAX_ENTRY_BYTES)
            if isinstance(data, Refusal):
                left_out.append(data)
                continue
            files[entry] = data
            total += len(data)
            if total > MAX_TOTAL_BYTES or len(files) > MAX_ENTRIES // 2:
                limit = f"{MAX_TOTAL_BYTES >> 20} MB or {MAX_ENTRIES // 2} files"
                raise PackError(f"{folder} holds too much to pack (more than {limit})")
    return FolderFiles(files, tuple(left_out))


def archive_bytes(files: dict[str, bytes], signer: Ed25519PrivateKey | None = None) -> bytes:
    """The sealed .handbook bytes: the handbook's files and their checksum list, signed
    with `signer`'s key when given."""
    entries = {HANDBOOK_PREFIX + name: data for name, data in files.items()}
    entries[CHECKSUMS_NAME] = checksum_list(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE
            info.create_system = _UNIX
            archive.writestr(info, entries[name], compresslevel=9)
        # The end record holds the comment's length: room for the signature is made now.
        room = b"0" * SIGNATURE_LENGTH if signer is not None else b""
        archive.comment = placeholder_comment() + room
    if signer is None:
        return seal(buffer.getvalue())
    sealed = seal(buffer.getvalue()[: -len(room)])
    return sealed + signature_trailer(signer, sealed[-SEAL_LENGTH:])
