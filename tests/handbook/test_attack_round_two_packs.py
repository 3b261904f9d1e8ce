"""Issue #38, second attack round: a .handbook file cannot make the reader spend memory
or time by the shape of its zip: the central directory is measured before zipfile
parses it, entry names are capped in length and depth, and a folder's listing does
not scan every entry. Each test failed on the code before the fix."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from reader.handbook.packed import (
    CHECKSUMS_NAME,
    MAX_ENTRIES,
    PackRefused,
    checksum_list,
    open_packed,
    placeholder_comment,
    seal,
)
from tests.support import run_cli

CHAPTER = b"# A\n\nWords.\n"


def sealed(entries: dict[str, bytes]) -> bytes:
    """A .handbook made by hand from `entries`, checksum list and seal right: only the
    caps can refuse it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(CHECKSUMS_NAME, checksum_list(entries))
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
        archive.comment = placeholder_comment()
    return seal(buffer.getvalue())


def with_directory(directory: bytes, claimed: int, *, zip64: bool = False) -> bytes:
    """A sealed file that is only a central directory and an end record claiming
    `claimed` entries (with ZIP64 records, as a directory of millions needs)."""
    body = directory
    if zip64:
        record_at = len(body)
        body += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, claimed, claimed,
                            len(directory), 0)  # fmt: skip
        body += struct.pack("<4sLQL", b"PK\x06\x07", 0, record_at, 1)
        counts, size, offset = 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF
    else:
        counts, size, offset = claimed, len(directory), 0
    comment = placeholder_comment()
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, counts, counts, size, offset, len(comment))
    return seal(body + end + comment)


def directory_entry(name: bytes = b"a") -> bytes:
    """One central directory header for an entry with no data: 46 bytes and its name."""
    header = struct.pack(
        "<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0,
        len(name), 0, 0, 0, 0, 0o100644 << 16, 0,
    )  # fmt: skip
    return header + name


@pytest.fixture
def zipfile_opened(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records every time zipfile is asked to parse an archive (zipfile is the library,
    not our code: it still does its work)."""
    opened: list[int] = []
    real = zipfile.ZipFile

    def recording(*args: object, **kwargs: object) -> zipfile.ZipFile:
        opened.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile, "ZipFile", recording)
    return opened


@pytest.mark.parametrize(
    ("directory", "claimed", "zip64", "reason"),
    [
        (directory_entry(), 3_000_000, True, "ZIP64"),
        (directory_entry() * 2, 60_000, False, f"more than {MAX_ENTRIES} files"),
        (directory_entry() * 100_000, 2, False, f"more than {MAX_ENTRIES} files"),
        (directory_entry(b"a" * 60_000) * 150, 150, False, "list is too long"),
    ],
    ids=["3 million (ZIP64)", "claims 60,000", "holds 100,000", "9 MB of names"],
)
def test_a_central_directory_over_the_cap_is_refused_before_zipfile_parses_it(
    tmp_path: Path,
    zipfile_opened: list[int],
    directory: bytes,
    claimed: int,
    zip64: bool,
    reason: str,
) -> None:
    """Before: zipfile parsed every header first (3 million: 1.6 GB), or took the file."""
    path = tmp_path / "directory.handbook"
    path.write_bytes(with_directory(directory, claimed, zip64=zip64))
    with pytest.raises(PackRefused, match=reason):
        open_packed(path)
    assert zipfile_opened == []


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("handbook/" + "a/" * 32 + "x.md", "more than 32 folders deep"),
        ("handbook/" + "a" * 1100 + ".md", "longer than 1024 characters"),
        ("handbook/" + "a/" * 32_000 + "x.md", "longer than 1024 characters"),
    ],
    ids=["33 deep", "1,100 long", "32,000 deep"],
)
def test_a_deep_or_long_entry_name_is_refused_before_its_folders_are_made(
    tmp_path: Path, name: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: taken (32,000 parts, a 129 KB file: 1.2 GB in the folders it implies)."""
    path = tmp_path / "deep.handbook"
    path.write_bytes(sealed({"handbook/a.md": CHAPTER, name: CHAPTER}))
    with pytest.raises(PackRefused, match=reason):
        open_packed(path)
    code, _, err = run_cli(capsys, "--handbook", str(path), "toc")
    assert code == 2 and err.count("\n") == 1 and reason in err and len(err) < 400


def test_an_entry_name_with_a_newline_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the refusal printed the name's raw newline, breaking the line in two."""
    path = tmp_path / "newline.handbook"
    path.write_bytes(sealed({"handbook/a.md": CHAPTER, "handbook/b\n\x1b[2Jc.md": CHAPTER}))
    code, out, err = run_cli(capsys, "--handbook", str(path), "toc")
    assert (code, out) == (2, "")
    assert err == (
        "handbook-reader: newline.handbook cannot be opened: entry 'handbook/b??[2Jc.md' "
        "is refused: its name holds control characters\n"
    )


def test_folders_of_a_pack_are_listed_without_scanning_every_entry(tmp_path: Path) -> None:
    """Before: each listing scanned every name, so listing every folder of a packed
    MkDocs project was O(folders x entries): these 10,000 listings took minutes."""
    folders = MAX_ENTRIES // 2
    entries = {f"handbook/docs/d{n}/index.md": CHAPTER for n in range(folders)}
    path = tmp_path / "many.handbook"
    path.write_bytes(sealed(entries))
    packed = open_packed(path)
    started = time.monotonic()
    listings = [packed.children(f"docs/d{n}") for n in range(folders)]
    assert time.monotonic() - started < 10  # generous: a few milliseconds in all
    assert listings[0] == listings[-1] == [("index.md", False)]
    assert len(packed.children("docs")) == folders and packed.children("") == [("docs", True)]
