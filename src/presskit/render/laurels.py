"""Festival laurels drawn in vector: a pair of leaf branches framing the festival's note, name
and year; every laurel one size, in rows that wrap, centred (LAYOUT.md, Laurels)."""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

LEAVES = 7  # on each branch
GAP = 8.0  # points between laurels in a row


class LaurelRow(Flowable):
    """One row of laurels, each ``size`` wide, centred in the width it is given.

    Each laurel is a list of flowables (its lines of text) set in the middle of the wreath;
    the row is as tall as the tallest text needs, and never less than the wreath's shape."""

    def __init__(self, laurels: list[list[Flowable]], size: float, ink: Color):
        super().__init__()
        self.laurels, self.size, self.ink = laurels, size, ink
        self.text_width = size * 0.62
        self.keepWithNext = 1  # a laurel row never ends a page (LAYOUT.md, Pagination)

    def _text_height(self, lines: list[Flowable]) -> float:
        return sum(line.wrap(self.text_width, 1000)[1] for line in lines)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        tallest = max((self._text_height(lines) for lines in self.laurels), default=0)
        self.width = available_width
        self.height = max(self.size * 0.78, tallest + self.size * 0.24)
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.laurels)
        row = count * self.size + (count - 1) * GAP
        left = (self.width - row) / 2
        for i, lines in enumerate(self.laurels):
            x = left + i * (self.size + GAP)
            self._wreath(x)
            text = self._text_height(lines)
            y = (self.height + text) / 2
            for line in lines:
                _w, h = line.wrap(self.text_width, 1000)
                y -= h
                line.drawOn(self.canv, x + (self.size - self.text_width) / 2, y)

    def _wreath(self, x: float) -> None:
        """Two branches of leaves along arcs, open at the top, joined at the foot."""
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.ink)
        canvas.setStrokeColor(self.ink)
        centre_x, centre_y = x + self.size / 2, self.height / 2
        radius_x, radius_y = self.size * 0.47, self.height * 0.46
        leaf = self.size * 0.085
        for side in (-1, 1):
            path = canvas.beginPath()
            for step in range(LEAVES + 1):
                angle = math.radians(-100 + step * 150 / LEAVES)  # from the foot up the side
                px = centre_x + side * radius_x * math.cos(angle)
                py = centre_y + radius_y * math.sin(angle)
                if step == 0:
                    path.moveTo(px, py)
                else:
                    path.lineTo(px, py)
                if step < LEAVES:
                    self._leaf(px, py, angle, side, leaf)
            canvas.setLineWidth(0.6)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    def _leaf(self, x: float, y: float, angle: float, side: int, length: float) -> None:
        """A leaf pointing up the branch and outward, drawn as a filled ellipse."""
        canvas = self.canv
        canvas.saveState()
        canvas.translate(x, y)
        tangent = math.degrees(angle) + 90  # the branch's direction, going up
        canvas.rotate(tangent if side > 0 else 180 - tangent)
        canvas.rotate(-28 * side)  # leaves lean away from the stem
        canvas.ellipse(0, -length * 0.22, length, length * 0.22, stroke=0, fill=1)
        canvas.restoreState()
