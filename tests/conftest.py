"""Test setup shared by every test: Qt offscreen, settings kept away from the person's own."""

from __future__ import annotations

import os

# Set before any Qt import, so GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config):
    # Tests never read or write the person's own settings, recent files or recovery folder.
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
