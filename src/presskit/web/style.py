"""The web press kit's stylesheet, made from the theme's TOML, so a new theme needs no code.

Each kind of text takes its face, size, leading and colour from the PDF's paragraph styles
(``render.styles.build_styles``): the page and the PDF are one design. Points become rems
around a body size fit for a screen, lengths in millimetres become rems, and every text
colour is checked against its background: where a theme's colour is too light to read
(WCAG AA, 4.5:1), the page uses it darkened just enough.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from presskit.render.laurels import LEAVES
from presskit.render.styles import build_styles
from presskit.render.themes import Theme

AA = 4.5  # WCAG 2 level AA, text of any size
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
MIN_BODY_PX = 16.0  # no body text smaller on a screen
PX_PER_PT = 1.7  # a screen is read farther away than paper
MM_TO_REM = 0.2  # a 5 mm gutter is a 1 rem gap


# -- colour --------------------------------------------------------------------------------


def _channels(colour: str) -> tuple[int, int, int]:
    if not _HEX.fullmatch(colour):
        raise ValueError(f"{colour!r} is not a colour written as #RRGGBB")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio, 1 to 21."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable(colour: str, background: str, ratio: float = AA) -> str:
    """``colour``, or the nearest shade of it (towards black on a light background, white on
    a dark one) that reaches ``ratio`` against ``background``."""
    if contrast(colour, background) >= ratio:
        return colour.lower()
    target = 0 if luminance(background) > 0.18 else 255
    channels = _channels(colour)
    for step in range(1, 101):
        mix = step / 100
        shade = "#" + "".join(f"{round(c + (target - c) * mix):02x}" for c in channels)
        if contrast(shade, background) >= ratio:
            return shade
    return "#000000" if target == 0 else "#ffffff"


@dataclass(frozen=True)
class Palette:
    """The page's colours: each text colour readable on the background it is set on."""

    paper: str
    ink: str
    muted: str
    accent: str  # accent as text (labels, questions, links on hover)
    rule: str  # decoration only: rules and laurel branches carry no text
    cover_paper: str
    cover_ink: str
    cover_muted: str
    cover_accent: str

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """(name, text colour, background) for every text colour the stylesheet sets."""
        return [
            ("ink", self.ink, self.paper),
            ("muted", self.muted, self.paper),
            ("accent", self.accent, self.paper),
            ("cover ink", self.cover_ink, self.cover_paper),
            ("cover muted", self.cover_muted, self.cover_paper),
            ("cover accent", self.cover_accent, self.cover_paper),
        ]


def palette(theme: Theme) -> Palette:
    c = theme.colours
    return Palette(
        paper=c.paper.lower(),
        ink=readable(c.text, c.paper),
        muted=readable(c.muted, c.paper),
        accent=readable(c.accent, c.paper),
        rule=c.rule.lower(),
        cover_paper=c.cover_paper.lower(),
        cover_ink=readable(c.cover_text, c.cover_paper),
        cover_muted=readable(c.muted, c.cover_paper),
        cover_accent=readable(c.accent, c.cover_paper),
    )


# -- faces ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebFace:
    """One bundled font file in the page: a family in one weight and slant."""

    family: str  # a folder in resources/fonts
    bold: bool = False
    italic: bool = False

    @classmethod
    def named(cls, font_name: str) -> WebFace:
        """The face ReportLab calls "GentiumBookPlus-BoldItalic"."""
        family, style = font_name.rsplit("-", 1)
        return cls(family, "Bold" in style, "Italic" in style)

    @property
    def style(self) -> str:
        return {(0, 0): "Regular", (1, 0): "Bold", (0, 1): "Italic", (1, 1): "BoldItalic"}[
            (self.bold, self.italic)
        ]

    @property
    def css_family(self) -> str:
        return f"pk-{self.family}"

    @property
    def file_name(self) -> str:
        return f"{self.family}-{self.style}.woff2"


