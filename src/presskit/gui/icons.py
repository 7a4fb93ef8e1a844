"""The window's icons: one set of bundled SVGs (Lucide), drawn in the palette's text colour.

Lucide's SVGs stroke in ``currentColor``; that word is replaced by the palette's colour for
each look an icon has (normal, disabled, on a selection's highlight) before the SVG is
drawn, so the icons read in light and dark schemes alike. Each is drawn at the sizes the
window shows it (16 px on buttons, 20 px in the section list and the toolbar) and at the
screen's pixel density, so it is crisp on high-DPI screens, never a small picture scaled up.

Plain pixmaps, not a Python ``QIconEngine``: PySide6 6.12 drops a reference to ``None``
each time Qt calls a Python ``paint`` override, which a long session would pay for.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from presskit.bundled import resources_dir

SIZES = (16, 20)  # px: push buttons; the section list and the toolbar
LOOKS = {
    QIcon.Mode.Normal: (QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
    QIcon.Mode.Disabled: (QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
    QIcon.Mode.Selected: (QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText),
}


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the current palette's colours; a
    FileNotFoundError names a missing one."""
    palette = QGuiApplication.palette()
    colours = tuple(palette.color(group, role).name() for group, role in LOOKS.values())
    ratio = QGuiApplication.instance().devicePixelRatio()  # the densest screen's
    return QIcon(_icon(name, colours, ratio))  # a copy: the cached one is never changed


def application_icon() -> QIcon:
    """presskit's own icon (resources/icons/app): the SVG, and the PNGs drawn from it for
    the sizes a window manager asks for most (crisper there than the SVG scaled down)."""
    folder = resources_dir() / "icons" / "app"
    result = QIcon(str(folder / "presskit.svg"))
    for png in sorted(folder.glob("presskit-*.png")):
        result.addFile(str(png))
    return result


@cache
def _icon(name: str, colours: tuple[str, ...], ratio: float) -> QIcon:
    svg = (resources_dir() / "icons" / f"{name}.svg").read_bytes()
    result = QIcon()
    for mode, colour in zip(LOOKS, colours, strict=True):
        renderer = QSvgRenderer(svg.replace(b"currentColor", colour.encode("ascii")))
        for size in SIZES:
            result.addPixmap(_draw(renderer, size, ratio), mode)
    return result


def _draw(renderer: QSvgRenderer, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(QSize(size, size) * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # In logical pixels: without the box, the renderer would fill the device pixels and draw
    # a 2x icon at twice its size, clipped.
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap
