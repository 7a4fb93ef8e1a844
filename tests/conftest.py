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
