"""`pack-key NEW_KEY_FILE`: a new Ed25519 key for signing packed handbooks.

The private key goes to NEW_KEY_FILE (PEM, readable by its owner only, never over an
existing file) and is used with `pack --sign NEW_KEY_FILE`; the public key is printed,
with the lines that make a reader trust it (trusted-keys.toml, or a kiosk.toml's
`trusted_keys`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.commands import CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "key_file", type=Path, metavar="NEW_KEY_FILE", help="where to write the private key"
    )


def run(args: argparse.Namespace) -> int:
    from reader.handbook.signing import (
        SigningError,
        new_private_key,
        public_key_text,
        write_private_key,
    )

    pem, public = new_private_key()
    try:
        write_private_key(Path(args.key_file), pem)
    except SigningError as error:
        raise CommandError(str(error)) from None
    key = public_key_text(public)
    print(f"Wrote the private key to {args.key_file}: keep it secret, sign with --sign.")
    print(f"Public key: {key}")
    print("To trust it, add to trusted-keys.toml (or a kiosk.toml's trusted_keys):")
    print(f'[[publisher]]\nname = "Your name or team"\nkey = "{key}"')
    return 0
