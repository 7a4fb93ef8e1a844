"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed. With
the preview and the thumbnails rendering on worker threads, that is often a worker, and a
cycle it frees may hold a Qt object of the GUI thread (a closed dialog's widgets, a slot's
closure): deleting it there crashes the process. So automatic collection is switched off and
this timer collects, on the GUI thread, whatever the thresholds say is due (a well-worn
pattern in Qt applications written in Python).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # often enough that cycles never pile up; a check costs microseconds


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> None:
        """Collects the oldest generation whose count is past its threshold, as gc would."""
        counts = gc.get_count()
        due = [g for g in range(3) if counts[g] > self.thresholds[g]]
        if due:
            gc.collect(max(due))
