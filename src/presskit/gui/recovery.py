"""Untitled work is autosaved to a recovery folder and offered back after a crash.

A recovery file is an ordinary kit file. It is removed when its kit is saved under a name
or deliberately discarded; one left behind (and not open in a running presskit) means
presskit did not close normally.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from presskit.store import KitFile
from presskit.store.locking import is_locked_elsewhere


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def new_recovery_path() -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"untitled-{stamp}-{os.getpid()}.presskit"


def leftovers() -> list[Path]:
    """Recovery files no running presskit holds: work a crash interrupted, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("untitled-*.presskit") if not is_locked_elsewhere(p)]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def discard(kit_file: KitFile | None) -> None:
    if kit_file is not None:
        kit_file.close()
        kit_file.path.unlink(missing_ok=True)
