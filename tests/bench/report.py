"""The README's Performance section and the search latency plot, from one run's results.

`update_readme(results, readme_path, plot_path)` rewrites only the region between
`<!-- performance:start -->` and `<!-- performance:end -->` in the README, and draws the
plot with QtGui alone (QImage + QPainter, offscreen), so no plotting library is needed.
The results are the dictionary tests/bench/run.py writes as JSON.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.bench.stall_report import stall_lines

START = "<!-- performance:start -->"
END = "<!-- performance:end -->"

STARTUP_GOAL = 1.5  # issue #19
MEMORY_GOAL = 1.4  # issue #19
SEARCH_GOALS_MS = {"1x": 10.0, "100x": 50.0}
KIOSK_GROWTH_GOAL_MB = 5.0

Results = dict[str, Any]


# -- the goals --------------------------------------------------------------------------


def _spread(figure: dict[str, float], unit: str) -> str:
    """`312 ms (298–340)`: the median, with the min and max of the runs."""
    return f"{figure['median']:g} {unit} ({figure['min']:g}–{figure['max']:g})"


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("**yes**" if ok else "**no**")


def _scales(results: Results) -> dict[str, Any]:
    search = results.get("search") or {}
    return {key: value for key, value in search.items() if key.endswith("x")}


def goal_rows(results: Results) -> Iterator[tuple[str, str, str, str, str, bool | None]]:
    """(measure, this run, baseline, ratio, goal, met) for every goal with figures."""
    whole_process = (
        ("startup", "Start-up to the first painted page", "ms", STARTUP_GOAL),
        ("memory", "Peak memory after a search and three chapters", "MB", MEMORY_GOAL),
    )
    for key, measure, unit, goal in whole_process:
        if figures := results.get(key):
            ratio = figures["ratio"]
            yield (
                measure,
                _spread(figures[f"app_{unit.lower()}"], unit),
                _spread(figures[f"baseline_{unit.lower()}"], unit),
                f"{ratio:.2f}x",
                f"≤ {goal}x",
                ratio <= goal,
            )
    yield from plain_window_rows(results)
    if floor := floor_row(results):
        yield floor
    scales = _scales(results)
    for scale, goal in SEARCH_GOALS_MS.items():
        figures = scales.get(scale)
        if not figures or "skipped" in figures:
            continue
        yield (
            f"Search p95, handbook {scale} ({figures['sections']:,} sections)",
            f"{figures['p95_ms']:g} ms",
            f"FTS5 {figures['fts5_p95_ms']:g} ms",
            f"{figures['ratio_vs_fts5']:g}x FTS5",
            f"≤ {goal:g} ms",
            figures["p95_ms"] <= goal,
        )
    if growth := search_growth(results):
        yield growth
    if soak := results.get("kiosk_soak"):
        growth_mb = soak["growth_mb"]
        yield (
            f"Kiosk memory, {soak['resets']} visits reset against 10",
            f"{soak['rss_after_n_mb']:g} MB after {soak['resets']}",
            f"{soak['rss_after_10_mb']:g} MB after 10",
            f"{growth_mb:+g} MB",
            f"< {KIOSK_GROWTH_GOAL_MB:g} MB growth",
            growth_mb < KIOSK_GROWTH_GOAL_MB,
        )


def plain_window_rows(results: Results) -> Iterator[tuple[str, str, str, str, str, None]]:
    """The reader against the plain window with the same visible parts (and, for
    memory, the same search and pages): how much is the reader's own."""
    for key, measure, unit in (
        ("startup", "Start-up, the reader against a plain window with its visible parts", "ms"),
        ("memory", "Peak memory, the reader against a plain window doing the same", "MB"),
    ):
        figures = results.get(key) or {}
        if f"plain_window_{unit.lower()}" not in figures:
            continue
        yield (
            measure,
            _spread(figures[f"app_{unit.lower()}"], unit),
            "plain window " + _spread(figures[f"plain_window_{unit.lower()}"], unit),
            f"{figures['app_to_plain_window_ratio']:.2f}x "
            f"(plain window: {figures['plain_window_ratio']:.2f}x the baseline)",
            "reference, no goal",
            None,
        )


