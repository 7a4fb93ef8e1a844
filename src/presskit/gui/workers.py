"""One way to run a job off the GUI thread and get its result back on it.

The job gets only plain data (a snapshot, bytes, a path), never a widget; its result or
error comes back through a queued signal, so widgets are only touched on the GUI thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, job: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.job, self.relay = job, relay

    def run(self) -> None:
        try:
            result = self.job()
        except Exception as err:  # delivered to the caller's on_error
            self._deliver(self.relay.failed, err)
        else:
            self._deliver(self.relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        # The application may be gone (quit without waiting): then there is no one to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_alive: set[_Relay] = set()  # relays live until their job has reported


def run_in_background(
    job: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> None:
    """Runs ``job`` on a worker thread; ``on_done``/``on_error`` run on this thread, unless
    ``owner`` (the widget that asked) is gone by then: a closed window hears nothing."""
    relay = _Relay()  # created here, on the GUI thread: its slots run here
    _alive.add(relay)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _alive.discard(relay)
        if callback and (owner is None or shiboken6.isValid(owner)):
            callback(value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda err: finish(on_error, err))
    (pool or QThreadPool.globalInstance()).start(_Job(job, relay))


_saves: list[QThreadPool] = []


def save_pool() -> QThreadPool:
    """One thread for writing kit files: saves land in the order they were asked for, and
    never wait behind a preview or a thumbnail on the shared pool."""
    if not _saves:
        pool = QThreadPool(QCoreApplication.instance())
        pool.setMaxThreadCount(1)
        _saves.append(pool)
    return _saves[0]


def wait_for_saves(timeout_ms: int = 30_000) -> bool:
    """Lets a save already under way land first: a later save must never be overwritten by
    an earlier snapshot still waiting to be written."""
    return save_pool().waitForDone(timeout_ms)


def wait_for_background_jobs(timeout_ms: int = 10_000) -> bool:
    """Lets running jobs finish (on quit), so no thread outlives the objects it reports to."""
    return wait_for_saves(timeout_ms) and QThreadPool.globalInstance().waitForDone(timeout_ms)


class Latest:
    """One kind of job that only its newest ask matters for (a preview, an estimate, a check,
    an autosave): one runs at a time, asks made meanwhile become one more run when it ends,
    and the result of a run overtaken by a newer ask is dropped, never shown.

    ``start`` runs on the GUI thread when a run begins and returns the job for the worker:
    it takes its snapshot then, so each run works on the newest state, or returns None when
    there is nothing to do. A job that can stop early reads ``cancelled`` (set by
    ``cancel()``, cleared when a run begins); progress it reports through a signal of an
    object made on the GUI thread."""

    def __init__(
        self,
        start: Callable[[], Callable[[], Any] | None],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject,
        pool: QThreadPool | None = None,
    ):
        self._start, self._on_done, self._on_error = start, on_done, on_error
        self._owner, self._pool = owner, pool
        self.running = False
        self._again = False
        self.cancelled = threading.Event()

    def cancel(self) -> None:
        self.cancelled.set()

    def ask(self) -> None:
        if self.running:
            self._again = True
            return
        self._run()

    def _run(self) -> None:
        self._again = False
        self.cancelled.clear()
        job = self._start()
        if job is None:
            return
        self.running = True
        run_in_background(
            job,
            self._finished(self._on_done),
            self._finished(self._on_error),
            self._pool,
            self._owner,
        )

    def _finished(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def finish(value: Any) -> None:
            self.running = False
            if self._again:
                self._run()  # a newer ask came: this result is already stale
            else:
                callback(value)

        return finish