# Each kind of text on the page: (CSS selector, the PDF style it takes after).
ROLES: tuple[tuple[str, str], ...] = (
    ("body", "body"),
    (".t-lead", "lead"),
    (".t-logline", "logline"),
    (".t-section", "section"),
    (".t-heading", "heading"),
    (".t-subhead", "subhead"),
    (".t-question", "question"),
    (".t-meta", "meta"),
    (".t-caption", "caption"),
    (".t-credit", "credit"),
    (".t-cover-name", "cover_name"),
    (".t-cover-original", "cover_original"),
    (".t-cover-meta", "cover_meta"),
    (".t-pull-quote", "pull_quote"),
    (".t-cover-contact", "cover_contact"),
)


def faces(theme: Theme) -> list[WebFace]:
    """The faces the stylesheet sets text in, the label face's bold (labels) included."""
    styles = build_styles(theme)
    found = {WebFace.named(getattr(styles, name).fontName) for _selector, name in ROLES}
    found |= {WebFace(theme.fonts.label, bold=True), WebFace(theme.fonts.label)}
    return sorted(found, key=lambda f: (f.family, f.bold, f.italic))


# -- the stylesheet ------------------------------------------------------------------------


def _rem(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") + "rem"


def _size(ratio: float) -> str:
    """A size ``ratio`` times the body's: large ones shrink on a narrow screen, so a name
    set at 50 points still fits a phone."""
    if ratio <= 1.6:
        return _rem(ratio)
    low = max(1.35, ratio * 0.5)
    return f"clamp({_rem(low)}, {ratio * 0.9:.2f}vw + {low * 0.5:.2f}rem, {_rem(ratio)})"


def _stack(face: WebFace, fallbacks: list[str]) -> str:
    names = [face.css_family, *(f"pk-{name}" for name in fallbacks)]
    return ", ".join(f'"{name}"' for name in names)


def stylesheet(theme: Theme, fallbacks: list[str]) -> str:
    """The whole stylesheet: @font-face for ``faces(theme)`` and for each fallback family
    (Regular and Bold), custom properties from the theme, then the layout."""
    colours = palette(theme)
    styles = build_styles(theme)
    body_pt = theme.sizes.body
    body_px = max(MIN_BODY_PX, body_pt * PX_PER_PT)
    spacing, style = theme.spacing, theme.style
    by_colour = {
        theme.colours.text.lower(): "var(--ink)",
        theme.colours.muted.lower(): "var(--muted)",
        theme.colours.accent.lower(): "var(--accent)",
    }
    out: list[str] = [
        f"/* Made by presskit from the theme “{theme.name}”: edit the theme, not this file. */\n"
    ]
    font_faces = faces(theme) + [
        WebFace(name, bold=bold) for name in fallbacks for bold in (False, True)
    ]
    for face in font_faces:
        out.append(
            "@font-face {\n"
            f'  font-family: "{face.css_family}";\n'
            f'  src: url("fonts/{face.file_name}") format("woff2");\n'
            f"  font-weight: {700 if face.bold else 400};\n"
            f"  font-style: {'italic' if face.italic else 'normal'};\n"
            "  font-display: swap;\n"
            "}\n"
        )
    label = WebFace(theme.fonts.label)
    out.append(
        ":root {\n"
        f"  --paper: {colours.paper};\n  --ink: {colours.ink};\n  --muted: {colours.muted};\n"
        f"  --accent: {colours.accent};\n  --rule: {colours.rule};\n"
        f"  --cover-paper: {colours.cover_paper};\n  --cover-ink: {colours.cover_ink};\n"
        f"  --cover-muted: {colours.cover_muted};\n  --cover-accent: {colours.cover_accent};\n"
        f"  --label-font: {_stack(label, fallbacks)};\n"
        f"  --gutter: {_rem(spacing.gutter * MM_TO_REM)};\n"
        f"  --margin: clamp(1.25rem, 5vw, {_rem(spacing.margin * MM_TO_REM * 0.8)});\n"
        f"  --letter-spacing: {theme.spacing.letter_spacing / theme.sizes.caption:.3f}em;\n"
        f"  --section-gap: {_rem(6 if style.section_break == 'page' else 4)};\n"
        f"  --measure: 40rem;\n  --wide: 72rem;\n"
        "}\n"
        f"html {{ font-size: {body_px / 16 * 100:.2f}%; }}\n"
    )
    for selector, name in ROLES:
        ps = getattr(styles, name)
        face = WebFace.named(ps.fontName)
        colour = by_colour.get(ps.textColor.hexval().replace("0x", "#").lower(), "inherit")
        if name.startswith("cover") or name == "pull_quote":
            colour = "inherit"  # the cover sets its own ink; a quote takes its section's
        out.append(
            f"{selector} {{\n"
            f"  font-family: {_stack(face, fallbacks)};\n"
            f"  font-weight: {700 if face.bold else 400};\n"
            f"  font-style: {'italic' if face.italic else 'normal'};\n"
            f"  font-size: {_size(ps.fontSize / body_pt)};\n"
            f"  line-height: {max(1.1, ps.leading / ps.fontSize):.3f};\n"
            f"  color: {colour};\n"
            "}\n"
        )
    out.append(
        f".t-section {{ text-transform: {'uppercase' if style.section_case == 'upper' else 'none'};"
        f" letter-spacing: {'0.04em' if style.section_case == 'upper' else 'normal'}; }}\n"
        f".t-label {{ font-family: var(--label-font); font-weight: 700;"
        f" font-size: {_rem(theme.sizes.caption / body_pt * 1.1)}; }}\n"
        f".t-question {{ color: {'var(--accent)' if style.question_font == 'label' else 'var(--ink)'}; }}\n"
        f"body {{ text-align: {'justify' if style.justify else 'start'}; }}\n"
        f".laurel {{ font-size: {_rem(theme.sizes.caption / body_pt)}; }}\n"
    )
    if style.rules:
        out.append(
            '.t-section::after { content: ""; display: block; width: 3rem; height: 2px;'
            " margin-top: 0.6rem; background: var(--accent-rule, var(--accent)); }\n"
        )
    out.append(LAYOUT)
    return "".join(out)


# The layout every theme shares; the theme's values arrive through the custom properties
# above. Mobile first: one column, then wider measures from 48rem and 60rem.
LAYOUT = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); overflow-wrap: anywhere;
  hyphens: auto; }
