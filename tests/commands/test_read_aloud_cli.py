"""`handbook-reader read-aloud`: a real spoken WAV, measured, and its JSON timings."""

from __future__ import annotations

import itertools
import json
import math
from array import array
from pathlib import Path

import pytest

from reader.speech.chunks import MAX_VOICE_CHARS
from reader.speech.lexicon import Lexicon
from reader.speech.loudness import PEAK_CEILING_DBFS, peak_dbfs
from reader.speech.sentences import word_count
from tests.conftest import WriteHandbook
from tests.speech_support import (
    ENGLISH_BOOK,
    ENGLISH_MANIFEST,
    SPANISH_BOOK,
    SPANISH_MANIFEST,
    SPEECH_RMS_FLOOR,
    WORDS_A_MINUTE,
    measure_wav,
    require_speech,
)
from tests.support import run_cli


@pytest.mark.parametrize(
    ("files", "manifest", "section_id", "lang"),
    [(ENGLISH_BOOK, ENGLISH_MANIFEST, "one", "en"), (SPANISH_BOOK, SPANISH_MANIFEST, "uno", "es")],
    ids=["english", "spanish"],
)
def test_readAloud_writesSpeech_whoseLengthFitsItsWords(
    capsys: pytest.CaptureFixture[str],
    write_handbook: WriteHandbook,
    tmp_path: Path,
    files: dict[str, str | bytes],
    manifest: str,
    section_id: str,
    lang: str,
    network_attempts: list[str],
) -> None:
    require_speech()
    book = write_handbook(files, manifest=manifest)
    out = tmp_path / "section.wav"
    code, stdout, stderr = run_cli(
        capsys, "--handbook", str(book), "read-aloud", section_id, "--wav", str(out), "--json"
    )
    assert (code, stderr) == (0, "")
    report = json.loads(stdout)
    assert (report["section"], report["lang"], report["wav"]) == (section_id, lang, str(out))
    wav = measure_wav(out)
    assert wav.rms > SPEECH_RMS_FLOOR
    assert report["seconds"] == pytest.approx(wav.seconds, abs=0.01)
    words = sum(word_count(s["text"]) for s in report["sentences"])
    low, high = WORDS_A_MINUTE
    assert low <= words / (wav.seconds / 60) <= high
    sentences = report["sentences"]
    assert sentences[0]["start"] == 0
    assert all(s["start"] < s["end"] for s in sentences)
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(sentences))
    assert sentences[-1]["end"] == pytest.approx(wav.seconds, abs=0.01)
    assert network_attempts == []  # the voices are on this computer


def test_readAloud_langOption_choosesTheVoice(
    capsys: pytest.CaptureFixture[str], write_handbook: WriteHandbook, tmp_path: Path
) -> None:
    require_speech(piper=False)
    book = write_handbook(SPANISH_BOOK, manifest=SPANISH_MANIFEST.replace('"es"', '"en"'))
    out = tmp_path / "es.wav"
    code, stdout, _ = run_cli(
        capsys, "--handbook", str(book), "--lang", "es", "read-aloud", "uno",
        "--wav", str(out), "--rate", "1.5",
    )  # fmt: skip
    assert code == 0
    assert "eSpeak NG es" in stdout
    assert measure_wav(out).rms > SPEECH_RMS_FLOOR


def test_readAloud_refusesAFolder_withOneLine(
    capsys: pytest.CaptureFixture[str], write_handbook: WriteHandbook, tmp_path: Path
) -> None:
    require_speech()
    book = write_handbook(ENGLISH_BOOK, manifest=ENGLISH_MANIFEST)
    code, _, stderr = run_cli(
        capsys, "--handbook", str(book), "read-aloud", "two", "--wav", str(tmp_path)
    )
    assert code == 1
    assert stderr.count("\n") == 1 and "is a folder, not a file" in stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["read-aloud", "nowhere", "--wav", "x.wav"], "no section 'nowhere'"),
        (["read-aloud", "one", "--wav", "x.wav", "--rate", "2"], "from 0.75 to 1.5"),
    ],
)
def test_readAloud_mistakes_areOneLine(
    capsys: pytest.CaptureFixture[str],
    write_handbook: WriteHandbook,
    argv: list[str],
    message: str,
) -> None:
    book = write_handbook(ENGLISH_BOOK, manifest=ENGLISH_MANIFEST)
    code, _, stderr = run_cli(capsys, "--handbook", str(book), *argv)
    assert code != 0
    assert message in stderr and stderr.count("\n") == 1


