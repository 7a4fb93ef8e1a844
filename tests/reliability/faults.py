"""Failing the Nth write, fsync, rename or SQLite call of an operation, as a full disk or a
failing drive would: count the calls in a dry run, then fail at each N in turn."""

from __future__ import annotations

import builtins
import contextlib
import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from typing import Any

KINDS = {
    "disk full": (
        lambda: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
        lambda: sqlite3.OperationalError("database or disk is full"),
    ),
    "I/O error": (
        lambda: OSError(errno.EIO, os.strerror(errno.EIO)),
        lambda: sqlite3.OperationalError("disk I/O error"),
    ),
}


# Failures a finished operation may get past, its result complete all the same: syncing a
# folder after a rename is best effort (not every platform can), and a hard link that fails
# falls back to claiming the name and renaming into it.
IGNORED = ("os.fsync (folder)", "os.link")


class Injector:
    """Counts the calls it sees; the ``fail_at``th raises the chosen kind of failure."""

    def __init__(self, kind: str = "disk full", fail_at: int | None = None):
        self.kind, self.fail_at = kind, fail_at
        self.calls: list[str] = []

    def tick(self, what: str, *, sqlite: bool = False) -> None:
        self.calls.append(what)
        if len(self.calls) == self.fail_at:
            os_error, sqlite_error = KINDS[self.kind]
            raise sqlite_error() if sqlite else os_error()

    @property
    def failed(self) -> str:
        return self.calls[self.fail_at - 1] if self.fail_at else ""


class Connection:
    """A sqlite3 connection whose statements go through the injector first."""

    def __init__(self, real: sqlite3.Connection, injector: Injector):
        self._real, self._injector = real, injector

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._injector.tick(f"sqlite: {' '.join(sql.split()[:2])}", sqlite=True)
        return self._real.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._injector.tick(f"sqlite: {sql.split()[0]} (many)", sqlite=True)
        return self._real.executemany(sql, *args)

    def commit(self) -> None:
        self._injector.tick("sqlite: commit", sqlite=True)
        self._real.commit()

    def backup(self, target: Any, *args: Any, **kwargs: Any) -> None:
        self._injector.tick("sqlite: backup", sqlite=True)
        self._real.backup(getattr(target, "_real", target), *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.__exit__(*exc)


class _WrittenFile:
    """A file opened for writing whose write, flush and close go through the injector."""

    def __init__(self, real: Any, injector: Injector):
        self._real, self._injector = real, injector

    def write(self, data: Any) -> int:
        self._injector.tick("file write")
        return self._real.write(data)

    def flush(self) -> None:
        self._injector.tick("file flush")
        self._real.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _WrittenFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


@contextlib.contextmanager
def injected(injector: Injector, monkeypatch, *connections: Any) -> Iterator[None]:
    """Routes writes, fsyncs, renames, links and SQLite calls through ``injector``: those of
    the given open KitFiles' connections, and of every connection and file opened meanwhile."""
    real_connect, real_open = sqlite3.connect, builtins.open

    def connect(*args: Any, **kwargs: Any) -> Connection:
        injector.tick("sqlite: connect", sqlite=True)
        return Connection(real_connect(*args, **kwargs), injector)

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(c in mode for c in "wax+"):
            injector.tick(f"open for writing {os.path.basename(str(file))}")
            return _WrittenFile(real_open(file, mode, *args, **kwargs), injector)
        return real_open(file, mode, *args, **kwargs)

    def wrap(name: str) -> None:
        real = getattr(os, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            folder = name == "fsync" and stat.S_ISDIR(os.fstat(args[0]).st_mode)
            injector.tick(f"os.{name}{' (folder)' if folder else ''}")
            return real(*args, **kwargs)

        monkeypatch.setattr(os, name, call)

    with monkeypatch.context() as patch:
        monkeypatch = patch
        for name in ("write", "fsync", "replace", "rename", "link"):
            wrap(name)
        patch.setattr(sqlite3, "connect", connect)
        patch.setattr(builtins, "open", open_)
        for kit_file in connections:
            patch.setattr(kit_file, "_db", Connection(kit_file._db, injector))
        yield
