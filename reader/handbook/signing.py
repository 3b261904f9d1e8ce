"""Ed25519 signatures on packed handbooks: who sealed a .handbook, not only that it is whole.

Anyone can seal a file (packed.py), so a seal proves nothing about its maker. A signed
file's zip comment goes on after the seal with

    SIGNATURE_TAG, the signer's public key (64 hex digits), a space, and the signature
    (128 hex digits) of SIGNED_CONTEXT + the seal.

The seal covers every byte before the comment, the end record's comment length
included, so cutting the signature off breaks the seal (a re-sealed copy is unsigned,
which a kiosk that requires signatures refuses). Ed25519 signatures are deterministic,
so the same folder and key give the same bytes. The keys come from the `cryptography`
library, imported only when a key or a signed file is used.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SIGNATURE_TAG = b" ed25519 "
SIGNATURE_LENGTH = len(SIGNATURE_TAG) + 64 + 1 + 128
SIGNED_CONTEXT = b"handbook-reader pack signature 1\n"  # a signature means nothing else
KEY_PREFIX = "ed25519:"
MAX_KEY_FILE_BYTES = 64 * 1024  # a PEM Ed25519 key is 119 bytes
_HEX = frozenset(b"0123456789abcdef")


class SigningError(Exception):
    """A key cannot be made, read or used; the message is one plain line."""


class BadSignature(Exception):
    """A signed file's signature does not match it; the message is one plain line."""


def public_key_text(raw: bytes) -> str:
    """The public key as people copy it into trusted-keys.toml: `ed25519:` + 64 hex."""
    return KEY_PREFIX + raw.hex()


def parse_public_key(text: str) -> bytes | None:
    """The raw 32-byte key written as `public_key_text` writes it; None if it is not."""
    digits = text.strip().lower().removeprefix(KEY_PREFIX)
    if len(digits) != 64 or not set(digits.encode()) <= _HEX:
        return None
    return bytes.fromhex(digits)


def key_id(raw: bytes) -> str:
    """A short name for a key (16 hex digits of its SHA-256), for messages."""
    import hashlib  # here, not at the top: OpenSSL costs the window's start 3 MB

    return hashlib.sha256(raw).hexdigest()[:16]


def new_private_key() -> tuple[bytes, bytes]:
    """A fresh private key as unencrypted PKCS#8 PEM, and its raw public key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return pem, raw_public_key(key)


def write_private_key(path: Path, pem: bytes) -> None:
    """Write a new key file readable by its owner only; never replaces a file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise SigningError(f"{path} already exists; a key is never overwritten") from None
    except OSError as error:
        raise SigningError(f"cannot write {path}: {error.strerror or error}") from None
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(pem)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 private key in the PEM file at `path`. Raises SigningError."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        pem = read_small_file(path, MAX_KEY_FILE_BYTES)
    except OSError as error:
        raise SigningError(f"cannot read the key {path}: {error.strerror or error}") from None
    except ValueError:
        pem = b""
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):  # not PEM, encrypted, or damaged
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path} is not a key made by `handbook-reader pack-key`")
    return key


def read_small_file(path: Path, cap: int) -> bytes:
    """A key or settings file's bytes: only a regular file (a named pipe would block, a
    device never end), at most `cap` bytes. Raises OSError, or ValueError saying why."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("it is not a regular file")
        data = stream.read(cap + 1)
    if len(data) > cap:
        raise ValueError(f"it is larger than {cap >> 10} KB")
    return data


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    """The 32 bytes of `key`'s public half, as a signed file carries them."""
    from cryptography.hazmat.primitives import serialization

    raw = serialization.Encoding.Raw
    return key.public_key().public_bytes(raw, serialization.PublicFormat.Raw)


def signature_trailer(key: Ed25519PrivateKey, seal: bytes) -> bytes:
    """What follows the seal in a file signed with `key` (SIGNATURE_LENGTH bytes)."""
    signature = key.sign(SIGNED_CONTEXT + seal)
    return SIGNATURE_TAG + raw_public_key(key).hex().encode() + b" " + signature.hex().encode()


def signature_trailer_at(data: bytes) -> bytes:
    """The signature at the end of a pack's bytes, or b"" when it ends at its seal (a
    seal ends in hex digits, so it never looks like the tag)."""
    tail = data[-SIGNATURE_LENGTH:]
    return tail if len(data) > SIGNATURE_LENGTH and tail.startswith(SIGNATURE_TAG) else b""


def verified_signer(trailer: bytes, seal: bytes) -> bytes:
    """The raw public key that signed `seal`, from its trailer. Raises BadSignature."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    fields = trailer[len(SIGNATURE_TAG) :].split(b" ")
    shapes = [len(field) for field in fields]
    if shapes != [64, 128] or not set(b"".join(fields)) <= _HEX:
        raise BadSignature("its signature is not readable (the file was changed)")
    raw, signature = bytes.fromhex(fields[0].decode()), bytes.fromhex(fields[1].decode())
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, SIGNED_CONTEXT + seal)
    except (InvalidSignature, ValueError):
        raise BadSignature(
            f"its signature does not match (key {key_id(raw)}): the file was changed "
            "after it was signed, or the signature is not that key's"
        ) from None
    return raw
