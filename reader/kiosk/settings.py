"""Kiosk policy without widgets: the kiosk.toml settings, the administrator PIN hash, the
wrong-PIN lockout, the visit's temporary files and where a kiosk printout goes.

A shared hospital kiosk must never refuse to start, so a bad setting is reported as a
message naming the file and line, and the safe default is used instead.
"""

from __future__ import annotations

import base64
import re
import shutil
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.paths import UserDirs
from reader.preferences import ZOOM_STEPS
from reader.storage import write_text_atomically

CONFIG_NAME = "kiosk.toml"
SYSTEM_CONFIG = Path("/etc/handbook-reader") / CONFIG_NAME

DEFAULT_IDLE_TIMEOUT = 180
DEFAULT_COUNTDOWN = 20
DEFAULT_TEXT_SIZE = 125  # a step above the desktop's: read from arm's length
IDLE_TIMEOUT_RANGE = (10, 24 * 3600)
COUNTDOWN_RANGE = (3, 600)
PRINT_TARGETS = ("none", "printer", "folder")
LANGUAGES = ("en", "es")

PIN_SCHEME = "pbkdf2_sha256"
PIN_ITERATIONS = 240_000
MIN_PIN_ITERATIONS = 200_000
PIN_SALT_BYTES = 16
PIN_DIGITS = (4, 12)

MAX_WRONG_PINS = 5
LOCKOUT_SECONDS = 60


# -- settings -----------------------------------------------------------------------


@dataclass(frozen=True)
class KioskConfig:
    """The administrator's kiosk settings. Durations are seconds (floats, so tests can
    use half a second); `problems` holds the plain-language messages from loading."""

    enabled: bool = False
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    countdown: float = DEFAULT_COUNTDOWN
    admin_pin_hash: str = ""
    print_target: str = "none"
    printer_name: str = ""
    print_folder: Path | None = None
    start_page: str = ""
    text_size: int = DEFAULT_TEXT_SIZE
    language: str = "en"
    source: Path | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def has_pin(self) -> bool:
        return bool(self.admin_pin_hash)

    def with_idle_timeout(self, seconds: float | None) -> KioskConfig:
        """The command line's --idle-timeout wins over the file (None: keep the file's)."""
        if seconds is None:
            return self
        low, high = IDLE_TIMEOUT_RANGE
        if not low <= seconds <= high:
            problem = (
                f"--idle-timeout {seconds:g}: must be between {low} and {high} seconds; "
                f"using {self.idle_timeout:g}."
            )
            return replace(self, problems=(*self.problems, problem))
        return replace(self, idle_timeout=float(seconds))


def default_config_paths(dirs: UserDirs | None = None) -> list[Path]:
    """Where kiosk.toml is looked for, the winner first: the system-wide file, then the
    user's config folder."""
    dirs = dirs or UserDirs.default()
    return [SYSTEM_CONFIG, dirs.config / CONFIG_NAME]


def user_config_path(dirs: UserDirs | None = None) -> Path:
    return (dirs or UserDirs.default()).config / CONFIG_NAME


def load_kiosk_config(paths: Sequence[Path] | None = None) -> KioskConfig:
    """The settings from the first of `paths` that exists (the system file wins over the
    user's). No file: defaults. Never raises: problems become messages."""
    for path in default_config_paths() if paths is None else paths:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            return KioskConfig(
                source=path,
                problems=(f"{path}: could not be read ({reason}); using the default settings.",),
            )
        return parse_kiosk_config(text, path)
    return KioskConfig()


def parse_kiosk_config(text: str, path: Path) -> KioskConfig:
    """Settings from kiosk.toml text. Lines with broken TOML are skipped one by one, so
    `enabled = true` and the PIN still count when a later line has a typo."""
    problems: list[str] = []
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        data = _salvage_lines(text, path, problems, error)
    values: dict[str, Any] = {}
    for key, value in data.items():
        check = _CHECKS.get(key)
        line = _line_of(text, key)
        if check is None:
            problems.append(f"{path}, line {line}: unknown setting '{key}' (ignored).")
            continue
        result = check(value)
        if isinstance(result, _Bad):
            problems.append(f"{path}, line {line}: {key} {result.reason}; {result.fallback}.")
        else:
            values[key] = result
    config = KioskConfig(source=path, **values)
    return _check_print_target(config, text, path, problems)


@dataclass(frozen=True)
class _Bad:
    reason: str
    fallback: str


