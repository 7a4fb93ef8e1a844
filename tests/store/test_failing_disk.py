"""A disk or database that fails mid-way: the person reads one sentence naming the file and
what went wrong, and loses nothing (the kit is as it was, nothing half-written is left)."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import presskit.store.kitfile as kitfile
from presskit.errors import KitFileError
from presskit.store import KitFile
from tests.store.test_kitfile import _write_v1, asset, fingerprint, kit_with, photo_bytes, siblings

KIT = kit_with(asset(1))


@pytest.fixture
def kit_path(tmp_path: Path) -> Path:
    path = tmp_path / "kit.presskit"
    KitFile.create(path, KIT, [asset(1)]).close()
    return path


def fails(error: BaseException) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise error

    return fail


IO_ERROR = OSError(errno.EIO, "Input/output error")
DISK_FULL = sqlite3.OperationalError("database or disk is full")
CANNOT_OPEN = sqlite3.OperationalError("unable to open database file")


# Each case makes one call fail (a kit it opens goes on ``opened``) and returns what the
# person does; CASES pairs it with the sentence they read.
def make(kit_path, monkeypatch, _opened):
    monkeypatch.setattr(kitfile, "_fsync", fails(IO_ERROR))
    return lambda: KitFile.create(kit_path.with_name("new.presskit"), KIT, [asset(1)])


def save_as(kit_path, monkeypatch, opened):
    kit_file = opened.enter_context(KitFile.open(kit_path))
    monkeypatch.setattr(kitfile, "_fsync", fails(IO_ERROR))
    return lambda: kit_file.save_as(kit_path.with_name("new.presskit"), kit_with(asset(2)))


def save_as_full(kit_path, monkeypatch, opened):
    """The new file's own save fails: the sentence names the file the person chose, not the
    temporary file it was being written to."""
    kit_file = opened.enter_context(KitFile.open(kit_path))
    monkeypatch.setattr(kitfile, "_insert_assets", fails(DISK_FULL))
    new = kit_with(asset(1), asset(2))
    return lambda: kit_file.save_as(kit_path.with_name("new.presskit"), new, new_assets=[asset(2)])


def read(kit_path, monkeypatch, opened):
    kit_file = opened.enter_context(KitFile.open(kit_path))
    monkeypatch.setattr(
        kitfile, "_document_text", fails(sqlite3.OperationalError("disk I/O error"))
    )
    return kit_file.load


def add(kit_path, monkeypatch, opened):
    kit_file = opened.enter_context(KitFile.open(kit_path))
    monkeypatch.setattr(kitfile, "_insert_assets", fails(DISK_FULL))
    return lambda: kit_file.add_asset(
        photo_bytes(9), name="still-9.jpg", mime="image/jpeg", width=60, height=40
    )


def upgrade(kit_path, monkeypatch, _opened):
    kit_path.unlink()
    _write_v1(kit_path, KIT, asset(1))
    monkeypatch.setattr(kitfile, "_fsync", fails(OSError(errno.ENOSPC, "No space left on device")))
    return lambda: KitFile.open(kit_path)


def open_for_writing(kit_path, monkeypatch, _opened):
    """The file was inspected (read-only) but cannot be opened to write: the window's lock on
    it must be let go too, or the kit would open read-only from then on."""
    connect = kitfile._connect

    def read_only_only(path, *, read_only):
        if not read_only:
            raise CANNOT_OPEN
        return connect(path, read_only=read_only)

    monkeypatch.setattr(kitfile, "_connect", read_only_only)
    return lambda: KitFile.open(kit_path)


def inspect(kit_path, monkeypatch, _opened):
    monkeypatch.setattr(kitfile, "_connect", fails(CANNOT_OPEN))
    return lambda: KitFile.open(kit_path)


def unreadable(error: OSError):
    def case(kit_path, monkeypatch, _opened):
        class Unreadable(type(kit_path)):
            def open(self, *_args, **_kwargs):
                raise error

        monkeypatch.setattr(kitfile, "Path", Unreadable)
        return lambda: KitFile.open(kit_path)

    return case


CASES = {
    "make": (make, "Could not make “new.presskit”: input/output error."),
    "save as": (save_as, "Could not save as “new.presskit”: input/output error."),
    "save as, disk full": (
        save_as_full,
        "Could not save “new.presskit” (database or disk is full); the file is unchanged.",
    ),
    "read": (read, "Could not read “kit.presskit”: disk I/O error."),
    "add": (add, "Could not add “still-9.jpg” to “kit.presskit”: database or disk is full."),
    "upgrade": (
        upgrade,
        "Could not upgrade “kit.presskit” from an older presskit: no space left on device.",
    ),
    "open": (open_for_writing, "Could not open “kit.presskit”: unable to open database file."),
    "inspect": (inspect, "“kit.presskit” cannot be opened: unable to open database file."),
    "no permission": (
        unreadable(PermissionError(errno.EACCES, "Permission denied")),
        "“kit.presskit” cannot be read (permission denied).",
    ),
    "read error": (unreadable(IO_ERROR), "“kit.presskit” cannot be read: input/output error."),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_failing_disk_is_one_sentence_naming_the_file_and_loses_nothing(
    kit_path, monkeypatch, case
):
    arrange, sentence = CASES[case]
    with contextlib.ExitStack() as opened:
        act = arrange(kit_path, monkeypatch, opened)
        files_before = siblings(kit_path)
        before = fingerprint(kit_path)
        with pytest.raises(KitFileError) as refused:
            act()
    monkeypatch.undo()
    assert str(refused.value) == sentence
    assert fingerprint(kit_path) == before
    assert siblings(kit_path) == files_before  # no temporary file, no half a new kit
    with KitFile.open(kit_path) as again:  # nothing was kept locked or half-done
        assert not again.read_only
        assert again.load() == KIT
        assert again.asset_bytes(asset(1).sha256) == asset(1).data


def test_a_document_gone_from_an_open_kit_is_named_when_it_is_read(kit_path):
    """Another program removes (or replaces) the document while the kit is open."""
    with KitFile.open(kit_path) as kit_file:
        db = sqlite3.connect(kit_path)
        db.execute("UPDATE document SET json = x'00ff'")
        db.commit()
        with pytest.raises(KitFileError) as not_text:
            kit_file.load()
        db.execute("DELETE FROM document")
        db.commit()
        db.close()
        with pytest.raises(KitFileError) as gone:
            kit_file.load()
    assert str(not_text.value) == "“kit.presskit” holds a document that is not kit JSON."
    assert str(gone.value) == "Could not read “kit.presskit”: the document is missing."
