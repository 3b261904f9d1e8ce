"""Runs tests/ui/kiosk/screens/ with an offscreen screen of a kiosk's real size: Qt's
offscreen platform takes its screens from a JSON file (`offscreen:configfile=`), so no
display server is needed; the default offscreen screen (800x800) is not a kiosk's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO
from tests.ui.kiosk.screens.sized_screen_checks import SCREEN_ENV

MODULE = REPO / "tests" / "ui" / "kiosk" / "screens" / "sized_screen_checks.py"


def screen_config(folder: Path, width: int, height: int) -> Path:
    """An offscreen platform configuration with one screen of this size."""
    path = folder / f"screen-{width}x{height}.json"
    screen = {"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


@pytest.mark.parametrize("screen", ["1366x768", "1024x768"])
def test_the_kiosk_on_a_kiosk_sized_screen(screen: str, tmp_path: Path) -> None:
    width, height = (int(n) for n in screen.split("x"))
    config = screen_config(tmp_path, width, height)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           SCREEN_ENV: screen, "PYTHONPATH": str(REPO)}  # fmt: skip
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(MODULE)]
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    report = result.stdout[-8000:] + result.stderr[-3000:]
    assert result.returncode == 0, report
    assert " passed" in result.stdout and "skipped" not in result.stdout, report
