"""How soon the live preview shows an edit, and whether the window ever stutters meanwhile.

    python bench/preview.py [--stills N] [--edits N]

The sample kit plus N generated 24-megapixel stills (20 by default), renditions warm (as
after the first preview of a kit). The baseline, measured in the same run: ReportLab
rendering the same kit straight, no window (median of 5). Then the editor, offscreen: N text
edits typed into the Name field through the widget; for each, the time from the last
keystroke until the preview shows the new text, and, throughout, the longest the event loop
was blocked. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from export import make_photos  # the photo-like 24-megapixel frames


def make_kit(folder: Path, count: int) -> Path:
    from presskit import kitio

    path = folder / "bench.presskit"
    kit_file = kitio.create_kit(path, kitio.sample_json())
    kit = kit_file.load()
    assets = []
    for i, photo in enumerate(make_photos(folder, count)):
        imported = kitio.import_image(photo)
        kit.stills.append(
            kitio.still_for(imported, kit, credit="Ian Chen", caption=f"Frame {i + 1}")
        )
        assets.append(imported.asset)
        photo.unlink()
    kit_file.save(kit, new_assets=assets)
    kit_file.close()
    return path


def render_baseline(path: Path) -> float:
    """Warms the rendition cache, then the median of 5 straight renders, in ms."""
    from presskit import render
    from presskit.store import KitFile

    with KitFile.open(path) as kit_file:
        kit = kit_file.load()
        render.render_pdf(kit, kit_file, render.Options(profile="screen"))  # makes renditions
        times = []
        for _ in range(5):
            began = time.perf_counter()
            render.render_pdf(kit, kit_file, render.Options(profile="screen"))
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def edit_in_window(path: Path, folder: Path, edits: int) -> tuple[list[float], int]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QStandardPaths, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    QStandardPaths.setTestModeEnabled(True)
    from presskit.gui.app import application
    from presskit.gui.main_window import MainWindow
    from presskit.gui.session import Session
    from presskit.gui.settings import Settings
    from presskit.store import KitFile

    application()
    kit_file = KitFile.open(path)
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Session(kit_file.load(), kit_file), settings)
    window.resize(1440, 860)
    window.show()
    preview = window.preview

    def wait_for(ready) -> None:
        """Runs the event loop until ``ready()``, asked each time the preview shows a render."""
        if ready():
            return
        loop = QEventLoop()
        preview.shown.connect(loop.quit)
        while not ready():
            loop.exec()
        preview.shown.disconnect(loop.quit)

    wait_for(preview.is_current)
    clock, gaps = QElapsedTimer(), [0]

    def beat() -> None:
        gaps.append(clock.restart())

    heart = QTimer(interval=2)
    heart.timeout.connect(beat)
    clock.start()
    heart.start()
    name = window.editor("Profile").findChild(QLineEdit, "name")
    waits = []
    for i in range(edits):
        name.selectAll()
        QTest.keyClicks(name, f"Bench Name {i:02d}")
        clock.restart()  # typing itself is QTest's, not the event loop's
        began = time.perf_counter()
        wait_for(lambda i=i: f"Bench Name {i:02d}" in preview.text())
        waits.append((time.perf_counter() - began) * 1000)
    heart.stop()
    window.autosave_timer.stop()
    window.close()
    return waits, max(gaps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stills", type=int, default=20)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = make_kit(folder, args.stills)
        baseline = render_baseline(path)
        waits, block = edit_in_window(path, folder, args.edits)
    median = statistics.median(waits)
    print(f"kit: the sample kit + {args.stills} stills of 24 megapixels, renditions warm")
    print(f"straight render (baseline)      {baseline:7.0f} ms")
    print(
        f"edit to preview, median of {args.edits}   {median:7.0f} ms  "
        f"({median / baseline:.2f} x the render; slowest {max(waits):.0f} ms)"
    )
    print(f"longest event-loop block        {block:7.0f} ms")
    print(
        json.dumps(
            {
                "stills": args.stills,
                "edits": args.edits,
                "render_baseline_ms": round(baseline, 1),
                "edit_to_preview_median_ms": round(median, 1),
                "edit_to_preview_over_render": round(median / baseline, 2),
                "max_event_loop_block_ms": block,
            }
        )
    )


if __name__ == "__main__":
    main()
