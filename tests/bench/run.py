"""The benchmark harness: start-up, memory, search, rendering, PDF and the kiosk soak,
each beside a baseline measured in the same run and reported as a ratio.

usage: python tests/bench/run.py [--quick] [--json OUT] [--readme]

Not collected by pytest. Whole-process figures are the median of several runs with the
min and max beside it. `--readme` rewrites the Performance table in README.md and the
latency plot under resources/screenshots/ from this run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.handbook import load_handbook  # noqa: E402
from reader.pages import Pages  # noqa: E402
from reader.paths import bundled_handbook_dir  # noqa: E402
from reader.render import render_chapter  # noqa: E402

BENCH = Path(__file__).resolve().parent
PLOT = REPO / "resources" / "screenshots" / "search-latency.png"


def _spread(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
    }


def _run_reporting(command: list[str], env: dict[str, str], timeout: float = 120) -> list[float]:
    """Start a process that writes figures (one per line) to a report file; read them."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.txt"
        env = {**env, "HANDBOOK_READER_T0": repr(time.time())}
        command = [part.replace("{report}", str(report)) for part in command]
        subprocess.run(command, env=env, timeout=timeout, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        return [float(line) for line in report.read_text().split()]


def _base_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "HANDBOOK_READER_HOME": str(home),
                "PYTHONPATH": str(REPO)})  # fmt: skip
    return env


def _app_run(home: Path, scenario: bool) -> list[float]:
    env = _base_env(home)
    env["HANDBOOK_READER_EXIT_AFTER_PAINT"] = "1"
    if scenario:
        env["HANDBOOK_READER_BENCH_SCENARIO"] = "1"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.txt"
        env["HANDBOOK_READER_STARTUP_REPORT"] = str(report)
        env["HANDBOOK_READER_T0"] = repr(time.time())
        subprocess.run([sys.executable, "-m", "reader"], env=env, timeout=120, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        return [float(line) for line in report.read_text().split()]


def _baseline_run(html: Path, home: Path, scenario: bool) -> list[float]:
    command = [sys.executable, str(BENCH / "baseline_window.py"), str(html), "{report}"]
    if scenario:
        command.append("--scenario")
    return _run_reporting(command, _base_env(home))


def bench_startup_and_memory(runs: int) -> tuple[dict[str, object], dict[str, object]]:
    """Start-up to first paint, and peak RSS after a search and three chapters."""
    handbook = load_handbook(bundled_handbook_dir())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        html = work / "chapter.html"
        html.write_text(render_chapter(handbook, handbook.chapters[0]), encoding="utf-8")
        home = work / "home"
        _app_run(home, scenario=True)  # first start builds the search index: not timed
        app_ms, base_ms, app_mb, base_mb = [], [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            app_ms.append(_app_run(home, scenario=False)[0])
            base_ms.append(_baseline_run(html, home, scenario=False)[0])
        for _ in range(max(2, runs // 2)):
            app_mb.append(_app_run(home, scenario=True)[1])
            base_mb.append(_baseline_run(html, home, scenario=True)[1])
    startup = {"app_ms": _spread(app_ms), "baseline_ms": _spread(base_ms),
               "ratio": round(statistics.median(app_ms) / statistics.median(base_ms), 2)}
    memory = {"app_mb": _spread(app_mb), "baseline_mb": _spread(base_mb),
              "ratio": round(statistics.median(app_mb) / statistics.median(base_mb), 2)}
    return startup, memory  # fmt: skip


def bench_render(repeats: int) -> dict[str, object]:
    """Markdown to display HTML per chapter, with and without glossary marking."""
    handbook = load_handbook(bundled_handbook_dir())
    chapters: dict[str, object] = {}
    for chapter in handbook.reading_chapters:
        plain, marked = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            render_chapter(handbook, chapter)
            plain.append((time.perf_counter() - start) * 1000)
            pages = Pages(handbook)
            pages.chapter_html(handbook.chapters[0].id)  # the matcher is built once per app
            start = time.perf_counter()
            pages.chapter_html(chapter.id, mark_terms=True)
            marked.append((time.perf_counter() - start) * 1000)
        chapters[chapter.id] = {"plain_ms": round(statistics.median(plain), 2),
                                "marked_ms": round(statistics.median(marked), 2)}  # fmt: skip
    return {"chapters": chapters}


def bench_search(quick: bool) -> dict[str, object]:
    from tests.bench.search_bench import run_search_bench

    scales = [1, 10, 100] if quick else [1, 10, 100, 1000]
    return run_search_bench(scales, repeats=3 if quick else 5)


def bench_pdf(quick: bool) -> dict[str, object]:
    from tests.bench.pdf_bench import run_pdf_bench

    return run_pdf_bench([1, 100] if not quick else [1, 10])


def bench_kiosk_soak(resets: int) -> dict[str, object]:
    """Memory after 10 scripted kiosk visits and after `resets`, in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, str(BENCH / "kiosk_soak.py"), str(resets), "{report}"]
        after_10, after_n = _run_reporting(command, _base_env(Path(folder)), timeout=900)
    return {
        "resets": resets,
        "rss_after_10_mb": round(after_10, 1),
        "rss_after_n_mb": round(after_n, 1),
        "growth_mb": round(after_n - after_10, 1),
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--readme", action="store_true", help="update README.md and the plot")
    parser.add_argument("--only", help="comma-separated subset: startup,render,search,pdf,kiosk")
    args = parser.parse_args(argv)
    wanted = set((args.only or "startup,render,search,pdf,kiosk").split(","))
    started = time.time()
    results: dict[str, object] = {"machine": machine(), "quick": args.quick,
                                  "date": time.strftime("%Y-%m-%d")}  # fmt: skip
    if "startup" in wanted:
        results["startup"], results["memory"] = bench_startup_and_memory(5 if args.quick else 9)
        print("startup", json.dumps(results["startup"]), "\nmemory", json.dumps(results["memory"]))
    if "render" in wanted:
        results["render"] = bench_render(5)
        print("render", json.dumps(results["render"]))
    if "search" in wanted:
        results["search"] = bench_search(args.quick)
        print("search", json.dumps(results["search"]))
    if "pdf" in wanted:
        results["pdf"] = bench_pdf(args.quick)
        print("pdf", json.dumps(results["pdf"]))
    if "kiosk" in wanted:
        results["kiosk_soak"] = bench_kiosk_soak(500)
        print("kiosk_soak", json.dumps(results["kiosk_soak"]))
    results["seconds"] = round(time.time() - started, 1)
    text = json.dumps(results, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    if args.readme:
        from tests.bench.report import update_readme

        update_readme(results, REPO / "README.md", PLOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
