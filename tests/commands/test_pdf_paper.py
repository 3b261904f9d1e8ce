"""`export-pdf` takes its paper from `--page-size`, else from the system's country, as
the window does; never from the language (#37): a Spanish handbook printed in Texas is
on Letter, an English one printed in Spain on A4."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication

from reader.cli import main
from reader.pdf.defaults import default_page_size, paper_locale

LETTER_WIDTH, A4_WIDTH = 612, 595  # points
LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


def _width(path: Path) -> int:
    return round(float(PdfReader(path).pages[0].mediabox.width))


# (locale variables, arguments before and after `export-pdf OUT --section ...`, width)
CASES = [
    ({"LANG": "en_US.UTF-8"}, ["--lang", "es"], LETTER_WIDTH),
    ({"LANG": "es_ES.UTF-8"}, ["--lang", "en"], A4_WIDTH),
    ({"LANG": "es_MX.UTF-8"}, ["--lang", "es"], LETTER_WIDTH),
    ({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, ["--lang", "es"], LETTER_WIDTH),
    ({"LC_ALL": "fr_FR.UTF-8", "LC_PAPER": "en_US.UTF-8"}, ["--lang", "es"], A4_WIDTH),
    ({"LANG": "en_US.UTF-8"}, ["--lang", "es", "--page-size=A4"], A4_WIDTH),
]


def test_paper_follows_the_country_never_the_language(
    qapp: QGuiApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    widths = []
    for index, (environ, argv, _width_expected) in enumerate(CASES):
        with monkeypatch.context() as patch:
            for name in LOCALE_VARIABLES:
                patch.delenv(name, raising=False)
            for name, value in environ.items():
                patch.setenv(name, value)
            out = tmp_path / f"packet-{index}.pdf"
            lang, rest = argv[:2], argv[2:]
            section = ["--section", "what-is-gene-therapy"]
            assert main([*lang, "export-pdf", str(out), *section, *rest]) == 0
        capsys.readouterr()
        widths.append(_width(out))
    assert widths == [width for _environ, _argv, width in CASES]


def test_paper_locale_reads_the_paper_category_as_posix_does() -> None:
    assert paper_locale({"LANG": "es_US.UTF-8"}).territory() == QLocale.Country.UnitedStates
    assert paper_locale({"LANG": "C", "LC_PAPER": "en_CA"}).territory() == QLocale.Country.Canada
    assert default_page_size(paper_locale({"LC_ALL": "en_GB.UTF-8@euro"})) == "A4"
