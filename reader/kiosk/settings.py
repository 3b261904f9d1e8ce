"""Kiosk settings without widgets: kiosk.toml read into a KioskConfig, checked line by
line, and the start-up report. The PIN is in pin.py, the visit's files in visit.py.

A shared hospital kiosk must never refuse to start, so a bad setting is reported as a
message naming the file and line, and the safe default is used instead.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.handbook.trust import Publisher, TrustedKeys, publishers_from, unsigned_refusal
from reader.kiosk.pin import parse_pin_hash
from reader.paths import UserDirs, bundled_handbook_dir
from reader.preferences import ZOOM_STEPS

CONFIG_NAME = "kiosk.toml"
SYSTEM_CONFIG = Path("/etc/handbook-reader") / CONFIG_NAME

DEFAULT_IDLE_TIMEOUT = 180
DEFAULT_COUNTDOWN = 20
DEFAULT_TEXT_SIZE = 125  # a step above the desktop's: read from arm's length
IDLE_TIMEOUT_RANGE = (10, 24 * 3600)
COUNTDOWN_RANGE = (3, 600)
PRINT_TARGETS = ("none", "printer", "folder")
LANGUAGES = ("en", "es")
# "auto": shown until a physical keyboard is used; "always"; "never" (a kiosk with keys)
KEYBOARD_MODES = ("auto", "always", "never")


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
    on_screen_keyboard: str = "auto"
    # Signed handbook files (reader/handbook/trust.py): the only publishers a kiosk
    # trusts, and whether it opens nothing else (but the bundled handbook).
    require_signed: bool = False
    trusted_keys: tuple[Publisher, ...] = ()
    # The clinic's own details (reader/clinic/): read, never written, by the kiosk; a
    # visit's reset leaves the file as it is.
    clinic: Path | None = None
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
            # utf-8-sig: Notepad starts the file with a BOM, which would hide the first
            # line's setting (`enabled = true`, the PIN hash) from the TOML reader.
            text = path.read_text(encoding="utf-8-sig")
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
    if config.require_signed and not config.trusted_keys:
        problems.append(
            f"{path}, line {_line_of(text, 'require_signed')}: require_signed is true but "
            "trusted_keys lists no publisher; only the bundled handbook opens."
        )
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


def _check_file(value: object) -> Path | _Bad:
    if isinstance(value, str) and value.strip():
        return Path(value.strip()).expanduser()
    return _Bad("must be a file path in quotes", "ignored")


def _check_text_size(value: object) -> int | _Bad:
    if isinstance(value, int) and not isinstance(value, bool) and value in ZOOM_STEPS:
        return value
    steps = ", ".join(str(step) for step in ZOOM_STEPS)
    return _Bad(f"must be one of {steps}", f"using {DEFAULT_TEXT_SIZE}")


def _check_trusted_keys(value: object) -> tuple[Publisher, ...] | _Bad:
    publishers, problems = publishers_from(value, "trusted_keys")
    if problems:  # fail closed: a half-read list trusts nobody
        return _Bad(
            'must list { name = "...", key = "ed25519:..." } entries as `pack-key` prints them',
            "no publisher is trusted",
        )
    return publishers


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
    "on_screen_keyboard": _check_choice(KEYBOARD_MODES, "auto"),
    "require_signed": _check_enabled,
    "trusted_keys": _check_trusted_keys,
    "clinic": _check_file,
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


def kiosk_handbook(chosen: Path, config: KioskConfig) -> tuple[Path, str]:
    """The handbook a kiosk opens: `chosen`, or (with the reason, one plain line) the
    bundled one when the kiosk requires signed files and `chosen` is not signed by one
    of its trusted publishers. Decided before any chapter of `chosen` is read."""
    bundled = bundled_handbook_dir()
    if not config.require_signed or Path(chosen).resolve() == bundled.resolve():
        return chosen, ""
    reason = unsigned_refusal(Path(chosen), TrustedKeys(config.trusted_keys))
    if reason is None:
        return chosen, ""
    line = f"kiosk: {Path(chosen).name} is not opened: {reason}. Showing the bundled handbook."
    return bundled, "".join(c if c.isprintable() else "?" for c in line)  # one safe line


def report_problems(config: KioskConfig) -> Iterable[str]:
    """The lines to log at start: problems, and how to leave when no PIN is set."""
    yield from config.problems
    if not config.has_pin:
        yield (
            "kiosk: no administrator PIN is set, so the kiosk cannot be closed from the "
            "screen. Set one with `handbook-reader kiosk-pin`, or stop the app from a "
            "terminal (e.g. `pkill -x handbook-reader` over ssh)."
        )
