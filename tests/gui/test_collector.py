"""Garbage is collected on the GUI thread, by a timer, never on a render thread."""

from __future__ import annotations

import gc
import threading
import weakref

from presskit.gui.app import application


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_freed_on_the_gui_thread_only(qtbot):
    application()
    assert not gc.isenabled()
    freed_on: list[str] = []
    cycle = Cycle()
    weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread().name))
    del cycle

    def allocate_on_a_worker() -> None:  # enough to cross gc's threshold many times over
        [Cycle() for _ in range(20_000)]

    worker = threading.Thread(target=allocate_on_a_worker, name="render")
    worker.start()
    worker.join()
    assert freed_on == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: freed_on == [threading.main_thread().name], timeout=5000)
