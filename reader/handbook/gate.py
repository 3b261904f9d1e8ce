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
- caps sizes, and reports every refusal as a value (`Refusal`), never an exception;
- refuses a name with a NUL byte in it (`a%00b.png`), which no file can have and which
  makes every os call raise ValueError: `real_path` is realpath that never raises.

A packed handbook (a `.handbook` file, see packed.py) is the other kind of source: its
root is the file's path, its files are paths under it, and the same calls read them
from the checked archive in memory, under the same rules. The questions the loader
asks about a folder (`exists`, `is_file`, `is_dir`, `folder_entries`) are asked here
too, so neither source is ever looked at directly.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.handbook.packed import PACK_SUFFIX, PackedHandbook, PackRefused, open_packed
from reader.problems import Problem
from reader.storage import kind_of

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_PICTURE_BYTES = 16 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NOCTTY
NUL_IN_NAME = "file name holds a NUL byte, which no file can have"


@dataclass(frozen=True)
class Refusal:
    """Why a handbook file was not read, in words for an author (`path` as asked)."""

    path: Path
    reason: str

    def problem(self, line: int = 1) -> Problem:
        return Problem(self.path, line, self.reason)


def real_root(root: Path) -> Path:
    """The handbook folder with its own links resolved: what everything must stay in.
    Never raises: a NUL byte (which no command-line argument can carry) is dropped."""
    return real_path(root) or Path(os.path.abspath(str(root).replace("\0", "")))


def real_path(path: Path | str) -> Path | None:
    """`os.path.realpath`, which never raises on a loop, as a Path; None for a name no
    file can have (a NUL byte in it), where every os call raises ValueError."""
    if "\0" in str(path):
        return None
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):  # ValueError: characters the file system cannot hold
        return None


def locate(root: Path, path: Path) -> Path | Refusal:
    """Where `path` really leads, if that is an existing thing inside the folder.

    Never raises: loops, links out of the folder, missing files and bad names are
    Refusals. The result is a real path (no links left in it)."""
    return _locate(packed_source(root), root, path)


# The public calls find the root's source (folder or .handbook) once and pass it down.
_Source = PackedHandbook | PackRefused | None


def _locate(packed: _Source, root: Path, path: Path) -> Path | Refusal:
    if "\0" in str(path):
        return Refusal(path, NUL_IN_NAME)
    if packed is not None:
        return _locate_packed(packed, root, path)
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
    return _locate_file(packed_source(root), root, path)


def _locate_file(packed: _Source, root: Path, path: Path) -> Path | Refusal:
    target = _locate(packed, root, path)
    if isinstance(target, Refusal):
        return target
    if isinstance(packed, PackedHandbook):
        if packed.name_of(target) in packed.files:
            return target
        return Refusal(path, "folder is not a regular file and is not read")
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError) as error:
        return Refusal(path, _os_reason(error))
    if not stat.S_ISREG(mode):
        return Refusal(path, f"{kind_of(mode)} is not a regular file and is not read")
    return target


def read_bytes(root: Path, path: Path, limit: int = MAX_FILE_BYTES) -> bytes | Refusal:
    """A regular file's bytes from inside the folder, at most `limit` of them."""
    packed = packed_source(root)
    target = _locate_file(packed, root, path)
    if isinstance(target, Refusal):
        return target
    if isinstance(packed, PackedHandbook):
        data = packed.files[packed.name_of(target) or ""]
    else:
        read = _read_located(path, target, limit)
        if isinstance(read, Refusal):
            return read
        data = read
    if len(data) > limit:
        return Refusal(path, f"file is too large (more than {limit // (1024 * 1024)} MB)")
    return data


def _read_located(path: Path, target: Path, limit: int) -> bytes | Refusal:
    try:
        descriptor = os.open(target, _OPEN_FLAGS)
    except OSError as error:
        return Refusal(path, _os_reason(error))
    try:
        with os.fdopen(descriptor, "rb", closefd=True) as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if not stat.S_ISREG(mode):  # swapped after the look: still never read
                return Refusal(path, f"{kind_of(mode)} is not a regular file and is not read")
            return stream.read(limit + 1)
    except OSError as error:
        return Refusal(path, _os_reason(error))


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
    found = list(_markdown_entries(root, Path(root)))
    chapters = Path(root) / "chapters"
    located = locate(root, chapters)
    if isinstance(located, Path) and is_dir(root, located):
        found += _markdown_entries(root, chapters)
    elif isinstance(located, Refusal) and exists(root, chapters):
        problems.append(located.problem())
    return found


def _markdown_entries(root: Path, folder: Path) -> Iterator[Path]:
    for path, is_folder in folder_entries(root, folder):
        if path.name.lower().endswith(".md") and not is_folder:
            yield path