img { display: block; max-width: 100%; height: auto; }
a { color: inherit; text-decoration-color: var(--accent); text-underline-offset: 0.18em;
  text-decoration-thickness: 1px; }
a:hover, a:focus-visible { color: var(--accent); }
.cover a:hover, .cover a:focus-visible { color: inherit; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 3px; }
p { margin: 0 0 0.75em; }
h1, h2, h3, h4 { margin: 0; text-wrap: balance; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; top: 1rem; z-index: 2; background: var(--paper); padding: 0.5rem 1rem; }

.t-label { text-transform: uppercase; letter-spacing: var(--letter-spacing); line-height: 1.4;
  margin: 0 0 0.4rem; color: var(--accent); }
.t-label-muted { color: var(--muted); font-weight: 400; }
.t-muted { color: var(--muted); }
.t-question { margin: 2rem 0 0.6rem; max-width: var(--measure); }

/* The masthead: the person's name and the sections, on one line when there is room. */
.masthead { border-bottom: 1px solid var(--rule); background: var(--paper); }
.masthead-inner { max-width: var(--wide); margin: 0 auto; padding: 0.9rem var(--margin);
  display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: baseline;
  justify-content: space-between; }
.site-name { margin: 0; color: var(--ink); }
.masthead nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 0.25rem 1.25rem; font-family: var(--label-font); font-size: 0.8rem; }
.masthead nav a { text-decoration: none; color: var(--muted); display: inline-block;
  padding: 0.35rem 0; }
.masthead nav a:hover, .masthead nav a:focus-visible { color: var(--accent); }

main { display: block; }
.section { max-width: var(--wide); margin: 0 auto; padding: var(--section-gap) var(--margin) 0; }
.section > * { max-width: var(--measure); }
.section > .t-section { margin-bottom: 1.6rem; }
.section > .gallery, .section > .bio, .section > .film { max-width: none; }

/* The cover */
.cover { background: var(--cover-paper); color: var(--cover-ink); }
.cover-framed { max-width: var(--wide); margin: 0 auto;
  padding: clamp(2rem, 6vw, 5rem) var(--margin) 1rem;
  display: grid; gap: 2rem var(--margin); grid-template-columns: minmax(0, 1fr); }
