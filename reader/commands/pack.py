"""`pack FOLDER OUT.handbook [--sign KEY]`: the handbook folder and a checksum list in one
sealed file that the reader opens as it is (see reader/handbook/packed.py), signed with
the publisher's key when asked.

OUT is replaced only by a file that has been read back as the reader reads it and holds
the same chapters as the folder: a folder the reader could not open from a pack never
costs anyone a good OUT.handbook.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands import CommandError, load_handbook_for
from reader.handbook import Handbook, HandbookError
from reader.handbook.packed import PACK_SUFFIX


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="the handbook folder")
    parser.add_argument("out", type=Path, metavar="OUT.handbook", help="the file to write")
    parser.add_argument(
        "--sign",
        type=Path,
        metavar="KEY",
        help="sign the file with this private key (made by `handbook-reader pack-key`)",
    )


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
    from reader.handbook.packing import PackError, archive_bytes, folder_files
    from reader.handbook.signing import SigningError, key_id, load_private_key, raw_public_key
    from reader.safe_output import OutputRefused, write_atomically

    try:
        signer = load_private_key(args.sign) if args.sign else None
        found = folder_files(folder)
    except (PackError, SigningError) as error:
        raise CommandError(str(error)) from None
    for refusal in found.left_out:
        print(f"left out: {shown(str(refusal.path))}: {refusal.reason}", file=sys.stderr)
    data = archive_bytes(found.files, signer)
    chapters = _chapters_by_language(folder, handbook)
    try:
        write_atomically(out, data, suffix=PACK_SUFFIX, check=lambda t: _reads_back(t, chapters))
    except PackError as error:
        raise CommandError(f"{out} was not written (a file there is kept): {error}") from None
    except (OutputRefused, OSError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CommandError(f"cannot write {out}: {reason}") from None
    size = len(data) / (1024 * 1024)
    signed = f", signed with key {key_id(raw_public_key(signer))}" if signer else ""
    print(f"Wrote {out} ({len(found.files)} files, {size:.1f} MB, {handbook.title}{signed})")
    return 0


def shown(text: str) -> str:
    """`text` for one terminal line: control characters written as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _chapters_by_language(folder: Path, handbook: Handbook) -> dict[str | None, list[str]]:
    from reader.handbook.languages import available_languages, load_handbook_in

    if not handbook.has_manifest:
        return {None: [chapter.id for chapter in handbook.chapters]}
    return {
        language: [chapter.id for chapter in load_handbook_in(folder, language).chapters]
        for language in available_languages(folder)
    }


def _reads_back(written: Path, chapters: dict[str | None, list[str]]) -> None:
    """Open the file just written as the reader would, in each language, and compare
    its chapters with the folder's. Raises PackError with the reason."""
    from reader.handbook.languages import load_handbook_in
    from reader.handbook.packing import PackError

    for language, expected in chapters.items():
        try:
            packed = load_handbook_in(written, language)
        except (HandbookError, OSError) as error:
            raise PackError(f"the packed file cannot be read back ({error})") from None
        missing = [shown(c) for c in expected if c not in {c.id for c in packed.chapters}]
        if missing:
            listed = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
            raise PackError(f"the packed file would lose chapter {listed} (see 'left out')")
