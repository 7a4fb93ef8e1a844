"""Saves a PNG of every section's editor, on the sample kit, offscreen.

python scripts/screenshots.py OUTDIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from presskit.gui.app import application
from presskit.gui.main_window import MainWindow, open_sample
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile


def wait_until(ready, seconds: float = 30) -> None:
    for _ in range(int(seconds * 100)):
        QApplication.processEvents()
        if ready():
            return
        QApplication.instance().thread().msleep(10)
    raise SystemExit("the window did not settle")


def settle(seconds: float) -> None:
    for _ in range(int(seconds * 100)):
        QApplication.processEvents()
        QApplication.instance().thread().msleep(10)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)  # never touch the person's own settings
    application()
    with tempfile.TemporaryDirectory() as folder:
        kit_file = KitFile.open(open_sample(Path(folder)))
        window = MainWindow(
            Session(kit_file.load(), kit_file),
            Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)),
        )
        window.resize(1440, 860)
        window.show()
        stills = window.editor("Stills")
        design = window.editor("Design")
        for row in range(window.sections.count()):
            window.sections.setCurrentRow(row)
            # Until the thumbnails and the preview are in (both are made off the GUI thread).
            wait_until(
                lambda: (
                    not stills._loading
                    and window.preview.is_current()
                    and (design.themes.covers_made or not design.isVisible())
                )
            )
            settle(0.4)  # the preview paints its pages on threads of its own, a moment later
            name = window.sections.item(row).text().split("  ")[0].lower().replace(" & ", "-")
            window.grab().save(str(out / f"{row + 1}-{name}.png"))
            print(out / f"{row + 1}-{name}.png")
        window.close()


if __name__ == "__main__":
    main()
