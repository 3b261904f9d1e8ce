"""The frozen bundle's entry point: the same command line as `handbook-reader`.

The search index shipped in the bundle is opened in place by reader/search/index.py, so
the first start on a kiosk neither builds an index nor writes one to the user cache.
"""

from __future__ import annotations

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
