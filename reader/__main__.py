"""Lets `python -m reader` start the same command line as `handbook-reader`."""

import sys

from reader.cli import main

sys.exit(main())
