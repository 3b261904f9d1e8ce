"""Every folder the app reads or writes, in one place that tests can redirect.

Bundled data (the handbook, stylesheets, icons, translations) is found beside the
package in a checkout, or inside it in an installed wheel. User folders come from
platformdirs unless `HANDBOOK_READER_HOME` points them all under one folder, which is
what tests (and portable USB installs) use.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reader import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent
HOME_ENV = "HANDBOOK_READER_HOME"


def _data_root() -> Path:
    """Where `handbook/` and `resources/` are: frozen bundle, wheel, or checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "reader" / "_data"
    installed = _PACKAGE_DIR / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent


def bundled_handbook_dir() -> Path:
    return _data_root() / "handbook"


def resources_dir() -> Path:
    return _data_root() / "resources"


@dataclass(frozen=True)
class UserDirs:
    """The three per-user folders. Created lazily by whoever writes into them."""

    data: Path
    cache: Path
    config: Path

    @classmethod
    def default(cls) -> UserDirs:
        override = os.environ.get(HOME_ENV)
        if override:
            return cls.under(Path(override))
        import platformdirs

        return cls(
            data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> UserDirs:
        return cls(data=root / "data", cache=root / "cache", config=root / "config")