def floor_row(results: Results) -> tuple[str, str, str, str, str, None] | None:
    """The baseline's window after the reader's imports and handbook load (floor_window.py):
    how much of the start-up goal is used up before any of the reader's widgets exist."""
    figures = results.get("startup") or {}
    if "floor_ms" not in figures:
        return None
    return (
        "Start-up floor: the baseline's window after the reader's imports and handbook load",
        _spread(figures["floor_ms"], "ms"),
        _spread(figures["baseline_ms"], "ms"),
        f"{figures['floor_ratio']:.2f}x",
        "reference, no goal",
        None,
    )


def search_growth(results: Results) -> tuple[str, str, str, str, str, bool] | None:
    """Search p95 at the largest measured size against 1x, beside how much bigger the
    handbook is: the cost must grow no faster than the handbook."""
    scales = {k: v for k, v in _scales(results).items() if "skipped" not in v}
    if "1x" not in scales or len(scales) < 2:
        return None
    largest = max(scales, key=lambda key: scales[key]["sections"])
    small, big = scales["1x"], scales[largest]
    size_factor = big["sections"] / small["sections"]
    cost_factor = big["p95_ms"] / small["p95_ms"] if small["p95_ms"] else math.inf
    return (
        f"Search cost growth, 1x to {largest}",
        f"p95 ×{cost_factor:.1f}",
        f"FTS5 p95 ×{big['fts5_p95_ms'] / small['fts5_p95_ms']:.1f}",
        f"handbook ×{size_factor:.0f}",
        "no faster than the handbook",
        cost_factor <= size_factor,
    )


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _goals_table(results: Results) -> list[str]:
    rows = [
        [measure, run, base, ratio, goal, _met(ok)]
        for measure, run, base, ratio, goal, ok in goal_rows(results)
    ]
    return _table(["Measure", "This run", "Baseline", "Ratio", "Goal", "Met"], rows)


def _search_table(results: Results) -> list[str]:
    rows: list[list[str]] = []
    for scale, f in _scales(results).items():
        if "skipped" in f:
            rows.append([scale, "", "", "", "", "", "", "", f"skipped: {f['skipped']}"])
            continue
        rows.append(
            [
                scale,
                f"{f['sections']:,}",
                f"{f['build_s']:g}",
                f"{f['index_bytes'] / 1e6:.1f}",
                f"{f['p50_ms']:g}",
                f"{f['p95_ms']:g}",
                f"{f['fts5_p50_ms']:g}",
                f"{f['fts5_p95_ms']:g}",
                f"{f['ratio_vs_fts5']:g}x",
            ]
        )
    header = [
        "Handbook",
        "Sections",
        "Index build s",
        "Index MB",
        "p50 ms",
        "p95 ms",
        "FTS5 p50 ms",
        "FTS5 p95 ms",
        "p95 vs FTS5",
    ]
    return _table(header, rows)


def _render_table(results: Results) -> list[str]:
    chapters = (results.get("render") or {}).get("chapters", {})
    rows = [[name, f"{f['plain_ms']:g}", f"{f['marked_ms']:g}"] for name, f in chapters.items()]
    return _table(["Chapter", "Markdown to HTML, ms", "With glossary words marked, ms"], rows)


def _pdf_table(results: Results) -> list[str]:
    pdf = results.get("pdf") or {}
    rows = [
        [
            scale,
            str(f["chapters"]),
            str(f["pages"]),
            f"{f['seconds']:g}",
            f"{f['pages_per_second']:g}",
            f"{f['megabytes']:g}",
        ]
        for scale, f in pdf.items()
        if scale.endswith("x") and isinstance(f, dict)
    ]
    return _table(["Handbook", "Chapters", "Pages", "Seconds", "Pages/s", "PDF MB"], rows)


