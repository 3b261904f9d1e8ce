"""Even loudness: every sentence of a reading brought to the same loudness, never louder
than a peak of -1 dBFS.

Piper normalised each sentence to its own peak, so every sentence touched full scale and
loudness jumped 1.2-2.1 dB from one to the next. Without that, at one fixed gain, the
voice itself still varies 1.4-2.0 dB between neighbouring sentences (measured on the
bundled handbook; Piper's synthesis is noisy by design), so a fixed gain alone cannot
keep neighbours within 1 dB. Instead each sentence's speech (its 20 ms frames above a
silence gate, pauses left out) is brought to one target for the whole reading, with
the gain held within `MAX_GAIN_DB`; the few samples that would pass `PEAK_CEILING_DBFS`
are held at it (at most `PEAK_HOLD_DB` over; beyond that the gain is lowered instead).
Pure Python on 16-bit samples (no numpy: eSpeak NG installs have none); about 20 ms
for a five-second sentence.
"""

from __future__ import annotations

import math
import sys
from array import array

#: The loudness every sentence is brought to: RMS of its speech frames, in dBFS.
#: Piper's raw speech sits at about -24 with peaks up to 22 dB above it.
TARGET_DBFS = -24.0
#: No sample louder than this (dBFS): room for playback and resampling to stay clean.
PEAK_CEILING_DBFS = -1.0
#: How far a sentence's few loudest samples may be held at the ceiling before its gain
#: is lowered instead (dB): a plosive's peak, held, is not heard; a quieter sentence is.
PEAK_HOLD_DB = 2.0
#: The most a sentence is raised or lowered (dB): a whisper-quiet piece stays quiet.
MAX_GAIN_DB = 12.0
#: Frames quieter than this (dBFS) are pauses, not speech, and do not count.
SILENCE_GATE_DBFS = -45.0
FRAME_SECONDS = 0.02
_FULL_SCALE = 32768.0


def _samples(data: bytes) -> array[int]:
    samples = array("h")
    samples.frombytes(data[: len(data) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def speech_loudness(data: bytes, sample_rate: int) -> float | None:
    """The RMS of the speech frames of 16-bit mono `data`, in dBFS; None for silence."""
    samples = _samples(data)
    frame = max(1, int(sample_rate * FRAME_SECONDS))
    gate = (_FULL_SCALE * 10 ** (SILENCE_GATE_DBFS / 20)) ** 2 * frame
    total, counted = 0.0, 0
    for start in range(0, len(samples) - frame + 1, frame):
        chunk = samples[start : start + frame]
        energy = float(sum(s * s for s in chunk))
        if energy >= gate:
            total, counted = total + energy, counted + frame
    if not counted:
        return None
    return 10 * math.log10(total / counted / _FULL_SCALE**2)


def peak_dbfs(data: bytes) -> float:
    """The loudest sample of 16-bit mono `data`, in dBFS (-inf for silence)."""
    samples = _samples(data)
    peak = max(abs(s) for s in (min(samples, default=0), max(samples, default=0)))
    return 20 * math.log10(peak / _FULL_SCALE) if peak else -math.inf


def level(data: bytes, sample_rate: int) -> bytes:
    """`data` brought to `TARGET_DBFS`, its peak at most `PEAK_CEILING_DBFS`."""
    loudness = speech_loudness(data, sample_rate)
    if loudness is None:
        return data
    gain_db = max(-MAX_GAIN_DB, min(MAX_GAIN_DB, TARGET_DBFS - loudness))
    peak = peak_dbfs(data)
    gain_db = min(gain_db, PEAK_CEILING_DBFS + PEAK_HOLD_DB - peak)
    gain = 10 ** (gain_db / 20)
    ceiling = int(_FULL_SCALE * 10 ** (PEAK_CEILING_DBFS / 20))
    samples = _samples(data)
    scaled = array("h", (max(-ceiling, min(ceiling, round(s * gain))) for s in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    return scaled.tobytes()
