"""The clinic on paper: a packet's cover says which clinic printed it and carries its
numbers, and its pages carry the filled-in text (read back with pdftotext)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.clinic.support import CLINIC_NAME, PHONE_24H, write_clinic
from tests.support import require_tool, run_cli


def _text(pdf: Path) -> str:
    tool = require_tool("pdftotext", "poppler-utils")
    done = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", done.stdout)


def test_a_packet_carries_the_clinic_card_and_the_filled_in_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_tool("pdftotext", "poppler-utils")
    clinic, pdf = write_clinic(tmp_path / "clinic"), tmp_path / "packet.pdf"
    argv = (
        "--clinic",
        str(clinic),
        "export-pdf",
        str(pdf),
        "--section",
        "when-to-call/your-numbers",
    )
    code, _, err = run_cli(capsys, *argv)
    assert code == 0, err
    text = _text(pdf)
    assert f"Printed by {CLINIC_NAME}" in text
    assert f"24-hour number: {PHONE_24H}" in text
    assert f"Our 24-hour number: {PHONE_24H}" in text
