"""Trusted publishers: whose signed handbook files (.handbook) this computer trusts, and
what a handbook's signature says.

A signature (signing.py) says which key sealed a file; trust says whose key that is.
The desktop reads `trusted-keys.toml` from /etc/handbook-reader/ and from the user's
config folder (both count):

    [[publisher]]
    name = "St Mary's immunology team"
    key = "ed25519:<64 hex digits, as `handbook-reader pack-key` prints it>"

A kiosk trusts only the publishers in its kiosk.toml's `trusted_keys` (same tables),
and with `require_signed = true` opens nothing but files they signed (and the bundled
handbook). A file with a signature that does not match is refused before this point,
by packed.py, wherever it is opened.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.handbook.gate import packed_file, packed_source
from reader.handbook.packed import PackRefused
from reader.handbook.signing import key_id, parse_public_key, public_key_text, read_small_file
from reader.paths import UserDirs

log = logging.getLogger(__name__)

TRUST_NAME = "trusted-keys.toml"
SYSTEM_TRUST = Path("/etc/handbook-reader") / TRUST_NAME
MAX_TRUST_FILE_BYTES = 256 * 1024  # thousands of publishers; a key line is ~80 bytes
MAX_PUBLISHERS = 1000


@dataclass(frozen=True)
class Publisher:
    """A trusted key and the name shown for it."""

    name: str
    key: bytes


@dataclass(frozen=True)
class TrustedKeys:
    """The publishers trusted here; `problems` are plain lines about unusable entries."""

    publishers: tuple[Publisher, ...] = ()
    problems: tuple[str, ...] = ()

    def name_of(self, key: bytes) -> str | None:
        return next((p.name for p in self.publishers if p.key == key), None)


@dataclass(frozen=True)
class SignatureInfo:
    """What a handbook's signature says, for `toc --json` and the window."""

    signed: bool
    signer: str | None = None  # the trusted publisher's name
    key_id: str | None = None
    public_key: str | None = None
    trusted: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "signed": self.signed,
            "signer": self.signer,
            "key_id": self.key_id,
            "public_key": self.public_key,
            "trusted": self.trusted,
        }


NOT_SIGNED = SignatureInfo(signed=False)


def publishers_from(value: object, where: str) -> tuple[tuple[Publisher, ...], list[str]]:
    """The publishers in a TOML list of `{name, key}` tables, and a line per bad entry."""
    if not isinstance(value, list):
        return (), [f"{where}: must be a list of {{ name = ..., key = ... }} entries (ignored)."]
    found: list[Publisher] = []
    problems: list[str] = []
    for number, entry in enumerate(value[:MAX_PUBLISHERS], start=1):
        name = entry.get("name") if isinstance(entry, dict) else None
        key = entry.get("key") if isinstance(entry, dict) else None
        raw = parse_public_key(key) if isinstance(key, str) else None
        if not isinstance(name, str) or not name.strip() or raw is None:
            problems.append(
                f"{where}, entry {number}: needs a name and a key as `pack-key` prints it "
                "(ignored)."
            )
            continue
        found.append(Publisher(" ".join(name.split())[:200], raw))
    if len(value) > MAX_PUBLISHERS:
        problems.append(f"{where}: only the first {MAX_PUBLISHERS} entries are read.")
    return tuple(found), problems


def default_trust_paths(dirs: UserDirs | None = None) -> list[Path]:
    return [SYSTEM_TRUST, (dirs or UserDirs.default()).config / TRUST_NAME]


def load_trusted_keys(paths: Sequence[Path] | None = None) -> TrustedKeys:
    """Every publisher in every trust file of `paths` (default: the system's and the
    user's). Never raises: an unreadable file or entry becomes a problem line, logged
    as a warning (one plain line on standard error)."""
    publishers: list[Publisher] = []
    problems: list[str] = []
    for path in default_trust_paths() if paths is None else paths:
        try:
            data = tomllib.loads(read_small_file(path, MAX_TRUST_FILE_BYTES).decode("utf-8-sig"))
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as error:  # UnicodeError and TOMLDecodeError too
            reason = getattr(error, "strerror", None) or error
            problems.append(f"{path}: could not be read ({reason}); no key from it is trusted.")
            continue
        found, bad = publishers_from(data.get("publisher", []), str(path))
        publishers += found
        problems += bad
    for problem in problems:
        log.warning("%s", problem)
    return TrustedKeys(tuple(publishers), tuple(problems))


def signature_of(root: Path, trusted: TrustedKeys | None = None) -> SignatureInfo:
    """What the handbook at `root` says about its maker. The trust files are read only
    for a signed file, when `trusted` is None."""
    packed = packed_source(root)
    if packed is None or isinstance(packed, PackRefused) or packed.signer is None:
        return NOT_SIGNED
    trusted = trusted if trusted is not None else load_trusted_keys()
    name = trusted.name_of(packed.signer)
    return SignatureInfo(
        signed=True,
        signer=name,
        key_id=key_id(packed.signer),
        public_key=public_key_text(packed.signer),
        trusted=name is not None,
    )


def unsigned_refusal(path: Path, trusted: TrustedKeys) -> str | None:
    """Why a reader that opens only files signed by `trusted` publishers refuses the
    handbook at `path` (None: it may be opened). Checked before anything else is read."""
    if packed_file(path) is None:
        return "it is a folder, not a handbook file signed by a trusted publisher"
    packed = packed_source(path)
    if isinstance(packed, PackRefused):
        return str(packed)
    if packed is None or packed.signer is None:
        return "it is not signed"
    if trusted.name_of(packed.signer) is None:
        return f"it is signed by key {key_id(packed.signer)}, which is not a trusted publisher's"
    return None
