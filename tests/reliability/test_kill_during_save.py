"""Nothing lost: a process killed (SIGKILL) at a random moment while it saves leaves a file
that opens and holds exactly one of the versions it saved, never less than the last one it
reported saved. First the store saving in a loop, 200 kills; then the real editor window
autosaving while edits pour in.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presskit import model
from presskit.store import KitFile
from tests.reliability.conftest import held, note, ran
from tests.reliability.versions import editor_version, store_version, version_of

ROOT = Path(__file__).resolve().parents[2]
LONG = pytest.mark.timeout(900)  # 200 child processes each, on a busy 2-core machine
STORE_KILLS = 200
EDITOR_KILLS = 200  # as many as for the store; each starts Qt and the window (~0.3 s)


class Child:
    """A child process whose stdout lines are read without blocking past a deadline."""

    def __init__(self, module: str, *args: str, env: dict[str, str] | None = None):
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.fd = self.process.stdout.fileno()
        self.buffer = b""
        self.lines: list[str] = []

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        chunk = os.read(self.fd, 65536)
        if not chunk:
            return False
        self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        self.lines += [line.decode() for line in complete]
        return True

    def wait_for_line(self, wanted, timeout: float = 60, start: int = 0) -> None:
        """Reads until a line ``wanted(line)`` arrives (from line ``start`` on); a child that
        dies first fails the test."""
        deadline = time.monotonic() + timeout
        while not any(wanted(line) for line in self.lines[start:]):
            left = deadline - time.monotonic()
            if left <= 0:  # a child that hangs is ended here, not left running after the test
                self.process.kill()
                self.process.wait(timeout=30)
                raise AssertionError(f"no line from the child; stderr: {self.stderr()}")
            if not self._read(left) and self.process.poll() is not None:
                raise AssertionError(f"the child died: {self.stderr()}")

    def keep_reading_for(self, seconds: float) -> None:
        """The random moment: the child runs on while we read what it reports."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._read(left)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.buffer += self.process.stdout.read()  # lines written before the kill
        *complete, _partial = self.buffer.split(b"\n")
        self.lines += [line.decode() for line in complete]
        self.buffer = b""
        assert self.process.returncode == -signal.SIGKILL, self.stderr()

    def stderr(self) -> str:
        if self.process.poll() is None:
            return ""
        return self.process.stderr.read().decode(errors="replace")[-2000:]


@LONG
def test_killing_a_save_at_random_moments_never_loses_or_damages_the_kit(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "kit.presskit"
    kit, images = store_version(0)
    KitFile.create(path, kit, images).close()
    journal = path.with_name(path.name + "-journal")
    check = "1. kill during save (store)"
    current, mid_save = 0, 0
    for _ in range(STORE_KILLS):
        ran(check)
        child = Child("tests.reliability.save_child", str(path), str(current))
        child.wait_for_line(lambda line: True)
        child.keep_reading_for(rng.uniform(0, 0.05))
        child.kill()
        reported = int(child.lines[-1])
        mid_save += journal.exists()  # the kill landed inside a transaction
        with KitFile.open(path) as kit_file:
            kit = kit_file.load()
            n = version_of(kit)
            assert kit == store_version(n)[0]
            assert reported <= n <= reported + 1  # the last save reported is there, or the next
            for still in kit.stills:
                assert kit_file.asset_bytes(still.asset) == store_version(n)[1][0].data
            for revision in kit_file.revisions()[:3]:
                old = kit_file.load_revision(revision.id)
                assert old == store_version(version_of(old))[0]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["kit.presskit"]
        current = n
        held(check)
    note(check, f"{mid_save} kills landed inside a transaction; {current} versions saved")
    assert mid_save > 0, "no kill landed during a save: the test would prove nothing"


@LONG
def test_killing_the_editor_while_it_autosaves_never_loses_or_damages_the_kit(tmp_path):
    rng = random.Random(11)
    (tmp_path / "kit").mkdir()
    path = tmp_path / "kit" / "kit.presskit"
    base = model.PressKit(person=model.Person(name="Edit 0"))
    KitFile.create(path, base).close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
    }
    settings = tmp_path / "home" / "settings.ini"
    journal = path.with_name(path.name + "-journal")
    check = "1. kill during save (editor autosave)"
    current, autosaves, mid_save = 0, 0, 0
    for kill in range(EDITOR_KILLS):
        ran(check)
        child = Child("tests.reliability.autosave_child", str(path), str(settings), env=env)
        child.wait_for_line(lambda line: line == "autosaved")
        if kill % 2:  # half the kills aimed at an autosave just handed to its worker thread
            child.wait_for_line(lambda line: line == "autosave started", start=len(child.lines))
            child.keep_reading_for(rng.uniform(0, 0.01))
        else:  # the other half at any moment
            child.keep_reading_for(rng.uniform(0, 0.3))
        child.kill()
        edits = [int(line.split()[1]) for line in child.lines if line.startswith("edit ")]
        autosaves += child.lines.count("autosaved")
        mid_save += journal.exists()
        with KitFile.open(path) as kit_file:
            kit = kit_file.load()
        n = version_of(kit)
        assert kit == editor_version(base, n)
        assert current < n <= max(edits)  # an autosave finished, so something new is kept
        assert sorted(p.name for p in path.parent.iterdir()) == ["kit.presskit"]
        current = n
        held(check)
    note(
        check,
        f"real MainWindow offscreen, one Qt start per kill; {autosaves} autosaves, "
        f"{mid_save} kills inside one",
    )
    assert mid_save > 0, "no kill landed during an autosave: the test would prove nothing"
