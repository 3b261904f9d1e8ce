"""A damaged, tampered or hostile .handbook file is refused in one line, before any part
of it is used: flipped bytes anywhere, `../` and absolute names, links, folders,
duplicates and sizes that would fill memory."""

from __future__ import annotations

import hashlib
import io
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from reader.handbook import HandbookError, load_handbook
from reader.handbook.gate import read_bytes
from reader.handbook.packed import (
    CHECKSUMS_NAME,
    MAX_ENTRY_BYTES,
    PackRefused,
    checksum_list,
    open_packed,
    placeholder_comment,
    seal,
)
from reader.handbook.packing import archive_bytes
from tests.support import run_cli

BOOK = {
    "handbook.toml": b'title = "Tiny"\nchapters = ["chapters/a.md"]\n',
    "chapters/a.md": b"# A\n\nThe one chapter.\n\n## More\n\nWords.\n",
    "pictures/p.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
}


@pytest.fixture
def good(tmp_path: Path) -> bytes:
    data = archive_bytes(BOOK)
    (tmp_path / "good.handbook").write_bytes(data)
    assert load_handbook(tmp_path / "good.handbook").title == "Tiny"
    return data


def refusal_line(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    """The one line `toc` prints for `path`, after checking it exits non-zero."""
    code, out, err = run_cli(capsys, "--handbook", str(path), "toc")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"handbook-reader: {path.name} cannot be opened: ")
    return err


