"""Piper's settings against word error: each candidate speaks the word-error benchmark's
sections (speech_bench.WER_SECTIONS) with fixed seeds, and an offline recogniser hears
them (speech_recognisers.py: Whisper base by default, `--recogniser tiny.en` as before).

usage: python tests/bench/speech_wer_sweep.py [--seeds 1 2 3] [--only NAME ...]
           [--log FILE] [--extra-pause SECONDS] [--recogniser base|tiny.en]
           [--hotwords] [--transcripts FOLDER] [--listener-seed 1]

Not collected by pytest; needs the `bench` extra (as `speech_bench.py --wer`). Piper's
synthesis is random by design (its noise scales), so one run of a setting says little:
ONNX Runtime's random seed is set before the voice loads, which makes a run repeatable,
and each setting is spoken once per seed; the mean over seeds is what to compare.
Word error is counted with Whisper's own English normaliser, and as this benchmark first
counted under "other_countings" (speech_counting.py). Prints one JSON line per run as it
ends (and appends it to --log), then a summary. `--transcripts` keeps what was heard, for
speech_wer_errors.py to list every error with its context.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.speech.piper_voice import PIPER_SETTINGS, PiperSettings
from tests.bench.speech_bench import WER_SECTIONS
from tests.bench.speech_counting import COUNTINGS, Tally
from tests.bench.speech_recognisers import (
    DEFAULT_RECOGNISER,
    RECOGNISERS,
    lexicon_hotwords,
    load_recogniser,
    round_trip,
)

#: The voice as it was before this sweep: its model card's values, pieces of up to 600
#: phoneme ids, all graph optimisations.
_PIPER_DEFAULTS = PiperSettings(max_phoneme_ids=600, graph_optimization="all")
#: The candidates, in the order the issue asked to try them.
CANDIDATES: dict[str, PiperSettings] = {
    "piper-defaults": _PIPER_DEFAULTS,
    "noise-0.4": replace(_PIPER_DEFAULTS, noise_scale=0.4),
    "noise_w-0.6": replace(_PIPER_DEFAULTS, noise_w_scale=0.6),
    "noise_w-0.4": replace(_PIPER_DEFAULTS, noise_w_scale=0.4),
    "steady-1.0": replace(_PIPER_DEFAULTS, noise_scale=0.4, noise_w_scale=0.6),
    "length-1.05": replace(_PIPER_DEFAULTS, length_scale=1.05),
    "length-1.1": replace(_PIPER_DEFAULTS, length_scale=1.1),
    "steady-1.05": replace(_PIPER_DEFAULTS, noise_scale=0.4, noise_w_scale=0.6, length_scale=1.05),
    "steady-1.1": replace(_PIPER_DEFAULTS, noise_scale=0.4, noise_w_scale=0.6, length_scale=1.1),
    "app": PIPER_SETTINGS,
    "app-ids-300": replace(PIPER_SETTINGS, max_phoneme_ids=300),
    "app-ids-600": replace(PIPER_SETTINGS, max_phoneme_ids=600),
}


def one_run(
    settings: PiperSettings,
    seed: int,
    model: object,
    extra_pause: float = 0.0,
    hotwords: bool = False,
    transcripts: Path | None = None,
) -> dict[str, object]:
    """Word error of one seeded voice over the benchmark's sections, per section, by
    each counting (speech_counting.py; Whisper's normaliser first)."""
    import onnxruntime

    from reader.handbook.languages import load_handbook_in
    from reader.paths import bundled_handbook_dir
    from reader.speech.lexicon import load_lexicon
    from reader.speech.piper_voice import load_piper_english

    onnxruntime.set_seed(seed)  # before the session: its random kernels take it then
    voice = load_piper_english(settings)
    assert voice is not None, "Piper is not installed"
    handbook = load_handbook_in(bundled_handbook_dir(), "en")
    lexicon = load_lexicon(handbook)
    prompt = lexicon_hotwords(lexicon) if hotwords else None
    tallies = [Tally(lexicon, counting) for counting in COUNTINGS]
    for section_id in WER_SECTIONS:
        name = section_id.split("/")[-1]
        written, spoken, heard = round_trip(handbook, section_id, voice, model, prompt, extra_pause)
        if transcripts:  # what was heard, to read where the errors are (speech_wer_errors)
            transcripts.mkdir(parents=True, exist_ok=True)
            (transcripts / f"{name}-seed{seed}.txt").write_text(heard + "\n", encoding="utf-8")
        for tally in tallies:
            tally.add(name, written, spoken, heard)
    first, *others = (tally.report() for tally in tallies)
    return {**first, "other_countings": others}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--only", nargs="+", choices=sorted(CANDIDATES))
    parser.add_argument("--log", type=Path)
    parser.add_argument(
        "--extra-pause", type=float, default=0.0, help="seconds after each sentence"
    )
    parser.add_argument("--recogniser", choices=sorted(RECOGNISERS), default=DEFAULT_RECOGNISER)
    parser.add_argument("--hotwords", action="store_true", help="prompt with the lexicon")
    parser.add_argument("--transcripts", type=Path, help="folder for what was heard")
    parser.add_argument("--listener-seed", type=int, default=1, help="the recogniser's")
    args = parser.parse_args()
    model, _ = load_recogniser(args.recogniser, args.listener_seed)
    summary: dict[str, dict[str, object]] = {}
    for name in args.only or list(CANDIDATES):
        settings = CANDIDATES[name]
        figures = []
        for seed in args.seeds:
            started = time.perf_counter()
            result = one_run(
                settings, seed, model, args.extra_pause, args.hotwords, args.transcripts
            )
            line = {"name": name, "seed": seed, "extra_pause": args.extra_pause, **result}
            line["recogniser"] = args.recogniser + (" +hotwords" if args.hotwords else "")
            line["settings"] = asdict(settings)
            line["seconds"] = round(time.perf_counter() - started)
            print(json.dumps(line), flush=True)
            if args.log:
                with args.log.open("a", encoding="utf-8") as log:
                    log.write(json.dumps(line) + "\n")
            figures.append(float(result["wer_pct"]))  # type: ignore[arg-type]
        summary[name] = {
            "counting": COUNTINGS[0],
            "mean_wer_pct": round(statistics.mean(figures), 2),
            "runs": figures,
        }
    floor = RECOGNISERS[args.recogniser].floor()
    print(json.dumps({"listener_floor": floor, **summary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
