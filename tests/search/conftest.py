"""The real handbook's search indexes, built once per test module that asks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.search.engine import SearchIndex


@pytest.fixture(scope="module")
def real_index(handbook: Handbook) -> Iterator[SearchIndex]:
    """The bundled English handbook's index, in memory."""
    with SearchIndex.open_or_build(handbook, None) as index:
        yield index


@pytest.fixture(scope="module")
def spanish_index(handbook_dir: Path) -> Iterator[SearchIndex]:
    """The bundled Spanish handbook's index, in memory."""
    with SearchIndex.open_or_build(load_handbook_in(handbook_dir, "es"), None) as index:
        yield index
