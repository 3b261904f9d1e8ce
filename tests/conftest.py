"""Shared fixtures: the real bundled handbook, throwaway handbooks, user folders
redirected under tmp_path so no test ever touches the real home folder, a blocked
network, and a record of what the reading view loads."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.handbook import Handbook, load_handbook
from reader.paths import HOME_ENV, UserDirs, bundled_handbook_dir
from tests.support import GENE_BOOK, block_network, write_files

WriteHandbook = Callable[..., Path]


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp: object) -> object:
    """Create the QApplication first, so code that only needs a QGuiApplication (PDF
    export) finds it, and pytest-qt's widget tests never meet a bare QGuiApplication."""
    return qapp


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty user folders (data, cache, config)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(HOME_ENV, str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    return home


@pytest.fixture
def user_dirs(user_home: Path) -> UserDirs:
    return UserDirs.under(user_home)


@pytest.fixture(scope="session")
def handbook_dir() -> Path:
    return bundled_handbook_dir()


@pytest.fixture(scope="session")
def handbook(handbook_dir: Path) -> Handbook:
    return load_handbook(handbook_dir)


@pytest.fixture
def write_handbook(tmp_path: Path) -> Iterator[WriteHandbook]:
    """Write a handbook folder: `write_handbook({"a.md": "# A"}, manifest=...)`."""
    counter = iter(range(1000))

    def write(files: dict[str, str | bytes], manifest: str | None = None) -> Path:
        root = tmp_path / f"handbook-{next(counter)}"
        root.mkdir()
        write_files(root, files)
        if manifest is not None:
            (root / "handbook.toml").write_text(manifest, encoding="utf-8")
        return root

    yield write


@pytest.fixture
def gene_book(write_handbook: WriteHandbook) -> Path:
    """A two-chapter handbook folder with pictures and a glossary (see `GENE_BOOK`)."""
    return write_handbook(GENE_BOOK)


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every network call in this process fails loudly; the attempts are listed here."""
    return block_network(monkeypatch)


@pytest.fixture
def requested_resources(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource the reading view is asked for (the real loader still answers)."""
    from PySide6.QtCore import QUrl

    from reader.ui.content_view import ContentView  # only the window tests need Qt widgets

    asked: list[str] = []
    load = ContentView.loadResource

    def recording(view: ContentView, kind: int, url: QUrl | str) -> object:
        asked.append(QUrl(url).toString())
        return load(view, kind, url)

    monkeypatch.setattr(ContentView, "loadResource", recording)
    return asked
