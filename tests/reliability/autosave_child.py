"""The real editor window, offscreen, editing its kit every few milliseconds and autosaving
(its own timer and background save) until it is killed.

    python -m tests.reliability.autosave_child KIT SETTINGS_INI

Prints "edit N" once edit N is in the window, "autosave started" when the autosave timer
fires and "autosaved" whenever an autosave finished.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, QStandardPaths, QTimer

QStandardPaths.setTestModeEnabled(True)

from presskit.gui.app import application  # noqa: E402  (after test mode: no real settings)
from presskit.gui.main_window import MainWindow  # noqa: E402
from presskit.gui.session import Session  # noqa: E402
from presskit.gui.settings import Settings  # noqa: E402
from presskit.store import KitFile  # noqa: E402
from tests.reliability.versions import editor_edits  # noqa: E402

app = application()
kit_file = KitFile.open(sys.argv[1])
session = Session(kit_file.load(), kit_file)
window = MainWindow(session, Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.show()
window.autosave_timer.setInterval(5)
window.autosaved.connect(lambda: print("autosaved", flush=True))
# After the window's own slot: its background save has just been handed to a worker.
window.autosave_timer.timeout.connect(lambda: print("autosave started", flush=True))
edits = [int(session.kit.person.name.split()[-1])]


def edit() -> None:
    n = edits[0] = edits[0] + 1
    for path, value in editor_edits(n).items():
        session.set(path, value, "field", typing=True)
    print(f"edit {n}", flush=True)


ticker = QTimer(interval=12)
ticker.timeout.connect(edit)
ticker.start()
app.exec()
