"""Nothing lost: untitled work survives a crash (SIGKILL) and is offered back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from presskit import model
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session

app = application()
window = MainWindow(Session(model.PressKit()))
window.show()
window.autosave_timer.setInterval(20)
window.autosaved.connect(lambda: (print("autosaved", flush=True)))
window.session.set(("person", "name"), "Im-Sun Song", "Name", typing=True)
window.session.set(("person", "bio_short"), "Typed just before the crash.", "Short bio", typing=True)
app.exec()
"""

RESTART = """
from presskit.gui import recovery
from presskit.gui.app import application, recovered_session

application()
found = recovery.leftovers()
print(len(found))
session = recovered_session(found[0])
print(session.kit.person.name)
print(session.kit.person.bio_short)
print(session.modified)
"""


def test_untitled_work_survives_sigkill_and_is_offered_back(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "autosaved"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    restart = subprocess.run(
        [sys.executable, "-c", RESTART],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert restart.returncode == 0, restart.stderr
    assert restart.stdout.splitlines() == [
        "1",
        "Im-Sun Song",
        "Typed just before the crash.",
        "True",
    ]
