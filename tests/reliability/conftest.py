"""The reliability suite counts what it ran: each check counts a case as run when it starts
and as held when its asserts have passed, and the counts are printed at the end of the run
(``make test`` and ``pytest tests/reliability`` alike). A check that fails part-way shows as
"N cases, M held" with M < N, not as nothing.

    with case("1. kill during save (store)"):   # one case: run now, held if the block passes
        ...
    ran(CHECK, 40); ...asserts...; held(CHECK, 40)   # many cases checked together
    note(CHECK, "12 exported")                     # shown after the counts
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.gui.conftest import window  # noqa: F401  (the editor on a copy of the sample kit)


@dataclass
class Tally:
    ran: dict[str, int] = field(default_factory=dict)
    held: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        found = []
        for check in sorted(self.ran):
            ran, held = self.ran[check], self.held.get(check, 0)
            text = f"{check}: {ran} cases, {held} held"
            if held < ran:
                text += f" — {ran - held} DID NOT HOLD"
            if check in self.notes:
                text += f" ({self.notes[check]})"
            found.append(text)
        return found


TALLY = Tally()


def ran(check: str, n: int = 1, tally: Tally = TALLY) -> None:
    tally.ran[check] = tally.ran.get(check, 0) + n


def held(check: str, n: int = 1, tally: Tally = TALLY) -> None:
    tally.held[check] = tally.held.get(check, 0) + n


def note(check: str, text: str, tally: Tally = TALLY) -> None:
    tally.notes[check] = text


@contextmanager
def case(check: str, tally: Tally = TALLY) -> Iterator[None]:
    """One case: counted as run on entry, as held only if the block ends without an error."""
    ran(check, tally=tally)
    yield
    held(check, tally=tally)


def pytest_terminal_summary(terminalreporter) -> None:
    if not TALLY.ran:
        return
    terminalreporter.section("reliability: cases run")
    for line in TALLY.lines():
        terminalreporter.write_line(line)
