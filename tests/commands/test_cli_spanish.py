"""The command line in Spanish (#37): `--lang es`, or LANG=es_* with no --lang, gives
Spanish help and one-line Spanish errors; English stays exactly as it was, and no flag
or sub-command name changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import APP_ID
from reader.cli_parser import interface_language
from tests.support import run_cli, run_python

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose locale says nothing about Spanish."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_toc_help_in_spanish(english_locale: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "toc", "--help")
    assert code == 0
    assert out.startswith(f"uso: {APP_ID} toc [-h]")
    assert "muestra los capítulos y las secciones" in out
    assert "opciones:" in out and "muestra esta ayuda y termina" in out
    assert "muestra el resultado en JSON" in out
    for english in ("usage:", "options:", "show this help message", "print JSON"):
        assert english not in out
    assert "--json" in out and "--handbook PATH" in out  # flags as they are typed


def test_every_help_text_has_a_spanish_line(
    english_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each sub-command's help, in Spanish: no English help text is left behind."""
    from reader.cli import build_parser
    from reader.cli_spanish import spanish
    from reader.commands import COMMANDS

    parser = build_parser(None, "en")
    sub = next(a for a in parser._actions if a.dest == "command")
    untranslated = []
    for name in COMMANDS:
        command = sub.choices[name]  # type: ignore[index]
        texts = [command.description or ""] + [a.help or "" for a in command._actions]
        untranslated += [t for t in texts if t and spanish(t) == t]
    texts = [parser.description or ""] + [a.help or "" for a in parser._actions]
    untranslated += [t for t in texts if t and spanish(t) == t]
    assert untranslated == []


def test_missing_argument_is_one_spanish_line_and_english_is_unchanged(
    english_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--lang", "es", "show")
    assert code == 2 and out == ""
    assert err == (
        f"{APP_ID} show: faltan estos argumentos obligatorios: SECTION_ID"
        f" (pruebe: {APP_ID} show --lang es --help)\n"
    )
    code, out, err = run_cli(capsys, "show")
    assert code == 2
    assert err == (
        f"{APP_ID} show: the following arguments are required: SECTION_ID"
        f" (try: {APP_ID} show --help)\n"
    )
    code, out, _ = run_cli(capsys, "toc", "--help")
    assert out.startswith(f"usage: {APP_ID} toc [-h]")
    assert "options:\n  -h, --help       show this help message and exit" in out
    code, _, err = run_cli(capsys, "show", "no-such-section")
    assert err == f"{APP_ID}: no section 'no-such-section' (try: handbook-reader toc)\n"


def test_unknown_command_and_bad_choice_in_spanish(
    english_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "--lang", "es", "tok")
    assert code == 2
    assert "argumento COMMAND: valor no válido: 'tok' (elija entre 'toc'," in err
    code, _, err = run_cli(capsys, "--lang=es", "show", "x", "--format", "pdf")
    assert code == 2 and err.count("\n") == 1
    assert "argumento --format: valor no válido: 'pdf' (elija entre 'text', 'html')" in err


def test_our_own_errors_in_spanish(
    english_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "--lang", "es", "show", "no-such-section")
    assert code == 1
    assert err == (
        f"{APP_ID}: no hay ninguna sección 'no-such-section' (pruebe: {APP_ID} --lang es toc)\n"
    )
    code, _, err = run_cli(capsys, "--lang", "es", "search", "--limit", "0", "médula")
    assert err == f"{APP_ID}: --limit debe ser 1 o más\n"


def test_version_line_in_spanish(english_locale: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "--version")
    assert code == 0
    assert "Tercera edición, diciembre de 2026" in out
    code, out, _ = run_cli(capsys, "--version")
    assert "Third edition, December 2026" in out


def test_lang_es_locale_without_flag_gives_spanish_errors(user_home: Path) -> None:
    """A real process on a Mexican-Spanish desktop: `handbook-reader search` with no
    words says so in Spanish, on one line."""
    env = {"LANG": "es_MX.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    done = run_python(["-m", "reader", "search"], home=user_home, extra_env=env)
    assert done.returncode == 2
    assert done.stderr == (
        f"{APP_ID} search: faltan estos argumentos obligatorios: QUERY"
        f" (pruebe: {APP_ID} search --lang es --help)\n"
    )


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["--lang", "es", "toc"], {"LANG": "en_US.UTF-8"}, "es"),
        (["--lan=es", "toc"], {}, "es"),
        (["--lang", "en", "toc"], {"LANG": "es_MX.UTF-8"}, "en"),  # the flag wins
        (["toc"], {"LANG": "es_MX.UTF-8"}, "es"),
        (["toc"], {"LC_ALL": "en_US.UTF-8", "LANG": "es_MX.UTF-8"}, "en"),
        (["toc"], {"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        (["toc"], {}, "en"),
        (["--", "--lang", "es"], {}, "en"),
    ],
)
def test_interface_language_from_flag_then_locale(
    argv: list[str], environ: dict[str, str], expected: str
) -> None:
    assert interface_language(argv, environ) == expected


def test_check_summary_in_the_handbooks_language(
    english_locale: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--lang", "es", "check")
    assert (code, out) == (
        0,
        "No se encontraron problemas en Terapia génica para la inmunodeficiencia primaria\n",
    )
    code, out, _ = run_cli(capsys, "check")
    assert (code, out) == (0, "No problems found in Gene Therapy for Primary Immunodeficiency\n")
