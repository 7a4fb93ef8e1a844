"""Time to a shown, idle window: a bare PySide6 window against presskit on a 100-still kit.

    python bench/startup.py [--stills N]

Each start is a fresh process, timed from launch until its window is shown and the event
loop is idle (best of 3). presskit opens on its first section, as it does for a person; the
run then shows the stills gallery, where every thumbnail is wanted at once, and measures the
longest the event loop is blocked while they are made. presskit's modules are compiled to
bytecode first, as an installed presskit's are (this machine may set PYTHONDONTWRITEBYTECODE).
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("presskit")
label.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""

PRESSKIT = """
import sys, time, json
from PySide6.QtCore import QElapsedTimer, QSettings, QStandardPaths, QTimer
QStandardPaths.setTestModeEnabled(True)
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session
from presskit.store import KitFile

app = application()
kit_file = KitFile.open(sys.argv[1])
from presskit.gui.settings import Settings
window = MainWindow(Session(kit_file.load(), kit_file), Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.show()
clock = QElapsedTimer()
gaps = []

def ready():
    global stills
    print("ready", flush=True)
    window.sections.setCurrentRow(3)  # the stills gallery: every thumbnail is wanted at once
    stills = window.editor("Stills")
    clock.start()
    tick.start(5)

def beat():
    gaps.append(clock.restart())
    if not stills._loading:
        tick.stop()
        print(json.dumps({"max_block_ms": max(gaps or [0]), "beats": len(gaps)}), flush=True)
        app.quit()

tick = QTimer()
tick.timeout.connect(beat)
QTimer.singleShot(0, ready)
app.exec()
"""


def make_kit(folder: Path, count: int) -> Path:
    from presskit import kitio, model
    from presskit.store import KitFile

    kit = model.PressKit(person=model.Person(name="Bench Filmmaker"))
    assets = []
    rng = random.Random(7)
    for i in range(count):
        image = Image.new("RGB", (2400, 1600), tuple(rng.randint(0, 255) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x, y, r = rng.randint(0, 2400), rng.randint(0, 1600), rng.randint(40, 500)
            draw.ellipse(
                (x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3))
            )
        path = folder / f"still-{i:03d}.jpg"
        image.filter(ImageFilter.GaussianBlur(3)).save(path, quality=85)
        imported = kitio.import_image(path)
        kit.stills.append(
            kitio.still_for(imported, kit, credit="Ian Chen", caption=f"Still {i + 1}")
        )
        assets.append(imported.asset)
        path.unlink()
    kit_path = folder / "bench.presskit"
    KitFile.create(kit_path, kit, assets).close()
    return kit_path


def start(code: str, *args: str) -> tuple[float, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    first = child.stdout.readline().strip()
    elapsed = time.perf_counter() - began
    rest = child.stdout.read().splitlines()
    child.wait()
    if first != "ready" or child.returncode != 0:
        raise SystemExit(f"the window did not start ({child.returncode})")
    return elapsed, rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stills", type=int, default=100)
    args = parser.parse_args()
    import presskit

    compileall.compile_dir(Path(presskit.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        kit = make_kit(folder, args.stills)
        size_mb = kit.stat().st_size / 1e6
        bare = min(start(BARE)[0] for _ in range(3))
        runs = []
        for i in range(3):
            # A fresh copy each time: the first start makes (and caches) thumbnails, as a new kit would.
            copy = folder / f"run-{i}.presskit"
            copy.write_bytes(kit.read_bytes())
            runs.append(start(PRESSKIT, str(copy), str(folder / "settings.ini")))
        presskit = min(elapsed for elapsed, _ in runs)
        blocks = [json.loads(rest[-1])["max_block_ms"] for _, rest in runs]
    print(f"kit: {args.stills} stills, {size_mb:.0f} MB")
    print(f"bare PySide6 window      {bare:6.2f} s")
    print(f"presskit on the kit      {presskit:6.2f} s  ({presskit / bare:.2f} x bare)")
    print(f"longest event-loop block while thumbnails load: {max(blocks)} ms")
    print(
        json.dumps(
            {
                "stills": args.stills,
                "bare_s": round(bare, 3),
                "presskit_s": round(presskit, 3),
                "startup_over_bare": round(presskit / bare, 3),
                "max_event_loop_block_ms": max(blocks),
            }
        )
    )


if __name__ == "__main__":
    main()
