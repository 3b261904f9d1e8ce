"""Render time per chapter with and without glossary marking, and the `term_sections` cost.

Not collected by pytest. Run: `python -m tests.bench.marking_bench [--repeat 20]`.
Each chapter of the bundled handbook is rendered plain and marked (the Pages cache
bypassed); the median of `repeat` best-of-three runs is printed in ms, with the number
of terms marked. Then the one-off costs: building the term finder for the
glossary, and `term_sections` over the whole handbook (cold, then cached).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from reader.content.marking import marked_chapter_html
from reader.content.render import render_chapter
from reader.content.term_finder import TermFinder, _finder_for
from reader.content.term_uses import _USES_CACHE, term_sections
from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """The median of `repeat` runs, each the best of three (damps a busy machine's noise)."""
    times = []
    for _ in range(repeat):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            action()
            best = min(best, (time.perf_counter() - start) * 1000)
        times.append(best)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    handbook = load_handbook(bundled_handbook_dir())
    _finder_for.cache_clear()
    start = time.perf_counter()
    TermFinder.for_glossary(handbook.glossary)
    finder_ms = (time.perf_counter() - start) * 1000
    print(f"{len(handbook.glossary.terms)} terms; term finder built in {finder_ms:.1f} ms")
    print(f"{'chapter':<24}{'KB':>6}{'plain ms':>10}{'marked ms':>11}{'extra':>8}{'marks':>7}")
    for chapter in handbook.chapters:
        plain = median_ms(lambda c=chapter: render_chapter(handbook, c), args.repeat)  # type: ignore[misc]
        marked = median_ms(lambda c=chapter: marked_chapter_html(handbook, c), args.repeat)  # type: ignore[misc]
        marks = marked_chapter_html(handbook, chapter)[0].count('class="term"')
        size = len(chapter.markdown.encode()) / 1024
        print(
            f"{chapter.id:<24}{size:>6.1f}{plain:>10.1f}{marked:>11.1f}"
            f"{marked - plain:>8.1f}{marks:>7}"
        )

    def cold_term_sections() -> None:
        _USES_CACHE.clear()
        term_sections(handbook)

    cold = median_ms(cold_term_sections, args.repeat)
    warm = median_ms(lambda: term_sections(handbook), args.repeat)
    print(f"term_sections: {cold:.1f} ms cold, {warm:.2f} ms cached")


if __name__ == "__main__":
    main()