def _salvage_lines(
    text: str, path: Path, problems: list[str], error: tomllib.TOMLDecodeError
) -> dict[str, Any]:
    problems.append(f"{path}: this is not valid TOML ({error}); reading it line by line.")
    data: dict[str, Any] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            data.update(tomllib.loads(stripped))
        except tomllib.TOMLDecodeError:
            problems.append(f"{path}, line {number}: could not be read (ignored): {stripped}")
    return data


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 0


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _seconds(low: int, high: int, default: int) -> Callable[[object], float | _Bad]:
    def check(value: object) -> float | _Bad:
        if _is_number(value) and low <= value <= high:  # type: ignore[operator]
            return float(value)  # type: ignore[arg-type]
        return _Bad(f"must be a number of seconds from {low} to {high}", f"using {default}")

    return check


def _check_enabled(value: object) -> bool | _Bad:
    return value if isinstance(value, bool) else _Bad("must be true or false", "using false")


def _check_pin_hash(value: object) -> str | _Bad:
    if isinstance(value, str) and parse_pin_hash(value) is not None:
        return value
    return _Bad(
        "is not a PIN hash made by `handbook-reader kiosk-pin`",
        "leaving the kiosk from the screen is turned off until a PIN is set",
    )


def _check_choice(choices: Sequence[str], default: str) -> Callable[[object], str | _Bad]:
    def check(value: object) -> str | _Bad:
        if isinstance(value, str) and value in choices:
            return value
        listed = ", ".join(f'"{c}"' for c in choices)
        return _Bad(f"must be one of {listed}", f'using "{default}"')

    return check


def _check_text(value: object) -> str | _Bad:
    return value.strip() if isinstance(value, str) else _Bad("must be text in quotes", "ignored")


def _check_folder(value: object) -> Path | _Bad:
    if isinstance(value, str) and value.strip():
        return Path(value.strip()).expanduser()
    return _Bad("must be a folder path in quotes", "ignored")


def _check_text_size(value: object) -> int | _Bad:
    if isinstance(value, int) and not isinstance(value, bool) and value in ZOOM_STEPS:
        return value
    steps = ", ".join(str(step) for step in ZOOM_STEPS)
    return _Bad(f"must be one of {steps}", f"using {DEFAULT_TEXT_SIZE}")


_CHECKS: dict[str, Callable[[object], object]] = {
    "enabled": _check_enabled,
    "idle_timeout": _seconds(*IDLE_TIMEOUT_RANGE, DEFAULT_IDLE_TIMEOUT),
    "countdown": _seconds(*COUNTDOWN_RANGE, DEFAULT_COUNTDOWN),
    "admin_pin_hash": _check_pin_hash,
    "print_target": _check_choice(PRINT_TARGETS, "none"),
    "printer_name": _check_text,
    "print_folder": _check_folder,
    "start_page": _check_text,
    "text_size": _check_text_size,
    "language": _check_choice(LANGUAGES, "en"),
}


def _check_print_target(
    config: KioskConfig, text: str, path: Path, problems: list[str]
) -> KioskConfig:
    """A printer target needs a printer name, a folder target a folder; else printing
    is turned off (never a file browser)."""
    line = _line_of(text, "print_target")
    if config.print_target == "printer" and not config.printer_name:
        problems.append(
            f'{path}, line {line}: print_target is "printer" but printer_name is not set; '
            "printing is turned off."
        )
        config = replace(config, print_target="none")
    if config.print_target == "folder" and config.print_folder is None:
        problems.append(
            f'{path}, line {line}: print_target is "folder" but print_folder is not set; '
            "printing is turned off."
        )
        config = replace(config, print_target="none")
    return replace(config, problems=tuple(problems))


# -- the administrator PIN -------------------------------------------------------------


@dataclass(frozen=True)
class PinHash:
    iterations: int
    salt: bytes
    digest: bytes


class PinError(ValueError):
    """A PIN that cannot be used; the message says why in plain words."""


def check_pin_rules(pin: str) -> None:
    """Raises PinError unless the PIN is 4 to 12 digits (typed on an on-screen keypad)."""
    low, high = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        raise PinError(f"The PIN must be {low} to {high} digits (0-9).")


