"""Saves a picture of the Import Interview review on the sample kit, offscreen, with an
article whose film title presskit is unsure of (so a low-confidence row shows, unticked,
with the line it came from).

python scripts/import_dialog_screenshot.py [OUTDIR]   (default: docs/images)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from presskit.gui.app import application
from presskit.gui.import_dialog import ImportDialog
from presskit.gui.main_window import open_sample
from presskit.gui.session import Session
from presskit.store import KitFile

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "importers" / "corpus" / "22-magazine-html-h3-pullquote.html"


def save_import_dialog(outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)  # never touch the person's own settings
    application()
    with tempfile.TemporaryDirectory(prefix="press-kits-") as folder:
        kit_file = KitFile.open(open_sample(Path(folder)))
        session = Session(kit_file.load(), kit_file)
        dialog = ImportDialog(session)
        dialog.resize(1200, 760)
        dialog.show()
        dialog.load_file(str(ARTICLE))
        for _ in range(5):  # the rows lay out over a few turns of the event loop
            QApplication.instance().processEvents()
        path = outdir / "import-dialog.png"
        dialog.grab().save(str(path))
        dialog.close()
        dialog.deleteLater()
        QApplication.instance().processEvents()
        kit_file.close()
    return path


def main() -> None:
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images"
    print(save_import_dialog(outdir))


if __name__ == "__main__":
    main()
