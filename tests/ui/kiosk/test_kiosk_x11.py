"""Runs tests/x11/test_kiosk_on_x11.py on a real X display: Xvfb at 1366x768 and at
1920x1080, the app on `xcb`, real events from xdotool. Without Xvfb or xdotool this
skips, but fails when HANDBOOK_READER_REQUIRE_TOOLS=1 (CI installs them)."""

from __future__ import annotations

import pytest

from tests.support import REPO, require_tool, run_x11_module

MODULE = REPO / "tests" / "x11" / "test_kiosk_on_x11.py"


@pytest.mark.parametrize(
    ("screen", "only"),
    [("1366x768", ""), ("1920x1080", "reading_column")],
    ids=["1366x768", "1920x1080"],
)
def test_the_kiosk_on_a_real_x_display(screen: str, only: str) -> None:
    require_tool("xdotool", "xdotool")
    run_x11_module(MODULE, screen, *(["-k", only] if only else []))