def flipped(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x20
    return bytes(changed)


def places(data: bytes) -> dict[str, int]:
    """Byte offsets inside an entry's data, the checksum list, the central directory
    and the seal."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        start_dir = archive.start_dir  # type: ignore[attr-defined]

    def data_of(name: str) -> int:
        offset = infos[name].header_offset
        name_length, extra_length = struct.unpack("<HH", data[offset + 26 : offset + 30])
        return offset + 30 + name_length + extra_length + 2

    return {
        "entry data": data_of("handbook/chapters/a.md"),
        "checksum list": data_of(CHECKSUMS_NAME),
        "local header": infos["handbook/handbook.toml"].header_offset + 14,
        "central directory": start_dir + 20,
        "central directory name": start_dir + 46 + 3,
        "end record": len(data) - len(placeholder_comment()) - 22 + 10,
        "seal": len(data) - 5,
    }


@pytest.mark.parametrize(
    "where",
    [
        "entry data",
        "checksum list",
        "local header",
        "central directory",
        "central directory name",
        "end record",
        "seal",
    ],
)
def test_a_flipped_byte_anywhere_is_refused_in_one_line(
    good: bytes, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "flipped.handbook"
    path.write_bytes(flipped(good, places(good)[where]))
    line = refusal_line(capsys, path)
    assert "damaged or was changed" in line


def test_a_truncated_file_and_a_plain_zip_are_refused(
    good: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = tmp_path / "cut.handbook"
    cut.write_bytes(good[: len(good) // 2])
    assert "not a handbook file" in refusal_line(capsys, cut)
    plain = tmp_path / "plain.handbook"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("handbook/chapters/a.md", "# A\n")
    assert "not a handbook file" in refusal_line(capsys, plain)


def test_a_file_changed_on_disk_after_opening_is_no_longer_read(
    good: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "book.handbook"
    path.write_bytes(good)
    assert load_handbook(path).title == "Tiny"
    path.write_bytes(flipped(good, places(good)["entry data"]) + b"")
    refused = read_bytes(path, path / "chapters" / "a.md")
    assert not isinstance(refused, bytes) and "damaged" in refused.reason


def sealed_zip(entries: list[tuple[zipfile.ZipInfo, bytes]], listed: bool = True) -> bytes:
    """A zip of `entries` with a checksum list of them (if `listed`), sealed properly:
    only the entry rules can refuse it."""
    contents = {info.filename: data for info, data in entries}
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate on purpose
        with zipfile.ZipFile(buffer, "w") as archive:
            if listed:
                archive.writestr(CHECKSUMS_NAME, checksum_list(contents))
            for info, data in entries:
                archive.writestr(info, data)
            archive.comment = placeholder_comment()
    return seal(buffer.getvalue())


def entry(name: str, data: bytes = b"# A\n\nWords.\n", mode: int = 0o100644) -> tuple:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.create_system = 3
    return info, data


CHAPTER = entry("handbook/chapters/a.md")


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        ([CHAPTER, entry("handbook/../evil.md")], "leads outside the handbook"),
        ([CHAPTER, entry("../../evil.md")], "leads outside the handbook"),
        ([CHAPTER, entry("/etc/evil.md")], "is absolute"),
        ([CHAPTER, entry("C:/evil.md")], "is absolute"),
        ([CHAPTER, entry("handbook\\..\\evil.md")], "holds a backslash"),
        ([CHAPTER, entry("handbook/link.md", b"/etc/passwd", stat.S_IFLNK | 0o777)], "link"),
        ([CHAPTER, entry("handbook/chapters/", b"", stat.S_IFDIR | 0o755)], "folder"),
        ([CHAPTER, entry("handbook/chapters/a.md", b"# Again\n")], "twice"),
    ],
)
def test_hostile_entries_are_refused_before_anything_is_read(
    entries: list, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.handbook"
    path.write_bytes(sealed_zip(entries))
    with pytest.raises(PackRefused, match=reason):
        open_packed(path)
    assert reason in refusal_line(capsys, path)


def test_a_huge_declared_size_is_refused_without_inflating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The central directory says the chapter inflates to 2 GB (a zip bomb's claim)."""
    data = bytearray(sealed_zip([CHAPTER])[: -len(placeholder_comment())])
    central = data.rindex(b"PK\x01\x02")  # the chapter's entry, written last
    data[central + 24 : central + 28] = struct.pack("<I", 0x7FFFFFFF)
    path = tmp_path / "bomb.handbook"
    path.write_bytes(seal(bytes(data) + placeholder_comment()))
    with pytest.raises(PackRefused, match="too large"):
        open_packed(path)
    assert f"more than {MAX_ENTRY_BYTES >> 20} MB" in refusal_line(capsys, path)


def test_a_resealed_file_with_a_damaged_entry_is_refused(
    good: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Damage sealed over (a hand-made seal): the entry's own CRC, or its checksum,
    still tells."""
    body = flipped(good, places(good)["entry data"])[: -len(placeholder_comment())]
    path = tmp_path / "resealed.handbook"
    path.write_bytes(seal(body + placeholder_comment()))
    assert "damaged or was changed" in refusal_line(capsys, path)


def test_entries_must_match_the_checksum_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Resealed after a change (so only the list can tell), or with no list at all."""
    listed = {"handbook/chapters/a.md": b"# A\n\nWords.\n"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(CHECKSUMS_NAME, checksum_list(listed))
        archive.writestr("handbook/chapters/a.md", b"# A\n\nOther words.\n")
        archive.comment = placeholder_comment()
    changed = tmp_path / "changed.handbook"
    changed.write_bytes(seal(buffer.getvalue()))
    assert "does not match the checksum list" in refusal_line(capsys, changed)
    unlisted = tmp_path / "unlisted.handbook"
    unlisted.write_bytes(sealed_zip([CHAPTER], listed=False))
    assert "no checksum list" in refusal_line(capsys, unlisted)


def test_a_sealed_good_zip_of_hostile_shape_still_opens_only_its_own_files(
    tmp_path: Path,
) -> None:
    """The sealed-zip helper makes files the reader accepts, so the refusals above are
    the entry rules' doing; and a path out of the file is refused by the gate."""
    path = tmp_path / "fine.handbook"
    path.write_bytes(sealed_zip([CHAPTER]))
    assert load_handbook(path).chapters[0].title == "A"
    outside = tmp_path / "outside.md"
    outside.write_text("# Outside\n", encoding="utf-8")
    refused = read_bytes(path, path / ".." / "outside.md")
    assert not isinstance(refused, bytes) and "outside" in refused.reason


def test_a_file_holding_no_handbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.handbook"
    path.write_bytes(sealed_zip([entry("search/x/y", b"z")]))
    with pytest.raises(HandbookError, match=r"empty\.handbook cannot be opened: .* no handbook"):
        load_handbook(path)


def test_the_seal_is_the_sha256_of_everything_before_it(good: bytes) -> None:
    body, comment = good[: -len(placeholder_comment())], good[-len(placeholder_comment()) :]
    assert comment.endswith(hashlib.sha256(body).hexdigest().encode())