def folder_entries(root: Path, folder: Path) -> list[tuple[Path, bool]]:
    """What `folder` holds, each with whether it is a folder (links are not followed),
    by name; empty when it cannot be listed."""
    packed = packed_source(root)
    if packed is not None:
        name = _packed_name(packed, folder)
        if not isinstance(packed, PackedHandbook) or name not in packed.folders:
            return []
        return [(folder / child, is_folder) for child, is_folder in packed.children(name)]
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return []
    return [(folder / entry.name, _is_folder(entry)) for entry in entries]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def exists(root: Path, path: Path) -> bool:
    """Something (even a broken link) is at `path`, as `os.path.lexists` says."""
    packed = packed_source(root)
    if packed is None:
        return os.path.lexists(path)
    name = _packed_name(packed, path)
    return isinstance(packed, PackedHandbook) and (name in packed.files or name in packed.folders)


def is_file(root: Path, path: Path) -> bool:
    """`path` leads to a regular file (links followed), as `Path.is_file` says."""
    packed = packed_source(root)
    if packed is None:
        return Path(path).is_file()
    return isinstance(packed, PackedHandbook) and _packed_name(packed, path) in packed.files


def is_dir(root: Path, path: Path) -> bool:
    """`path` leads to a folder (links followed), as `Path.is_dir` says."""
    packed = packed_source(root)
    if packed is None:
        return Path(path).is_dir()
    return isinstance(packed, PackedHandbook) and _packed_name(packed, path) in packed.folders


def still_there(root: Path) -> bool:
    """The handbook can still be read: its folder, or its .handbook file, is there."""
    if os.path.isdir(root):  # a folder: one look, as before packed handbooks
        return True
    packed = packed_source(root)
    return isinstance(packed, PackedHandbook) and packed.path.is_file()


# Packed handbooks

# Each .handbook file checked once per version of it (device, inode, size, times), so
# the gate's callers pass only a root path; `check_packed` always checks afresh.
_CHECKED: dict[str, tuple[tuple[int, ...], PackedHandbook | PackRefused]] = {}
_CHECKED_LOCK = threading.Lock()  # the search worker reads through the gate too
_KEPT_PACKS = 4


def packed_file(root: Path) -> Path | None:
    """The .handbook file that `root` is or lies inside; None for a folder (or anything
    else, which then reads as the folder it is not)."""
    candidate = Path(root)
    if os.path.isdir(candidate):
        return None
    for place in (candidate, *candidate.parents):
        if os.path.isfile(place):
            return place if place.name.lower().endswith(PACK_SUFFIX) else None
        if os.path.isdir(place):
            return None
    return None


def packed_source(root: Path) -> PackedHandbook | PackRefused | None:
    """The checked contents of the .handbook that `root` is (or is in); None for a folder."""
    found = packed_file(root)
    if found is None:
        return None
    real = os.path.realpath(found)
    identity = _identity(real)
    with _CHECKED_LOCK:
        kept = _CHECKED.get(real)
    if kept is not None and kept[0] == identity:
        return kept[1]
    return _check(real, identity)


def check_packed(root: Path) -> PackRefused | None:
    """Why the .handbook that `root` is (or is in) is refused, if it is. Opening the file
    itself checks it afresh; a translation inside it (`X.handbook/es`), loaded just
    after, uses that check unless the file changed since."""
    found = packed_file(root)
    if found is None:
        return None
    if Path(root) == found:
        real = os.path.realpath(found)
        result: PackedHandbook | PackRefused | None = _check(real, _identity(real))
    else:
        result = packed_source(root)
    return result if isinstance(result, PackRefused) else None


def _check(real: str, identity: tuple[int, ...]) -> PackedHandbook | PackRefused:
    try:
        result: PackedHandbook | PackRefused = open_packed(Path(real))
    except PackRefused as refused:
        result = refused
    with _CHECKED_LOCK:
        _CHECKED.pop(real, None)
        while len(_CHECKED) >= _KEPT_PACKS:
            _CHECKED.pop(next(iter(_CHECKED)))
        _CHECKED[real] = (identity, result)
    return result


def _identity(real: str) -> tuple[int, ...]:
    try:
        status = os.stat(real)
    except OSError:
        return ()
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _packed_name(packed: PackedHandbook | PackRefused, path: Path) -> str | None:
    real = real_path(path)
    if isinstance(packed, PackRefused) or real is None:
        return None
    return packed.name_of(real)


def _locate_packed(packed: PackedHandbook | PackRefused, root: Path, path: Path) -> Path | Refusal:
    if isinstance(packed, PackRefused):
        return Refusal(path, f"the handbook file is refused: {packed}")
    target = real_path(path)  # folds `..` past the file by its name alone
    if target is None:
        return Refusal(path, NUL_IN_NAME)
    if not target.is_relative_to(real_root(root)):
        return Refusal(path, "file is outside the handbook folder (or links out of it)")
    name = packed.name_of(target)
    if name is None or (name not in packed.files and name not in packed.folders):
        return Refusal(path, "file not found")
    return target


def _os_reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "file is a symbolic link loop"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read file: {error.strerror.lower()}"
    return "cannot read file: its name is not valid"
