"""Search speed at 1, 10, 100 and 1000 times the bundled handbook, beside SQLite FTS5.

Not collected by pytest. Run: `python -m tests.bench.search_bench --scales 1,10,100`.
For each scale it writes a synthetic handbook (the bundled chapters copied with their
sentences shuffled across sections and their ids renamed, the real glossary kept),
builds the index in a fresh cache folder, then times a fixed list of queries a family
might type (typos and phrases included) through `SearchIndex.search`, snippets and all.
The same texts and queries then go through SQLite FTS5 in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reader.handbook import Handbook, load_handbook
from reader.paths import bundled_handbook_dir
from reader.search.documents import handbook_documents
from reader.search.engine import SearchIndex
from reader.search.query import clean_query_text

QUERIES = [
    "gene therapy",
    "leukemai",
    "bone marrow transplant",
    '"graft versus host"',
    "GVHD",
    "lentivirul",
    "crisper",
    "how long in hospital",
    "side effects",
    "ADA-SCID",
    "conditioning chemo",
    "leukaemia",
    "stem cells from my child",
    "is it safe",
    "clinical trial cost",
    "haemophilia",
    "vector",
    "what happens after the infusion",
    "imunodeficiency",
    "gen",
    "chromosom",
    '"stem cell transplant"',
]

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _sentences(handbook: Handbook) -> list[str]:
    found: list[str] = []
    for chapter in handbook.reading_chapters:
        for section in chapter.sections:
            for paragraph in section.markdown.split("\n\n"):
                if paragraph.strip() and not paragraph.lstrip().startswith(("#", "!", "|")):
                    found += [s.strip() for s in _SENTENCE.split(paragraph) if s.strip()]
    return found


def _varied(sentence: str, rng: random.Random) -> str:
    """Now and then swap two words, so copies are not identical."""
    words = sentence.split()
    if len(words) > 4 and rng.random() < 0.3:
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    return " ".join(words)


def write_synthetic_handbook(source: Handbook, scale: int, folder: Path) -> Path:
    """`scale` copies of every written chapter, sentences shuffled, ids renamed."""
    rng = random.Random(scale)
    pool = _sentences(source)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "chapters").mkdir(exist_ok=True)
    if source.glossary_path is not None:
        shutil.copy(source.glossary_path, folder / "glossary.toml")
    for copy in range(scale):
        for number, chapter in enumerate(source.reading_chapters):
            lines = [f"# {chapter.title} (part {copy + 1})", ""]
            for section in chapter.sections:
                count = max(2, len(_SENTENCE.split(section.markdown)))
                if section.level > 1:
                    lines += [f"{'#' * section.level} {section.title} {copy + 1}", ""]
                body = [_varied(rng.choice(pool), rng) for _ in range(count)]
                lines += [" ".join(body), ""]
            name = f"{copy:04d}-{number:02d}-{chapter.id}-{copy}.md"
            (folder / "chapters" / name).write_text("\n".join(lines), encoding="utf-8")
    return folder


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _fts5_query(query: str) -> str:
    text = clean_query_text(query)
    phrases = re.findall(r'"([^"]*)"', text)
    words = re.findall(r"\w+", re.sub(r'"[^"]*"?', " ", text))
    parts = [f'"{p}"' for p in phrases if p.strip()] + [f'"{w}"' for w in words]
    return " ".join(parts)


def _fts5_times(handbook: Handbook, repeats: int) -> list[float]:
    database = sqlite3.connect(":memory:")
    database.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
        "tokenize='porter unicode61')"
    )
    database.executemany(
        "INSERT INTO docs VALUES (?, ?, ?)",
        [(d.id, " ".join((d.title, *d.names)), d.body) for d in handbook_documents(handbook)],
    )
    sql = (
        "SELECT id, snippet(docs, 2, '<b>', '</b>', '…', 30) FROM docs WHERE docs MATCH ? "
        "ORDER BY bm25(docs, 3.0, 1.0) LIMIT 20"
    )
    times: list[float] = []
    for _ in range(repeats):
        for query in QUERIES:
            match = _fts5_query(query)
            start = time.perf_counter()
            if match:
                database.execute(sql, (match,)).fetchall()
            times.append((time.perf_counter() - start) * 1000)
    database.close()
    return times


def _folder_size(folder: Path | None) -> int:
    if folder is None:
        return 0
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def bench_one(handbook: Handbook, repeats: int, work: Path) -> dict[str, object]:
    sections = sum(1 for _ in handbook.sections())
    start = time.perf_counter()
    index = SearchIndex.open_or_build(handbook, work / "cache")
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    reopened = SearchIndex.open_or_build(handbook, work / "cache")
    reopen_s = time.perf_counter() - start
    reopened.close()
    per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
    index.search("warm up")
    for _ in range(repeats):
        for query in QUERIES:
            start = time.perf_counter()
            index.search(query)
            per_query[query].append((time.perf_counter() - start) * 1000)
    index.close()
    times = [t for values in per_query.values() for t in values]
    fts5 = _fts5_times(handbook, repeats)
    p95, fts5_p95 = _percentile(times, 0.95), _percentile(fts5, 0.95)
    slowest = sorted(per_query, key=lambda q: -statistics.median(per_query[q]))[:3]
    return {
        "sections": sections,
        "build_s": round(build_s, 3),
        "reopen_s": round(reopen_s, 3),
        "index_bytes": _folder_size(index.location),
        "p50_ms": round(_percentile(times, 0.5), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(max(times), 2),
        "fts5_p50_ms": round(_percentile(fts5, 0.5), 3),
        "fts5_p95_ms": round(fts5_p95, 3),
        "ratio_vs_fts5": round(p95 / fts5_p95, 1) if fts5_p95 else None,
        "slowest": {q: round(statistics.median(per_query[q]), 2) for q in slowest},
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def run_search_bench(scales: list[int], repeats: int) -> dict[str, object]:
    """Build and query at each scale; p50/p95 in milliseconds, FTS5 alongside."""
    source = load_handbook(bundled_handbook_dir())
    report: dict[str, object] = {"queries": QUERIES, "repeats": repeats, "scales": {}}
    scales_report: dict[str, object] = {}
    for scale in scales:
        with tempfile.TemporaryDirectory(prefix=f"search-bench-{scale}-") as temp:
            work = Path(temp)
            if scale == 1:
                handbook = source
            else:
                handbook = load_handbook(write_synthetic_handbook(source, scale, work / "book"))
            scales_report[str(scale)] = bench_one(handbook, repeats, work)
    report["scales"] = scales_report
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--scales", default="1,10,100", help="comma-separated, e.g. 1,10,100")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    json.dump(run_search_bench(scales, args.repeats), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
