"""Whisper's English text normaliser, vendored from openai-whisper (MIT License,
Copyright (c) 2022 OpenAI): the word-error benchmarks count with it, as Whisper's own
evaluation does (tests/bench/speech_counting.py)."""

from tests.bench.whisper_normalizers.english import EnglishTextNormalizer

__all__ = ["EnglishTextNormalizer"]
