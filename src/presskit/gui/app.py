"""Starting the editor: the application, its look, and the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from presskit import __version__, model
from presskit.bundled import resources_dir
from presskit.errors import PresskitError
from presskit.gui.main_window import MainWindow, open_sample
from presskit.gui.session import Session
from presskit.gui.workers import wait_for_background_jobs
from presskit.store import KitFile

STYLE = """
QLabel[heading="true"] { font-size: 20px; font-weight: 600; }
QLabel[muted="true"] { color: palette(mid); }
QListWidget#sections { font-size: 14px; padding: 6px; }
QListWidget#sections::item { padding: 8px 6px; }
QPlainTextEdit, QLineEdit { padding: 4px; }
"""


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("presskit")
    app.setOrganizationName("presskit")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # one calm look on every platform; it follows the light or dark scheme
    app.setPalette(QGuiApplication.palette())
    app.setStyleSheet(STYLE)
    _add_bundled_fonts()
    return app


def _add_bundled_fonts() -> None:
    """The PDF's fallback fonts serve the window too: a Hangul name shows as Hangul."""
    for family in ("NanumGothic", "DejaVuSans"):
        for path in sorted((resources_dir() / "fonts" / family).glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))


def open_window(path: str | None) -> MainWindow:
    """A window on ``path``, or on a copy of the sample kit when there is none yet."""
    if path is None:
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        path = str(open_sample(folder))
    kit_file = KitFile.open(path)
    window = MainWindow(Session(kit_file.load(), kit_file), QSettings())
    if kit_file.read_only:
        window.statusBar().showMessage(kit_file.read_only_reason)
    return window


def run(path: str | None = None) -> int:
    app = application()
    try:
        window = open_window(path)
    except PresskitError as err:
        QMessageBox.critical(None, "presskit", str(err))
        window = MainWindow(Session(model.PressKit()))
    window.show()
    code = app.exec()
    wait_for_background_jobs()
    return code
