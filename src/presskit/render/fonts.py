"""The bundled fonts, registered with ReportLab, and a fallback font for every other script.

Each run of characters is set in the first font that has glyphs for it: the theme's face,
then NanumGothic (Hangul), then DejaVu Sans (Hebrew, Arabic, Armenian, Georgian, symbols).
A character no font covers is left out and reported, never drawn as an empty box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from presskit.bundled import resources_dir
from presskit.errors import ExportError

FALLBACKS = ("NanumGothic", "DejaVuSans")
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class Face:
    """A family by name: what styles need, without loading a font file."""

    name: str

    @property
    def bold(self) -> str:
        return f"{self.name}-Bold"

    @property
    def italic(self) -> str:
        return f"{self.name}-Italic"

    @property
    def regular(self) -> str:
        return f"{self.name}-Regular"


@dataclass(frozen=True)
class Family(Face):
    """A registered family, with the characters it has glyphs for."""

    covers: frozenset[int] = frozenset()


def font_file(name: str, style: str) -> Path:
    """A bundled family's file for ``style``; a missing italic takes the upright and a
    missing bold the regular (a slanted roman is a fake italic), in the PDF and the web
    page alike."""
    folder = resources_dir() / "fonts" / name
    fallback = {"Bold": "Regular", "Italic": "Regular", "BoldItalic": "Bold"}
    while not (folder / f"{name}-{style}.ttf").is_file():
        if style == "Regular":
            raise ExportError(f"The font “{name}” is not among presskit's fonts.")
        style = fallback[style]
    return folder / f"{name}-{style}.ttf"


@cache
def family(name: str) -> Family:
    """Registers a bundled family (all four styles, as ``font_file`` finds them) and
    returns it."""
    registered: dict[str, str] = {}
    covers: frozenset[int] = frozenset()
    for style in STYLES:
        font_name = f"{name}-{style}"
        font = TTFont(font_name, str(font_file(name, style)))
        pdfmetrics.registerFont(font)
        registered[style] = font_name
        if style == "Regular":
            covers = frozenset(font.face.charToGlyph)
    for bold, italic, style in (
        (0, 0, "Regular"),
        (1, 0, "Bold"),
        (0, 1, "Italic"),
        (1, 1, "BoldItalic"),
    ):
        addMapping(name, bold, italic, registered[style])
    pdfmetrics.registerFontFamily(
        name,
        normal=registered["Regular"],
        bold=registered["Bold"],
        italic=registered["Italic"],
        boldItalic=registered["BoldItalic"],
    )
    return Family(name, covers)


def _invisible(char: str) -> bool:
    """Joiners and variation selectors: nothing to draw, nothing lost by leaving them out."""
    return (
        unicodedata.category(char) in ("Cf", "Mn") and not char.isprintable()
    ) or char in "\ufe0e\ufe0f\u200d"


@dataclass
class Coverage:
    """Characters that no font could draw, gathered over one export."""

    missing: set[str] = field(default_factory=set)

    def sentence(self) -> str:
        chars = " ".join(sorted(self.missing))
        return f"No bundled font can draw {chars}; left out of the PDF." if self.missing else ""


def _fallback_for(code: int, primary: Family) -> Family | None:
    """The first fallback that draws ``code``; each is loaded only when first needed."""
    for name in FALLBACKS:
        if name != primary.name and code in (fallback := family(name)).covers:
            return fallback
    return None


def runs(text: str, primary: Family, coverage: Coverage) -> Iterator[tuple[Family | None, str]]:
    """``text`` in runs, each with the family that draws it (None: the primary face)."""
    current: Family | None = None
    chunk: list[str] = []
    for char in text:
        code = ord(char)
        if char in "\n\t " or code in primary.covers:
            chosen: Family | None = None
        else:
            chosen = _fallback_for(code, primary)
            if chosen is None:
                if not _invisible(char):
                    coverage.missing.add(char)
                continue
        if chosen is not current and chunk:
            yield current, "".join(chunk)
            chunk = []
        current = chosen
        chunk.append(char)
    if chunk:
        yield current, "".join(chunk)
