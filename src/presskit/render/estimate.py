"""How large an export will be, told before it is made: fast, and without decoding images.

A press kit PDF is mostly its stills; the rest is the fonts (each one embedded once, as a
subset) and the text. So the estimate is the layout's planning pass (which still is placed
how large: ``document.placements``), then per still the byte size of its rendition, and
the fonts and text of what is shown:

- a rendition the kit file already holds (an earlier export at the same size) counts at
  its real size, read from the cache without loading it;
- any other is modelled from what is known without decoding: its pixel count at the
  profile's dpi, the original's bytes per pixel and the JPEG quality it was saved at (read
  from its quantisation table in the first bytes), and how far it is scaled down;
- each font the shown sections use costs about the same whatever the text (ReportLab
  embeds a subset; the tables dominate), and text costs a little per character.

Calibration (November 2026, Pillow 12, ReportLab 4): renditions of 20 test images (the
sample kit's five stills, and 3600x2400 photo-like frames with gradients, shapes, blur
and grain from sigma 8 to 50, each saved at quality 80, 92 and 97) were made at 12%, 25%,
50% and 80% of their width at both profiles' qualities, and a least-squares fit of
log(bytes per pixel) on log(original bytes per pixel), the original's quality and
log(scale) gave the constants in ``_JPEG_MODEL`` (per-still error: 24% rms at quality 78,
16% at 90; a kit's several stills average some of it out). The font costs are the embedded
subsets measured in exports of the sample kit in every theme; the text constants were set
against the remainder (PDF size minus images and fonts) in 60 exports of the sample kit
(three themes, both profiles, every section, each section alone, some together, one film),
where with the real rendition sizes the estimate is within 5%. Measured errors of the whole
estimate: sample kit -5% to +17% over those 60; generated photo kits (6 to 20 stills, up to
24 megapixels, quality 92 to 95) -13% to +8%. ``tests/render/test_estimate.py`` holds it to
25% of real exports; ``python -m tests.render.test_estimate`` prints the error of each case.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable

from presskit import model
from presskit.render.document import DEFAULT_OPTIONS, Options, placements, section_order
from presskit.render.images import PROFILES, AssetSource, Profile, pixels_for, spec_for
from presskit.render.sections import key_contact, pull_quote
from presskit.render.styles import build_styles
from presskit.render.themes import load_theme

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

# Bytes each embedded font subset adds (measured; see above). A font not listed, say one a
# new theme brings, is taken at a typical size.
FONT_BYTES = {
    "GentiumBookPlus-Regular": 19_800,
    "GentiumBookPlus-Italic": 21_600,
    "GentiumBookPlus-Bold": 20_000,
    "GentiumBookPlus-BoldItalic": 21_600,
    "Inter-Regular": 8_200,
    "Inter-Bold": 8_250,
    "Inter-Italic": 8_900,
    "Inter-BoldItalic": 9_000,
    "NotoSerif-Regular": 13_600,
    "NotoSerif-Bold": 14_000,
    "NotoSerif-Italic": 14_700,
    "NotoSerif-BoldItalic": 15_000,
    "NanumGothic-Regular": 15_300,
    "NanumGothic-Bold": 15_300,
    "DejaVuSans-Regular": 16_000,
    "DejaVuSans-Bold": 16_000,
}
_FONT_DEFAULT = 15_000
_BASE = 6_000  # the PDF's own structure: catalogue, outline, metadata, cross-reference
_PER_SECTION = 1_500  # a page or two each: page objects, folio, outline entry
_PER_CHAR = 0.75  # compressed content streams, per character of text shown
_PER_IMAGE = 400  # an image's dictionary and drawing operators

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
    """The PDF's size in bytes, to about a quarter either way."""
    profile = PROFILES.get(options.profile)
    if profile is None:
        profile = PROFILES["screen"]
    wanted = placements(kit, source, options)
    images = sum(_image_bytes(source, sha, box, profile) for sha, box in wanted.items())
    theme = load_theme(options.theme or kit.design.theme)
    names = section_order(kit, options.sections)
    shown = _Shown(kit, options.films)
    fonts, chars, sections = set(), 0, 0
    for name in names:
        used, text = _section(name, shown, theme)
        if not text and name != "cover":
            continue  # an empty section is left out of the PDF
        sections += 1
        fonts |= used
        chars += len(text)
        fonts |= _fallbacks(text)
    if any(name != "cover" for name in names):
        fonts.add(build_styles(theme).folio.fontName)
    text_bytes = _BASE + _PER_SECTION * sections + _PER_CHAR * chars + _PER_IMAGE * len(wanted)
    return round(images + text_bytes + sum(FONT_BYTES.get(f, _FONT_DEFAULT) for f in fonts))


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


# -- text and fonts ------------------------------------------------------------------------


class _Shown:
    """The films and stills an export shows: the same choice the layout makes."""

    def __init__(self, kit: model.PressKit, films: Iterable[str] | None):
        self.kit = kit
        chosen = None if films is None else set(films)
        self.films = [f for f in kit.films if chosen is None or f.id in chosen]
        ids = {f.id for f in self.films}
        self.stills = [
            s for s in kit.stills if s.included and s.asset and (not s.film or s.film in ids)
        ]


