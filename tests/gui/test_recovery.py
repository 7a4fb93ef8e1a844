"""Nothing lost: untitled work survives a crash (SIGKILL) and is offered back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

AUTOSAVES = 3  # later autosaves of untitled work land in the same recovery file
CHILD_DEADLINE_S = 60  # a child that stops autosaving fails the test, never hangs it

# Types an edit, waits for the autosave it brings, types the next...; after the last
# autosave it kills itself (SIGKILL), as a crash would, at a moment the test knows.
CHILD = f"""
import os, signal
from presskit import model
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session

app = application()
window = MainWindow(Session(model.PressKit()))
window.show()
window.autosave_timer.setInterval(20)
done = [0]


def edit(n):
    window.session.set(("person", "name"), f"Im-Sun Song {{n}}", "Name", typing=True)
    window.session.set(("person", "bio_short"), f"Typed before autosave {{n}}.", "Short bio", typing=True)


def autosaved():
    done[0] += 1
    print("autosaved", done[0], flush=True)
    if done[0] == {AUTOSAVES}:
        os.kill(os.getpid(), signal.SIGKILL)
    edit(done[0] + 1)


window.autosaved.connect(autosaved)
edit(1)
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
        out, err = child.communicate(timeout=CHILD_DEADLINE_S)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        pytest.fail(
            f"the editor did not autosave {AUTOSAVES} times in {CHILD_DEADLINE_S} s: {out!r}"
        )
    assert out.splitlines() == [f"autosaved {n}" for n in range(1, AUTOSAVES + 1)], err
    assert child.returncode == -signal.SIGKILL, err
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
        f"Im-Sun Song {AUTOSAVES}",
        f"Typed before autosave {AUTOSAVES}.",
        "True",
    ]


def test_recovered_work_shows_its_stills_thumbnails(qtbot, tmp_path, monkeypatch):
    """The pictures of recovered untitled work live in the recovery file: the gallery
    reads them there."""
    from PIL import Image
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QMessageBox

    from presskit import model
    from presskit.gui.app import application, recovered_session
    from presskit.gui.main_window import MainWindow
    from presskit.gui.session import Session
    from presskit.gui.settings import Settings

    QStandardPaths.setTestModeEnabled(True)
    discard = QMessageBox.StandardButton.Discard  # closing never waits on a question
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)
    application()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    photo = tmp_path / "set.jpg"
    Image.new("RGB", (900, 600), (200, 120, 40)).save(photo)
    first = MainWindow(Session(model.PressKit()), settings)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.editor("Stills").added, timeout=30_000):
        first.editor("Stills").add_files([str(photo)])
    first.autosave_now()  # into the recovery file, as after a crash
    path = first.session.recovery.path
    first.autosave_timer.stop()
    first.session.recovery.close()
    first.session.recovery = None  # closing it now discards nothing: the file stays

    again = MainWindow(recovered_session(path), settings)
    qtbot.addWidget(again)
    stills = again.editor("Stills")
    qtbot.waitUntil(lambda: not stills._loading, timeout=10_000)
    icon = stills.gallery.item(0).icon()
    assert not icon.isNull() and icon.pixmap(64, 64).toImage().pixelColor(32, 32).red() > 150


TERMINATED = """
import sys
from presskit.gui.app import application, close_on_terminate, open_window

app = application()
window = open_window(sys.argv[1])
close_on_terminate(app)
window.show()
window.session.set(("person", "pronouns"), "she/her", "Pronouns")
window.autosave_timer.stop()  # not written yet when the session ends
print("edited", flush=True)
sys.exit(app.exec())
"""


def test_sigterm_writes_the_open_kit_and_exits_cleanly(tmp_path):
    """A desktop session ending sends SIGTERM: presskit writes what the window shows and
    exits 0, asking nothing."""
    from presskit import kitio
    from presskit.store import KitFile
    from presskit.store.locking import is_locked_elsewhere

    path = tmp_path / "kit.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", TERMINATED, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "edited"  # a child that dies gives ""
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert not is_locked_elsewhere(path)
    with KitFile.open(path, read_only=True) as kit_file:
        assert kit_file.load().person.pronouns == "she/her"
