"""Test setup shared by every test: Qt offscreen, settings kept away from the person's own."""

from __future__ import annotations

import os

# Set before any Qt import, so GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
