"""One window per kit: a kit already open elsewhere opens read-only.

``flock`` on a descriptor of our own, not ``fcntl``/``lockf``: SQLite keeps POSIX locks on
the same file, and those must not be disturbed. Where flock is missing (Windows), no lock.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class Lock:
    def __init__(self, fd: int | None):
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def try_lock(path: Path) -> Lock | None:
    """An exclusive lock on the kit, or None when another window holds it."""
    if fcntl is None:
        return Lock(None)
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return Lock(fd)


def is_locked_elsewhere(path: Path) -> bool:
    if fcntl is None or not path.exists():
        return False
    lock = try_lock(path)
    if lock is None:
        return True
    lock.release()
    return False
