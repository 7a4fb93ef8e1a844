"""Test setup shared by every test: Qt offscreen, settings kept away from the person's own."""

from __future__ import annotations

import gc
import os

import pytest

# Set before any Qt import, so GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config):
    # Tests never read or write the person's own settings, recent files or recovery folder.
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    # Nor the person's cache (the web press kit's cut fonts): one of the run's own, which
    # the command-line tests' children inherit.
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="presskit-test-cache-")


@pytest.fixture(autouse=True)
def python_collects_where_no_event_loop_does(request):
    """The editor turns automatic garbage collection off and collects on its event loop
    (gui/collector.py); a test without an event loop gets Python's own collector back."""
    if "qtbot" in request.fixturenames:
        yield
        return
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


_BLAMED: set[int] = set()  # applications already reported: one report, not one per later test


@pytest.fixture(autouse=True)
def no_application_but_the_shared_one(request):
    """A test that makes its own QGuiApplication/QApplication leaves it behind for every
    later test (a QGuiApplication makes every later widget abort the run): tests use
    pytest-qt's shared ``qapp`` (``qtbot`` brings it) before anything calls application()."""
    yield
    from PySide6.QtCore import QCoreApplication
    from pytestqt import plugin

    app = QCoreApplication.instance()
    if app is None or app is getattr(plugin, "_qapp_instance", None) or id(app) in _BLAMED:
        return
    _BLAMED.add(id(app))
    pytest.fail(
        f"{request.node.nodeid} left its own {type(app).__name__} behind: "
        "ask for the qapp fixture instead of making one"
    )


def pytest_terminal_summary(terminalreporter, config) -> None:
    # -q hides pytest-randomly's header: the seed goes at the end, so a failing order repeats.
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int) and config.pluginmanager.has_plugin("randomly"):
        terminalreporter.write_line(f"test order: -p randomly --randomly-seed={seed} repeats it")


def pytest_collection_finish(session) -> None:
    # Also before the first test: a run that crashes (a segfault in Qt) never reaches the
    # summary, and its order is the one thing needed to repeat it.
    pytest_terminal_summary(
        session.config.pluginmanager.get_plugin("terminalreporter"), session.config
    )
