"""`read-aloud SECTION_ID --wav OUT.wav`: a section spoken into a WAV file, for clinics
that make audio for families; `--json` adds the sentence timings the window highlights
by. Needs no sound card."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.commands import CommandError, handbook_for, print_json


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None
    if not 0.75 <= value <= 1.5:
        raise argparse.ArgumentTypeError("the speed must be from 0.75 to 1.5 (1 is normal)")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("section_id", metavar="SECTION_ID", help="for example how-it-works")
    parser.add_argument(
        "--wav", type=Path, required=True, metavar="OUT.wav", help="the WAV file to write"
    )
    parser.add_argument(
        "--rate", type=_rate, default=1.0, metavar="0.75-1.5", help="speed (default 1)"
    )
    parser.add_argument("--json", action="store_true", help="print the sentence timings as JSON")


def run(args: argparse.Namespace) -> int:
    from reader.speech import (
        OutputRefused,
        SpeechUnavailable,
        VoiceLibrary,
        narrate,
        section_sentences,
        write_wav,
    )

    handbook = handbook_for(args)
    section = handbook.section(args.section_id)
    if section is None:
        raise CommandError(f"no section '{args.section_id}' (try: handbook-reader toc)")
    # The text's language, which `--lang` chose when the folder holds it; a `--lang` it
    # does not hold still picks that voice for the handbook's own text, as before.
    language = getattr(args, "lang", None) or handbook.language
    try:
        voice = VoiceLibrary().voice_for(language)
        narration = narrate(section_sentences(handbook, section, language), voice, args.rate)
        path = write_wav(args.wav, narration.samples, narration.sample_rate)
    except (SpeechUnavailable, OutputRefused) as error:
        raise CommandError(str(error)) from None
    if args.json:
        print_json(
            {
                "section": section.id,
                "lang": language,
                "wav": str(path),
                "seconds": round(narration.seconds, 3),
                "voice": voice.name,
                "rate": args.rate,
                "sentences": narration.timings(),
            }
        )
    else:
        print(f"Wrote {path} ({narration.seconds:.1f} s, {voice.name})")
    return 0
