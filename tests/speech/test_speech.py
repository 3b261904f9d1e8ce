"""Reading aloud, the core: what is said for a section, and real synthesis measured."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.handbook import load_handbook
from reader.speech import VoiceLibrary, narrate, section_sentences, write_wav
from reader.speech.script import html_sentences, link_words
from reader.speech.sentences import split_sentences, spoken_form
from reader.speech.wav import OutputRefused
from tests.conftest import WriteHandbook
from tests.speech_support import (
    ENGLISH_BOOK,
    ENGLISH_MANIFEST,
    SPANISH_BOOK,
    SPANISH_MANIFEST,
    SPEECH_RMS_FLOOR,
    require_speech,
)

# -- what is said ----------------------------------------------------------------------


def test_split_sentences_keepsAbbreviationsAndSpanishMarks() -> None:
    text = "Dr. Ruiz works in the U.S. today. Is it safe? ¿Cuánto tarda? Sí, e.g. meses."
    assert split_sentences(text) == [
        "Dr. Ruiz works in the U.S. today.",
        "Is it safe?",
        "¿Cuánto tarda?",
        "Sí, e.g. meses.",
    ]


def test_spoken_form_saysSymbolsAsWordsAndEndsHeadings() -> None:
    assert spoken_form("Risks & benefits", "en") == "Risks and benefits."
    assert spoken_form("Riesgos & 5%", "es") == "Riesgos y 5 por ciento."


def test_table_isReadRowByRow_eachCellAfterItsColumnHeading() -> None:
    html = (
        "<table><thead><tr><th></th><th>Donor</th><th>Gene therapy</th></tr></thead>"
        "<tbody><tr><td>Rejection</td><td>High</td><td>None</td></tr></tbody></table>"
    )
    said = [s.text for s in html_sentences(html, "en")]
    assert said == ["Rejection.", "Donor: High.", "Gene therapy: None."]


def test_listsHeadingsAndNestedItems_inReadingOrder() -> None:
    html = "<h2>Steps</h2><ol><li>Collect<ul><li>from blood</li></ul></li><li>Return</li></ol>"
    said = [s.text for s in html_sentences(html, "en")]
    assert said == ["Steps.", "Collect.", "from blood.", "Return."]


def test_picturesAreAnnouncedWithTheirAltText_inTheTextsLanguage() -> None:
    html = '<p>Before.</p><div class="figure"><img src="picture:a.svg" alt="A cell"></div>'
    english = html_sentences(html, "en")
    assert [s.text for s in english] == ["Before.", "Picture: A cell."]
    assert english[1].shown == ""  # nothing on the page to highlight
    assert html_sentences(html, "es")[1].text == "Imagen: A cell."


def test_linksAreReadAsTheirWords_andAddressesAsTheirSite() -> None:
    html = '<p>See <a href="section:two">the next chapter</a> or <a href="https://x.org/a">https://www.x.org/a</a>.</p>'
    (sentence,) = html_sentences(html, "en")
    assert sentence.text == "See the next chapter or x.org."
    assert sentence.shown == "See the next chapter or https://www.x.org/a."
    assert link_words("clinic", "https://x.org") == "clinic"


def test_glossaryWordsAreReadAsPlainWords(write_handbook: WriteHandbook) -> None:
    book = load_handbook(write_handbook(ENGLISH_BOOK, manifest=ENGLISH_MANIFEST))
    section = book.section("one/what-happens-next")
    assert section is not None
    said = [s.text for s in section_sentences(book, section, "en")]
    assert said == [
        "What happens next.",
        "The new cells settle in the marrow.",
        "Over a few months they make healthy immune cells.",
        "Read the next chapter when you are ready.",
    ]


# -- real synthesis ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "manifest", "section_id", "voice_word"),
    [
        (ENGLISH_BOOK, ENGLISH_MANIFEST, "one", "Piper"),
        (SPANISH_BOOK, SPANISH_MANIFEST, "uno", "eSpeak"),
    ],
    ids=["english", "spanish"],
)
def test_narration_isSpeech_withTimingsThatCoverIt(
    write_handbook: WriteHandbook,
    files: dict[str, str | bytes],
    manifest: str,
    section_id: str,
    voice_word: str,
) -> None:
    require_speech()
    book = load_handbook(write_handbook(files, manifest=manifest))
    section = book.section(section_id)
    assert section is not None
    voice = VoiceLibrary().voice_for(book.language)
    assert voice_word in voice.name
    narration = narrate(section_sentences(book, section, book.language), voice)
    starts = [s.start for s in narration.sentences]
    assert starts[0] == 0.0
    assert all(s.end > s.start for s in narration.sentences)
    assert all(a.end == b.start for a, b in itertools.pairwise(narration.sentences))
    assert narration.seconds == pytest.approx(len(narration.samples) / 2 / voice.sample_rate)


def test_fasterRate_isShorter(write_handbook: WriteHandbook) -> None:
    require_speech(piper=False)
    book = load_handbook(write_handbook(SPANISH_BOOK, manifest=SPANISH_MANIFEST))
    section = book.section("uno")
    assert section is not None
    voice = VoiceLibrary().voice_for("es")
    sentences = section_sentences(book, section, "es")
    slow, fast = narrate(sentences, voice, 0.75), narrate(sentences, voice, 1.5)
    assert 1.6 < slow.seconds / fast.seconds < 2.4  # 2x in words a minute


def test_rateOutsideTheRange_isRefused() -> None:
    require_speech(piper=False)
    with pytest.raises(ValueError, match=r"0\.75"):
        narrate([], VoiceLibrary(prefer_piper=False).voice_for("es"), 2.0)


# -- the WAV file ------------------------------------------------------------------------


def test_writeWav_refusesAFolderOrDevice_andReplacesAFile(tmp_path: Path) -> None:
    folder = tmp_path / "out.wav"
    folder.mkdir()
    with pytest.raises(OutputRefused, match="not a file, so it was not replaced"):
        write_wav(folder, b"\0\0", 22050)
    with pytest.raises(OutputRefused, match="not a file, so it was not replaced"):
        write_wav(Path("/dev/null"), b"\0\0", 22050)
    target = tmp_path / "a.wav"
    target.write_text("old")
    write_wav(target, b"\1\0" * 10, 22050)
    assert target.read_bytes().startswith(b"RIFF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wav", "out.wav"]


def test_writeWav_missingFolder_isOneLine(tmp_path: Path) -> None:
    with pytest.raises(OutputRefused, match="does not exist"):
        write_wav(tmp_path / "no" / "a.wav", b"", 22050)


def test_speechRmsFloor_isAboveSilence(tmp_path: Path) -> None:
    """The floor the CLI tests use really separates speech from silence."""
    from tests.speech_support import measure_wav

    path = write_wav(tmp_path / "quiet.wav", b"\0\0" * 22050, 22050)
    assert measure_wav(path).rms < SPEECH_RMS_FLOOR
