"""The Preflight panel: findings kept current as the kit changes; a click shows the field.

Checks run off the GUI thread on a snapshot, a moment after the last edit; the counts sit in
the status bar and open the panel.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QPushButton, QWidget

from presskit.gui.session import Session
from presskit.gui.workers import Latest

CHECK_DELAY_MS = 600
MARKS = {
    "error": "Error:",
    "warning": "Warning:",
    "tip": "Tip:",
}  # words, not emoji: every font has them


def parse_where(where: str) -> tuple[str | int, ...]:
    """ "stills[2].credit" -> ("stills", 2, "credit")."""
    path: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_]+)|\[(\d+)\]", where):
        path.append(int(index) if index else name)
    return tuple(path)


class PreflightPanel(QDockWidget):
    """Lists findings; ``reveal`` is asked to show the place of the one clicked."""

    checked = Signal()

    def __init__(
        self, session: Session, reveal: Callable[[tuple], None], parent: QWidget | None = None
    ):
        super().__init__("Preflight", parent)
        self.setObjectName("preflight")
        self.session = session
        self.reveal = reveal
        self.findings: list = []
        self._checked: list | None = None  # preflight's own findings, of the newest check
        self._blank = False
        # Whether the preview lays out each version of the kit: then the layout findings
        # come from its renders (``take_layout``), not from a second render here.
        self.preview_renders: Callable[[], bool] = lambda: False
        self._layout: list = []
        self.list = QListWidget()
        self.list.setObjectName("findings")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.setWidget(self.list)
        self.counts = QPushButton("Checking…")
        self.counts.setObjectName("preflight-counts")
        self.counts.setFlat(True)
        self.counts.setToolTip("Show what to fix before sending the kit")
        self.counts.clicked.connect(self.show_panel)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        self._checks = Latest(self._check_job, self._show, self._failed, self)
        session.undo_stack.indexChanged.connect(self._timer.start)
        self._timer.start()

    def show_panel(self) -> None:
        self.show()
        self.raise_()

    def run_check(self) -> None:
        """One check at a time; edits made meanwhile ask for one more, of the newest kit."""
        self._checks.ask()

    def _check_job(self) -> Callable[[], list] | None:
        snapshot, images = self.session.snapshot(), self.session.worker_images()
        if snapshot.is_blank():
            self._show([], blank=True)
            return None
        layout = not self.preview_renders()

        def job() -> list:
            # Imported here, on the worker: preflight brings in ReportLab, a fifth of a
            # second of imports that would otherwise freeze the window.
            from presskit import preflight

            with images() as source:
                return preflight.check(snapshot, source, layout=layout)

        return job

    def _failed(self, err: BaseException) -> None:
        self.counts.setText("Preflight could not run")
        self.counts.setToolTip(str(err))

    def take_layout(self, faults: list) -> None:
        """The layout faults of the preview's newest render, shown with the other findings."""
        from presskit import preflight  # quick: the preview's render loaded what it needs

        self._layout = preflight.layout_findings(faults)
        if self._checked is not None:  # else the first check shows them
            self._list()

    def _show(self, checked: list, *, blank: bool = False) -> None:
        self._checked, self._blank = checked, blank
        self._list()
        self.checked.emit()

    def _list(self) -> None:
        """The newest check's findings and the preview's layout findings, errors first."""
        assert self._checked is not None
        blank = self._blank
        layout = self._layout if self.preview_renders() and not blank else []
        findings = sorted(self._checked + layout, key=lambda f: list(MARKS).index(f.severity))
        self.findings = findings
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(f"{MARKS[finding.severity]}  {finding.message}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, finding.where)
            item.setToolTip(finding.where)
        if not findings:
            empty = QListWidgetItem(
                "Nothing to check yet." if blank else "Nothing to fix: the kit is ready to send.",
                self.list,
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        counts = {s: sum(f.severity == s for f in findings) for s in MARKS}
        parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
        if blank:
            self.counts.setText("Nothing to check yet")
        else:
            self.counts.setText(" · ".join(parts) if parts else "Ready to send")

    def _activated(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if where:  # not the "nothing to fix" line
            self.reveal(parse_where(where))
