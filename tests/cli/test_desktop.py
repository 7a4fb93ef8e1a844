"""`presskit install-desktop` / `uninstall-desktop`: the freedesktop menu entry, icon and the
.presskit file type, written under a data folder and removed again."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from presskit import cli, desktop, kitio

MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def install(prefix, capsys) -> str:
    assert cli.main(["install-desktop", "--prefix", str(prefix)]) == 0
    return capsys.readouterr().out


def test_install_writes_entry_icons_and_file_type(tmp_path, capsys):
    out = install(tmp_path, capsys)
    assert f"under {tmp_path}" in out
    entry = (tmp_path / "applications" / "presskit.desktop").read_text()
    assert "Icon=presskit\n" in entry
    assert "MimeType=application/x-presskit;\n" in entry
    assert f"Exec={sys.executable} -m presskit %f\n" in entry
    assert (tmp_path / "icons/hicolor/scalable/apps/presskit.svg").read_bytes().startswith(b"<svg")
    for size in desktop.ICON_SIZES:
        with Image.open(tmp_path / f"icons/hicolor/{size}x{size}/apps/presskit.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"


def test_the_entry_starts_presskit_on_the_file(tmp_path, capsys):
    """The Exec line, as a desktop runs it (%f replaced by the file), opens nothing here but
    reaches presskit: `--version` stands in for a file, which would start the editor."""
    install(tmp_path, capsys)
    entry = (tmp_path / "applications" / "presskit.desktop").read_text()
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    command = exec_line.removeprefix("Exec=").replace("%f", "--version").split()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.startswith("presskit ")


@pytest.mark.parametrize("python", ["/usr/bin/python3", "/opt/My Apps/pre$kit 100%/bin/python"])
def test_the_entry_is_valid(tmp_path, capsys, monkeypatch, python):
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip(
            "desktop-file-validate is not installed (Debian: apt-get install desktop-file-utils)"
        )
    monkeypatch.setattr(sys, "executable", python)
    install(tmp_path, capsys)
    done = subprocess.run(
        [validator, str(tmp_path / "applications" / "presskit.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_file_types_magic_matches_a_real_kit_and_not_another_sqlite_file(tmp_path, capsys):
    install(tmp_path, capsys)
    root = ET.parse(tmp_path / "mime" / "packages" / "presskit.xml").getroot()
    kind = root.find(f"{MIME}mime-type")
    assert kind.get("type") == "application/x-presskit"
    assert kind.find(f"{MIME}glob").get("pattern") == "*.presskit"
    outer = kind.find(f"{MIME}magic/{MIME}match")
    inner = outer.find(f"{MIME}match")

    def matches(data: bytes) -> bool:
        text = outer.get("value").encode()
        start = int(outer.get("offset"))
        at = int(inner.get("offset"))
        value = int(inner.get("value"), 16)
        return data[start : start + len(text)] == text and struct.unpack(
            ">I", data[at : at + 4]
        ) == (value,)

    kit = tmp_path / "sample.presskit"
    kitio.create_kit(kit, kitio.sample_json()).close()
    assert matches(kit.read_bytes())

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    assert not matches(other.read_bytes())


def test_uninstall_removes_what_install_wrote_and_nothing_else(tmp_path, capsys):
    keep = tmp_path / "applications" / "someone-else.desktop"
    keep.parent.mkdir(parents=True)
    keep.write_text("[Desktop Entry]\n")
    install(tmp_path, capsys)
    assert cli.main(["uninstall-desktop", "--prefix", str(tmp_path)]) == 0
    assert "Removed" in capsys.readouterr().out
    left = {p for p in tmp_path.rglob("presskit*") if p.is_file()}
    assert left == set()
    assert keep.read_text() == "[Desktop Entry]\n"
    assert cli.main(["uninstall-desktop", "--prefix", str(tmp_path)]) == 0
    assert "nothing removed" in capsys.readouterr().out


def test_the_default_folder_is_xdg_data_home(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli.main(["install-desktop"]) == 0
    assert (tmp_path / "data" / "applications" / "presskit.desktop").is_file()
    monkeypatch.setenv("XDG_DATA_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert desktop.default_prefix() == tmp_path / "home" / ".local" / "share"


def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["install-desktop", "--prefix", str(blocker)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"presskit: error: Could not write under {blocker}")


def test_the_desktop_knows_a_kit_by_its_name_and_by_its_bytes(tmp_path, capsys):
    """What a file manager asks (GLib's shared-mime-info lookup): a kit is a press kit, also
    renamed without its extension; another SQLite file is not."""
    gio = shutil.which("gio")
    if gio is None or shutil.which("update-mime-database") is None:
        pytest.skip(
            "gio or update-mime-database is not installed (Debian: libglib2.0-bin, shared-mime-info)"
        )
    prefix = tmp_path / "data"
    install(prefix, capsys)
    kit = tmp_path / "kit.presskit"
    kitio.create_kit(kit, kitio.sample_json()).close()
    renamed = tmp_path / "kit-from-an-email"
    shutil.copyfile(kit, renamed)
    other = tmp_path / "other.presskit.db"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()

    def content_type(path) -> str:
        done = subprocess.run(
            [gio, "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "XDG_DATA_HOME": str(prefix), "XDG_DATA_DIRS": "/usr/share"},
        )
        return done.stdout.split("standard::content-type:")[1].strip()

    assert content_type(kit) == "application/x-presskit"
    assert content_type(renamed) == "application/x-presskit"
    assert content_type(other) != "application/x-presskit"


def test_other_systems_are_told_it_is_for_linux_desktops(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert cli.main(["install-desktop", "--prefix", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "presskit: error: install-desktop sets presskit up on Linux desktops (freedesktop.org); "
        "on this system open .presskit files with `presskit FILE`."
    ]
    assert list(tmp_path.iterdir()) == []
