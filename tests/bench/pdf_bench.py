"""Whole-handbook PDF export time and pages per second, at 1x and 100x the bundled handbook.

Not collected by pytest. Run: `python -m tests.bench.pdf_bench --scales 1,100`.
For each scale it writes a synthetic handbook in a temporary folder (the bundled chapters
repeated with distinct file names, hence distinct ids; pictures and glossary kept), then
times `export_pdf` of the whole handbook (load excluded), best of `repeat` runs, and
reports the pages, the file size and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from reader.handbook import load_handbook
from reader.paths import bundled_handbook_dir


def write_scaled_handbook(scale: int, folder: Path) -> Path:
    """The bundled handbook with its chapters repeated `scale` times (ids kept distinct)."""
    source = bundled_handbook_dir()
    root = folder / f"handbook-x{scale}"
    (root / "chapters").mkdir(parents=True)
    shutil.copytree(source / "pictures", root / "pictures")
    shutil.copy(source / "glossary.toml", root / "glossary.toml")
    originals = sorted((source / "chapters").glob("*.md"))
    names: list[str] = []
    for copy in range(scale):
        for chapter in originals:
            name = f"chapters/c{copy:03d}-{chapter.name}"
            text = chapter.read_text(encoding="utf-8")
            if scale > 1:
                text = text.replace("\n", f" (part {copy + 1})\n", 1)
            (root / name).write_text(text, encoding="utf-8")
            names.append(name)
    manifest = [
        f'title = "Benchmark handbook x{scale}"',
        'edition = "Benchmark"',
        'glossary = "glossary.toml"',
        "chapters = [" + ", ".join(f'"{n}"' for n in names) + "]",
    ]
    (root / "handbook.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return root


def run_pdf_bench(scales: list[int], repeat: int = 1) -> dict[str, object]:
    """Export time, pages and pages/second of the whole handbook at each scale."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    from reader.pdf.compose import PdfRequest, export_pdf

    results: dict[str, object] = {"app": type(app).__name__}
    with tempfile.TemporaryDirectory() as temp:
        for scale in scales:
            root = write_scaled_handbook(scale, Path(temp))
            handbook = load_handbook(root)
            out = Path(temp) / f"x{scale}.pdf"
            best = float("inf")
            pages = 0
            for _ in range(repeat):
                start = time.perf_counter()
                report = export_pdf(handbook, PdfRequest("all"), out)
                best = min(best, time.perf_counter() - start)
                pages = report.pages
            results[f"x{scale}"] = {
                "chapters": len(handbook.reading_chapters),
                "pages": pages,
                "seconds": round(best, 3),
                "pages_per_second": round(pages / best, 1),
                "megabytes": round(out.stat().st_size / 1e6, 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1,100", help="comma-separated, e.g. 1,10,100")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s]
    print(json.dumps(run_pdf_bench(scales, args.repeat), indent=2))


if __name__ == "__main__":
    main()
