"""The page's fonts: presskit's bundled faces cut down to the characters the page shows,
as WOFF2 (fontTools), so the page looks like the PDF without a request to a font service.

A character the theme's faces lack is drawn from the PDF's fallbacks (NanumGothic for
Hangul, DejaVu Sans for the rest: ``render.fonts.FALLBACKS``); a fallback is written only
when the page needs it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import secrets
from collections.abc import Iterable
from functools import cache, lru_cache
from html.parser import HTMLParser
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from presskit.render.fonts import FALLBACKS, font_file
from presskit.web.style import WebFace

# Tables a browser never reads (Graphite shaping, VisualTrueType sources): dropped quietly
# rather than with a warning each time.
_UNUSED_TABLES = ["Silf", "Glat", "Gloc", "Feat", "Sill", "TSIV", "TSID", "TSIJ", "TSIP"]
_UNUSED_TABLES += ["TSIS", "TSI0", "TSI1", "TSI2", "TSI3", "TSI5", "TSIB", "TSIC"]


def font_path(face: WebFace) -> Path:
    """The face's TTF, as the PDF takes it (``render.fonts.font_file``)."""
    return font_file(face.family, face.style)


@cache
def _covers(path: Path) -> frozenset[int]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def covers(face: WebFace) -> frozenset[int]:
    """The characters ``face`` has glyphs for."""
    return _covers(font_path(face))


def cache_folder() -> Path:
    """Where cut fonts are kept between runs (``$XDG_CACHE_HOME/presskit/web-fonts``): a
    cache that can always be rebuilt, so a package exported again need not cut them anew
    (a tenth of a second and more a face)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "presskit" / "web-fonts"


@lru_cache(maxsize=32)  # a package's faces, twice over: the editor may export again
def _subset(path: Path, text: str) -> bytes:
    """The cut font from the cache folder when a whole one is there, else cut and kept."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"\0{fontTools.version}\0{text}".encode("utf-8", "surrogatepass"))
    kept = cache_folder() / f"{digest.hexdigest()}.woff2"
    with contextlib.suppress(OSError):
        data = kept.read_bytes()
        if data[:4] == b"wOF2" and len(data) == int.from_bytes(data[8:12], "big"):
            return data  # whole: the header's length is the file's
    data = _cut(path, text)
    _keep(kept, data)
    return data


def _keep(path: Path, data: bytes) -> None:
    """Writes a cut font into the cache, whole or not at all; a cache that cannot be written
    (a read-only home) only means cutting again next time."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _cut(path: Path, text: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # screens smooth type themselves: a third smaller, and faster
    options.drop_tables += _UNUSED_TABLES
    font = subset.load_font(str(path), options)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        subset.save_font(font, out, options)
        return out.getvalue()
    finally:
        font.close()


def woff2(face: WebFace, chars: Iterable[str]) -> bytes:
    """``face`` as WOFF2 with only the glyphs for ``chars`` (and what shaping them needs).
    The same face and characters are cut once per process (a package exported twice)."""
    quiet = logging.getLogger("fontTools.subset")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "... NOT subset; don't know how to subset; dropped"
    try:
        return _subset(font_path(face), "".join(sorted(set(chars))))
    finally:
        quiet.setLevel(level)


def fallbacks_needed(primary: list[WebFace], chars: Iterable[str]) -> dict[str, str]:
    """Fallback family -> the characters it draws: those some primary face lacks, each from
    the first fallback that has it."""
    needed: dict[str, str] = {}
    lacking = {c for c in chars if any(ord(c) not in covers(face) for face in primary)}
    for name in FALLBACKS:
        drawn = {c for c in lacking if ord(c) in covers(WebFace(name))}
        if drawn:
            needed[name] = "".join(sorted(drawn))
            lacking -= drawn
    return needed


class _Text(HTMLParser):
    """The characters a page shows: its text, outside <script>, <style> and <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: set[str] = set()
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.chars.update(data)


def page_chars(html: str) -> set[str]:
    """Every character the page shows, in both cases (a theme may capitalise labels)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    chars = set(parser.chars)
    for char in parser.chars:
        chars.update(char.upper(), char.lower())
    return {c for c in chars if not c.isspace() or c == " "}
