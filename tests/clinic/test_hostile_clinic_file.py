"""A clinic file is untrusted input: a broken or hostile one (HTML, 5 MB, bad TOML, a
link to /etc/passwd) gives one plain line, and every command still works without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.clinic.apply import load_handbook_with_clinic
from reader.clinic.reading import read_clinic
from reader.content.render import markdown_to_html
from reader.paths import bundled_handbook_dir
from tests.clinic.support import write_clinic
from tests.support import run_cli


def _hostile(tmp_path: Path, kind: str) -> Path:
    if kind == "bad-toml":
        return write_clinic(tmp_path, 'name = "St Mary\n')
    if kind == "five-mb":
        return write_clinic(tmp_path, 'name = "x"\nnotes = """' + "a" * (5 << 20) + '"""\n')
    if kind == "link-to-passwd":
        link = tmp_path / "clinic.toml"
        link.symlink_to("/etc/passwd")
        return link
    if kind == "folder":
        (tmp_path / "clinic.toml").mkdir()
        return tmp_path / "clinic.toml"
    return write_clinic(tmp_path, b"name = \xff\xfe\n".decode("latin-1"))  # not UTF-8


@pytest.mark.parametrize("kind", ["bad-toml", "five-mb", "link-to-passwd", "folder"])
def test_a_broken_clinic_file_is_one_line_and_commands_still_work(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _hostile(tmp_path, kind)
    code, out, err = run_cli(capsys, "--clinic", str(path), "toc", "--json")
    assert code == 0
    assert json.loads(out)["chapters"][0]["id"] == "about-this-handbook"
    assert err.count("\n") == 1 and "going on without clinic details" in err
    assert "Traceback" not in err and "root:" not in err
    code, out, err = run_cli(capsys, "--clinic", str(path), "show", "when-to-call")
    assert code == 0 and "____________ (ask your team)" in out
    code, out, _ = run_cli(capsys, "clinic", "--clinic", str(path), "--json")
    assert code == 1 and json.loads(out)["problem"]


def test_bad_toml_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_clinic(tmp_path, 'name = "ok"\nphone_24h = "020\n')
    code, _, err = run_cli(capsys, "--clinic", str(path), "toc")
    assert code == 0
    assert f"clinic file {path}:2: is not valid TOML" in err


def test_html_in_a_field_is_shown_as_text(tmp_path: Path) -> None:
    text = (
        'name = "<b>Ward</b> <img src=x onerror=alert(1)>"\n'
        'phone_24h = "[call](https://evil.example) 0123"\n'
        'notes = """<script>alert(1)</script>\n\n![p](https://evil.example/x.png)'
        ' [site](https://evil.example) **kept**\n\n# A heading\n"""\n'
    )
    details = read_clinic(write_clinic(tmp_path, text))
    handbook = load_handbook_with_clinic(bundled_handbook_dir(), None, details)
    chapter = handbook.chapters[0]
    html = markdown_to_html(chapter.markdown)
    assert "&lt;b&gt;Ward&lt;/b&gt;" in html and "<b>" not in html
    assert "<img" not in html and "<script" not in html and "<a " not in html
    assert "[call](https://evil.example) 0123" in html  # shown as typed, not as a link
    assert "evil.example/x.png" not in html  # a picture leaves its description only
    assert "<strong>kept</strong>" in html
    assert "<h1" not in html.split("</h1>", 1)[1]  # the notes add no heading


def test_a_field_over_its_cap_is_cut(tmp_path: Path) -> None:
    details = read_clinic(write_clinic(tmp_path, f'name = "{"n" * 2000}"\n'))
    assert len(details.name) == 500
