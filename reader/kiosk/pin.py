"""The kiosk administrator's PIN: salted PBKDF2 hashes in kiosk.toml, the rules a PIN
must follow, and the lockout after wrong tries (so a visitor cannot try every PIN)."""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.storage import write_text_atomically

PIN_SCHEME = "pbkdf2_sha256"
PIN_ITERATIONS = 240_000
MIN_PIN_ITERATIONS = 200_000
PIN_SALT_BYTES = 16
PIN_DIGITS = (4, 12)

MAX_WRONG_PINS = 5
LOCKOUT_SECONDS = 60


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
        text = config_path.read_text(encoding="utf-8-sig")  # a BOM would hide line 1
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
