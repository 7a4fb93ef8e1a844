"""Paragraph styles from a theme: one hierarchy, by size, weight and space before colour.

Body text sits on the theme's leading; headings take multiples of it before and after, so
the pages keep one rhythm. No widows or orphans, and a heading never ends a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from presskit.render.fonts import Face
from presskit.render.themes import Theme


@dataclass(frozen=True)
class Styles:
    text: Face
    display: Face
    label: Face
    body: ParagraphStyle
    lead: ParagraphStyle  # a short bio or logline: a step up from the body
    logline: ParagraphStyle
    section: ParagraphStyle
    heading: ParagraphStyle
    subhead: ParagraphStyle
    question: ParagraphStyle
    meta: ParagraphStyle
    caption: ParagraphStyle
    credit: ParagraphStyle
    cover_name: ParagraphStyle
    cover_original: ParagraphStyle
    cover_meta: ParagraphStyle  # pronouns and where the person is based
    pull_quote: ParagraphStyle
    cover_contact: ParagraphStyle
    folio: ParagraphStyle


def build_styles(theme: Theme) -> Styles:
    # Names only: a font is loaded when text is first set in it (fonts.family), so
    # planning the layout loads no font files.
    text, display, label = (
        Face(theme.fonts.text),
        Face(theme.fonts.display),
        Face(theme.fonts.label),
    )
    sizes, colours = theme.sizes, theme.colours
    lead = sizes.leading
    ink, muted, accent = HexColor(colours.text), HexColor(colours.muted), HexColor(colours.accent)
    body = ParagraphStyle(
        "body",
        fontName=text.regular,
        fontSize=sizes.body,
        leading=lead,
        textColor=ink,
        alignment=TA_JUSTIFY if theme.style.justify else TA_LEFT,
        spaceAfter=lead * 0.5,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
    )
    question_face = label if theme.style.question_font == "label" else text
    cover_contact = ParagraphStyle(
        "cover_contact",
        fontName=label.regular,
        fontSize=sizes.caption + 1,
        leading=lead,
        textColor=HexColor(colours.cover_text),
    )
    return Styles(
        text=text,
        display=display,
        label=label,
        body=body,
        lead=ParagraphStyle(
            "lead", body, fontSize=sizes.body * 1.14, leading=lead * 1.1, spaceAfter=lead * 0.6
        ),
        logline=ParagraphStyle(
            "logline",
            body,
            fontName=text.italic,
            fontSize=sizes.subhead,
            leading=lead * 1.2,
            spaceAfter=lead * 0.6,
        ),
        section=ParagraphStyle(
            "section",
            fontName=display.bold if display == label else display.regular,
            fontSize=sizes.section,
            leading=sizes.section * 1.15,
            textColor=ink,
            spaceBefore=lead * 3,  # when a section follows another on its page; none at the top
            spaceAfter=lead * (0.5 if theme.style.rules else 1.5),
            keepWithNext=1,
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=display.bold if display == label else display.regular,
            fontSize=sizes.heading,
            leading=sizes.heading * 1.2,
            textColor=ink,
            spaceBefore=lead * 1.5,
            spaceAfter=lead * 0.25,
            keepWithNext=1,
        ),
        subhead=ParagraphStyle(
            "subhead",
            fontName=display.italic if display == text else display.bold,
            fontSize=sizes.subhead,
            leading=lead * 1.2,
            textColor=ink,
            spaceBefore=lead,
            spaceAfter=lead * 0.4,
            keepWithNext=1,
        ),
        question=ParagraphStyle(
            "question",
            fontName=question_face.bold,
            fontSize=sizes.body if question_face == text else sizes.body * 0.95,
            leading=lead,
            textColor=accent if question_face == label else ink,
            spaceBefore=lead,
            spaceAfter=lead * 0.35,
            keepWithNext=1,
        ),
        meta=ParagraphStyle(
            "meta",
            fontName=label.regular,
            fontSize=sizes.caption + 0.5,
            leading=lead * 0.9,
            textColor=muted,
            keepWithNext=1,
        ),
        caption=ParagraphStyle(
            "caption",
            fontName=label.regular,
            fontSize=sizes.caption,
            leading=sizes.caption * 1.35,
            textColor=ink,
            spaceBefore=3,
        ),
        credit=ParagraphStyle(
            "credit",
            fontName=label.regular,
            fontSize=sizes.caption,
            leading=sizes.caption * 1.35,
            textColor=muted,
            spaceAfter=lead * 0.6,
        ),
        cover_name=ParagraphStyle(
            "cover_name",
            fontName=display.bold if display == label else display.regular,
            fontSize=sizes.cover_name,
            leading=sizes.cover_name * 1.05,
            textColor=HexColor(colours.cover_text),
            spaceAfter=lead * 0.5,
        ),
        cover_original=ParagraphStyle(
            "cover_original",
            fontName=display.regular,
            fontSize=sizes.heading,
            leading=sizes.heading * 1.3,
            textColor=HexColor(colours.cover_text),
            spaceAfter=lead * 0.25,
        ),
        cover_meta=ParagraphStyle(
            "cover_meta", cover_contact, fontSize=sizes.caption + 1.5, spaceAfter=lead
        ),
        pull_quote=ParagraphStyle(
            "pull_quote",
            fontName=text.italic,
            fontSize=sizes.pull_quote,
            leading=sizes.pull_quote * 1.35,
            textColor=HexColor(colours.cover_text),
            spaceBefore=lead,
        ),
        cover_contact=cover_contact,
        folio=ParagraphStyle(
            "folio",
            fontName=label.regular,
            fontSize=sizes.caption - 0.5,
            textColor=muted,
            alignment=TA_CENTER,
        ),
    )
