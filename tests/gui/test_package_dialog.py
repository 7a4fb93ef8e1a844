"""Export Press Package through the dialog, as a person would: the folder beside the kit,
a choice of films, progress and Cancel, the news at the end, and a folder that is not a
package refused before anything runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction

from presskit.gui.app import application
from presskit.gui.package_dialog import PackageDialog, package_folder
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile
from presskit.web.package import export_package
from tests.web.kits import package_kit

EXPORT_TIMEOUT_MS = 120_000  # both PDFs and the stills on a busy machine


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def session(tmp_path: Path):
    application()
    (tmp_path / "kits").mkdir()
    path, _kit, _assets = package_kit(tmp_path / "kits")
    kit_file = KitFile.open(path)
    session = Session(kit_file.load(), kit_file)
    yield session
    kit_file.close()


@pytest.fixture
def dialog(qtbot, session, settings) -> PackageDialog:
    made = PackageDialog(session, None, settings)
    qtbot.addWidget(made)
    made.show()
    return made


def export(qtbot, dialog: PackageDialog) -> str:
    with qtbot.waitSignal(dialog.finished_export, timeout=EXPORT_TIMEOUT_MS) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return ended.args[0]


def test_the_package_goes_beside_the_kit_by_default_and_the_end_says_what_it_holds(
    qtbot, dialog, tmp_path, monkeypatch
):
    assert dialog.path.text() == str(tmp_path / "kits" / "Im-Sun Song press package")
    assert not dialog.path_note.isVisible() and dialog.export_button.isEnabled()
    assert export(qtbot, dialog) == "done"
    out = tmp_path / "kits" / "Im-Sun Song press package"
    assert len(list((out / "stills").iterdir())) == 4
    assert dialog.message.text() == (
        "Exported the press package to “Im-Sun Song press package”: "
        "the web page, both PDFs and 4 stills."
    )
    assert dialog.show_folder.isVisible() and dialog.open_page.isVisible()
    assert not dialog.progress.isVisible()
    opened: list[QUrl] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", opened.append)
    dialog.show_folder.click()
    dialog.open_page.click()
    assert [u.toLocalFile() for u in opened] == [str(out), str(out / "index.html")]
    assert export(qtbot, dialog) == "done"  # once more: the package it wrote is replaced
    assert len(list((out / "stills").iterdir())) == 4


def test_films_left_unticked_leave_their_stills_out(qtbot, dialog, tmp_path):
    dialog.films.item(0).setCheckState(Qt.CheckState.Unchecked)  # Dragonfly
    dialog.path.setText(str(tmp_path / "only soundtrack"))
    assert export(qtbot, dialog) == "done"
    names = sorted(p.name for p in (tmp_path / "only soundtrack" / "stills").iterdir())
    assert names == [
        "Poster art – Photo Chen Wei.jpg",
        "Soundtrack of My Life – In the studio – Photo Bo Kim.jpg",
    ]


def test_cancel_leaves_the_earlier_package_and_no_half_folder(qtbot, dialog, session, tmp_path):
    out = tmp_path / "pkg"
    export_package(session.kit, session.kit_file, out)  # last year's, made from the command line
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    dialog.path.setText(str(out))
    assert dialog.path_note.text() == "A press package is there already; exporting replaces it."

    def at_step(done: int, total: int) -> None:
        if dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()

    dialog.progressed.connect(at_step)
    assert export(qtbot, dialog) == "cancelled"
    assert dialog.message.text() == "Export cancelled; nothing was written."
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert dialog.export_button.isEnabled() and not dialog.progress.isVisible()


def test_a_missing_picture_is_named_as_preflight_names_it_and_nothing_is_written(
    qtbot, settings, tmp_path
):
    (tmp_path / "kits").mkdir()
    path, kit, _assets = package_kit(tmp_path / "kits")
    db = sqlite3.connect(path)
    db.execute("DELETE FROM assets WHERE sha256 = ?", (kit.stills[2].asset,))
    db.commit()
    db.close()
    kit_file = KitFile.open(path)
    try:
        dialog = PackageDialog(Session(kit_file.load(), kit_file), None, settings)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(tmp_path / "out"))
        assert export(qtbot, dialog) == "failed"
        assert dialog.message.text() == (
            "Still 3 (“In the studio”): its picture is missing from the file."
        )
        assert not (tmp_path / "out").exists()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    finally:
        kit_file.close()


def test_someone_elses_folder_is_refused_before_export(qtbot, dialog, tmp_path):
    mine = tmp_path / "My photos"
    mine.mkdir()
    (mine / "holiday.jpg").write_bytes(b"mine")
    dialog.path.setText(str(mine))
    assert dialog.path_note.isVisible() and not dialog.export_button.isEnabled()
    assert "presskit did not write" in dialog.path_note.text()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in mine.iterdir()] == ["holiday.jpg"]


@pytest.mark.parametrize(
    "text", ["", "   ", "a\x00b", "~nosuchuser1234/x", "/no/such/parent/pkg", "\ud800", "/"]
)
def test_any_text_typed_as_the_folder_is_an_answer(text, tmp_path):
    path, problem = package_folder(text, tmp_path)
    assert (path is None) == bool(problem)
    if text.strip() not in ("", "/"):
        assert path is None and problem.endswith(".")


def test_the_file_menu_opens_the_dialog(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(PackageDialog, "exec", lambda self: opened.append(self.windowTitle()))
    window.findChild(QAction, "export-press-package").trigger()
    assert opened == ["Export Press Package"]
