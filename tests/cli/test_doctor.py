"""`presskit doctor`: one line per check; exit 0 only when every check passes."""

from __future__ import annotations

import shutil

import pytest

from presskit import cli, doctor


@pytest.fixture
def own_folders(tmp_path, monkeypatch):
    """Settings and recovery folders of this test's own (the child Qt process reads them)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def run(capsys) -> tuple[int, list[str]]:
    code = cli.main(["doctor"])
    return code, capsys.readouterr().out.splitlines()


def line_for(lines: list[str], name: str) -> str:
    found = [line for line in lines if line.split(None, 1)[1].startswith(f"{name}:")]
    assert len(found) == 1, lines
    return found[0]


def test_passes_on_this_installation(own_folders, capsys):
    code, lines = run(capsys)
    assert code == 0, "\n".join(lines)
    assert all(line.startswith("OK    ") for line in lines), lines
    for name in [
        "Python",
        "reportlab",
        "theme classic",
        "theme modern",
        "theme minimal",
        "font Inter",
        "font NanumGothic",
        "sample kit exports",
        "Qt platform plugin",
        "QtPdf renders the sample",
        "recovery folder",
        "settings folder",
    ]:
        line_for(lines, name)
    assert "“offscreen” loaded" in line_for(lines, "Qt platform plugin")
    assert str(own_folders / "config") in line_for(lines, "settings folder")


def test_an_unwritable_settings_folder_is_named_with_its_fix(own_folders, capsys, monkeypatch):
    # A file where the folder should be: no folder can be made there, even by root.
    blocker = own_folders / "blocked"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    code, lines = run(capsys)
    assert code == 1
    line = line_for(lines, "settings folder")
    assert line.startswith("FAIL  settings folder: ")
    assert str(blocker) in line and "cannot be written" in line and "fix: make " in line
    assert line_for(lines, "recovery folder").startswith("OK")


def test_a_missing_font_is_named_with_its_fix(own_folders, capsys, monkeypatch):
    fonts = own_folders / "fonts"
    shutil.copytree(doctor.fonts_dir(), fonts)
    (fonts / "Inter" / "Inter-Regular.ttf").unlink()
    monkeypatch.setattr(doctor, "fonts_dir", lambda: fonts)
    code, lines = run(capsys)
    assert code == 1
    assert line_for(lines, "font Inter") == (
        "FAIL  font Inter: Inter-Regular.ttf is missing; fix: " + doctor.REINSTALL
    )
    assert line_for(lines, "font NotoSerif").startswith("OK")


def test_a_damaged_font_is_named(own_folders, capsys, monkeypatch):
    fonts = own_folders / "fonts"
    shutil.copytree(doctor.fonts_dir(), fonts)
    (fonts / "NotoSerif" / "NotoSerif-Italic.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(doctor, "fonts_dir", lambda: fonts)
    code, lines = run(capsys)
    assert code == 1
    line = line_for(lines, "font NotoSerif")
    assert line.startswith("FAIL  font NotoSerif: NotoSerif-Italic.ttf cannot be read")


def test_a_qt_process_that_dies_is_reported(own_folders, capsys, monkeypatch):
    # A platform plugin that cannot load aborts Qt's process: the doctor says so and fails.
    monkeypatch.setattr(doctor, "QT_PLATFORM", "no-such-platform")
    code, lines = run(capsys)
    assert code == 1
    assert line_for(lines, "Qt").startswith("FAIL  Qt: the Qt checks stopped: ")