def performance_markdown(results: Results, plot_link: str | None) -> str:
    """The whole README region: the goals, the detail tables, the plot, how it was run."""
    command = results.get("command", "python tests/bench/run.py")
    lines = [
        f"Measured on {results.get('date', '?')} on {results.get('machine', '?')}, "
        f"offscreen, with `{command}` ({results.get('seconds', 0):g} s wall time). "
        "Start-up and memory are whole processes, median of "
        f"{results.get('runs', '?')} runs with min–max in brackets, each app run "
        "next to a run of the baseline: a bare PySide6 window with a QTextBrowser showing "
        "the first chapter's HTML (`tests/bench/baseline_window.py`), and of a plain "
        "window that shows the reader's visible parts with PySide6 and the handbook loader "
        "alone (`tests/bench/plain_window.py`), and of the floor: the baseline's window shown "
        "after the imports the reader makes before its first paint and the handbook load "
        "(`tests/bench/floor_window.py`). Reproduce with "
        "`python tests/bench/run.py [--quick] [--json OUT] [--readme]`.",
        "",
        *_goals_table(results),
    ]
    if notes := results.get("notes"):
        lines += ["", *[f"- {note}" for note in notes]]
    if _scales(results):
        queries = len((results.get("search") or {}).get("queries", []))
        lines += [
            "",
            f"**Search**: {queries} queries a family might type (typos, phrases), "
            "snippets included, through the real index; SQLite FTS5 on the same "
            "texts and queries in the same run. Larger handbooks are the bundled "
            "text copied with its sentences shuffled.",
            "",
            *_search_table(results),
        ]
    if plot_link:
        lines += ["", f"![Search latency against handbook size, ours and FTS5]({plot_link})"]
    if (results.get("render") or {}).get("chapters"):
        lines += [
            "",
            "**Rendering** a chapter for display (median of runs):",
            "",
            *_render_table(results),
        ]
    lines += stall_lines(results)
    if results.get("pdf"):
        note = results["pdf"].get("note", "")
        lines += [
            "",
            "**PDF export** of the whole handbook" + (f" ({note})" if note else "") + ":",
            "",
            *_pdf_table(results),
        ]
    return "\n".join(lines)


