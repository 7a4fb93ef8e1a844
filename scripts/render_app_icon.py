"""Renders presskit's application icon (resources/icons/app/presskit.svg) to the PNG sizes
desktops ask for, with Qt's own SVG renderer. Run after changing the SVG; commit the PNGs.

    .venv/bin/python scripts/render_app_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "icons" / "app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage painting needs the application)
    renderer = QSvgRenderer(str(FOLDER / "presskit.svg"))
    if not renderer.isValid():
        print("presskit.svg cannot be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(FOLDER / f"presskit-{size}.png"))
    print(f"Wrote {len(SIZES)} PNGs into {FOLDER}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
