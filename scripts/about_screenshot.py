"""Saves a picture of Help > About, and presskit's icon as the window shows it at 32 and
256 px, offscreen.

python scripts/about_screenshot.py [OUTDIR]   (default: docs/images)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, QStandardPaths
from PySide6.QtWidgets import QApplication

from presskit.gui.about import AboutDialog
from presskit.gui.app import application

ROOT = Path(__file__).resolve().parents[1]


def save_about(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)  # never touch the person's own settings
    app = application()
    dialog = AboutDialog()
    dialog.show()
    app.processEvents()
    saved = [outdir / "about-dialog.png"]
    dialog.grab().save(str(saved[0]))
    dialog.close()
    for size in (32, 256):
        path = outdir / f"app-icon-{size}.png"
        app.windowIcon().pixmap(QSize(size, size)).save(str(path))
        saved.append(path)
    QApplication.instance().processEvents()
    return saved


def main() -> None:
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images"
    for path in save_about(outdir):
        print(path)


if __name__ == "__main__":
    main()
