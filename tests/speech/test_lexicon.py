"""The pronunciation lexicon and where sentences end, on the real bundled handbook in
both languages: what the voice is given changes, what is shown and highlighted never."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.check import check_handbook
from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.paths import bundled_handbook_dir
from reader.speech import section_sentences
from reader.speech.lexicon import MAX_LEXICON_ENTRIES, load_lexicon, parse_lexicon
from reader.speech.script import html_sentences, pronounced
from reader.speech.sentences import split_sentences
from tests.speech_support import skip_or_fail

# A sentence that ends here ends inside an abbreviation ("EE." of "EE. UU.", "p." of
# "p. ej.") or on one that never ends a sentence ("Dr.", "e.g.").
ENDS_INSIDE = re.compile(r"(?:\bEE\.|\bp\.|\bDr\.|\be\.g\.|\bi\.e\.)$")


def _bundled(language: str) -> Handbook:
    return load_handbook_in(bundled_handbook_dir(), language)


@pytest.fixture(scope="module", params=["en", "es"])
def book(request: pytest.FixtureRequest) -> Handbook:
    return _bundled(request.param)


def test_everySection_noSentenceEndsInsideAnAbbreviation(book: Handbook) -> None:
    ended_inside = [
        (section.id, sentence.shown[-30:])
        for section in book.sections()
        for sentence in section_sentences(book, section, book.language)
        if ENDS_INSIDE.search(sentence.shown)
    ]
    assert ended_inside == []


def test_spacedAbbreviations_neverEndASentence_butOneCanEndAfterThem() -> None:
    text = (
        "La FDA de EE. UU. aprobó el tratamiento. Vea, p. ej. Madrid. Llame al Dr. Pérez. "
        "Es el cuidado en los EE. UU. Esta sección es otra."
    )
    assert split_sentences(text) == [
        "La FDA de EE. UU. aprobó el tratamiento.",
        "Vea, p. ej. Madrid.",
        "Llame al Dr. Pérez.",
        "Es el cuidado en los EE. UU.",
        "Esta sección es otra.",
    ]


def test_lexicon_changesWhatIsSpoken_neverWhatIsShown(book: Handbook) -> None:
    lexicon = load_lexicon(book)
    assert lexicon.entries, "the bundled handbook has a pronunciation.toml per language"
    changed = 0
    for section in book.sections():
        plain = section_sentences(book, section, book.language, parse_lexicon("", Path(), []))
        said = section_sentences(book, section, book.language, lexicon)
        assert [s.shown for s in said] == [s.shown for s in plain]
        changed += sum(a.text != b.text for a, b in zip(said, plain, strict=True))
        for sentence in said:
            assert lexicon.matches(sentence.text) == set(), sentence.text
            assert "_" not in sentence.text and not re.search(r"[^\W\d_]/[^\W_]", sentence.text)
    assert changed > 20


def test_spanish_saysEstadosUnidos_andSpellsEICH() -> None:
    book = _bundled("es")
    said = " ".join(
        sentence.text
        for section in book.sections()
        for sentence in section_sentences(book, section, "es")
    )
    assert "Estados Unidos" in said and "EE. UU." not in said
    assert "E I C H" in said and "EICH" not in said


def test_writeInLine_isNotRead_butStaysShown() -> None:
    sentences = html_sentences("<p>Our number: ____________ (ask your team)</p>", "en")
    said = pronounced(sentences, parse_lexicon("", Path(), []))
    assert said[0].shown == "Our number: ____________ (ask your team)"
    assert said[0].text == "Our number: (ask your team)."
    alone = pronounced(html_sentences("<p>____________</p>", "en"), parse_lexicon("", Path(), []))
    assert alone == []


def test_lexicon_matchesWholeWords_lowerCaseAnyCase_capitalsAsWritten() -> None:
    text = '[say]\n"busulfan" = "bue sulfan"\n"ADA" = "eh dee eh"\n'
    lexicon = parse_lexicon(text, Path("pronunciation.toml"), [])
    spoken = lexicon.spoken("Busulfan and busulfans; ADA, Ada and ADAM.")
    assert spoken == "bue sulfan and busulfans; eh dee eh, Ada and ADAM."


def test_hostileLexicon_isCapped_withProblemLines() -> None:
    lines = [f'"word{n}" = "said"' for n in range(MAX_LEXICON_ENTRIES + 5)]
    text = "[say]\n" + "\n".join(lines) + '\n"' + "x" * 500 + '" = "y"\n"bad" = 3\n'
    problems: list = []
    lexicon = parse_lexicon(text, Path("pronunciation.toml"), problems)
    assert len(lexicon.entries) == MAX_LEXICON_ENTRIES
    assert any("the rest left out" in p.message for p in problems)
    broken: list = []
    assert parse_lexicon("[say\n", Path("p.toml"), broken).entries == ()
    assert "not valid TOML" in broken[0].message


def test_check_reportsAnEntryThatMatchesNothing(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    shutil.copytree(bundled_handbook_dir(), folder)
    extra = '"lentivirial" = "lenti viral"\n'  # a misspelling: the voice would misread
    with (folder / "es" / "pronunciation.toml").open("a", encoding="utf-8") as file:
        file.write(extra)
    messages = [p.message for p in check_handbook(load_handbook_in(folder, "es"))]
    assert "pronunciation entry 'lentivirial' matches no chapter text" in messages
    assert not [m for m in messages if "pronunciation" in m and "lentivirial" not in m]


# What eSpeak NG must say for the Spanish lexicon's words (`espeak-ng -v es -x`).
SPANISH_PHONEMES = {
    "Estados Unidos": "est'aDos un'iDos",
    "E I C H": "e 'i T'e 'atSe",
    "A D A, es ce i de": "'es T'e 'i D'e",
    "es ce i de": "'es T'e 'i D'e",
    "uve doble, a, ese": "'uBe D'oBle 'a 'ese",
    "ele, a, de, uno": "'ele 'a d'e 'uno",
    "crisper cas": "k**isp'er k'as",
}


def test_spanishLexicon_soundsAsIntended_inESpeakNG() -> None:
    program = shutil.which("espeak-ng")
    if program is None:
        skip_or_fail("espeak-ng not installed (apt-get install espeak-ng)")
    said = {entry.said for entry in load_lexicon(_bundled("es")).entries}
    assert said == set(SPANISH_PHONEMES)
    for words, phonemes in SPANISH_PHONEMES.items():
        done = subprocess.run(
            [program, "-v", "es", "-q", "-x", "--stdin"],
            input=words.encode(),
            capture_output=True,
            check=True,
            timeout=30,
        )
        heard = " ".join(done.stdout.decode().split())
        assert phonemes in heard, (words, heard)
