"""Rendered chapters kept on disk between runs, so that the next start shows its first
page without loading Markdown and rendering it (about a tenth of the start-up time).

It is only a cache. A page it does not have, cannot read, or cannot write is simply
rendered again; nothing here ever stops the reader. The pages are valid for one state of
the handbook folder and of the code that renders it, so a fingerprint of both (every
file's path, size and modification time, and the app version) is kept beside them and
compared when the store opens; on a mismatch the old pages are dropped.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

from reader import __version__
from reader.storage import checksum, write_text_atomically

FINGERPRINT_FILE = "fingerprint.txt"
# The packages whose code decides what a page looks like, and the libraries they use.
_RENDERING_PACKAGES = ("content", "handbook")
_RENDERING_LIBRARIES = ("markdown", "nh3")
_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _stamp(path: Path) -> str:
    try:
        status = path.stat()
    except OSError:
        return f"{path.name} -"
    return f"{path.name} {status.st_size} {status.st_mtime_ns}"


def _library_stamp(name: str) -> str:
    """The installed library's main file, found without importing it (that is the point)."""
    spec = importlib.util.find_spec(name)
    origin = spec.origin if spec is not None else None
    return f"library {name} {_stamp(Path(origin)) if origin else '-'}"


def fingerprint(handbook_root: Path) -> str:
    """One line per thing a rendered page depends on; any change gives another text.

    In a PyInstaller bundle the code has no files of its own; the program's stamp
    stands for it (every build writes a new one)."""
    package = Path(__file__).resolve().parent.parent
    lines = [f"version {__version__}", f"root {handbook_root}"]
    for name in _RENDERING_PACKAGES:
        code = sorted((package / name).glob("*.py"))
        lines += [f"code {name}/{_stamp(path)}" for path in code]
    lines += [_library_stamp(name) for name in _RENDERING_LIBRARIES]
    lines.append(f"program {_stamp(Path(sys.executable))}")
    if handbook_root.is_file():  # a packed handbook (.handbook): its one file stands for all
        lines.append(f"packed {_stamp(handbook_root)}")
    for folder, subfolders, files in os.walk(handbook_root):
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            lines.append(f"file {path.relative_to(handbook_root).as_posix()} {_stamp(path)}")
    return "\n".join(lines) + "\n"


class PageStore:
    """The rendered pages of one handbook folder, under `<cache>/pages/<folder key>/`."""

    def __init__(
        self, cache_dir: Path, handbook_root: Path, language: str = "", clinic: str = ""
    ) -> None:
        """`clinic`: a key of the clinic's values (reader/clinic/apply.py's clinic_stamp),
        since pages show them: another clinic file renders them afresh."""
        root = handbook_root.resolve()
        # A translation shares its folder with the main language (see languages.py), so
        # its pages are kept apart by language; the main language keeps the plain key.
        key = [str(root).encode()] + ([language.encode()] if language else [])
        self.folder = cache_dir / "pages" / checksum(key)
        self._fingerprint = fingerprint(root) + (f"clinic {clinic}\n" if clinic else "")
        self._fresh = self._stored_fingerprint() == self._fingerprint

    def _stored_fingerprint(self) -> str | None:
        try:
            return (self.folder / FINGERPRINT_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _page_path(self, chapter_id: str, marked: bool) -> Path | None:
        if not _SAFE_NAME.fullmatch(chapter_id):
            return None
        return self.folder / f"{chapter_id}.{'marked' if marked else 'plain'}.html"

    def get(self, chapter_id: str, *, marked: bool) -> str | None:
        """The stored page, or None when it must be rendered."""
        path = self._page_path(chapter_id, marked)
        if not self._fresh or path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, chapter_id: str, html: str, *, marked: bool) -> None:
        """Keep a page for the next run; a failure (full disk, read-only) is ignored."""
        path = self._page_path(chapter_id, marked)
        if path is None:
            return
        try:
            if not self._fresh:
                self._start_afresh()
            write_text_atomically(path, html)
        except OSError:
            pass

    def _start_afresh(self) -> None:
        """Drop pages of an older fingerprint, then record the current one."""
        for old in self.folder.glob("*.html"):
            old.unlink(missing_ok=True)
        write_text_atomically(self.folder / FINGERPRINT_FILE, self._fingerprint)
        self._fresh = True
