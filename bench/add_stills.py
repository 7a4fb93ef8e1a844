"""Adding photographs never freezes the window: twenty 24-megapixel JPEGs dropped on the
Stills section, with a heartbeat timer on the event loop.

    python bench/add_stills.py [--stills 20]

Baseline, in the same run: reading and checking the same files headless (kitio.import_image,
one after another), which is the work the window hands to a worker thread. Reported: the
window's time until the stills are in (as a ratio of the baseline) and the longest the event
loop was blocked meanwhile (the goal is 100 ms or less). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import make_photos  # the photo-like 24-megapixel frames


def baseline(paths: list[Path]) -> float:
    from presskit import kitio

    began = time.perf_counter()
    for path in paths:
        kitio.import_image(path)
    return time.perf_counter() - began


def add_in_window(paths: list[Path], folder: Path) -> tuple[float, int, int]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QStandardPaths, QTimer

    QStandardPaths.setTestModeEnabled(True)
    from presskit import model
    from presskit.gui.app import application
    from presskit.gui.main_window import MainWindow
    from presskit.gui.session import Session
    from presskit.gui.settings import Settings

    application()
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    session = Session(model.PressKit(person=model.Person(name="Bench Filmmaker")))
    window = MainWindow(session, settings)
    window.resize(1440, 860)
    window.show()
    stills = window.editor("Stills")
    window.sections.setCurrentRow(3)
    clock, gaps = QElapsedTimer(), [0]
    heart = QTimer(interval=5)
    heart.timeout.connect(lambda: gaps.append(clock.restart()))
    done = QEventLoop()
    stills.added.connect(done.quit)
    clock.start()
    heart.start()
    began = time.perf_counter()
    stills.add_files([str(path) for path in paths])  # as a drop does
    done.exec()
    elapsed = time.perf_counter() - began
    heart.stop()
    added = len(session.kit.stills)
    session.discard_recovery()
    session.undo_stack.setClean()  # closing asks nothing: this is a bench
    window.close()
    return elapsed, max(gaps), added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stills", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        paths = make_photos(folder, args.stills)
        base = baseline(paths)
        window_s, block_ms, added = add_in_window(paths, folder)
    print(f"{added} stills of 24 megapixels")
    print(f"read and checked headless   {base:6.2f} s")
    print(f"added through the window    {window_s:6.2f} s  ({window_s / base:.2f} x headless)")
    print(f"longest event-loop block    {block_ms} ms (goal: 100 ms or less)")
    print(
        json.dumps(
            {
                "stills": added,
                "headless_s": round(base, 3),
                "window_s": round(window_s, 3),
                "window_over_headless": round(window_s / base, 3),
                "max_event_loop_block_ms": block_ms,
            }
        )
    )


if __name__ == "__main__":
    main()
