"""What the layout's planning pass saw: each text with the font it is set in, each image with
the box it is placed in, and the sections that print; and, once the pages are laid out,
where each flowable landed (page and box) in which frame.

The planning pass runs the same section builders as the layout (``sections.story``), so
this record cannot drift from what the PDF shows. The size estimate and the "nothing to
show" check read it instead of working the layout out a second time; the layout checker
(``layout_check``) reads the landings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from presskit.render.fonts import Coverage, family, registered, runs


@dataclass(frozen=True)
class SetText:
    """One piece of text as the layout sets it (typographic quotes, capitals in labels)."""

    font: str  # the style's font, e.g. "Inter-Bold"
    text: str
    fallback_style: str = "Regular"  # the style of the fallback font a run may need


# What a flowable is to the layout rules: the roles the layout checker knows. A flowable
# without a role is plain text or space.
HEADINGS = ("heading", "film-title", "question", "label")
# Marks take no room: where a film's kept head starts and ends, where a film ends, where a
# section starts and ends, where a film's stills start.
MARKS = (
    *("film-head-start", "film-head-end", "film-end"),
    *("section-start", "section-end", "stills-group"),
)
# Laurels sit in a film's kept head, with its title: they may end a page as the head does.
ROLES = (*HEADINGS, *("laurels", "still", "caption", "credit"), *MARKS)

Box = tuple[float, float, float, float]  # left, bottom, right, top in points from the page's foot

_F = TypeVar("_F")


def mark(flowable: _F, role: str, key: str = "", text: str = "") -> _F:
    """Tells the layout checker what ``flowable`` is: a role from ``ROLES``, the still or
    film it belongs to, a few words to name it by."""
    assert role in ROLES, role
    flowable.layout_role = role  # type: ignore[attr-defined]
    flowable.layout_key = key  # type: ignore[attr-defined]
    flowable.layout_text = text  # type: ignore[attr-defined]
    return flowable


def _first_words(paragraph: Any) -> str:
    """The first line's words of a part of a split paragraph (whose plain text is empty)."""
    lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
    if not lines:
        return ""
    first = lines[0]
    if isinstance(first, tuple):  # plain lines: (space left, words)
        return " ".join(first[1])
    return "".join(getattr(word, "text", "") for word in getattr(first, "words", []))


@dataclass(frozen=True)
class Landing:
    """Where one flowable landed on the laid-out pages."""

    page: int  # 1-based
    role: str  # one of ROLES, or "" for plain text and pictures
    key: str  # the still's or film's id, for stills, captions, credits and film titles
    text: str  # a few words naming it, for a fault's sentence
    box: Box
    frame: Box  # the frame it was laid into
    space_before: float = 0.0  # what the frame adds above it when it does not open the frame
    space_after: float = 0.0  # and below it
    lines: int = 0  # a paragraph's lines
    parted: bool = False  # the first part of a paragraph the page's foot split

    @classmethod
    def of(cls, flowable: Any, page: int, box: Box, frame: Box) -> Landing:
        text = getattr(flowable, "layout_text", "")
        if not text and hasattr(flowable, "getPlainText"):
            text = flowable.getPlainText() or _first_words(flowable)
        return cls(
            page,
            getattr(flowable, "layout_role", ""),
            getattr(flowable, "layout_key", ""),
            " ".join(text.split()[:8]),
            box,
            frame,
            flowable.getSpaceBefore(),
            flowable.getSpaceAfter(),
            len(getattr(getattr(flowable, "blPara", None), "lines", ())),
            bool(getattr(flowable, "_splitpara", False)),  # set by Paragraph.split
        )


@dataclass
class Plan:
    texts: list[SetText] = field(default_factory=list)
    # The largest size (points) each image (by asset) is drawn at; its renditions are made
    # for that.
    images: dict[str, tuple[float, float]] = field(default_factory=dict)
    # The largest place (points) the layout gave each image: more than it is drawn at where
    # its pixels were too few to fill it at the profile's dpi.
    places: dict[str, tuple[float, float]] = field(default_factory=dict)
    sections: list[str] = field(default_factory=list)  # the sections that print, in order
    key_stills: dict[str, str] = field(default_factory=dict)  # film id -> its key still's id
    wreaths: int = 0  # laurel wreaths drawn (vector paths, for the size estimate)
    qr_codes: int = 0  # QR codes drawn (print)
    # Filled as the pages are laid out (``render_pdf``), empty after the planning pass alone:
    landings: list[Landing] = field(default_factory=list)
    pages: int = 0
    page_size: tuple[float, float] = (0.0, 0.0)
    cover: bool = False  # the first page is the cover

    def set_text(self, font: str, text: str, fallback_style: str = "Regular") -> None:
        if text.strip():
            self.texts.append(SetText(font, text, fallback_style))

    def place(
        self, asset: str, size: tuple[float, float], place: tuple[float, float] | None = None
    ) -> None:
        """``asset`` drawn at ``size`` in ``place`` (by default, a place of its own size)."""
        for sizes, this in ((self.images, size), (self.places, place or size)):
            previous = sizes.get(asset, (0.0, 0.0))
            sizes[asset] = (max(previous[0], this[0]), max(previous[1], this[1]))

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
                font = registered(fallback.name, item.fallback_style) if fallback else item.font
                used.setdefault(font, set()).update(map(ord, chunk))
        return used
