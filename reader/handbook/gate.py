"""The one gate every handbook file is read through: chapters, manifest, glossary, pictures.

A handbook folder is untrusted (a download, a USB stick, a clinic share), so the gate:

- resolves links with `os.path.realpath`, which never raises on a loop (Path.resolve
  raises RuntimeError on Python 3.11, and that once crashed the window from inside a Qt
  override); a loop is then seen as a link that is still a link, and refused;
- keeps every path inside the folder: a link that leads out of it is refused, like a
  `../` that does;
- reads only regular files, and opens with O_NONBLOCK after an lstat, so a named pipe or
  a device never blocks nor is ever opened for reading; the opened file is checked
  again with fstat, in case it was swapped between the look and the open;
- caps sizes, and reports every refusal as a value (`Refusal`), never an exception.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.problems import Problem
from reader.storage import kind_of

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_PICTURE_BYTES = 16 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NOCTTY


@dataclass(frozen=True)
class Refusal:
    """Why a handbook file was not read, in words for an author (`path` as asked)."""

    path: Path
    reason: str

    def problem(self, line: int = 1) -> Problem:
        return Problem(self.path, line, self.reason)


def real_root(root: Path) -> Path:
    """The handbook folder with its own links resolved: what everything must stay in."""
    return Path(os.path.realpath(root))


def locate(root: Path, path: Path) -> Path | Refusal:
    """Where `path` really leads, if that is an existing thing inside the folder.

    Never raises: loops, links out of the folder, missing files and bad names are
    Refusals. The result is a real path (no links left in it)."""
    try:
        target = Path(os.path.realpath(path))
        inside = target.is_relative_to(real_root(root))
        if not inside:
            return Refusal(path, "file is outside the handbook folder (or links out of it)")
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return Refusal(path, "file not found")
    except (OSError, ValueError) as error:
        return Refusal(path, _os_reason(error))
    if stat.S_ISLNK(mode):
        return Refusal(path, "file is a symbolic link loop")
    return target


def locate_file(root: Path, path: Path) -> Path | Refusal:
    """`locate`, refusing anything but a regular file (folder, pipe, device, socket)."""
    target = locate(root, path)
    if isinstance(target, Refusal):
        return target
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError) as error:
        return Refusal(path, _os_reason(error))
    if not stat.S_ISREG(mode):
        return Refusal(path, f"{kind_of(mode)} is not a regular file and is not read")
    return target


def read_bytes(root: Path, path: Path, limit: int = MAX_FILE_BYTES) -> bytes | Refusal:
    """A regular file's bytes from inside the folder, at most `limit` of them."""
    target = locate_file(root, path)
    if isinstance(target, Refusal):
        return target
    try:
        descriptor = os.open(target, _OPEN_FLAGS)
    except OSError as error:
        return Refusal(path, _os_reason(error))
    try:
        with os.fdopen(descriptor, "rb", closefd=True) as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if not stat.S_ISREG(mode):  # swapped after the look: still never read
                return Refusal(path, f"{kind_of(mode)} is not a regular file and is not read")
            data = stream.read(limit + 1)
    except OSError as error:
        return Refusal(path, _os_reason(error))
    if len(data) > limit:
        return Refusal(path, f"file is too large (more than {limit // (1024 * 1024)} MB)")
    return data


def read_text(root: Path, path: Path, problems: list[Problem]) -> str | None:
    """A text file's text, or None with a problem recorded; bad bytes are replaced."""
    data = read_bytes(root, path)
    if isinstance(data, Refusal):
        problems.append(data.problem())
        return None
    text, problem = decode_text(path, data)
    if problem is not None:
        problems.append(problem)
    return text


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(path: Path, data: bytes) -> tuple[str, Problem | None]:
    """Text by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8.

    Text in another encoding is shown with replacement characters and reported at the
    first bad line, so an author knows to save it as UTF-8."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        problem = Problem(path, line, f"text is not valid {name}; bad bytes were replaced")
        return data.decode(encoding, errors="replace").lstrip("\ufeff"), problem


def markdown_files(root: Path, problems: list[Problem]) -> list[Path]:
    """`*.md` entries of the folder and of its `chapters/` (if that is inside), by name.

    Links, pipes and the like are listed too, so that reading them reports why they
    are refused; only folders are left out. Never lists a folder outside the handbook."""
    found = list(_markdown_entries(Path(root)))
    chapters = Path(root) / "chapters"
    located = locate(root, chapters)
    if isinstance(located, Path) and located.is_dir():
        found += _markdown_entries(chapters)
    elif isinstance(located, Refusal) and os.path.lexists(chapters):
        problems.append(located.problem())
    return found


def _markdown_entries(folder: Path) -> Iterator[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.lower().endswith(".md") and not _is_folder(entry):
            yield folder / entry.name


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _os_reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "file is a symbolic link loop"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read file: {error.strerror.lower()}"
    return "cannot read file: its name is not valid"
