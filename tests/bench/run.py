"""The benchmark harness: start-up, memory, search, rendering, PDF, the kiosk soak and
the longest UI stall, each beside a baseline measured in the same run and reported as a
ratio (the stall beside its fixed 100 ms goal).

usage: python tests/bench/run.py [--quick] [--json OUT] [--readme]

Not collected by pytest. Whole-process figures are the median of several runs with the
min and max beside it. `--readme` rewrites the Performance table in README.md and the
latency plot under resources/screenshots/ from this run.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.content.pages import Pages  # noqa: E402
from reader.content.render import render_chapter  # noqa: E402
from reader.handbook import load_handbook  # noqa: E402
from reader.paths import bundled_handbook_dir  # noqa: E402

BENCH = Path(__file__).resolve().parent
PLOT = REPO / "resources" / "screenshots" / "search-latency.png"
SKIP_1000X_COST = " (58,000 sections: about 140 s to build and 520 MB peak memory when measured)"


def _spread(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
    }


def _run(command: list[str], env: dict[str, str], timeout: float) -> None:
    """Run a measured process; a failure shows its stderr instead of a bare exit code."""
    done = subprocess.run(
        command,
        env=env,
        timeout=timeout,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")


def _run_reporting(command: list[str], env: dict[str, str], timeout: float = 120) -> list[float]:
    """Start a process that writes figures (one per line) to a report file; read them."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.txt"
        env = {**env, "HANDBOOK_READER_T0": repr(time.time())}
        _run([part.replace("{report}", str(report)) for part in command], env, timeout)
        return [float(line) for line in report.read_text().split()]


def _base_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {"QT_QPA_PLATFORM": "offscreen", "HANDBOOK_READER_HOME": str(home), "PYTHONPATH": str(REPO)}
    )
    return env


def _app_run(home: Path, scenario: bool) -> list[float]:
    """The real app (tests/helpers/window_run.py): ms to the first painted page, and with
    the scenario the peak memory in MB after a search and three chapters."""
    command = [sys.executable, str(REPO / "tests" / "helpers" / "window_run.py"), "{report}"]
    if scenario:
        command.append("--scenario")
    return _run_reporting(command, _base_env(home))


def _reference_run(script: str, html: Path, home: Path, scenario: bool = False) -> list[float]:
    """One of the references beside the app (baseline_window.py, plain_window.py,
    floor_window.py), shown with the first chapter's HTML."""
    command = [sys.executable, str(BENCH / script), str(html), "{report}"]
    if scenario:
        command.append("--scenario")
    return _run_reporting(command, _base_env(home))


def _fresh_home(home: Path, warm: Path) -> Path:
    """A user folder with the search index already built (copied from `warm`) and no
    remembered place, so the app opens on the handbook's first page like the baseline."""
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(warm / "cache", home / "cache")
    return home


