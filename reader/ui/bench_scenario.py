"""The benchmark's memory scenario, run inside the real app when the harness asks for it
(HANDBOOK_READER_BENCH_SCENARIO): wait for search, search, open three chapters, then
report the peak memory and quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.ui.mainwindow import MainWindow


def peak_rss_mb() -> float:
    """The process's peak resident memory (VmHWM), in MB; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_scenario(window: MainWindow, report: Path) -> None:
    def searched(index: object) -> None:
        window.search_box.setText("bone marrow transplant")
        window.search_panel.search_now()
        for chapter in window.handbook.reading_chapters[1:4]:
            window.navigate(chapter.id)
            QApplication.processEvents()
        with report.open("a", encoding="utf-8") as stream:
            stream.write(f"{peak_rss_mb():.1f}\n")
        QApplication.instance().quit()  # type: ignore[union-attr]

    if window.search_panel.index is not None:
        searched(window.search_panel.index)
    else:
        window.search_loader.ready.connect(searched)
