"""Saves pictures of the Export PDF dialog on the sample kit, offscreen: as it opens (once
the size estimate shows), during an export (the progress bar), and when it is done.

python scripts/export_dialog_screenshot.py [OUTDIR]   (default: docs/images)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths, QThread
from PySide6.QtWidgets import QApplication

from presskit.gui.app import application
from presskit.gui.export_dialog import ExportDialog
from presskit.gui.main_window import open_sample
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile

ROOT = Path(__file__).resolve().parents[1]


def _wait_until(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    app = QApplication.instance()
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the export dialog did not get there in time")
        app.processEvents()
        QThread.msleep(10)


def save_export_dialog(outdir: Path) -> list[Path]:
    """export-dialog.png, export-dialog-exporting.png and export-dialog-done.png in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)  # never touch the person's own settings
    application()
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="press-kits-") as folder:
        kit_file = KitFile.open(open_sample(Path(folder)))
        session = Session(kit_file.load(), kit_file)
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        dialog = ExportDialog(session, None, settings)
        dialog.show()
        _wait_until(lambda: dialog.estimate.text().startswith("About"))

        def shot(name: str) -> None:
            QApplication.instance().processEvents()  # the layout catches up with new text
            path = outdir / name
            dialog.grab().save(str(path))
            saved.append(path)

        shot("export-dialog.png")
        taken: list[bool] = []

        def during(done: int, total: int) -> None:
            if done >= 2 and not taken:
                taken.append(True)
                shot("export-dialog-exporting.png")

        dialog.progressed.connect(during)
        dialog.export_button.click()
        _wait_until(lambda: dialog.open_pdf.isVisible() or dialog.message.isVisible())
        shot("export-dialog-done.png")
        dialog.close()
        kit_file.close()
    return saved


if __name__ == "__main__":
    for path in save_export_dialog(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/images"
    ):
        print(path)
