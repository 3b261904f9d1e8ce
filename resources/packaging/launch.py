"""The frozen bundle's entry point: the same command line as `handbook-reader`.

The bundle ships no search index: the app builds one from the handbook's text into the
user cache on the first search, as for any handbook (reader/search/index.py).
"""

from __future__ import annotations

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
