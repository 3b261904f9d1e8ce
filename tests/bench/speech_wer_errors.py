"""Where the word errors are: what the recogniser wrote (speech_wer_sweep.py
--transcripts FOLDER) aligned with what the voice was meant to say, every error listed
with its context, whether it sits next to a join between the pieces Piper is given
(reader/speech/piper_voice.py cuts a sentence over its phoneme-id cap at a comma or a
space), and a first guess at its kind (a lexicon name, a word ending, a join).

usage: python tests/bench/speech_wer_errors.py FOLDER [--seeds 1 2 3]
           [--settings app] [--counting whisper|before] [--json]

Not collected by pytest; needs Piper installed (to cut the sentences as the voice does;
nothing is spoken) and the transcripts the sweep wrote with the same settings.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.speech_bench import WER_SECTIONS
from tests.bench.speech_counting import COUNTINGS, aligned, counted_words, heard_words
from tests.bench.speech_wer_sweep import CANDIDATES

_ENDINGS = ("s", "es", "ed", "d", "ing", "'s", "ly", "er")


def _join_marks(written: list[str], spoken_parts: list[list[str]]) -> set[int]:
    """Indexes of `written` words that start a piece after a join: each join's place in
    the spoken words, carried over to the written words (the lexicon's respellings
    change a few words) through a word-level diff."""
    spoken = [word for part in spoken_parts for word in part]
    joins, count = [], 0
    for part in spoken_parts[:-1]:
        count += len(part)
        joins.append(count)
    marks: set[int] = set()
    opcodes = difflib.SequenceMatcher(a=spoken, b=written, autojunk=False).get_opcodes()
    for join in joins:
        for _, a0, a1, b0, b1 in opcodes:
            if a0 <= join < a1 or (join == a1 == len(spoken)):
                marks.add(b0 + min(join - a0, max(0, b1 - b0 - 1)) if b1 > b0 else b0)
                break
    return marks


def section_words(
    section_id: str, voice: object, counting: str
) -> tuple[list[str], set[int], set[int], set[str]]:
    """The section's written words (as the sweep's reference), the indexes that start a
    piece after a join, the indexes that start a sentence, and the lexicon's words."""
    from reader.handbook.languages import load_handbook_in
    from reader.paths import bundled_handbook_dir
    from reader.speech import section_sentences
    from reader.speech.chunks import voice_chunks
    from reader.speech.lexicon import Lexicon, load_lexicon

    handbook = load_handbook_in(bundled_handbook_dir(), "en")
    lexicon = load_lexicon(handbook)
    section = handbook.section(section_id)
    assert section is not None, section_id
    written = section_sentences(handbook, section, "en", Lexicon())
    spoken = section_sentences(handbook, section, "en", lexicon)
    assert len(written) == len(spoken), section_id
    words: list[str] = []
    joins: set[int] = set()
    starts: set[int] = set()
    for shown, said in zip(written, spoken, strict=True):
        sentence = counted_words(shown.text, counting)
        parts = [
            counted_words(part, counting)
            for piece in voice_chunks(said.text)
            for part in voice._fitting_parts(piece, 1.0)  # type: ignore[attr-defined]
        ]
        starts.add(len(words))
        joins |= {len(words) + mark for mark in _join_marks(sentence, parts)}
        words += sentence
    names = {w for entry in lexicon.entries for w in counted_words(entry.written, counting)}
    return words, joins, starts, names


def _kind(ref: str, heard: str, index: int, joins: set[int], names: set[str]) -> str:
    if ref in names:
        return "name (lexicon)"
    if index in joins or index + 1 in joins or index - 1 in joins:
        return "next to a join"
    if ref and heard and (ref.startswith(heard) or heard.startswith(ref)):
        longer, shorter = max(ref, heard, key=len), min(ref, heard, key=len)
        if longer[len(shorter) :] in _ENDINGS:
            return "word ending"
    return "other"


def errors_of(
    words: list[str], heard: list[str], joins: set[int], starts: set[int], names: set[str]
) -> list[dict[str, object]]:
    """Each edit with its context (four written words either side, the word in [ ])."""
    rows = []
    for kind, i, j in aligned(words, heard):
        ref = words[i] if kind != "ins" and i < len(words) else ""
        said = heard[j] if kind != "del" and j < len(heard) else ""
        where = min(i, len(words) - 1)
        context = [*words[max(0, where - 4) : where], f"[{ref or '+' + said}]"]
        context += words[where + (kind != "ins") : where + 5]
        rows.append(
            {
                "edit": kind,
                "written": ref,
                "heard": said,
                "kind": _kind(ref, said, where, joins, names),
                "sentence_start": where in starts,
                "context": " ".join(context),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--settings", choices=sorted(CANDIDATES), default="app")
    parser.add_argument("--counting", choices=COUNTINGS, default="whisper")
    parser.add_argument("--json", action="store_true", help="one JSON line per error")
    args = parser.parse_args()
    from reader.speech.piper_voice import load_piper_english

    voice = load_piper_english(CANDIDATES[args.settings])
    assert voice is not None, "Piper is not installed"
    kinds: Counter[str] = Counter()
    total_words = total_errors = 0
    for section_id in WER_SECTIONS:
        words, joins, starts, names = section_words(section_id, voice, args.counting)
        name = section_id.split("/")[-1]
        for seed in args.seeds:
            text = (args.folder / f"{name}-seed{seed}.txt").read_text(encoding="utf-8")
            rows = errors_of(words, heard_words(words, text, args.counting), joins, starts, names)
            total_words, total_errors = total_words + len(words), total_errors + len(rows)
            for row in rows:
                kinds[str(row["kind"])] += 1
                line = {"section": name, "seed": seed, **row}
                print(json.dumps(line) if args.json else _plain(line))
        print(f"# {name}: {len(words)} words, {len(joins)} joins", file=sys.stderr)
    print(f"# {total_errors} errors in {total_words} words:", dict(kinds), file=sys.stderr)
    return 0


def _plain(row: dict[str, object]) -> str:
    return (
        "{section:26} s{seed} {edit:3} {kind:15} {written!r:>16} -> {heard!r:16} {context}".format(
            **row
        )
    )


if __name__ == "__main__":
    sys.exit(main())
