"""Packaging: the wheel carries its data and runs from a fresh venv, the desktop files
and AppStream metadata pass their validators, the app icon renders at menu sizes, and
the standalone bundle (when one is built) starts and searches without Python.

The wheel is built and installed once per test session (about 10 s). The bundle takes
longer to build, so CI builds it first (resources/packaging/build-bundle.sh) and points
HANDBOOK_READER_BUNDLE at it; without that variable the bundle tests skip.
"""

from __future__ import annotations

import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader import APP_ID, __version__
from reader.cli import build_parser
from reader.handbook import Handbook
from tests.support import require_tool

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "resources" / "packaging"
APP_ICON = ROOT / "resources" / "icons" / "app.svg"
COMPONENT_ID = "io.github.handbook_reader.HandbookReader"
DESKTOP_FILE = PACKAGING / f"{COMPONENT_ID}.desktop"
KIOSK_DESKTOP_FILE = PACKAGING / f"{COMPONENT_ID}.Kiosk.desktop"
METAINFO_FILE = PACKAGING / f"{COMPONENT_ID}.metainfo.xml"
PALETTE = ("#1d4e89", "#2a8c82", "#e9c46a")
BUNDLE_ENV = "HANDBOOK_READER_BUNDLE"
KNOWN_CHAPTERS = {"what-is-gene-therapy", "how-it-works", "history", "limits"}
TIMEOUT = 120


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without anything that would let a child see the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(argv: Sequence[str | Path], **extra_env: str) -> subprocess.CompletedProcess[str]:
    """Run a program from the filesystem root and fail with its output if it fails."""
    result = subprocess.run(
        [str(a) for a in argv],
        cwd="/",
        env=clean_env(**extra_env),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"{argv} exited {result.returncode}:\n{result.stderr}"
    return result


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


# --- the wheel ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, ROOT])
    (wheel,) = out.glob("handbook_reader-*.whl")
    return wheel


@pytest.fixture(scope="session")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory, built_wheel: Path) -> Path:
    """A fresh venv holding the wheel and its dependencies, and nothing else."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # The outer pip installs into the venv: saves seeding the venv with its own pip.
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", built_wheel])
    return venv


def venv_program(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def test_wheel_carries_the_handbook_and_resources(built_wheel: Path) -> None:
    names = set(zipfile.ZipFile(built_wheel).namelist())
    expected = {"reader/_data/handbook/handbook.toml", "reader/_data/handbook/glossary.toml"}
    for pattern in ("chapters/*.md", "pictures/*.svg"):
        expected |= {f"reader/_data/handbook/{p.relative_to(ROOT / 'handbook').as_posix()}"
                     for p in (ROOT / "handbook").glob(pattern)}  # fmt: skip
    for pattern in ("styles/*.css", "styles/*.qss", "icons/*.svg"):
        expected |= {f"reader/_data/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                     for p in (ROOT / "resources").glob(pattern)}  # fmt: skip
    assert any(name.startswith("reader/_data/handbook/chapters/") for name in expected)
    assert any(name.startswith("reader/_data/handbook/pictures/") for name in expected)
    assert any(name.endswith(".css") for name in expected)
    assert expected - names == set()


def test_wheel_declares_the_handbook_reader_command(built_wheel: Path) -> None:
    wheel = zipfile.ZipFile(built_wheel)
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    scripts = configparser.ConfigParser()
    scripts.read_string(wheel.read(entry_points).decode())
    assert scripts["console_scripts"][APP_ID] == "reader.cli:main"


def test_installed_wheel_reads_its_own_handbook_from_any_folder(wheel_venv: Path) -> None:
    python = venv_program(wheel_venv, "python")
    where = run([python, "-c", "from reader import paths; print(paths.bundled_handbook_dir())"])
    assert Path(where.stdout.strip()).resolve().is_relative_to(wheel_venv.resolve())
    toc = json.loads(run([venv_program(wheel_venv, APP_ID), "toc", "--json"]).stdout)
    assert {chapter["id"] for chapter in toc["chapters"]} >= KNOWN_CHAPTERS
    assert all(chapter["sections"] for chapter in toc["chapters"])


def test_installed_wheel_names_app_version_and_handbook_edition(
    wheel_venv: Path, handbook: Handbook
) -> None:
    line = run([venv_program(wheel_venv, APP_ID), "--version"]).stdout.strip()
    assert line.startswith(f"{APP_ID} {__version__}")
    assert handbook.title in line
    assert handbook.edition and handbook.edition in line


def test_installed_wheel_searches_offline(wheel_venv: Path, user_home: Path) -> None:
    found = json.loads(run([venv_program(wheel_venv, APP_ID), "search", "gene", "--json"]).stdout)
    assert found["results"]
    assert {hit["id"].split("/")[0] for hit in found["results"]} & KNOWN_CHAPTERS
    assert list((user_home / "cache").rglob("search-meta.json")), "index not in the user cache"


# --- desktop integration -----------------------------------------------------------


@pytest.mark.parametrize("entry", [DESKTOP_FILE, KIOSK_DESKTOP_FILE], ids=lambda p: p.name)
def test_desktop_entry_passes_desktop_file_validate(entry: Path) -> None:
    validator = require_tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_passes_appstreamcli_validate() -> None:
    validator = require_tool("appstreamcli", "appstream")
    result = subprocess.run([validator, "validate", "--no-net", str(METAINFO_FILE)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entries_metainfo_and_icon_share_one_id() -> None:
    component = ET.parse(METAINFO_FILE).getroot()
    assert component.findtext("id") == COMPONENT_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == APP_ID
    for entry in (DESKTOP_FILE, KIOSK_DESKTOP_FILE):
        fields = desktop_entry(entry)
        assert fields["Icon"] == COMPONENT_ID
        assert shlex.split(fields["Exec"])[0] == APP_ID
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert APP_ID in pyproject["project"]["scripts"]


def test_kiosk_entry_starts_the_kiosk() -> None:
    normal = shlex.split(desktop_entry(DESKTOP_FILE)["Exec"])
    kiosk = shlex.split(desktop_entry(KIOSK_DESKTOP_FILE)["Exec"])
    assert not build_parser().parse_args(normal[1:]).kiosk
    assert build_parser().parse_args(kiosk[1:]).kiosk


def test_metainfo_describes_the_current_release() -> None:
    component = ET.parse(METAINFO_FILE).getroot()
    releases = component.findall("releases/release")
    assert releases[0].get("version") == __version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == __version__
    assert component.find("content_rating") is not None
    assert component.findall("screenshots/screenshot/image")
    assert component.find("description") is not None


def test_install_desktop_puts_a_working_launcher_in_the_menu(
    tmp_path: Path, wheel_venv: Path
) -> None:
    usb = tmp_path / "USB STICK"  # a space, as on real sticks, must survive Exec
    usb.mkdir()
    (usb / APP_ID).symlink_to(venv_program(wheel_venv, APP_ID))
    data, config = tmp_path / "data", tmp_path / "config"
    xdg = {"XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config)}
    script = PACKAGING / "install-desktop.sh"
    run(["bash", script, "--exec", usb / APP_ID, "--autostart-kiosk"], **xdg)

    menu_entry = data / "applications" / DESKTOP_FILE.name
    autostart_entry = config / "autostart" / KIOSK_DESKTOP_FILE.name
    assert (data / "icons/hicolor/scalable/apps" / f"{COMPONENT_ID}.svg").is_file()
    assert (data / "metainfo" / METAINFO_FILE.name).is_file()
    launcher = shlex.split(desktop_entry(menu_entry)["Exec"])
    assert launcher == [str(usb / APP_ID)]
    assert __version__ in run([*launcher, "--version"]).stdout
    assert shlex.split(desktop_entry(autostart_entry)["Exec"]) == [str(usb / APP_ID), "--kiosk"]
    if validator := shutil.which("desktop-file-validate"):
        for entry in (menu_entry, autostart_entry):
            result = subprocess.run([validator, str(entry)], capture_output=True, text=True)
            assert result.returncode == 0, result.stdout

    run(["bash", script, "--uninstall"], **xdg)
    assert not menu_entry.exists() and not autostart_entry.exists()


def test_app_icon_renders_in_our_palette_at_menu_sizes(qapp: object) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(APP_ICON))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() == box.height()
    for size in (16, 32, 64, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        step = max(1, size // 64)  # sample large renders: a full scan is slow in Python
        pixels = [
            image.pixelColor(x, y) for y in range(0, size, step) for x in range(0, size, step)
        ]
        opaque = [p for p in pixels if p.alpha() > 200]
        assert len(opaque) > 0.6 * len(pixels), f"{size} px icon is mostly empty"
        if size == 256:
            for colour in map(QColor, PALETTE):
                close = sum(1 for p in opaque if _near(p, colour))
                assert close > 0.01 * len(pixels), f"{colour.name()} missing from the icon"


def _near(a: object, b: object) -> bool:
    from PySide6.QtGui import QColor

    assert isinstance(a, QColor) and isinstance(b, QColor)
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 24


# --- the standalone bundle (built by resources/packaging/build-bundle.sh) ------------


@pytest.fixture(scope="session")
def bundle() -> Path:
    folder = os.environ.get(BUNDLE_ENV)
    if not folder:
        pytest.skip(f"no bundle: run resources/packaging/build-bundle.sh, set {BUNDLE_ENV}")
    program = Path(folder) / (f"{APP_ID}.exe" if os.name == "nt" else APP_ID)
    assert program.is_file(), f"{BUNDLE_ENV}={folder} holds no {program.name}"
    return Path(folder).resolve()


def bundle_data(bundle: Path) -> Path:
    """`reader/_data` inside the bundle (under _internal/ since PyInstaller 6)."""
    (data,) = [p for p in (bundle / "reader" / "_data", *bundle.glob("*/reader/_data"))
               if p.is_dir()]  # fmt: skip
    return data


def test_bundle_lists_contents_and_versions_without_python(bundle: Path) -> None:
    program = bundle / APP_ID
    no_python = {"PATH": "/nonexistent", "PYTHONNOUSERSITE": "1"}
    toc = json.loads(run([program, "toc", "--json"], **no_python).stdout)
    assert {chapter["id"] for chapter in toc["chapters"]} >= KNOWN_CHAPTERS
    version = run([program, "--version"], **no_python).stdout
    assert version.startswith(f"{APP_ID} {__version__}") and toc["title"] in version


def test_bundle_ships_no_search_index(bundle: Path) -> None:
    """Whoosh unpickles an index: the app opens one only from its own cache (#38)."""
    data = bundle_data(bundle)
    assert not (data / "index").exists()
    assert not list(bundle.rglob("search-meta.json"))


def test_bundle_searches_with_an_index_it_builds_in_the_user_cache(
    bundle: Path, user_home: Path
) -> None:
    found = json.loads(run([bundle / APP_ID, "search", "gene", "--json"]).stdout)
    assert found["results"]
    assert list((user_home / "cache" / "search").glob("*/search-meta.json"))


def test_bundle_knows_the_languages_words_so_real_words_are_never_corrected(
    bundle: Path,
) -> None:
    """Its word lists travel with it: "precio" is Spanish, never "pecho"; a misspelling
    is still corrected."""
    spanish = json.loads(
        run([bundle / APP_ID, "--lang", "es", "search", "precio", "--json"]).stdout
    )
    assert spanish["suggestion"] is None
    typo = json.loads(run([bundle / APP_ID, "search", "leukemai", "--json"]).stdout)
    assert typo["suggestion"] == "leukemia"


def test_bundle_carries_the_hyphenation_patterns(bundle: Path) -> None:
    """A word wider than a side list breaks between syllables in any handbook's language
    (reader/content/hyphenation.py): Pyphen's dictionaries travel with the bundle."""
    found = {path.name for path in bundle.rglob("pyphen/dictionaries/*.dic")}
    assert {"hyph_es.dic", "hyph_en_US.dic", "hyph_fr.dic"} <= found


def test_bundle_opens_its_window_offscreen(bundle: Path, tmp_path: Path) -> None:
    """The window starts and renders its first page (the page store keeps it), and is
    still running: the app has no switch to quit after painting, so the test stops it."""
    home = tmp_path / "home"
    process = subprocess.Popen(
        [bundle / APP_ID],
        cwd="/",
        env=clean_env(HANDBOOK_READER_HOME=str(home)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not list(home.glob("cache/pages/*/*.html")) and process.poll() is None:
            assert time.monotonic() < deadline, "no page was rendered"
            time.sleep(0.1)
        assert process.poll() is None, process.communicate()[1]
    finally:
        process.terminate()
        process.communicate(timeout=TIMEOUT)


def test_bundle_reads_aloud_with_its_own_english_voice(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "section.wav"
    argv = [bundle / APP_ID, "read-aloud", "what-is-gene-therapy/genes-and-cells"]
    report = json.loads(run([*argv, "--wav", out, "--json"]).stdout)
    assert report["voice"].startswith("Piper")  # not the system's eSpeak NG fallback
    assert report["seconds"] > 10 and out.stat().st_size > 100_000


def test_bundle_leaves_out_unused_qt_modules(bundle: Path) -> None:
    unused = ("Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Network", "Qt63D", "Qt6Multimedia",
              "Qt6Pdf", "QtQuick.abi3", "QtWebEngine", "libqgtk3")  # fmt: skip
    shipped = [p.name for p in bundle.rglob("*") if any(u in p.name for u in unused)]
    assert shipped == []
    assert list(bundle.rglob("libQt6PrintSupport*")) or list(bundle.rglob("*Qt6PrintSupport*"))
