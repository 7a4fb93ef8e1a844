"""File > Save a Clean Copy: a kit holding a trigger someone added opens read-only; the
action writes a clean file and the window goes on editing that one."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from presskit import kitio
from presskit.gui import clean_copy
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile


def test_save_a_clean_copy_leaves_the_trigger_behind_and_edits_the_copy(
    qtbot, tmp_path: Path, monkeypatch
):
    application()
    path = tmp_path / "agency.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    db = sqlite3.connect(path)
    db.execute("CREATE TRIGGER wipe AFTER UPDATE ON document BEGIN DELETE FROM assets; END")
    db.commit()
    db.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    kit_file = KitFile.open(path)
    assert kit_file.read_only
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Session(kit_file.load(), kit_file), settings)
    qtbot.addWidget(window)
    window.show()
    assert "(read-only)" in window.windowTitle()
    window.session.set(("person", "pronouns"), "she/her", "Pronouns")

    target = tmp_path / "clean.presskit"
    monkeypatch.setattr(
        clean_copy.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )
    window.findChild(QAction, "save-a-clean-copy").trigger()

    assert window.session.kit_file.path == target and not window.session.kit_file.read_only
    assert "(read-only)" not in window.windowTitle()
    assert window.statusBar().currentMessage().startswith("Wrote a clean copy to “clean.presskit”")
    with sqlite3.connect(target) as copy:
        triggers = copy.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
        pictures = copy.execute("SELECT count(*) FROM assets").fetchone()[0]
    copy.close()
    assert triggers == [] and pictures == 5
    with KitFile.open(target, read_only=True) as f:
        assert f.load().person.pronouns == "she/her"  # the window's version of the kit
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    window.autosave_timer.stop()
