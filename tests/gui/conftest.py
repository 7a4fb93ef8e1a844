from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from presskit import kitio
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile


@pytest.fixture
def window(qtbot, tmp_path: Path):
    """The editor on a fresh copy of the sample kit, with settings in a temporary file."""
    application()
    path = tmp_path / "sample.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    kit_file = KitFile.open(path)
    session = Session(kit_file.load(), kit_file)
    win = MainWindow(
        session, Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    )
    win.original = copy.deepcopy(session.kit)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.autosave_timer.stop()


def show(window: MainWindow, section: str):
    names = [window.sections.item(i).text().split("  ")[0] for i in range(window.sections.count())]
    window.sections.setCurrentRow(names.index(section))
    return window.editor(section)


class Answers:
    """Answers QMessageBox.question without a modal dialog (one would wait for ever
    offscreen): ``choice`` is the answer, ``asked`` what was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.choice = QMessageBox.StandardButton.Cancel

    def question(self, _parent, _title, text, *_buttons):
        self.asked.append(text)
        return self.choice


@pytest.fixture
def answers(monkeypatch) -> Answers:
    found = Answers()
    monkeypatch.setattr(QMessageBox, "question", found.question)
    return found
