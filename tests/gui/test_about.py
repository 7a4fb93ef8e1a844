"""Help > About: presskit's version and the licence of every bundled font and icon set;
the window's title names the kit and marks unsaved changes."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from presskit import __version__
from presskit.bundled import resources_dir
from presskit.gui.about import AboutDialog
from tests.gui.conftest import show


def open_about(window, qtbot) -> AboutDialog:
    window.findChild(QAction, "about").trigger()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)
    dialog = window.findChild(AboutDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_about_names_the_version_and_every_bundled_licence(window, qtbot):
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    dialog = open_about(window, qtbot)
    assert dialog.heading.text() == f"presskit {__version__}"
    text = dialog.licences.toPlainText()
    for family in ["Gentium Book Plus", "Inter", "Noto Serif", "NanumGothic", "DejaVu Sans"]:
        assert family in text
    assert "SIL OFL 1.1" in text and "Bitstream Vera licence" in text
    assert "Lucide" in text and "ISC" in text
    assert "drawn for presskit" in text
    # the licence texts themselves follow the summary
    for folder in (resources_dir() / "fonts").iterdir():
        if folder.is_dir():
            first_line = (folder / "LICENSE.txt").read_text().splitlines()[1]
            assert first_line in text
    assert "Permission to use, copy, modify, and/or distribute this software" in text
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)


def test_the_title_names_the_kit_and_marks_unsaved_changes(window, qtbot):
    # Qt shows "[*]" as "*" while the window is modified, and as nothing otherwise.
    assert window.windowTitle() == "sample.presskit[*] — presskit"
    assert not window.isWindowModified()
    name = show(window, "Profile").findChild(QLineEdit, "name")
    qtbot.keyClicks(name, "!")
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