def replace_region(text: str, block: str) -> str:
    """`text` with everything between the markers replaced by `block`."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README has no {START} ... {END} region")
    return text[: start + len(START)] + "\n" + block.strip() + "\n" + text[end:]


def update_readme(results: Results, readme_path: Path, plot_path: Path) -> None:
    """Draw the plot (when there are search figures) and rewrite the README region."""
    link = None
    if draw_search_plot(results, plot_path):
        link = os.path.relpath(plot_path, readme_path.parent).replace(os.sep, "/")
    text = readme_path.read_text(encoding="utf-8")
    readme_path.write_text(
        replace_region(text, performance_markdown(results, link)), encoding="utf-8"
    )


# -- the plot -----------------------------------------------------------------------------

WIDTH, HEIGHT = 960, 600
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 88, 220, 64, 72
SERIES = [  # key, label, colour, dashed
    ("p50_ms", "Handbook Reader p50", "#1f5fa8", False),
    ("p95_ms", "Handbook Reader p95", "#1f5fa8", True),
    ("fts5_p50_ms", "SQLite FTS5 p50", "#c0562a", False),
    ("fts5_p95_ms", "SQLite FTS5 p95", "#c0562a", True),
]


def _log_range(low: float, high: float, pad: float = 1.6) -> tuple[float, float]:
    """The axis range: the data with a little room on both sides (log scale)."""
    return low / pad, high * pad


def _log_ticks(low: float, high: float, steps: tuple[int, ...]) -> list[float]:
    """1, 2, 5 (or just 1) times each power of ten that falls inside [low, high]."""
    ticks = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        ticks += [step * 10.0**exponent for step in steps]
    return [tick for tick in ticks if low <= tick <= high]


def _tick_label(value: float) -> str:
    return f"{value:g}" if value >= 0.01 else f"{value:.0e}"


def draw_search_plot(results: Results, path: Path) -> bool:
    """Search latency (p50/p95, ours and FTS5) against handbook size, log-log. Returns
    False (and draws nothing) when the results have fewer than two measured sizes."""
    points = {k: v for k, v in _scales(results).items() if "skipped" not in v}
    if len(points) < 2:
        return False
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen, QPolygonF

    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need an application
    rows = sorted(points.values(), key=lambda f: f["sections"])
    sizes = [f["sections"] for f in rows]
    values = [f[key] for f in rows for key, *_ in SERIES if f.get(key)]
    goals = [(s, g) for s, g in SEARCH_GOALS_MS.items() if s in points]
    values += [g for _, g in goals]
    x_low, x_high = _log_range(min(sizes), max(sizes))
    y_low, y_high = _log_range(min(values), max(values))
    plot = QRectF(
        MARGIN_LEFT,
        MARGIN_TOP,
        WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
        HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
    )

    def scaler(low: float, high: float, start: float, span: float) -> Callable[[float], float]:
        lo, hi = math.log10(low), math.log10(high)
        return lambda v: start + (math.log10(v) - lo) / (hi - lo) * span

    to_x = scaler(x_low, x_high, plot.left(), plot.width())
    to_y_up = scaler(y_low, y_high, 0, plot.height())

    def to_y(value: float) -> float:
        return plot.bottom() - to_y_up(value)

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans", 10)
    small = QFont(font)
    small.setPointSize(8)
    painter.setFont(font)
    grid, axis, ink, quiet = (
        QColor("#e3e3e3"),
        QColor("#444444"),
        QColor("#222222"),
        QColor("#777777"),
    )
    # grid and tick labels
    for tick in _log_ticks(x_low, x_high, (1, 2, 5)):
        x = to_x(tick)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(ink)
        painter.drawText(
            QRectF(x - 50, plot.bottom() + 6, 100, 20),
            Qt.AlignmentFlag.AlignHCenter,
            f"{tick:,.0f}",
        )
    for tick in _log_ticks(y_low, y_high, (1, 2, 5)):
        y = to_y(tick)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(ink)
        painter.drawText(
            QRectF(plot.left() - 80, y - 10, 72, 20),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _tick_label(tick),
        )
    painter.setPen(QPen(axis, 1.5))
    painter.drawRect(plot)
    # each measured handbook: a faint line and its name at the top
    painter.setFont(small)
    for name, f in sorted(points.items(), key=lambda item: item[1]["sections"]):
        x = to_x(f["sections"])
        painter.setPen(QPen(QColor("#bbbbbb"), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(quiet)
        painter.drawText(
            QRectF(x - 60, plot.top() + 4, 120, 16),
            Qt.AlignmentFlag.AlignHCenter,
            f"handbook {name}",
        )
    # the goals: a short green bar at the goal's size and time
    painter.setFont(font)
    for scale, goal in goals:
        x, y = to_x(points[scale]["sections"]), to_y(goal)
        painter.setPen(QPen(QColor("#2e8b57"), 3))
        painter.drawLine(QPointF(x - 16, y), QPointF(x + 16, y))
        room_right = plot.right() - x > 130
        box = QRectF(x + 20, y - 10, 110, 20) if room_right else QRectF(x - 130, y - 10, 110, 20)
        align = Qt.AlignmentFlag.AlignLeft if room_right else Qt.AlignmentFlag.AlignRight
        painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, f"goal {goal:g} ms")
    # the series
    for key, _label, colour, dashed in SERIES:
        pen = QPen(QColor(colour), 2.5)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        line = [QPointF(to_x(f["sections"]), to_y(f[key])) for f in rows if f.get(key)]
        painter.drawPolyline(QPolygonF(line))
        painter.setBrush(QColor(colour))
        for point in line:
            painter.drawEllipse(point, 4, 4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    # title, axis names, legend
    title = QFont(font)
    title.setPointSize(14)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(ink)
    painter.drawText(
        QRectF(0, 14, WIDTH, 30),
        Qt.AlignmentFlag.AlignHCenter,
        "Search latency against handbook size",
    )
    painter.setFont(font)
    painter.drawText(
        QRectF(plot.left(), HEIGHT - 34, plot.width(), 20),
        Qt.AlignmentFlag.AlignHCenter,
        "Handbook size: sections (log scale)",
    )
    painter.save()
    painter.translate(22, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -10, plot.height(), 20),
        Qt.AlignmentFlag.AlignHCenter,
        "Query time, ms (log scale)",
    )
    painter.restore()
    legend_x, legend_y = plot.right() + 20, plot.top() + 10
    for number, (_key, label, colour, dashed) in enumerate(SERIES):
        y = legend_y + number * 26
        pen = QPen(QColor(colour), 2.5)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(legend_x, y + 9), QPointF(legend_x + 34, y + 9))
        painter.setPen(ink)
        painter.drawText(QRectF(legend_x + 42, y, 160, 20), Qt.AlignmentFlag.AlignVCenter, label)
    y = legend_y + len(SERIES) * 26
    painter.setPen(QPen(QColor("#2e8b57"), 3))
    painter.drawLine(QPointF(legend_x + 9, y + 9), QPointF(legend_x + 25, y + 9))
    painter.setPen(ink)
    painter.drawText(QRectF(legend_x + 42, y, 160, 20), Qt.AlignmentFlag.AlignVCenter, "p95 goal")
    painter.setFont(small)
    painter.setPen(QColor("#666666"))
    painter.drawText(
        QRectF(legend_x, y + 40, 190, 120),
        Qt.TextFlag.TextWordWrap,
        f"{results.get('date', '')}\n{results.get('machine', '')}",
    )
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    return True
