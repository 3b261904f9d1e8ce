"""A screen reader's view of the real window: an AT-SPI client (pyatspi, as Orca uses)
reads the reading view under Xvfb with an accessibility bus started for the test
(tests/x11/atspi_session.py). Without the Debian tools this skips, but fails when
HANDBOOK_READER_REQUIRE_TOOLS=1 (CI installs xvfb, xdotool, at-spi2-core and
python3-pyatspi)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from reader.content.links import GLOSSARY_SCHEME
from reader.content.pages import Pages
from reader.handbook import Handbook
from tests.support import REPO, REQUIRE_TOOLS_ENV, require_tool
from tests.x11.atspi_app import CHAPTER
from tests.x11.atspi_session import BUS_LAUNCHER, REGISTRY, SYSTEM_PYTHON

SESSION = REPO / "tests" / "x11" / "atspi_session.py"


def require_file(path: str, debian_package: str) -> None:
    """Skip without `path`; fail when CI says the tools are installed."""
    if Path(path).exists():
        return
    reason = f"{path} is missing (apt-get install {debian_package})"
    if os.environ.get(REQUIRE_TOOLS_ENV) == "1":
        pytest.fail(f"{reason}, and {REQUIRE_TOOLS_ENV}=1 requires it")
    pytest.skip(reason)


def require_pyatspi() -> None:
    require_file(SYSTEM_PYTHON, "python3")
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], check=False, timeout=60)
    if found.returncode != 0:
        require_file("/usr/lib/python3/dist-packages/pyatspi", "python3-pyatspi")


class ChapterOutline(HTMLParser):
    """The headings (text, level) and links (href) of the chapter's HTML, as rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, int]] = []
        self.hrefs: list[str] = []
        self._heading: tuple[list[str], int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = ([], int(tag[1]))
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading[1]}":
            self.headings.append((" ".join("".join(self._heading[0]).split()), self._heading[1]))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading[0].append(data)


