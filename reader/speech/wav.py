"""Writing a WAV file to a path the user chose, through the shared safe writer
(reader/safe_output.py): all or nothing, and a folder, device or pipe is never replaced.
"""

from __future__ import annotations

import wave
from io import BytesIO
from pathlib import Path

from reader import safe_output


class OutputRefused(Exception):
    """The target cannot be written; the message is one plain line."""


def wav_bytes(samples: bytes, sample_rate: int) -> bytes:
    """16-bit mono `samples` as the bytes of a WAV file."""
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(samples)
    return buffer.getvalue()


def write_wav(path: Path, samples: bytes, sample_rate: int) -> Path:
    """16-bit mono `samples` as a WAV file at `path`; returns the path written."""
    try:
        return safe_output.write_atomically(path, wav_bytes(samples, sample_rate))
    except safe_output.OutputRefused as refused:
        raise OutputRefused(str(refused)) from None
    except FileNotFoundError:
        raise OutputRefused(
            f"cannot write {path}: the folder {path.parent} does not exist"
        ) from None
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
