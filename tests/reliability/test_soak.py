"""The soak bench in small (``bench/soak.py`` runs 10,000 steps), and what it found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presskit import model
from presskit.gui.session import Session
from presskit.store import KEEP_REVISIONS, KitFile
from tests.reliability.conftest import held, note, ran
from tests.store.test_kitfile import asset, kit_with

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(900)  # 400 steps and two exports in a child process
def test_a_short_soak_raises_nothing_and_undoing_everything_gives_back_the_kit():
    check = "6. soak (short, in the suite)"
    ran(check, 400)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "soak.py"),
            *("--steps", "400", "--seed", "3", "--export-every", "200"),  # two exports
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["exceptions"] == 0, done.stderr[-3000:]
    assert result["undo_everything_restores_the_kit"] is True
    assert result["steps"] == 400 and result["exports"] == 2
    assert result["steps_by_kind"]["export"] == 2
    held(check, 400)
    note(check, "2 exports; bench/soak.py runs 10,000 steps")


@pytest.mark.usefixtures("qapp")
def test_undoing_a_removal_after_many_saves_finds_the_picture(tmp_path):
    """Found by the soak: once more saves than the kept revisions had passed, a save wiped the
    picture of a removed still that undo could still bring back."""
    ran("6. soak finding: pictures undo can restore are kept")
    path = tmp_path / "kit.presskit"
    KitFile.create(path, kit_with(asset(1), asset(2)), [asset(1), asset(2)]).close()
    with KitFile.open(path) as kit_file:
        session = Session(kit_file.load(), kit_file)
        session.apply(model.RemoveItem(("stills",), 0), "Remove still")
        for n in range(KEEP_REVISIONS + 2):
            session.set(("person", "name"), f"Save {n}", "Name")
            session.save()
        while session.undo_stack.canUndo():
            session.undo_stack.undo()
        assert [s.asset for s in session.kit.stills] == [asset(1).sha256, asset(2).sha256]
        assert kit_file.asset_bytes(asset(1).sha256) == asset(1).data
    held("6. soak finding: pictures undo can restore are kept")


def test_an_autosave_after_many_saves_keeps_the_picture_undo_can_restore(window):
    session = window.session
    removed = session.kit.stills[0]
    session.apply(model.RemoveItem(("stills",), 0), "Remove still")
    for n in range(KEEP_REVISIONS + 2):
        session.set(("person", "name"), f"Save {n}", "Name")
        session.save()
    session.set(("person", "name"), "Autosaved", "Name")
    window.autosave_now()
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.kit.stills[0] == removed
    session.kit_file.asset_info(removed.asset)  # KitFileError: the picture was wiped
