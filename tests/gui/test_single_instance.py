"""A second `presskit FILE` while the editor runs hands FILE to the running editor: two real
processes, offscreen, each with the same private home."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys

import pytest

from presskit import kitio
from presskit.store.locking import is_locked_elsewhere

TIMEOUT_S = 60


@pytest.fixture
def environment(tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }


def sample(path):
    kitio.create_kit(path, kitio.sample_json()).close()
    return path


@pytest.fixture
def running(tmp_path, qtbot, environment):
    """`presskit first.presskit`, running until the test ends; ready once it holds its kit."""
    first = sample(tmp_path / "first.presskit")
    editor = start_editor(first, environment, tmp_path / "editor.log")
    qtbot.waitUntil(lambda: is_locked_elsewhere(first) or editor.poll() is not None, timeout=60_000)
    assert editor.poll() is None, f"the editor ended with {editor.returncode}"
    yield editor
    terminate(editor, tmp_path / "editor.log")


def start_editor(kit, environment, log) -> subprocess.Popen:
    """`presskit KIT` in its own process group (the editor and its render workers), with
    Python's fault handler on and its errors in ``log`` (``terminate``)."""
    with open(log, "wb") as errors:
        return subprocess.Popen(
            [sys.executable, "-X", "faulthandler", "-m", "presskit", str(kit)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )


def terminate(editor: subprocess.Popen, log) -> None:
    """SIGTERM, as a session's end sends it; an editor still running a minute later is made
    to print where each of its threads waits (SIGABRT, with the fault handler on), and the
    test fails with that (once, in CI, an editor did not end; nowhere else)."""
    os.killpg(editor.pid, signal.SIGTERM)
    try:
        editor.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        editor.send_signal(signal.SIGABRT)
        editor.wait(timeout=TIMEOUT_S)
        with contextlib.suppress(ProcessLookupError):  # its render workers, if any are left
            os.killpg(editor.pid, signal.SIGKILL)
        pytest.fail(f"the editor did not end on SIGTERM; it was at:\n{log.read_text()[-6000:]}")


def second_presskit(path, environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "presskit", str(path)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def test_a_second_presskit_file_opens_in_the_running_editor(tmp_path, running, environment):
    second = sample(tmp_path / "second.presskit")
    assert not is_locked_elsewhere(second)
    done = second_presskit(second, environment)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Opened second.presskit in the presskit already running.\n"
    # The second process has ended: the kit is held open by the running editor.
    assert is_locked_elsewhere(second)
    assert running.poll() is None


def test_the_kit_already_open_is_brought_forward_not_opened_twice(tmp_path, running, environment):
    done = second_presskit(tmp_path / "first.presskit", environment)
    assert done.returncode == 0, done.stderr
    assert "already running" in done.stdout
    assert is_locked_elsewhere(tmp_path / "first.presskit")
    assert running.poll() is None


def test_a_file_the_running_editor_cannot_open_is_one_sentence(tmp_path, running, environment):
    bad = tmp_path / "notes.presskit"
    bad.write_bytes(b"not a kit at all")
    done = second_presskit(bad, environment)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("presskit: error: "), done.stderr
    assert "notes.presskit" in lines[0]
    assert bad.read_bytes() == b"not a kit at all"
    assert running.poll() is None  # the running editor carries on


def socket_path(environment) -> str:
    """Where the editors started with ``environment`` meet: the local socket's file."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from PySide6.QtCore import QDir\n"
            "from presskit.gui.single_instance import server_name\n"
            "print(QDir(QDir.tempPath()).filePath(server_name()))",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_another_editor_leaves_the_hand_offs_to_the_first(
    tmp_path, running, environment, monkeypatch
):
    """A second bare `presskit` (here: this test's own editor process) does not take the
    socket from the one already running."""
    from presskit.gui import single_instance

    name = os.path.basename(socket_path(environment))
    monkeypatch.setattr(single_instance, "server_name", lambda: name)
    opened: list[str] = []
    later = single_instance.InstanceServer(opened.append)
    assert not later.server.isListening()
    second = sample(tmp_path / "second.presskit")
    done = second_presskit(second, environment)
    assert done.returncode == 0, done.stderr
    assert is_locked_elsewhere(second) and opened == []


def test_a_socket_left_by_a_crash_does_not_stop_the_hand_off(tmp_path, qtbot, environment):
    where = socket_path(environment)
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(where)  # the file a crashed editor's socket leaves, with nobody listening
    leftover.close()
    try:
        log = tmp_path / "editor.log"
        editor = start_editor(sample(tmp_path / "first.presskit"), environment, log)
        try:
            qtbot.waitUntil(
                lambda: is_locked_elsewhere(tmp_path / "first.presskit"), timeout=60_000
            )
            second = sample(tmp_path / "second.presskit")
            done = second_presskit(second, environment)
            assert done.returncode == 0, done.stderr
            assert is_locked_elsewhere(second)
        finally:
            terminate(editor, log)
    finally:
        if os.path.exists(where):
            os.unlink(where)
