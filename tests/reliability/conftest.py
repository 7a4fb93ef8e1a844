"""The reliability suite counts what it ran: each check adds its cases here, and the counts
are printed at the end of the run (``make test`` and ``pytest tests/reliability`` alike)."""

from __future__ import annotations

from collections import defaultdict

from tests.gui.conftest import window  # noqa: F401  (the editor on a copy of the sample kit)

# check -> [cases run, cases that held]
COUNTS: dict[str, list[int]] = defaultdict(lambda: [0, 0])
NOTES: dict[str, str] = {}


def record(check: str, *, ran: int, held: int, note: str = "") -> None:
    COUNTS[check][0] += ran
    COUNTS[check][1] += held
    if note:
        NOTES[check] = note


def pytest_terminal_summary(terminalreporter) -> None:
    if not COUNTS:
        return
    terminalreporter.section("reliability: cases run")
    for check, (ran, held) in sorted(COUNTS.items()):
        note = f" ({NOTES[check]})" if check in NOTES else ""
        terminalreporter.write_line(f"{check}: {ran} cases, {held} held{note}")
