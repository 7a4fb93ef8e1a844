"""The window's icons: one set of bundled SVGs (Lucide), drawn in the palette's text colour.

Each icon is drawn from its SVG at the size and pixel density it is painted at, so it stays
crisp on high-DPI screens, and in the colour of the current palette, so it reads in light
and dark schemes alike. Lucide's SVGs stroke in ``currentColor``; that word is replaced by
the colour before the SVG is parsed. Nothing is drawn until an icon is first painted, so
asking for icons costs next to nothing at startup.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from presskit.bundled import resources_dir


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; a FileNotFoundError names a missing one."""
    _svg(name)  # read now, so a missing file fails where the icon is asked for, not in a paint
    return QIcon(_SvgIconEngine(name))


@cache
def _svg(name: str) -> bytes:
    return (resources_dir() / "icons" / f"{name}.svg").read_bytes()


@cache
def _renderer(name: str, color: str) -> QSvgRenderer:
    """One parsed SVG per icon and colour: parsing is the costly part of drawing one."""
    return QSvgRenderer(_svg(name).replace(b"currentColor", color.encode("ascii")))


def _color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:  # on the highlight, like the selected item's text
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


# PySide6 lets Qt delete an engine that clone() returns only if Python still holds it then;
# clones (made when a shared QIcon is changed, which presskit never does) are kept here.
_CLONES: list[QIconEngine] = []


class _SvgIconEngine(QIconEngine):
    """Draws the SVG when painted: the colour follows the palette if the scheme changes."""

    def __init__(self, name: str):
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        _renderer(self._name, _color(mode).name()).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Drawn at the screen's pixel density, not scaled up from a small picture."""
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        engine = _SvgIconEngine(self._name)
        _CLONES.append(engine)
        return engine

    def key(self) -> str:
        return "presskit-svg"
