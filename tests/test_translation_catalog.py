"""The Spanish interface catalogue: complete, placeholders kept, compiled .qm up to date,
and nothing in the code that lupdate would add as untranslated."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "handbook_reader_es.ts"
QM = FOLDER / "handbook_reader_es.qm"
SPANISH_PLURAL_FORMS = 2  # one, other

PLACEHOLDER = re.compile(r"%(?:n|L?\d)|\{\w*\}")
TAG = re.compile(r"</?\w+[^>]*>")
ACCELERATOR = re.compile(r"&(?!&)(\w)")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translations: tuple[str, ...]  # one text, or one per plural form
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"

    @property
    def name(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_catalogue(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, message.findtext("source")
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            entries.append(
                Entry(name, message.findtext("source") or "", texts, translation.get("type", ""))
            )
    return entries


def live(entries: list[Entry]) -> list[Entry]:
    """Entries the code still uses (vanished ones wait for their text to come back)."""
    return [e for e in entries if e.kind not in ("vanished", "obsolete")]


def qt_tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease) beside this Python or on PATH."""
    search = os.pathsep.join((str(Path(sys.executable).parent), os.environ.get("PATH", "")))
    found = shutil.which(name, path=search)
    assert found, f"{name} is not installed (it comes with PySide6-Essentials)"
    return found


def python_sources() -> list[str]:
    """The same files resources/translations/update.sh hands to lupdate."""
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "reader").rglob("*.py")
        if "__pycache__" not in p.parts
    )  # fmt: skip


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    return read_catalogue(TS)


def test_catalogue_is_for_spanish_and_has_the_interface(catalogue: list[Entry]) -> None:
    assert ET.parse(TS).getroot().get("language", "").startswith("es")
    contexts = {e.context for e in live(catalogue)}
    assert {"Actions", "MainWindow", "GlossaryPanel", "BookmarksPanel"} <= contexts
    assert len(live(catalogue)) > 150


def test_every_entry_is_translated(catalogue: list[Entry]) -> None:
    unfinished = [e.name for e in catalogue if e.kind == "unfinished"]
    empty = [e.name for e in catalogue if any(not t.strip() for t in e.translations)]
    assert not unfinished, unfinished
    assert not empty, empty


def test_plurals_have_both_spanish_forms(catalogue: list[Entry]) -> None:
    plurals = [e for e in live(catalogue) if "%n" in e.source]
    assert plurals
    for entry in plurals:
        assert len(entry.translations) == SPANISH_PLURAL_FORMS, entry.name


def test_placeholders_survive_translation(catalogue: list[Entry]) -> None:
    for entry in catalogue:
        wanted = sorted(PLACEHOLDER.findall(entry.source))
        for text in entry.translations:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (entry.name, text)


def test_html_tags_survive_translation(catalogue: list[Entry]) -> None:
    for entry in catalogue:
        wanted = TAG.findall(entry.source)
        for text in entry.translations:
            assert TAG.findall(text) == wanted, (entry.name, text)


def test_accelerator_kept_when_the_source_has_one(catalogue: list[Entry]) -> None:
    for entry in catalogue:
        wanted = len(ACCELERATOR.findall(entry.source))
        for text in entry.translations:
            assert len(ACCELERATOR.findall(text)) == wanted, (entry.name, text)


def test_shipped_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    """lrelease output is byte-for-byte reproducible, so a stale .qm shows up here."""
    fresh = tmp_path / "fresh.qm"
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True)  # fmt: skip
    assert QM.read_bytes() == fresh.read_bytes(), "run resources/translations/update.sh"


def test_lupdate_finds_no_untranslated_text_in_the_code(tmp_path: Path) -> None:
    """A new or changed tr() text in reader/ must arrive with its Spanish translation."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    command = [qt_tool("pyside6-lupdate"), "-source-language", "en", "-target-language", "es",
               *python_sources(), "-ts", str(copy)]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    untranslated = [e.name for e in read_catalogue(copy) if e.kind == "unfinished"]
    assert not untranslated, f"translate these in {TS.name}: {untranslated}"


def test_update_script_is_executable() -> None:
    script = FOLDER / "update.sh"
    assert script.read_text(encoding="utf-8").startswith("#!")
    assert os.access(script, os.X_OK)


def test_every_text_the_code_asks_for_is_live_in_the_catalogue_and_the_qm(
    tmp_path: Path,
) -> None:
    """A text the code still asks for must not sit in the catalogue as "vanished" (lupdate
    keeps a translation there, but lrelease leaves it out of the .qm, so the app shows
    English): every text lupdate finds in reader/ is a finished entry, and the shipped
    .qm translates it."""
    from PySide6.QtCore import QTranslator

    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    command = [qt_tool("pyside6-lupdate"), "-source-language", "en", "-target-language", "es",
               *python_sources(), "-ts", str(copy)]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    asked = [e for e in read_catalogue(copy) if e.kind not in ("vanished", "obsolete")]
    shipped = {(e.context, e.source): e.kind for e in read_catalogue(TS)}
    not_live = [e.name for e in asked if shipped.get((e.context, e.source)) != ""]
    assert not not_live, f"run resources/translations/update.sh: {not_live}"
    translator = QTranslator()
    assert translator.load(str(QM))
    missing = [
        e.name
        for e in asked
        if "%n" not in e.source and not translator.translate(e.context, e.source)
    ]
    assert not missing, f"the .qm lacks: {missing}"
