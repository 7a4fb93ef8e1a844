"""A person's text, made safe and typographic for ReportLab's paragraph markup.

Escaping is not optional: that markup reads local files through ``<img src>`` and would
take ``<font color=...>`` typed into a bio as an instruction. Every string from the kit
passes through ``inline`` before it reaches a Paragraph, so it prints literally.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

from reportlab import rl_config

from presskit.render.fonts import Coverage, Family, runs

# Colours in paragraph markup are read as literals, never evaluated, whatever an RL_
# environment variable or a ~/.reportlab_settings file says (CVE-2023-33733 was the
# evaluating kind). Escaping already keeps a person's text out of the markup; this is the
# second lock on the same door.
rl_config.toColorCanUse = "rl_extended_literal_eval"

_DOUBLE_OPEN = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_SINGLE_OPEN = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")
_BLANK_LINES = re.compile(r"\n\s*\n")


def typographic(text: str) -> str:
    """Straight quotes, double hyphens and three dots as a typesetter would set them."""
    text = text.replace("...", "…").replace(" -- ", " – ").replace("--", "—")
    text = _DOUBLE_OPEN.sub(lambda m: m.group(1) + "“", text)
    text = _SINGLE_OPEN.sub(lambda m: m.group(1) + "‘", text)
    return text.replace('"', "”").replace("'", "’")


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single line break stays a line break."""
    return [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]


PIECE_CHARS = 10_000  # far above a long answer (600 words: about 3,600), small enough to set fast


def pieces(text: str) -> list[str]:
    """A paragraph cut into pieces of at most PIECE_CHARS, at a space where there is one
    near the cut (an unbroken 40 MB word is cut anyway), so no piece is costly to set."""
    found = []
    while len(text) > PIECE_CHARS:
        cut = text.rfind(" ", PIECE_CHARS // 2, PIECE_CHARS)
        # Equivalent mutants (make mutants): "cut >= 0", "cut > 1": rfind from the middle
        # finds nothing (-1) or a space past it, never 0 or 1.
        cut = cut if cut > 0 else PIECE_CHARS
        found.append(text[:cut])
        # Equivalent in print: "lstrip()" would also drop a line break right after the
        # cut, which would open the next piece with an empty line; either reads the same.
        text = text[cut:].lstrip(" ")
    return [*found, text] if text else found


def inline(text: str, primary: Family, coverage: Coverage) -> str:
    """Escaped markup for one paragraph, with fallback fonts where the face has no glyphs."""
    parts = []
    for family, chunk in runs(typographic(text), primary, coverage):
        # Equivalent mutant (make mutants): "<BR/>"; ReportLab reads tag names in any case.
        safe = escape(chunk, quote=False).replace("\n", "<br/>")
        parts.append(f'<font face="{family.regular}">{safe}</font>' if family else safe)
    return "".join(parts)


def needs_shaping(text: str) -> bool:
    """Right-to-left scripts (joined letters, reordered words) and combining marks need
    HarfBuzz; Latin, Greek, Cyrillic and Hangul syllables are set faster without it."""
    return any(
        unicodedata.bidirectional(c) in ("R", "AL") or unicodedata.combining(c) for c in text
    )
