"""How large an export will be, told before it is made: fast, and without decoding images.

A press kit PDF is mostly its stills; the rest is the fonts (each embedded as a subset)
and the text. The estimate reads the layout's planning pass (``document.plan``: the same
section builders as the PDF, recording each image with its placed box and each text with
its font) and adds up:

- per image, its rendition: one the kit file already holds (an earlier export at the same
  size) counts at its real size, read from the cache without loading it; any other is
  modelled from what is known without decoding: its pixel count at the profile's dpi, the
  original's bytes per pixel and the JPEG quality it was saved at (read from its
  quantisation table in the first bytes), and how far it is scaled down;
- per font, the subsets ReportLab will embed for the characters set in it (fallback fonts
  chosen by glyph coverage, as the layout chooses them), made and compressed here: within
  a few bytes of the PDF's own, for any font a theme names;
- the rest, by a small linear model: sections, characters, images, laurel wreaths, QR
  codes, font subsets.

Calibration (November 2026, Pillow 12, ReportLab 4): renditions of 20 test images (the
sample kit's five stills, and 3600x2400 photo-like frames with gradients, shapes, blur
and grain from sigma 8 to 50, each saved at quality 80, 92 and 97) were made at 12%, 25%,
50% and 80% of their width at both profiles' qualities, and a least-squares fit of
log(bytes per pixel) on log(original bytes per pixel), the original's quality and
log(scale) gave the constants in ``_JPEG_MODEL`` (per-still error: 24% rms at quality 78,
16% at 90; a kit's several stills average some of it out). With the real rendition sizes
the whole estimate is within 3% of 48 exports, tiny kits included (see ``_BASE``); the
image model brings the rest of its error. ``tests/render/test_estimate.py`` holds it to
its tolerance of real exports; ``python -m tests.render.test_estimate`` prints each error
and their mean.
"""

from __future__ import annotations

import math
import threading
import zlib
from functools import cache, lru_cache

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile

from presskit import model
from presskit.render.document import DEFAULT_OPTIONS, Options, plan
from presskit.render.images import PROFILES, AssetSource, Profile, pixels_for, spec_for
from presskit.render.plan import Plan

# log(rendition bytes per pixel) = a + b*log(original bytes per pixel)
#                                  + c*(100 - original quality) + d*log(scale)
_JPEG_MODEL = {
    78: (-1.219, 0.857, 0.048, 0.382),
    90: (-0.729, 0.739, 0.040, 0.337),
}
# Not a JPEG original (PNG, TIFF, WebP): its bytes say little, so only the scale counts.
_OTHER_MODEL = {78: (-1.409, 0.382), 90: (-0.915, 0.337)}
_ASSUMED_QUALITY = 90  # a JPEG whose quantisation table cannot be read
_HEAD = 64 * 1024  # enough of a JPEG to reach its quantisation tables past an EXIF thumbnail

# The rest, fitted (least squares) to what is left of 48 real exports once their images and
# font glyphs are taken away: the sample kit, two kits of photographs, four tiny kits (a
# name, a name and a bio, one film, an email) and the layout corpus's rich kit (festivals,
# awards, trailers), in every theme, both profiles, sections alone and together. Each is
# within 2 KB of that remainder (November 2026, after the film pages' laurels and QR codes).
_BASE = 840  # the PDF's own structure: catalogue, outline, metadata, cross-reference
_PER_SECTION = 800  # a page or two each: page objects, folio, outline entry
_PER_CHAR = 0.53  # compressed content streams, per character of text shown
_PER_IMAGE = 540  # an image's dictionary and drawing operators
_PER_WREATH = 500  # a laurel wreath's curves
_PER_QR_CODE = 930  # a QR code's modules (print)
_PER_SUBSET = 2_400  # a font subset's objects besides its glyphs: font, widths, descriptor, cmap
_SUBSETTING = threading.Lock()  # one estimate at a time uses the estimate's own font copies


# The standard IJG luminance table: a JPEG's quality is read from how its table is scaled.
_IJG_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip


def estimate_size(
    kit: model.PressKit, source: AssetSource, options: Options = DEFAULT_OPTIONS
) -> int:
    """The PDF's size in bytes, within about a fifth (the error of the image model)."""
    profile = PROFILES.get(options.profile)
    if profile is None:
        profile = PROFILES["screen"]
    laid_out = plan(kit, source, options)
    images = sum(_image_bytes(source, sha, box, profile) for sha, box in laid_out.images.items())
    fonts = sum(font_bytes(font, frozenset(chars)) for font, chars in _by_file(laid_out).items())
    text = (
        _BASE
        + _PER_SECTION * len(laid_out.sections)
        + _PER_CHAR * laid_out.characters()
        + _PER_IMAGE * len(laid_out.images)
        + _PER_WREATH * laid_out.wreaths
        + _PER_QR_CODE * laid_out.qr_codes
    )
    return round(images + fonts + text)


# -- images --------------------------------------------------------------------------------


