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
    """A family by name. Each style's font file is read (and registered with ReportLab)
    when its name is first asked for, so an export reads only the styles its theme sets
    text in: reading a file takes about a hundredth of a second, a Hangul face's four."""

    name: str

    @property
    def bold(self) -> str:
        return registered(self.name, "Bold")

    @property
    def italic(self) -> str:
        return registered(self.name, "Italic")

    @property
    def regular(self) -> str:
        return registered(self.name, "Regular")


@dataclass(frozen=True)
class Family(Face):
    """A family whose regular is registered, with the characters it has glyphs for."""

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
def registered(name: str, style: str) -> str:
    """The name ReportLab knows ``style`` of family ``name`` by, its file read and
    registered the first time: the file's own name, so a style the family lacks is the
    one standing in for it ("NanumGothic-Regular" for its italic), read once."""
    _map_styles(name)
    return _read(font_file(name, style)).fontName


@cache
def family(name: str) -> Family:
    """The bundled family ``name``, its regular registered (``registered``)."""
    regular = _read(font_file(name, "Regular"))
    _map_styles(name)
    return Family(name, frozenset(regular.face.charToGlyph))


@cache
def _read(path: Path) -> TTFont:
    font = TTFont(path.stem, str(path))
    pdfmetrics.registerFont(font)
    return font


@cache
def _map_styles(name: str) -> None:
    """Tells ReportLab which font is the family's bold, italic and bold italic (names
    only: a file is read when its style is asked for). Stand-ins come first, so that each
    file's name reads back as its own style."""
    for bold, italic, style in (
        (1, 1, "BoldItalic"),
        (0, 1, "Italic"),
        (1, 0, "Bold"),
        (0, 0, "Regular"),
    ):
        addMapping(name, bold, italic, font_file(name, style).stem)


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
