"""What the layout's planning pass saw: each text with the font it is set in, each image with
the box it is placed in, and the sections that print.

The planning pass runs the same section builders as the layout (``sections.story``), so
this record cannot drift from what the PDF shows. The size estimate and the "nothing to
show" check read it instead of working the layout out a second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.render.fonts import Coverage, family, runs


@dataclass(frozen=True)
class SetText:
    """One piece of text as the layout sets it (typographic quotes, capitals in labels)."""

    font: str  # the style's font, e.g. "Inter-Bold"
    text: str
    fallback_style: str = "Regular"  # the style of the fallback font a run may need


@dataclass
class Plan:
    texts: list[SetText] = field(default_factory=list)
    # The largest box (points) each image (by asset) is placed in.
    images: dict[str, tuple[float, float]] = field(default_factory=dict)
    sections: list[str] = field(default_factory=list)  # the sections that print, in order

    def set_text(self, font: str, text: str, fallback_style: str = "Regular") -> None:
        if text.strip():
            self.texts.append(SetText(font, text, fallback_style))

    def place(self, asset: str, size: tuple[float, float]) -> None:
        previous = self.images.get(asset, (0.0, 0.0))
        self.images[asset] = (max(previous[0], size[0]), max(previous[1], size[1]))

    @property
    def shows_nothing(self) -> bool:
        return not self.texts and not self.images

    def characters(self) -> int:
        return sum(len(t.text) for t in self.texts)

    def glyphs(self) -> dict[str, set[int]]:
        """Each font the PDF embeds, with the characters drawn in it. Runs are split between
        a face and its fallbacks by ``fonts.runs``, as when the text is set, so this loads
        the fonts (the layout itself never needs it)."""
        used: dict[str, set[int]] = {}
        for item in self.texts:
            primary = family(item.font.rsplit("-", 1)[0])
            for fallback, chunk in runs(item.text, primary, Coverage()):
                font = f"{fallback.name}-{item.fallback_style}" if fallback else item.font
                used.setdefault(font, set()).update(map(ord, chunk))
        return used
