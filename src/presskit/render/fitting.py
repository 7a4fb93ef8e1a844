"""Text held to a number of lines, so no field, however long, pushes a page over: the cover's
name first set smaller, then wrapped, then cut; the folio cut to one line with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

ELLIPSIS = "…"
_SIZE_STEPS = 8  # from the style's size down to the smallest, in this many even steps

MakeParagraph = Callable[[str, ParagraphStyle], Paragraph]


def line_count(paragraph: Paragraph, width: float) -> int:
    paragraph.wrap(width, 1e6)
    return len(paragraph.blPara.lines)


def shortened(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` whole when it fits, else its longest start that fits with an ellipsis."""
    if fits(text):
        return text
    short, long = 0, len(text)  # text[:short] + "…" fits (or short is 0); text[:long] does not
    while long - short > 1:
        middle = (short + long) // 2
        if fits(text[:middle].rstrip() + ELLIPSIS):
            short = middle
        else:
            long = middle
    return text[:short].rstrip() + ELLIPSIS


def resized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """``style`` at another size, its leading kept in proportion."""
    scale = size / style.fontSize
    return ParagraphStyle(
        f"{style.name}@{size:.2f}", style, fontSize=size, leading=style.leading * scale
    )


class HeldText(Flowable):
    """A paragraph held to ``max_lines``. While it takes more than ``fit_lines`` it is set
    smaller, down to ``min_size``; at that size it wraps on, and past ``max_lines`` it is
    cut with an ellipsis (before ``closing``, a closing quotation mark, say)."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        make: MakeParagraph,
        *,
        max_lines: int,
        fit_lines: int | None = None,
        min_size: float | None = None,
        closing: str = "",
    ):
        super().__init__()
        self.text, self.style = text, style
        self.make = lambda text, style: make(text + closing, style)
        self.max_lines = max_lines
        self.fit_lines = min(fit_lines or max_lines, max_lines)
        self.min_size = min(min_size or style.fontSize, style.fontSize)
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.paragraph: Paragraph | None = None

    def _sizes(self) -> list[float]:
        top, bottom = self.style.fontSize, self.min_size
        if bottom >= top:
            return [top]
        return [top - (top - bottom) * step / _SIZE_STEPS for step in range(_SIZE_STEPS + 1)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        style, paragraph = self.style, None
        for size in self._sizes():
            style = resized(self.style, size) if size != self.style.fontSize else self.style
            paragraph = self.make(self.text, style)
            if line_count(paragraph, available_width) <= self.fit_lines:
                break
        assert paragraph is not None
        if line_count(paragraph, available_width) > self.max_lines:
            text = shortened(
                self.text,
                lambda t: line_count(self.make(t, style), available_width) <= self.max_lines,
            )
            paragraph = self.make(text, style)
        self.paragraph = paragraph
        self.width, self.height = paragraph.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        assert self.paragraph is not None
        self.paragraph.drawOn(self.canv, 0, 0)
