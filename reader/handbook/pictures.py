"""Pictures read through the gate, with SVGs made unable to reach any other file.

An SVG can name other files (`<image href="../../x.png">`, an absolute path, an
`xlink:href` to another document) that Qt would load. Every such reference that is not
to a part of the same picture (`#id`) or embedded data (`data:`) is emptied before the
bytes reach Qt, and the picture is handed over as bytes, never as a file name, so Qt
has no folder to resolve a relative name against.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from reader.handbook.gate import MAX_PICTURE_BYTES, Refusal, read_bytes

SVG_SUFFIXES = (".svg", ".svgz")
_REFERENCE = re.compile(
    rb"""(?<![\w:.-])((?:[\w.-]+:)?href\s*=\s*)("[^"]*"|'[^']*')""", re.IGNORECASE
)
_STYLE_URL = re.compile(rb"""url\(\s*(?!['"]?\s*#)[^)]*\)""", re.IGNORECASE)
# Embedded bitmaps only: an embedded SVG could name files of its own.
_SAFE_TARGET = re.compile(rb"""^["'](?:#|data:image/(?:png|jpeg|jpg|gif|webp|bmp)[;,])""", re.I)


# What an emptied reference points at: a transparent 1x1 GIF, which Qt draws as
# nothing without printing a warning (an empty or "#" reference makes it print one).
_EMPTY_PICTURE = b"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@dataclass(frozen=True)
class PictureData:
    """A picture's bytes (an SVG already made self-contained) and whether it is an SVG."""

    data: bytes
    is_svg: bool


def read_picture(root: Path, path: Path) -> PictureData | Refusal:
    """A picture inside the folder, as bytes Qt can load without reading anything else."""
    data = read_bytes(root, path, MAX_PICTURE_BYTES)
    if isinstance(data, Refusal):
        return data
    if path.suffix.lower() not in SVG_SUFFIXES:
        return PictureData(data, is_svg=False)
    if data[:2] == b"\x1f\x8b":
        unpacked = _gunzip(data, MAX_PICTURE_BYTES)
        if unpacked is None:
            return Refusal(path, "compressed picture is damaged or too large")
        data = unpacked
    return PictureData(self_contained_svg(data), is_svg=True)


def self_contained_svg(data: bytes) -> bytes:
    """The SVG with every reference to another file or address emptied."""
    data = _REFERENCE.sub(_keep_internal, data)
    return _STYLE_URL.sub(b"none", data)


def _keep_internal(match: re.Match[bytes]) -> bytes:
    if _SAFE_TARGET.match(match.group(2)):
        return match.group(0)
    return match.group(1) + b'"' + _EMPTY_PICTURE + b'"'


def _gunzip(data: bytes, limit: int) -> bytes | None:
    """At most `limit` bytes out of a gzip stream: a small bomb never fills memory."""
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = inflater.decompress(data, limit + 1)
    except (zlib.error, gzip.BadGzipFile):
        return None
    return out if len(out) <= limit else None