def _words(value: object) -> str:
    """Every string in a model object, joined: the text a section sets."""
    if isinstance(value, str):
        return value.strip()
    if dataclasses.is_dataclass(value):
        return _words([getattr(value, f.name) for f in dataclasses.fields(value)])
    if isinstance(value, list | tuple):
        return " ".join(t for t in (_words(v) for v in value) if t)
    return ""


def _captions(stills: Iterable[model.Still]) -> str:
    return " ".join(f"{s.caption} Photo: {s.credit}" for s in stills)


def _section(name: str, shown: _Shown, theme) -> tuple[set[str], str]:
    """The fonts a section sets its text in, and that text (empty: the section is left out)."""
    kit, styles = shown.kit, build_styles(theme)
    label_regular, label_bold = f"{styles.label.name}-Regular", f"{styles.label.name}-Bold"
    title = {styles.section.fontName}
    if name == "cover":
        fonts: set[str] = set()
        parts = []
        if kit.person.name.strip():
            fonts.add(styles.cover_name.fontName)
            parts.append(kit.person.name)
        if kit.person.name_original.strip():
            fonts.add(styles.cover_original.fontName)
            parts.append(kit.person.name_original)
        if kit.person.roles:
            fonts.add(label_bold)
            parts += kit.person.roles
        quote = pull_quote(kit)
        if quote:
            fonts.add(styles.pull_quote.fontName)
            parts.append(quote)
        still = _cover(kit, shown)
        if still is not None and still.credit.strip():
            fonts.add(styles.credit.fontName)
            parts.append(still.credit)
        contact = key_contact(kit)
        if contact:
            fonts.add(styles.cover_contact.fontName)
            parts.append(contact[0])
        return fonts, " ".join(parts)
    if name == "bio":
        text = " ".join((kit.person.bio_short, kit.person.bio_long)).strip()
        if not text:
            return set(), ""
        fonts = title | {styles.lead.fontName, styles.body.fontName}
        portrait = kit.still(kit.person.portrait) if kit.person.portrait else None
        if portrait and portrait.asset:
            fonts.add(styles.caption.fontName)
            text += " " + _captions([portrait])
        return fonts, text
    if name == "interview":
        items = [qa for qa in kit.interview.items if qa.question.strip() or qa.answer.strip()]
        if not items:
            return set(), ""
        iv = kit.interview
        fonts = title | {styles.question.fontName, styles.body.fontName, styles.meta.fontName}
        return fonts, " ".join([iv.title, iv.publication, iv.date, _words(items)])
    if name == "films":
        if not shown.films:
            return set(), ""
        fonts = title | {
            styles.heading.fontName,
            styles.meta.fontName,
            styles.logline.fontName,
            styles.body.fontName,
            label_bold,
            label_regular,
        }
        if any(f.directors_statement.strip() for f in shown.films):
            fonts.add(styles.subhead.fontName)
        if any(q.quote.strip() for f in shown.films for q in f.press_quotes):
            fonts.add(styles.lead.fontName)
        keys = [kit.still(f.key_still) for f in shown.films if f.key_still]
        keys = [k for k in keys if k and k.asset]
        if keys:
            fonts.add(styles.caption.fontName)
        return fonts, _words(shown.films) + " " + _captions(keys)
    if name == "stills":
        if not shown.stills:
            return set(), ""
        fonts = title | {styles.caption.fontName, styles.credit.fontName}
        if len({s.film for s in shown.stills}) > 1:
            fonts.add(styles.subhead.fontName)
        return fonts, _captions(shown.stills)
    if name == "contact":
        text = _words([kit.contact, kit.links])
        if not text:
            return set(), ""
        fonts = title | {styles.body.fontName}
        if kit.contact.representation.strip():
            fonts.add(styles.question.fontName)
        return fonts, text
    return set(), ""


def _cover(kit: model.PressKit, shown: _Shown) -> model.Still | None:
    chosen = kit.still(kit.design.cover_still) if kit.design.cover_still else None
    if chosen and chosen.asset:
        return chosen
    return next(iter(shown.stills), None)


def _fallbacks(text: str) -> set[str]:
    """The fallback fonts text needs beyond a theme's Latin, Greek and Cyrillic faces."""
    fonts = set()
    for char in set(text):
        code = ord(char)
        if code < 0x0250 or 0x0370 <= code < 0x0530 or 0x2000 <= code < 0x2070:
            continue
        if 0x1100 <= code < 0x1200 or 0x3130 <= code < 0x3190 or 0xAC00 <= code < 0xD7B0:
            fonts.add("NanumGothic-Regular")
        elif 0x20A0 <= code < 0x20D0 or code in (0x2122, 0x2190, 0x2192):
            continue  # currency signs, ™ and arrows: the theme's faces have them
        else:
            fonts.add("DejaVuSans-Regular")
    return fonts
