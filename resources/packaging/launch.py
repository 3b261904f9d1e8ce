"""The frozen bundle's entry point: seed the shipped search index, then run the CLI."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

# reader/search_index.py keeps indexes in <user cache>/search/<key>; importing it here
# would load Whoosh before the window's first paint, so the folder name is repeated.
INDEX_FOLDER = "search"


def shipped_indexes() -> Path | None:
    """Where the bundle keeps the index built at packaging time (None when not frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / "reader" / "_data" / "index" / INDEX_FOLDER if frozen else None


def seed_search_index(shipped: Path, cache_dir: Path) -> None:
    """Copy each shipped index into the user cache unless it is already there.

    The first start on a kiosk then opens a ready index instead of building one. The
    app still checks the copy's checksums and key like any cached index, so a stale or
    damaged copy is simply rebuilt. Never fatal: a cache that cannot be written leaves
    the app to build the index as usual (or keep it in memory).
    """
    target_root = cache_dir / INDEX_FOLDER
    with contextlib.suppress(OSError):
        for source in sorted(shipped.iterdir()):
            target = target_root / source.name
            if not source.is_dir() or target.exists():
                continue
            target_root.mkdir(parents=True, exist_ok=True)
            # Copy aside, then rename: a second copy of the app starting at the same
            # moment never sees a half-copied index (the loser's rename just fails).
            staging = Path(tempfile.mkdtemp(prefix=".seed-", dir=target_root))
            try:
                shutil.copytree(source, staging / "index")
                os.rename(staging / "index", target)
            except OSError:
                pass
            finally:
                shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    shipped = shipped_indexes()
    if shipped is not None and shipped.is_dir():
        from reader.paths import UserDirs

        seed_search_index(shipped, UserDirs.default().cache)
    from reader.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