def _image_bytes(source: AssetSource, sha: str, box: tuple[float, float], profile: Profile) -> int:
    info = source.asset_info(sha)
    size = pixels_for((info.width, info.height), box, profile.dpi)
    spec = spec_for(profile, size)
    cached = _cached_size(source, sha, spec)
    if cached is not None:
        return cached
    pixels = size[0] * size[1]
    scale = max(1e-3, size[0] / max(1, info.width))
    quality = min(_JPEG_MODEL, key=lambda q: abs(q - profile.quality))
    if info.mime == "image/jpeg":
        original_quality = jpeg_quality(_head(source, sha)) or _ASSUMED_QUALITY
        per_pixel = max(1e-3, info.size / max(1, info.width * info.height))
        a, b, c, d = _JPEG_MODEL[quality]
        log_bpp = a + b * math.log(per_pixel) + c * (100 - original_quality) + d * math.log(scale)
    else:
        a, d = _OTHER_MODEL[quality]
        log_bpp = a + d * math.log(scale)
    return round(pixels * math.exp(log_bpp))


def _cached_size(source: AssetSource, sha: str, spec: str) -> int | None:
    rendition_size = getattr(source, "rendition_size", None)
    if rendition_size is not None:
        return rendition_size(sha, spec)
    data = source.get_rendition(sha, spec)
    return None if data is None else len(data)


def _head(source: AssetSource, sha: str) -> bytes:
    asset_head = getattr(source, "asset_head", None)
    if asset_head is not None:
        return asset_head(sha, _HEAD)
    return source.asset_bytes(sha)[:_HEAD]


def jpeg_quality(head: bytes) -> int | None:
    """The IJG quality (1-100) a JPEG was saved at, from its luminance quantisation table;
    None when the bytes hold no table (not a JPEG, or cut short before it)."""
    if not head.startswith(b"\xff\xd8"):
        return None
    at = 2
    while at + 4 <= len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        length = int.from_bytes(head[at + 2 : at + 4], "big")
        if marker == 0xDA or length < 2:  # the image data starts: no table came before it
            return None
        if marker == 0xDB:
            table = head[at + 4 : at + 2 + length]
            while len(table) >= 65:
                precision, number = table[0] >> 4, table[0] & 0x0F
                width = 2 if precision else 1
                count = 64 * width
                values = [
                    int.from_bytes(table[1 + i * width : 1 + (i + 1) * width], "big")
                    for i in range(64)
                ]
                if number == 0 and len(table) >= 1 + count:
                    # Order-free: a table is stored in zigzag order, the reference is not.
                    scale = sum(values) / sum(_IJG_LUMINANCE) * 100
                    quality = 100 - scale / 2 if scale <= 100 else 5000 / scale
                    return max(1, min(100, round(quality)))
                table = table[1 + count :]
        at += 2 + length
    return None


# -- fonts -------------------------------------------------------------------------------


def _by_file(laid_out: Plan) -> dict[str, set[int]]:
    """The characters set in each font file. A family without an italic sets it in its
    upright's file, and ReportLab embeds a file's subset once (it names it by file and face),
    so two font names on one file count once."""
    fonts: dict[str, str] = {}  # file -> the first font name on it
    chars: dict[str, set[int]] = {}
    for font, used in laid_out.glyphs().items():
        first = fonts.setdefault(pdfmetrics.getFont(font).face.filename, font)
        chars.setdefault(first, set()).update(used)
    return chars


@lru_cache(maxsize=256)
def font_bytes(font: str, chars: frozenset[int]) -> int:
    """What embedding the registered ``font`` for ``chars`` adds to the PDF: the subsets
    ReportLab makes of it, made here the same way and compressed as the PDF stores them.
    Any font a theme brings is counted so, with no table of sizes to keep up."""
    face = _own_face(pdfmetrics.getFont(font).face.filename)
    total = 0
    with _SUBSETTING:
        for subset in _subsets(set(face.charToGlyph), chars):
            total += len(zlib.compress(face.makeSubset(subset))) + _PER_SUBSET
    return total


@cache
def _own_face(filename: str) -> TTFontFile:
    """The estimate's own copy of a font file: making a subset moves a read position in
    it, and the renderer may be subsetting its copy in another thread at the same time."""
    return TTFontFile(filename)


def _subsets(covered: set[int], chars: frozenset[int]) -> list[list[int]]:
    """The character codes of each subset, as ``TTFont.splitString`` fills them: with
    ``ttfAsciiReadable`` the first holds all of ASCII in place, others fill codes 1-31 and
    128-255; each later subset holds up to 255 more (code 0 is the missing glyph)."""
    if not rl_config.ttfAsciiReadable:
        codes = sorted(c for c in chars if c in covered)
        return [[0, *codes[at : at + 255]] for at in range(0, max(1, len(codes)), 255)]
    others = sorted(c for c in chars if c in covered and not 32 <= c < 128 and c != 0xA0)
    first = [0, *others[:31]] + [0] * (31 - len(others[:31]))
    first += [c for c in range(32, 128) if c in covered] + others[31:159]
    rest = others[159:]
    return [first] + [[0, *rest[at : at + 255]] for at in range(0, len(rest), 255)]