.cover .t-label { color: var(--cover-accent); }
.cover-full-bleed .t-label { color: var(--cover-ink); }
.cover-full-bleed .cover-text, .cover-full-bleed .cover-foot { max-width: var(--wide);
  margin: 0 auto; padding: 2rem var(--margin) 0; }
.cover-full-bleed .cover-foot { padding-bottom: 3rem; }
.cover-full-bleed .cover-still { margin: 0; }
.cover-full-bleed .cover-still img { width: 100%; max-height: 78vh; object-fit: cover; }
.cover-full-bleed .cover-still figcaption { padding: 0.4rem var(--margin) 0;
  padding-left: max(var(--margin), calc((100% - var(--wide)) / 2 + var(--margin))); }
.t-cover-name { margin: 0 0 0.3em; }
.t-cover-original { margin: 0 0 1rem; }
.cover .t-credit { color: var(--cover-muted); }
/* A still is never taller than most of the screen: a portrait frame narrows instead. */
.cover-framed .cover-still { max-width: min(100%, calc(75vh * var(--ratio, 1.5))); }
.cover-framed .cover-still img { width: 100%; }
.cover-foot .laurels { margin-top: 0; }
.cover-quote { margin: 1.5rem 0 0; max-width: 38rem; }
.cover-quote p { text-indent: -0.45em; }
.cover-contact { margin: 2rem 0 0; padding-top: 0.8rem; position: relative; }
.cover-contact::before { content: ""; position: absolute; top: 0; left: 0; width: 3rem;
  height: 1px; background: var(--cover-accent); }
@media (min-width: 60rem) {
  /* The name across the top; under it the still on the right, the quote on the left. */
  .cover-framed.cover-with-still { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); }
  .cover-framed .cover-text { grid-column: 1 / span 2; grid-row: 1; }
  .cover-framed .cover-still { grid-column: 2; grid-row: 2; }
  .cover-framed .cover-foot { grid-column: 1; grid-row: 2; align-self: end; }
}

/* Stills and their credits */
figure { margin: 0; }
.still figcaption { padding-top: 0.45rem; }
.still .caption, .still .credit { display: block; }
.still-link { display: block; }
.still-missing { aspect-ratio: 3 / 2; display: grid; place-items: center;
  border: 1px dashed var(--muted); color: var(--muted); font-family: var(--label-font);
  font-size: 0.8rem; padding: 1rem; text-align: center; }
/* The PDF's rows: each still's width in proportion to its shape, so a row's stills are one
   height and fill the share of the width the PDF's row fills; on a phone, one a row. */
.gallery { display: grid; gap: var(--gutter); margin: 0 0 2rem; }
.still-row { display: flex; gap: var(--gutter); max-width: var(--fill, 100%); }
.gallery-still { flex: var(--ratio, 1.5) 1 0; min-width: 0; }
.gallery-still img { width: 100%; }
@media (max-width: 36rem) {
  .still-row { flex-wrap: wrap; max-width: none; }
  .gallery-still { flex-basis: 100%; }
}
.section-stills > .t-subhead { margin: 1.5rem 0 0.8rem; }
.key-still { margin: 0 0 1.5rem; max-width: min(100%, calc(80vh * var(--ratio, 1.5))); }
.key-still img { width: 100%; }

/* About */
.bio { display: grid; gap: 1.5rem calc(var(--margin) * 1.2); }
.portrait { max-width: min(100%, 18rem); }
.bio-text { max-width: var(--measure); }
@media (min-width: 48rem) {
  .bio-with-portrait { grid-template-columns: minmax(0, 18rem) minmax(0, var(--measure)); }
}

/* Films */
.film { padding: 1rem 0 2.5rem; }
.film + .film { border-top: 1px solid var(--rule); padding-top: 3rem; }
.film-body { display: grid; gap: 0 calc(var(--margin) * 1.5); }
.film-main > * { max-width: var(--measure); }
.film-main > .laurels { max-width: none; }
.film-facts { min-width: 0; }
@media (min-width: 60rem) {
  .film-body { grid-template-columns: minmax(0, 7fr) minmax(0, 4fr); }
  .film-facts > .t-subhead:first-child { margin-top: 0.4rem; }
  .film-facts .credits { grid-template-columns: minmax(0, 1fr); }
}
.film-head { margin-bottom: 1.5rem; }
.film-head .t-heading { margin-bottom: 0.3rem; }
.film-head .t-meta { margin: 0 0 0.2rem; }
.film-head .status { margin-top: 0.8rem; }
.film .t-logline { margin-top: 0.8rem; }
.film .t-subhead { margin: 1.8rem 0 0.6rem; }
.press-quote { margin: 1.2rem 0 1.5rem; }
.press-quote blockquote { margin: 0 0 0.4rem; }
.press-quote p, .cover-quote p { margin: 0; }
.links { list-style: none; padding: 0; margin: 1rem 0 1.5rem; }
.links li { margin: 0 0 0.3rem; }
.credits, .specs { margin: 0; }
.credits { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
  gap: 0.8rem var(--margin); max-width: var(--measure); }