def test_readAloud_paragraphsStartingWithADash_areSpoken_andWriteNothingElse(
    capsys: pytest.CaptureFixture[str], write_handbook: WriteHandbook, tmp_path: Path
) -> None:
    """eSpeak NG took such text for its options: "-5" and "--Doctor" failed, and
    "-w/path.wav" wrote a file outside the chosen output."""
    require_speech(piper=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    chapter = (
        "# Fiebre\n\n-5 grados… no es fiebre.\n\n--Doctor, ¿es seguro?\n\n"
        f"-w{elsewhere}/fuera.wav\n"
    )
    book = write_handbook({"capitulos/uno.md": chapter}, manifest=SPANISH_MANIFEST)
    out = tmp_path / "fiebre.wav"
    code, stdout, stderr = run_cli(
        capsys, "--handbook", str(book), "read-aloud", "uno", "--wav", str(out), "--json"
    )
    assert (code, stderr) == (0, "")
    said = [s["text"] for s in json.loads(stdout)["sentences"]]
    assert said[1:] == [
        "-5 grados… no es fiebre.",
        "--Doctor, ¿es seguro?",
        Lexicon().spoken(f"-w{elsewhere}/fuera.wav."),  # a slash between words is a pause
    ]
    assert measure_wav(out).rms > SPEECH_RMS_FLOOR
    assert list(elsewhere.iterdir()) == []


def test_readAloud_aLongSentence_isTimedPieceByPiece_inTheSameJsonShape(
    capsys: pytest.CaptureFixture[str], write_handbook: WriteHandbook, tmp_path: Path
) -> None:
    """A 300-word sentence reaches the voice, and the timings, in pieces of at most
    MAX_VOICE_CHARS; each timing keeps its keys, and together they cover the audio."""
    require_speech(piper=False)
    words = ("las", "nuevas", "células", "crecen", "en", "la", "médula", "durante", "unos")
    sentence = " ".join(words[i % len(words)] for i in range(300)) + "."
    book = write_handbook(
        {"capitulos/uno.md": f"# Larga\n\n{sentence}\n"}, manifest=SPANISH_MANIFEST
    )
    out = tmp_path / "larga.wav"
    code, stdout, stderr = run_cli(
        capsys, "--handbook", str(book), "read-aloud", "uno", "--wav", str(out), "--json"
    )
    assert (code, stderr) == (0, "")
    timings = json.loads(stdout)["sentences"]
    assert all(set(s) == {"text", "shown", "start", "end"} for s in timings)
    pieces = [s["text"] for s in timings[1:]]
    assert len(pieces) > len(sentence) // MAX_VOICE_CHARS
    assert all(len(piece) <= MAX_VOICE_CHARS + 1 for piece in pieces)
    assert " ".join(pieces) == sentence
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(timings))
    assert timings[-1]["end"] == pytest.approx(measure_wav(out).seconds, abs=0.01)


def test_readAloud_langEs_onTheRealHandbook_speaksTheSpanishText(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--lang es` read the English text with the Spanish voice: the handbook was loaded
    without the language (a one-language test handbook could not tell)."""
    require_speech(piper=False)
    out = tmp_path / "es.wav"
    code, stdout, stderr = run_cli(
        capsys, "--lang", "es", "read-aloud", "practical-matters/beyond-the-us",
        "--wav", str(out), "--json",
    )  # fmt: skip
    assert (code, stderr) == (0, "")
    report = json.loads(stdout)
    assert (report["lang"], report["voice"]) == ("es", "eSpeak NG es")
    assert [s["shown"] for s in report["sentences"]] == [
        "Fuera de los EE. UU.",
        "Gran parte de este manual describe el cuidado en los EE. UU.",
        "Esta sección nombra algunas ayudas en otros países.",
    ]
    assert [s["text"] for s in report["sentences"]][:2] == [
        "Fuera de los Estados Unidos.",
        "Gran parte de este manual describe el cuidado en los Estados Unidos.",
    ]
    assert peak_dbfs(out.read_bytes()[44:]) <= PEAK_CEILING_DBFS


def speech_rms_db(frames: bytes, rate: int) -> float:
    """The loudness of speech in 16-bit mono `frames`: the RMS (dBFS) of its 20 ms
    frames louder than -45 dBFS, so a sentence's pauses do not count."""
    samples = array("h", frames[: len(frames) // 2 * 2])
    size = rate // 50
    energies = [
        sum(x * x for x in samples[i : i + size]) / size
        for i in range(0, len(samples) - size + 1, size)
    ]
    spoken = [e for e in energies if e >= (32768 * 10 ** (-45 / 20)) ** 2]
    return 10 * math.log10(sum(spoken) / len(spoken) / 32768**2)


def test_readAloud_english_evenLoudness_andPeaksBelowTheCeiling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Piper normalised each sentence to its own peak: every sentence touched 0 dBFS and
    loudness jumped 1.2-2.1 dB between neighbours."""
    require_speech()
    out = tmp_path / "en.wav"
    code, stdout, stderr = run_cli(
        capsys, "read-aloud", "glossary/conditioning", "--wav", str(out), "--json"
    )
    assert (code, stderr) == (0, "")
    report = json.loads(stdout)
    assert report["voice"].startswith("Piper")
    samples = out.read_bytes()[44:]
    assert peak_dbfs(samples) <= PEAK_CEILING_DBFS
    rate = measure_wav(out).sample_rate
    loudness = [
        speech_rms_db(samples[round(s["start"] * rate) * 2 : round(s["end"] * rate) * 2], rate)
        for s in report["sentences"]
    ]
    assert len(loudness) >= 3
    assert max(abs(a - b) for a, b in itertools.pairwise(loudness)) <= 1.0, loudness