def hash_pin(pin: str, *, iterations: int = PIN_ITERATIONS, salt: bytes | None = None) -> str:
    """`pbkdf2_sha256$iterations$salt_b64$hash_b64` with a fresh random salt."""
    if iterations < MIN_PIN_ITERATIONS:
        raise ValueError(f"at least {MIN_PIN_ITERATIONS} iterations")
    import hashlib  # here, not at the top: loading OpenSSL slows the window's start
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(PIN_SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    encode = base64.b64encode
    return f"{PIN_SCHEME}${iterations}${encode(salt).decode()}${encode(digest).decode()}"


def parse_pin_hash(stored: str) -> PinHash | None:
    """The parts of a stored hash, or None when it is not one of ours or too weak."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != PIN_SCHEME or not parts[1].isdigit():
        return None
    try:
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except ValueError:
        return None
    iterations = int(parts[1])
    if iterations < MIN_PIN_ITERATIONS or len(salt) < 8 or len(digest) != 32:
        return None
    return PinHash(iterations, salt, digest)


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches the stored hash (compared in constant time)."""
    parsed = parse_pin_hash(stored)
    if parsed is None:
        return False
    import hashlib  # here, not at the top: loading OpenSSL slows the window's start
    import hmac

    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), parsed.salt, parsed.iterations)
    return hmac.compare_digest(digest, parsed.digest)


_PIN_LINE = re.compile(r"^\s*admin_pin_hash\s*=.*$", re.MULTILINE)


def set_admin_pin(config_path: Path, pin: str) -> None:
    """Store the PIN's salted hash in kiosk.toml, keeping every other line as it is.
    The PIN itself is never written. Raises PinError (bad PIN) or OSError."""
    check_pin_rules(pin)
    line = f'admin_pin_hash = "{hash_pin(pin)}"'
    try:
        text = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = "# Handbook Reader kiosk settings (see the README, 'Kiosk mode').\n"
    if _PIN_LINE.search(text):
        text = _PIN_LINE.sub(lambda _match: line, text, count=1)
    else:
        text = _add_top_level_line(text, line)
    write_text_atomically(config_path, text)


def _add_top_level_line(text: str, line: str) -> str:
    """Top-level keys must come before any [table] header."""
    table = re.search(r"^\s*\[", text, re.MULTILINE)
    if table is None:
        return text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"
    return text[: table.start()] + line + "\n" + text[table.start() :]


class PinLockout:
    """Counts wrong PINs; after `max_tries` in a row, no PIN is checked for a while, so
    a visitor cannot try all 4-digit PINs at the screen."""

    def __init__(
        self,
        max_tries: int = MAX_WRONG_PINS,
        lockout_seconds: float = LOCKOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_tries = max_tries
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    def seconds_left(self) -> float:
        """How long input stays locked (0 when a PIN may be tried)."""
        return max(0.0, self._locked_until - self._clock())

    @property
    def locked(self) -> bool:
        return self.seconds_left() > 0

    def record(self, right: bool) -> None:
        if right:
            self._wrong = 0
            return
        self._wrong += 1
        if self._wrong >= self.max_tries:
            self._wrong = 0
            self._locked_until = self._clock() + self.lockout_seconds


# -- the visit -------------------------------------------------------------------------


class VisitFiles:
    """Temporary files of one visit (e.g. a PDF spooled for the printer), in a private
    temp folder outside the user folders; `clear()` at reset removes them all."""

    def __init__(self, parent: Path | None = None) -> None:
        self._parent = parent
        self._folder: Path | None = None
        self._count = 0

    def new_path(self, suffix: str = ".pdf") -> Path:
        if self._folder is None or not self._folder.is_dir():
            self._folder = Path(tempfile.mkdtemp(prefix="handbook-kiosk-", dir=self._parent))
        self._count += 1
        return self._folder / f"visit-{self._count}{suffix}"

    @property
    def folder(self) -> Path | None:
        return self._folder

    def clear(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None


def seconds_left_text(remaining_ms: int) -> int:
    """Whole seconds shown on the countdown: 0.2 s left still shows 1."""
    return max(0, -(-remaining_ms // 1000))


# -- printing --------------------------------------------------------------------------


def printout_name(now: datetime) -> str:
    return f"handbook-{now:%Y-%m-%d-%H%M}.pdf"


def unique_path(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `name-2`, `name-3`... when taken: never overwrite."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def kiosk_print_target(
    config: KioskConfig, now: Callable[[], datetime] = datetime.now
) -> Callable[[], Path | None]:
    """For the print dialog's `save_target`: a fresh file path in the configured folder
    each call, or None when the kiosk does not save printouts to a folder. No file
    browser is ever involved."""
    folder = config.print_folder

    def target() -> Path | None:
        if config.print_target != "folder" or folder is None:
            return None
        return unique_path(folder, printout_name(now()))

    return target


def report_problems(config: KioskConfig) -> Iterable[str]:
    """The lines to log at start: problems, and how to leave when no PIN is set."""
    yield from config.problems
    if not config.has_pin:
        yield (
            "kiosk: no administrator PIN is set, so the kiosk cannot be closed from the "
            "screen. Set one with `handbook-reader kiosk-pin`, or stop the app from a "
            "terminal (e.g. `pkill -x handbook-reader` over ssh)."
        )