.credits dt { margin: 0; font-size: 0.72rem; }
.credits dd, .specs dd { margin: 0; }
.specs div { display: grid; grid-template-columns: minmax(0, 11rem) minmax(0, 1fr); gap: 1rem;
  align-items: baseline; border-bottom: 1px solid var(--rule); padding: 0.35rem 0; }
.more-quote { margin-top: 1rem; max-width: var(--measure); }

/* Laurels: the festival's note, name and year inside a wreath, in rows that wrap */
.laurels { list-style: none; padding: 0; margin: 1.5rem 0; display: flex; flex-wrap: wrap;
  gap: 0.75rem; }
.laurel { flex: 0 1 min(11.5rem, calc(50% - 0.4rem)); min-height: 8.5rem; display: flex;
  flex-direction: column; justify-content: center; align-items: center; text-align: center;
  padding: 1rem clamp(1.4rem, 5vw, 2.1rem); overflow-wrap: break-word; hyphens: manual;
  background: url("wreath.svg") center / 100% 100% no-repeat; line-height: 1.25; }
.laurel span { display: block; }
.laurel-note, .laurel-year { font-family: var(--label-font); font-weight: 700;
  text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85em; }
.cover-full-bleed .laurel { background-image: url("wreath-cover.svg"); }

/* Downloads and the foot of the page */
.downloads { list-style: none; padding: 0; margin: 0; }
.downloads li { margin: 0 0 0.5rem; }
.section-downloads { padding-bottom: 2rem; }
.site-foot { max-width: var(--wide); margin: var(--section-gap) auto 0;
  padding: 0 var(--margin) 2.5rem; }
.site-foot p { margin: 0; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
"""


def wreath_svg(ink: str) -> str:
    """A laurel wreath in ``ink``: two branches of leaves along arcs, open at the top,
    joined at the foot (the PDF's ``render.laurels`` drawn as SVG)."""
    width, height = 100.0, 78.0
    cx, cy = width / 2, height / 2
    rx, ry = width * 0.47, height * 0.46
    leaf = width * 0.085
    shapes: list[str] = []
    for side in (-1, 1):
        points = []
        for step in range(LEAVES):  # the branch ends in its last leaf
            angle = math.radians(-100 + step * 150 / LEAVES)  # from the foot up the side
            x, y = cx + side * rx * math.cos(angle), cy - ry * math.sin(angle)
            points.append(f"{x:.2f},{y:.2f}")
            tangent = math.degrees(angle) + 90
            turn = tangent if side > 0 else 180 - tangent
            shapes.append(
                f'<ellipse cx="{leaf / 2:.2f}" cy="0" rx="{leaf / 2:.2f}" '
                f'ry="{leaf * 0.22:.2f}" transform="translate({x:.2f} {y:.2f}) '
                f'rotate({-(turn - 28 * side):.1f})"/>'
            )
        shapes.append(f'<polyline points="{" ".join(points)}" fill="none" stroke-width="0.6"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'fill="{ink}" stroke="{ink}" preserveAspectRatio="none">' + "".join(shapes) + "</svg>\n"
    )


def icon_svg(accent: str, paper: str) -> str:
    """The page's icon (the browser asks for one): a frame in the paper's colour on the
    accent, so a tab of the kit is told apart from the person's other tabs."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="6" fill="{accent}"/>'
        f'<rect x="7" y="10" width="18" height="12" rx="1.5" fill="none" stroke="{paper}" '
        'stroke-width="2.5"/></svg>\n'
    )
