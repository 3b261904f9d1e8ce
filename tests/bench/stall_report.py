"""The README's "longest UI stall" table (tests/bench/report.py puts it in the
Performance region): one row per scenario of tests/bench/stall_bench.py, against the
fixed 100 ms goal. Not collected by pytest."""

from __future__ import annotations

from typing import Any


def stall_lines(results: dict[str, Any]) -> list[str]:
    """Markdown lines for the stall rows of a run (none if the run had no stall)."""
    stall = results.get("stall") or {}
    rows = stall.get("rows") or {}
    if not rows:
        return []
    lines = [
        "",
        "**Longest UI stall** (a 10 ms heartbeat on the window's thread, the longest gap "
        "while it happens; goal: the window answers within "
        f"{stall.get('goal_ms', 100):g} ms):",
        "",
        "| Scenario | Longest stall | Goal | Met |",
        "|---|---|---|---|",
    ]
    for name, row in rows.items():
        scenario = name.removeprefix("longest UI stall: ")
        met = "yes" if row.get("met") else "no"
        lines.append(f"| {scenario} | {row['ms']:g} ms | {row['goal_ms']:g} ms | {met} |")
    return lines