def bench_startup_and_memory(runs: int) -> tuple[dict[str, object], dict[str, object]]:
    """Start-up to first paint, and peak RSS after a search and three chapters; each app
    run is followed by a baseline run, so both see the same machine load."""
    handbook = load_handbook(bundled_handbook_dir())
    start = handbook.section(handbook.start_section_id) if handbook.start_section_id else None
    chapter = handbook.chapter(start.chapter_id) if start else handbook.chapters[0]
    assert chapter is not None
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        html = work / "chapter.html"
        html.write_text(render_chapter(handbook, chapter), encoding="utf-8")
        warm = work / "warm"
        _app_run(warm, scenario=True)  # the first start builds the search index: not timed
        startup_home = _fresh_home(work / "startup", warm)
        _app_run(startup_home, scenario=False)  # creates the bookmarks file: not timed
        app_ms, base_ms, plain_ms, floor_ms = [], [], [], []
        app_mb, base_mb, plain_mb = [], [], []
        for _ in range(runs):
            app_ms.append(_app_run(startup_home, scenario=False)[0])
            base_ms.append(_reference_run("baseline_window.py", html, startup_home)[0])
            plain_ms.append(_reference_run("plain_window.py", html, startup_home)[0])
            floor_ms.append(_reference_run("floor_window.py", html, startup_home)[0])
        for _ in range(max(2, runs // 2)):
            home = _fresh_home(work / "memory", warm)
            app_mb.append(_app_run(home, scenario=True)[1])
            base_mb.append(_reference_run("baseline_window.py", html, home, scenario=True)[1])
            plain_mb.append(
                _reference_run(
                    "plain_window.py", html, _fresh_home(work / "memory", warm), scenario=True
                )[1]
            )
    startup = {
        "app_ms": _spread(app_ms),
        "baseline_ms": _spread(base_ms),
        "ratio": round(statistics.median(app_ms) / statistics.median(base_ms), 2),
        "plain_window_ms": _spread(plain_ms),
        "plain_window_ratio": round(statistics.median(plain_ms) / statistics.median(base_ms), 2),
        "app_to_plain_window_ratio": round(
            statistics.median(app_ms) / statistics.median(plain_ms), 2
        ),
        "floor_ms": _spread(floor_ms),
        "floor_ratio": round(statistics.median(floor_ms) / statistics.median(base_ms), 2),
        "first_page": chapter.id,
        "runs": runs,
    }
    memory = {
        "app_mb": _spread(app_mb),
        "baseline_mb": _spread(base_mb),
        "ratio": round(statistics.median(app_mb) / statistics.median(base_mb), 2),
        "plain_window_mb": _spread(plain_mb),
        "plain_window_ratio": round(statistics.median(plain_mb) / statistics.median(base_mb), 2),
        "app_to_plain_window_ratio": round(
            statistics.median(app_mb) / statistics.median(plain_mb), 2
        ),
        "runs": len(app_mb),
    }
    return startup, memory


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
            # The matcher is built once per app: build it on another chapter, so the
            # timed call below is a real render and not a cache hit.
            other = next(c for c in handbook.reading_chapters if c.id != chapter.id)
            pages.chapter_html(other.id, mark_terms=True)
            start = time.perf_counter()
            pages.chapter_html(chapter.id, mark_terms=True)
            marked.append((time.perf_counter() - start) * 1000)
        chapters[chapter.id] = {
            "plain_ms": round(statistics.median(plain), 2),
            "marked_ms": round(statistics.median(marked), 2),
        }
    return {"chapters": chapters}


def bench_search(quick: bool, with_1000x: bool) -> dict[str, object]:
    """Per scale ("1x", "10x"...): build time, index size, p50/p95 and FTS5 alongside."""
    from tests.bench.search_bench import run_search_bench

    scales = [1, 10, 100] + ([1000] if with_1000x and not quick else [])
    measured = run_search_bench(scales, repeats=3 if quick else 5)
    report: dict[str, object] = {"queries": measured["queries"], "repeats": measured["repeats"]}
    for scale, figures in measured["scales"].items():  # type: ignore[attr-defined]
        report[f"{scale}x"] = {**figures, "index_mb": round(figures["index_bytes"] / 1e6, 1)}
    if 1000 not in scales:
        reason = "not in a --quick run" if quick else "--skip-1000x given"
        report["1000x"] = {"skipped": reason + SKIP_1000X_COST}
    return report


def bench_pdf(quick: bool) -> dict[str, object]:
    """Whole-handbook export: 1x and 100x (1x and 10x with --quick)."""
    from tests.bench.pdf_bench import run_pdf_bench

    scales = [1, 10] if quick else [1, 100]
    measured = run_pdf_bench(scales)
    report: dict[str, object] = {f"{scale}x": measured[f"x{scale}"] for scale in scales}
    if quick:
        report["note"] = "1x and 10x in a --quick run; the full run exports 100x"
    return report


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


def bench_stall() -> dict[str, object]:
    """The longest UI stall per scenario of tests/bench/stall_bench.py, in a fresh
    process and user folder. The goal is a fixed 100 ms (the window answers input within
    that), so each row's same-run baseline is that goal, not another program."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, str(BENCH / "stall_bench.py")],
            env=_base_env(Path(folder)),
            timeout=900,
            check=False,
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        raise RuntimeError(f"stall_bench.py failed ({done.returncode}):\n{done.stderr}")
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    goal = measured.pop("goal_ms")
    rows = {
        f"longest UI stall: {name}": {
            "ms": figures["longest_stall_ms"],
            "goal_ms": goal,
            "met": figures["longest_stall_ms"] <= goal,
            **figures,
        }
        for name, figures in measured.items()
    }
    return {"goal_ms": goal, "rows": rows}


# The installed libraries the app and the baseline import at start (PySide6's own
# Python files included).
_LIBRARIES = ("PySide6", "shiboken6", "platformdirs", "whoosh", "markdown", "yaml")


def compile_bytecode() -> None:
    """Compile reader/ and the libraries it starts with to bytecode first, as installing
    the wheel with pip does: a run with PYTHONDONTWRITEBYTECODE (or libraries installed
    without bytecode) would otherwise compile them at each start, a cost no installed
    copy pays."""
    compileall.compile_dir(str(REPO / "reader"), quiet=1)
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                compileall.compile_dir(folder, quiet=2)


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
    parser.add_argument(
        "--only", help="comma-separated subset: startup,render,search,pdf,kiosk,speech,stall"
    )
    parser.add_argument(
        "--skip-1000x",
        action="store_true",
        help="full run without the 1000x search handbook (about 3 minutes)",
    )
    args = parser.parse_args(argv)
    wanted = set((args.only or "startup,render,search,pdf,kiosk,speech,stall").split(","))
    started = time.time()
    runs = 5 if args.quick else 9
    command = " ".join(["python tests/bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    results: dict[str, object] = {
        "machine": machine(),
        "quick": args.quick,
        "date": time.strftime("%Y-%m-%d"),
        "command": command,
        "runs": runs,
        "load_average": os.getloadavg()[0],
    }
    compile_bytecode()
    notes = [
        "reader/ and the libraries it starts with are compiled to bytecode before timing, "
        "as installing with pip does."
    ]
    if args.quick:
        notes.append("--quick: fewer runs, PDF at 1x and 10x, search without 1000x.")
    results["notes"] = notes
    if "startup" in wanted:
        results["startup"], results["memory"] = bench_startup_and_memory(runs)
        print("startup", json.dumps(results["startup"]), "\nmemory", json.dumps(results["memory"]))
    if "render" in wanted:
        results["render"] = bench_render(5)
        print("render", json.dumps(results["render"]))
    if "search" in wanted:
        results["search"] = bench_search(args.quick, not args.skip_1000x)
        print("search", json.dumps(results["search"]))
    if "pdf" in wanted:
        results["pdf"] = bench_pdf(args.quick)
        print("pdf", json.dumps(results["pdf"]))
    if "kiosk" in wanted:
        results["kiosk_soak"] = bench_kiosk_soak(500)
        print("kiosk_soak", json.dumps(results["kiosk_soak"]))
    if "speech" in wanted:
        from tests.bench.speech_bench import bench_speech

        results["speech"] = bench_speech(runs=2 if args.quick else 3)
        print("speech", json.dumps(results["speech"]))
    if "stall" in wanted:
        results["stall"] = bench_stall()
        print("stall", json.dumps(results["stall"]))
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
