"""`pack FOLDER OUT.handbook`: the handbook folder, its search indexes and a checksum
list in one sealed file that the reader opens as it is (see reader/handbook/packed.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands import CommandError, load_handbook_for
from reader.handbook.packed import PACK_SUFFIX, PackRefused, open_packed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="the handbook folder")
    parser.add_argument("out", type=Path, metavar="OUT.handbook", help="the file to write")


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.name.lower() in ("mkdocs.yml", "mkdocs.yaml"):
        folder = folder.parent
    if not folder.is_dir():
        raise CommandError(f"No handbook folder at {folder}", exit_code=2)
    out = Path(args.out)
    if not out.name.lower().endswith(PACK_SUFFIX) or out.name.lower() == PACK_SUFFIX:
        raise CommandError(f"the packed handbook's name must end in {PACK_SUFFIX}", 2)
    handbook = load_handbook_for(folder)  # a folder that is no handbook stops here
    from reader.handbook.languages import available_languages, load_handbook_in
    from reader.handbook.packing import PackError, archive_bytes, folder_files
    from reader.safe_output import OutputRefused, write_atomically
    from reader.search.packed_index import index_files

    try:
        found = folder_files(folder)
    except PackError as error:
        raise CommandError(str(error)) from None
    for refusal in found.left_out:
        print(f"left out: {refusal.path}: {refusal.reason}", file=sys.stderr)
    indexes: dict[str, bytes] = {}
    languages = available_languages(folder) if handbook.has_manifest else (handbook.language,)
    for language in languages:
        indexes.update(index_files(load_handbook_in(folder, language)))
    data = archive_bytes(found.files, indexes)
    try:
        written = write_atomically(out, data)
    except (OutputRefused, OSError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CommandError(f"cannot write {out}: {reason}") from None
    try:
        open_packed(written)  # what was written is what the reader will accept
    except PackRefused as error:
        raise CommandError(f"{out} was written but cannot be read back: {error}") from None
    size = len(data) / (1024 * 1024)
    print(f"Wrote {out} ({len(found.files)} files, {size:.1f} MB, {handbook.title})")
    return 0