def run_session(home: Path, *mode: str) -> dict[str, Any]:
    """One session: what the client found and did (see tests/x11/atspi_client.py)."""
    xvfb_run = require_tool("xvfb-run", "xvfb")
    require_tool("xdotool", "xdotool")
    require_file(BUS_LAUNCHER, "at-spi2-core")
    require_file(REGISTRY, "at-spi2-core")
    require_pyatspi()
    env = {**os.environ, "PYTHONPATH": str(REPO), "HANDBOOK_READER_HOME": str(home)}
    env.pop("DISPLAY", None)
    command = [xvfb_run, "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SESSION), *mode]
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.fixture(scope="module")
def screen_reader_session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The desktop window, read and used through AT-SPI."""
    return run_session(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def kiosk_session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The kiosk: an on-screen key and A+ tapped, then the countdown."""
    return run_session(tmp_path_factory.mktemp("home"), "kiosk")


@pytest.fixture(scope="module")
def glossary_session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Spanish window at 300% on 1024x768: the glossary's definition of a word wider
    than its pane, read through AT-SPI."""
    return run_session(tmp_path_factory.mktemp("home"), "glossary")


@pytest.fixture(scope="module")
def chapter_outline(handbook: Handbook) -> ChapterOutline:
    outline = ChapterOutline()
    outline.feed(Pages(handbook).chapter_html(CHAPTER))
    return outline


def test_screenReader_findsEveryHeadingWithItsLevel(
    screen_reader_session: dict[str, Any], chapter_outline: ChapterOutline
) -> None:
    found = [(name, level) for name, level in screen_reader_session["headings"]]
    assert found == chapter_outline.headings
    assert {level for _, level in found} == {1, 2}


def test_screenReader_findsALinkPerLinkAndExplainedWord_withTheMeaning(
    screen_reader_session: dict[str, Any], chapter_outline: ChapterOutline
) -> None:
    links = screen_reader_session["links"]
    assert len(links) == len(chapter_outline.hrefs)
    words = [href for href in chapter_outline.hrefs if href.startswith(GLOSSARY_SCHEME + ":")]
    explained = [(name, meaning) for name, meaning in links if meaning]
    assert len(explained) == len(words) > 0
    assert all(name and len(meaning) > 10 for name, meaning in explained)


def test_screenReader_findsTheTableWithItsHeaderCells(
    screen_reader_session: dict[str, Any],
) -> None:
    [table] = screen_reader_session["tables"]
    assert "Gene therapy" in table["headers"] and len(table["headers"]) == 3
    assert table["cells"] > 0


def test_screenReader_activatingALink_navigates(screen_reader_session: dict[str, Any]) -> None:
    assert screen_reader_session["heading_after_follow"].startswith(
        screen_reader_session["followed_link"]
    )


def test_screenReader_stillReadsTheTextThroughTheView(
    screen_reader_session: dict[str, Any], chapter_outline: ChapterOutline
) -> None:
    assert screen_reader_session["view_text"].startswith(chapter_outline.headings[0][0])


def test_tab_givesTheNextLinkTheScreenReadersFocus(screen_reader_session: dict[str, Any]) -> None:
    focus = screen_reader_session["tab_focus"]
    assert focus and focus["role"] == "link"
    assert focus["name"] and focus["name"] != screen_reader_session["first_link_name"]


def test_announcements_sayTheChosenWordsMeaningAndTheNumberOfResults(
    screen_reader_session: dict[str, Any],
) -> None:
    meaning = screen_reader_session["meaning_announced"]
    assert meaning and meaning["data"].startswith("Gene therapy: A treatment")
    results = screen_reader_session["results_announced"]
    assert results and results["data"].endswith(" results")
    assert int(results["data"].split()[0]) > 0


def test_announcements_sayWhereAFollowedLinkLanded(screen_reader_session: dict[str, Any]) -> None:
    landed = screen_reader_session["page_announced"]
    assert landed and landed["data"].startswith("Chapter ")
    assert screen_reader_session["followed_link"] in landed["data"]


def test_kiosk_namesItsKeys_andAnnouncesTapsAndTheCountdown(
    kiosk_session: dict[str, Any],
) -> None:
    assert {"a", "z", "Space", "Delete", "Search"} <= set(kiosk_session["key_names"])
    heard = kiosk_session["announcements"]
    assert "g" in heard and "Larger text" in heard
    assert any(text.startswith("Still reading?") for text in heard)


def test_announcements_sayTheResultReachedWithTheArrows(
    screen_reader_session: dict[str, Any],
) -> None:
    reached = screen_reader_session["result_announced"]
    assert reached and reached["data"].startswith("Result 2 of ")
    assert "›" in reached["data"] or ":" in reached["data"]


def test_announcements_sayReadAloudStartingAndStopping(
    screen_reader_session: dict[str, Any],
) -> None:
    heard = screen_reader_session["announcements"]
    assert "Reading aloud" in heard and "Reading aloud stopped" in heard
    assert heard.index("Reading aloud") < heard.index("Reading aloud stopped")


def test_theWindowClosesCleanly_afterAScreenReaderHasReadIt(
    screen_reader_session: dict[str, Any], kiosk_session: dict[str, Any]
) -> None:
    """Qt asks the page's accessible objects one last question as its widgets are
    destroyed; an error raised there crashed PySide6 (exit code 139)."""
    assert screen_reader_session["app_exit_code"] == 0
    assert kiosk_session["app_exit_code"] == 0


def test_screenReader_readsALongWordInANarrowPane_withoutSoftHyphens(
    glossary_session: dict[str, Any],
) -> None:
    """The pane's long words are wider than it (their letters are on several lines);
    before, the text read was "Inmu\u00adnodefi\u00adciencia combi\u00adnada grave" and
    the word at offset 6 "Inmu\u00adnodefi\u00adciencia" (0-19), what Orca brailles."""
    text = glossary_session["definition_text"]
    assert text.startswith("Inmunodeficiencia combinada grave\n")
    assert "\u00ad" not in text
    assert glossary_session["word_at_6"][:3] == ["Inmunodeficiencia", 0, 17]
    assert glossary_session["first_word_lines"] > 1
    assert "Inmunodeficiencia combinada grave (IDCG)" in glossary_session["list_names"]
    assert not any("\u00ad" in name for name in glossary_session["list_names"])
    assert glossary_session["app_exit_code"] == 0
