"""Saves land in the order they were made, and Save As takes every picture along."""

from __future__ import annotations

import threading
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRunnable

from presskit.gui.workers import save_pool
from presskit.store import KitFile

from .conftest import show


class Hold(QRunnable):
    """Keeps the save thread busy until released, so an autosave queues behind it."""

    def __init__(self, release: threading.Event):
        super().__init__()
        self.release = release

    def run(self) -> None:
        self.release.wait(30)


def test_an_earlier_autosave_never_overwrites_a_later_save(window):
    release = threading.Event()
    save_pool().start(Hold(release))
    window.session.set(("person", "name"), "Autosaved Name", "Name")
    window.session.autosave()  # its snapshot waits behind the held thread
    window.session.set(("person", "name"), "Saved Name", "Name")
    release.set()
    assert window.save()
    with KitFile.open(window.session.path, read_only=True) as on_disk:
        assert on_disk.load().person.name == "Saved Name"


def test_save_as_takes_a_still_added_a_moment_ago(window, tmp_path: Path):
    photo = tmp_path / "set.jpg"
    Image.new("RGB", (900, 600), (40, 90, 160)).save(photo)
    show(window, "Stills").add_files([str(photo)])
    added = window.session.kit.stills[-1].asset
    window.autosave_timer.stop()  # Save As comes before any autosave
    assert window.save_to(str(tmp_path / "copy.presskit"))
    with KitFile.open(tmp_path / "copy.presskit", read_only=True) as copy:
        assert copy.asset_bytes(added) == photo.read_bytes()
