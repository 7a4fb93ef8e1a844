"""PySide6 6.12 takes references to True and None it does not own; the editor survives it."""

from __future__ import annotations

import os
import subprocess
import sys

EDITS = """
from presskit import model
from presskit.gui.app import application
from presskit.gui.session import Session

application()
session = Session(model.PressKit())
# True and None start with a few hundred references on Python 3.11: thousands of edits,
# typed (merged) and not, would free them if any were lost.
for i in range(3000):
    session.set(("person", "name"), f"Name {i}", "Name", typing=True)
    session.set(("person", "location"), f"City {i}", "Based in")
for _ in range(1000):
    session.undo_stack.undo()
print(session.undo_stack.count(), session.kit.person.location)
"""


def test_thousands_of_edits_do_not_bring_the_editor_down():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", EDITS], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["6000", "City", "2499"]  # a step per edit; 500 of each undone
    assert "bool_dealloc" not in done.stderr
