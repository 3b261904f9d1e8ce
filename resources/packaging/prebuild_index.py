"""Build the bundled handbook's search index ahead of time, for the frozen bundle.

The bundle ships this index at `reader/_data/index/` so that the first start on a kiosk
does not spend time building it. It is written with the same API the app uses at run
time (`SearchIndex.open_or_build`), so its folder layout and key (the handbook's content
hash, the app version and the index schema) are exactly what the app looks for.

Usage: python3 resources/packaging/prebuild_index.py OUT_DIR
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_index(out_dir: Path) -> Path:
    """A fresh index of the checkout's handbook under `out_dir`; returns its folder."""
    sys.path.insert(0, str(ROOT))
    from reader.handbook import load_handbook
    from reader.paths import bundled_handbook_dir
    from reader.search.engine import SearchIndex

    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    handbook = load_handbook(bundled_handbook_dir())
    with SearchIndex.open_or_build(handbook, out_dir) as index:
        location = index.location
    if location is None:
        raise SystemExit(f"could not write the search index into {out_dir}")
    for lock in location.glob("*LOCK"):  # Whoosh's writer lock: not part of the index
        lock.unlink()
    with SearchIndex.open_or_build(handbook, out_dir) as reopened:
        if reopened.rebuilt or reopened.location != location:
            raise SystemExit(f"the index in {location} does not open again unchanged")
        print(f"search index: {reopened.doc_count} sections in {location}")
    return location


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    build_index(Path(argv[0]).resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
