"""Runs tests/x11/test_kiosk_on_x11.py on a real X display: Xvfb at 1366x768 and at
1920x1080, the app on `xcb`, real events from xdotool. Without Xvfb or xdotool this
skips, but fails when HANDBOOK_READER_REQUIRE_TOOLS=1 (CI installs them)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import REPO, require_tool

MODULE = REPO / "tests" / "x11" / "test_kiosk_on_x11.py"


@pytest.mark.parametrize(
    ("screen", "only"),
    [("1366x768", ""), ("1920x1080", "reading_column")],
    ids=["1366x768", "1920x1080"],
)
def test_the_kiosk_on_a_real_x_display(screen: str, only: str) -> None:
    xvfb_run = require_tool("xvfb-run", "xvfb")
    require_tool("xdotool", "xdotool")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
    env.pop("DISPLAY", None)
    command = [
        xvfb_run, "-a", "-s", f"-screen 0 {screen}x24",
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(MODULE),
        *(["-k", only] if only else []),
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    report = result.stdout[-6000:] + result.stderr[-3000:]
    assert result.returncode == 0, report
    assert " passed" in result.stdout and "skipped" not in result.stdout, report
