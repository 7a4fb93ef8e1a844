"""The kit's sections as flowables: cover, bio, interview, films, stills, contact.

Every builder runs twice: once to plan (which still is placed how large, so renditions
are made at the right size before layout; and which text is set in which font, recorded in
``ctx.plan`` for the size estimate), once to lay out with the renditions in hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from presskit import model
from presskit.errors import MissingImageError, PresskitError
from presskit.render.fitting import HeldText
from presskit.render.flowables import (
    Bookmark,
    JpegReader,
    LongText,
    MissingPicture,
    PlacedImage,
    Rule,
    SpacedLabel,
)
from presskit.render.fonts import Coverage, Face, family
from presskit.render.images import AssetSource, Rendition
from presskit.render.markup import (
    PIECE_CHARS,
    inline,
    needs_shaping,
    paragraphs,
    pieces,
    typographic,
)
from presskit.render.plan import Plan
from presskit.render.styles import Styles
from presskit.render.themes import Theme

STATUS_LABELS = {
    "development": "In development",
    "pre-production": "In pre-production",
    "production": "In production",
    "post-production": "In post-production",
    "completed": "Completed",
    "released": "Released",
}
SECTION_TITLES = {key: section.title for key, section in model.SECTION_INFO.items()}
_SENTENCE = re.compile(r"[^.!?]+[.!?]")


@dataclass
class Context:
    kit: model.PressKit
    theme: Theme
    styles: Styles
    source: AssetSource
    page: tuple[float, float]
    renditions: dict[str, Rendition] | None = None  # None while planning
    plan: Plan = field(default_factory=Plan)  # what the planning pass saw
    coverage: Coverage = field(default_factory=Coverage)
    films_shown: list[str] | None = None  # film ids to include; None: all

    @property
    def planning(self) -> bool:
        """The first pass only places stills; text is set in the second."""
        return self.renditions is None

    @property
    def margin(self) -> float:
        return self.theme.spacing.margin * 72 / 25.4

    @property
    def frame_width(self) -> float:
        return self.page[0] - 2 * self.margin

    def mm(self, value: float) -> float:
        return value * 72 / 25.4

    def para(self, text: str, style: ParagraphStyle) -> Flowable:
        if self.planning:
            self.plan.set_text(style.fontName, typographic(text))
            return Spacer(0, 0)
        if len(text) > PIECE_CHARS:  # set in pieces: one huge paragraph costs n² to split
            flat = ParagraphStyle(f"{style.name}-piece", style, spaceBefore=0, spaceAfter=0)
            parts: list[Flowable] = [self.paragraph(p, flat) for p in pieces(text)]
            return LongText(parts, style.spaceBefore, style.spaceAfter)
        return self.paragraph(text, style)

    def paragraph(self, text: str, style: ParagraphStyle) -> Paragraph:
        face = family(style.fontName.rsplit("-", 1)[0])
        if needs_shaping(text):
            style = shaped(style)
        return Paragraph(inline(text, face, self.coverage), style)

    def held(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        max_lines: int,
        fit_lines: int | None = None,
        min_size: float | None = None,
        closing: str = "",
    ) -> Flowable:
        """A paragraph that never takes more than ``max_lines`` (see ``fitting.HeldText``)."""
        if self.planning:
            return self.para(text + closing, style)
        return HeldText(
            text,
            style,
            self.paragraph,
            max_lines=max_lines,
            fit_lines=fit_lines,
            min_size=min_size,
            closing=closing,
        )

    def paras(self, text: str, style: ParagraphStyle) -> list[Flowable]:
        return [self.para(p, style) for p in paragraphs(text)]

    def label(
        self,
        text: str,
        colour: str,
        *,
        size: float | None = None,
        bold: bool = True,
        after: float = 0,
    ) -> Flowable:
        if needs_shaping(text):  # letter-spacing would break joined scripts: set it plainly
            style = ParagraphStyle(
                "label", self.styles.meta, textColor=HexColor(colour), spaceAfter=after
            )
            return self.para(text, style)
        if self.planning:
            weight = "Bold" if bold else "Regular"
            self.plan.set_text(f"{self.styles.label.name}-{weight}", text.upper(), weight)
            return Spacer(0, 0)
        return SpacedLabel(
            text,
            family(self.styles.label.name),
            size or self.theme.sizes.caption,
            HexColor(colour),
            self.theme.spacing.letter_spacing,
            self.coverage,
            bold=bold,
            space_after=after,
        )

    def fitted(self, still: model.Still, box: tuple[float, float]) -> tuple[float, float] | None:
        """The placed size of a still inside ``box`` (points), keeping its aspect ratio."""
        try:
            info = self.source.asset_info(still.asset)
        except MissingImageError:
            return None
        except PresskitError:
            raise  # the kit cannot be read (a failing disk): stop, rather than drop the still
        except Exception:
            return None
        scale = min(box[0] / info.width, box[1] / info.height)
        return info.width * scale, info.height * scale

    def image(self, still: model.Still, box: tuple[float, float]) -> Flowable | None:
        size = self.fitted(still, box)
        if size is None:  # the file lacks the picture: mark the gap rather than close it
            return MissingPicture.in_box(box)
        if self.renditions is not None and still.asset not in self.renditions:
            return MissingPicture(*size)  # held, but damaged: no rendition could be made
        if self.renditions is None:
            self.plan.place(still.asset, size)
            return Spacer(*size)
        return PlacedImage(self.reader(still.asset), *size)

    def reader(self, asset: str) -> JpegReader:
        assert self.renditions is not None
        rendition = self.renditions[asset]
        return JpegReader(rendition.data, f"{asset}:{rendition.width}x{rendition.height}")

    def credited(self, still: model.Still, width: float, max_height: float) -> list[Flowable]:
        """A still with its caption, then "Photo: NAME" in the caption size under it."""
        picture = self.image(still, (width, max_height))
        if picture is None:
            return []
        parts: list[Flowable] = [picture]
        if still.caption.strip():
            parts.append(self.para(still.caption, self.styles.caption))
        if credit_line(still):
            parts.append(self.para(credit_line(still), self.styles.credit))
        else:
            parts.append(Spacer(1, self.styles.credit.spaceAfter))
        return parts

    def section_title(self, name: str, title: str) -> list[Flowable]:
        text = title.upper() if self.theme.style.section_case == "upper" else title
        parts: list[Flowable] = [Bookmark(title, name), self.para(text, self.styles.section)]
        if self.theme.style.rules:
            parts.append(
                Rule(
                    HexColor(self.theme.colours.accent),
                    width_fraction=0.12,
                    space_after=self.theme.sizes.leading * 1.2,
                )
            )
        return parts

    def films(self) -> list[model.Film]:
        return [f for f in self.kit.films if self.films_shown is None or f.id in self.films_shown]

    def stills(self) -> list[model.Still]:
        shown = {f.id for f in self.films()}
        return [
            s for s in self.kit.stills if s.included and s.asset and (not s.film or s.film in shown)
        ]


@cache
def shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", style, shaping=1)


def _cell_font(ctx: Context) -> list[tuple]:
    """A table sets its cells' font before drawing them, Helvetica unless told: named, it
    would sit in the PDF unembedded. The theme's text face instead (by name: nothing loads)."""
    return [("FONTNAME", (0, 0), (-1, -1), Face(ctx.theme.fonts.text).regular)]


def cover_still(ctx: Context) -> model.Still | None:
    kit = ctx.kit
    chosen = kit.still(kit.design.cover_still) if kit.design.cover_still else None
    if chosen and chosen.asset:
        return chosen
    return next(iter(ctx.stills()), None)


def credit_line(still: model.Still) -> str:
    """ "Photo: NAME", then the copyright or licence when there is one."""
    credit = f"Photo: {still.credit.strip()}" if still.credit.strip() else ""
    return " · ".join(x for x in (credit, still.copyright.strip()) if x)


def pull_quote(kit: model.PressKit) -> str:
    """The interview's chosen quote, else a sentence from it that reads well alone."""
    if kit.interview.pull_quote.strip():
        return kit.interview.pull_quote.strip()
    for qa in kit.interview.items:
        for sentence in _SENTENCE.findall(qa.answer):
            words = len(sentence.split())
            if 10 <= words <= 28 and re.search(r"\b(I|my|me)\b", sentence):
                return sentence.strip()
    return kit.person.headline.strip()


def key_contact(kit: model.PressKit) -> tuple[str, str] | None:
    """(text, link) for the foot of the cover: email first, then website, then the first link."""
    if kit.contact.email.strip():
        return kit.contact.email.strip(), f"mailto:{kit.contact.email.strip()}"
    if kit.contact.website.strip():
        return display_url(kit.contact.website), kit.contact.website.strip()
    for link in kit.links:
        if safe_url(link.url):
            text = (
                f"{link.label} · {display_url(link.url)}" if link.label else display_url(link.url)
            )
            return text, link.url.strip()
    return None


def safe_url(url: str) -> bool:
    return model.url_problem(url) is None


def display_url(url: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", url.strip()).rstrip("/")


def link(ctx: Context, text: str, url: str, style: ParagraphStyle, colour: str = "") -> Flowable:
    """Readable text that is also clickable; only https, http and mailto become links."""
    if ctx.planning:
        ctx.plan.set_text(style.fontName, typographic(text))
        return Spacer(0, 0)
    face = family(style.fontName.rsplit("-", 1)[0])
    markup = inline(text, face, ctx.coverage)
    if safe_url(url):
        href = inline(url.strip(), face, Coverage()).replace('"', "&quot;")
        markup = f'<a href="{href}" color="{colour or ctx.theme.colours.text}">{markup}</a>'
    return Paragraph(markup, style)


# -- sections ------------------------------------------------------------------------------


def cover(ctx: Context) -> list[Flowable]:
    """The cover's flow, held to its one page: a long name is set smaller, then wrapped,
    then cut; each other line has a limit; and should all of them together still be too
    much, the whole is shrunk to the room left above the key contact."""
    kit, styles, theme = ctx.kit, ctx.styles, ctx.theme
    person = kit.person
    parts: list[Flowable] = [Bookmark("Cover", "cover")]
    room = ctx.page[1] - 2 * ctx.margin - cover_foot(ctx)
    still = cover_still(ctx)
    full_bleed = theme.style.cover == "full-bleed"
    if still and full_bleed:
        # The onPage hook paints it edge to edge; the flow leaves its room free.
        size = ctx.fitted(still, (ctx.page[0], ctx.page[1] * 0.6))
        if size:
            if ctx.renditions is None:
                ctx.plan.place(still.asset, size)
            space = size[1] - ctx.margin + ctx.theme.sizes.leading * 1.5
            parts.append(Spacer(1, space))
            room -= space
    held: list[Flowable] = []
    if person.name.strip():
        held.append(
            ctx.held(
                person.name,
                styles.cover_name,
                fit_lines=2,
                max_lines=5,
                min_size=max(theme.sizes.heading, theme.sizes.cover_name * 0.4),
            )
        )
    if person.name_original.strip():
        held.append(ctx.held(person.name_original, styles.cover_original, max_lines=2))
    based = f"Based in {person.location.strip()}" if person.location.strip() else ""
    about = " · ".join(x for x in (person.pronouns.strip(), based) if x)
    if person.roles:
        colour = theme.colours.cover_text if full_bleed else theme.colours.accent
        held.append(
            ctx.label(
                " · ".join(person.roles),
                colour,
                size=theme.sizes.caption + 1.5,
                after=2 if about else theme.sizes.leading,
            )
        )
    if about:  # pronouns and where the person works: a byline under the name and roles
        held.append(ctx.held(about, styles.cover_meta, max_lines=2))
    if still and not full_bleed:
        picture = ctx.image(still, (ctx.frame_width, ctx.page[1] * 0.42))
        if picture:
            held += [Spacer(1, theme.sizes.leading * 0.5), picture]
            if credit_line(still):
                held.append(ctx.held(credit_line(still), styles.credit, max_lines=2))
    quote = pull_quote(kit)
    if quote:
        text = "“" + quote.strip('“”"')
        held.append(ctx.held(text, styles.pull_quote, max_lines=6, closing="”"))
    if held:
        parts.append(KeepInFrame(ctx.frame_width, max(room, 1), held, mode="shrink"))
    return parts  # the key contact sits at the foot of the page: see document._cover_page


def cover_foot(ctx: Context) -> float:
    """The room the key contact takes at the foot of the cover: one line, a rule, a gap."""
    if key_contact(ctx.kit) is None:
        return 0.0
    return ctx.styles.cover_contact.leading * 2 + 6


def bio(ctx: Context) -> list[Flowable]:
    person, styles = ctx.kit.person, ctx.styles
    if not (person.bio_short.strip() or person.bio_long.strip()):
        return []
    parts = ctx.section_title("bio", SECTION_TITLES["bio"])
    short = ctx.paras(person.bio_short, styles.lead)
    portrait = ctx.kit.still(person.portrait) if person.portrait else None
    column = ctx.frame_width * 0.34
    picture = ctx.credited(portrait, column, column * 1.6) if portrait and portrait.asset else []
    if picture:
        gap = ctx.mm(ctx.theme.spacing.gutter) * 1.5
        table = Table([[picture, short]], colWidths=[column + gap, ctx.frame_width - column - gap])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *_cell_font(ctx),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), gap),
                    ("RIGHTPADDING", (1, 0), (1, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        parts += [table, Spacer(1, ctx.theme.sizes.leading)]
    else:
        parts += short
    parts += ctx.paras(person.bio_long, styles.body)
    return parts


def interview(ctx: Context) -> list[Flowable]:
    items = [qa for qa in ctx.kit.interview.items if qa.question.strip() or qa.answer.strip()]
    if not items:
        return []
    styles, iv = ctx.styles, ctx.kit.interview
    parts = ctx.section_title("interview", SECTION_TITLES["interview"])
    source = " · ".join(x.strip() for x in (iv.title, iv.publication, iv.date) if x.strip())
    if source:
        parts.append(ctx.para(source, styles.meta))
    for qa in items:
        # keepWithNext on the question and no orphans in the answer: a question never
        # sits alone at the foot of a page.
        if qa.question.strip():
            parts.append(ctx.para(qa.question, styles.question))
        parts += ctx.paras(qa.answer, styles.body)
    return parts


def film_meta(film: model.Film) -> str:
    runtime = f"{film.runtime_min} min" if film.runtime_min else ""
    specs = " / ".join(
        x for x in (film.format, film.aspect_ratio, film.colour, film.sound) if x.strip()
    )
    fields = [
        str(film.year) if film.year else "",
        runtime,
        film.genre,
        film.country,
        film.language,
        specs,
    ]
    return " · ".join(x.strip() for x in fields if x and x.strip())


def film_block(ctx: Context, film: model.Film) -> list[Flowable]:
    styles, theme = ctx.styles, ctx.theme
    head: list[Flowable] = [
        Bookmark(film.title or "Untitled film", f"film-{film.id}", level=1),
        ctx.para(film.title or "Untitled film", styles.heading),
    ]
    if film.original_title.strip():
        head.append(ctx.para(film.original_title, styles.meta))
    meta = film_meta(film)
    if meta:
        head.append(ctx.para(meta, styles.meta))
    label = STATUS_LABELS.get(film.status, film.status)
    head.append(Spacer(1, 4))
    head.append(ctx.label(label, theme.colours.accent, after=2))
    if film.roles:
        head.append(
            ctx.label(
                ", ".join(film.roles),
                theme.colours.muted,
                bold=False,
                after=theme.sizes.leading * 0.5,
            )
        )
    if film.logline.strip():
        head += ctx.paras(film.logline, styles.logline)
    parts: list[Flowable] = [KeepTogether(head)]
    parts += ctx.paras(film.synopsis, styles.body)
    parts += ctx.paras(film.synopsis_long, styles.body)
    if film.directors_statement.strip():
        parts.append(ctx.para("Director’s statement", styles.subhead))
        parts += ctx.paras(film.directors_statement, styles.body)
    details = [
        ("Themes", ", ".join(t.strip() for t in film.themes if t.strip())),
        (
            "Festivals",
            "; ".join(_dated(f.name, f.year, f.note) for f in film.festivals if f.name.strip()),
        ),
        (
            "Awards",
            "; ".join(_dated(a.name, a.year, a.note) for a in film.awards if a.name.strip()),
        ),
        (
            "Credits",
            "; ".join(
                f"{c.role}: {c.name}" if c.role else c.name for c in film.credits if c.name.strip()
            ),
        ),
    ]
    for title, text in details:
        if text:
            parts.append(ctx.para(f"{title}: {text}", styles.body))
    for quote in film.press_quotes:
        if quote.quote.strip():
            parts.append(
                ctx.para(f"“{quote.quote.strip()}” — {quote.source}".rstrip(" —"), styles.lead)
            )
    for film_link in film.links:
        if film_link.url.strip():
            text = (
                f"{film_link.label}: {display_url(film_link.url)}"
                if film_link.label
                else display_url(film_link.url)
            )
            parts.append(link(ctx, text, film_link.url, styles.body))
    key = ctx.kit.still(film.key_still) if film.key_still else None
    if key and key.asset:
        credited = ctx.credited(key, ctx.frame_width, ctx.page[1] * 0.36)
        if credited:
            parts.append(KeepTogether([Spacer(1, theme.sizes.leading * 0.5), *credited]))
    return parts


def _dated(name: str, year: int | None, note: str) -> str:
    return ", ".join(x for x in (name.strip(), str(year) if year else "", note.strip()) if x)


def films(ctx: Context) -> list[Flowable]:
    shown = ctx.films()
    if not shown:
        return []
    parts = ctx.section_title("films", SECTION_TITLES["films"])
    for i, film in enumerate(shown):
        if i:  # a new film starts on a new page unless a good part of this one is left
            parts += [Spacer(1, ctx.theme.sizes.leading), CondPageBreak(ctx.page[1] * 0.3)]
        parts += film_block(ctx, film)
    return parts


def stills(ctx: Context) -> list[Flowable]:
    shown = ctx.stills()
    if not shown:
        return []
    parts = ctx.section_title("stills", SECTION_TITLES["stills"])
    groups: list[tuple[str, list[model.Still]]] = []
    for film in ctx.films():
        mine = [s for s in shown if s.film == film.id]
        if mine:
            groups.append((film.title, mine))
    general = [s for s in shown if not s.film]
    if general:
        groups.append(("", general))
    columns = max(1, ctx.theme.spacing.still_columns)
    gutter = ctx.mm(ctx.theme.spacing.gutter)
    cell = (ctx.frame_width - gutter * (columns - 1)) / columns
    for title, group in groups:
        if title and len(groups) > 1:
            parts.append(ctx.para(title, ctx.styles.subhead))
        rows = []
        for start in range(0, len(group), columns):
            row = [ctx.credited(s, cell, cell * 1.25) for s in group[start : start + columns]]
            rows.append(row + [""] * (columns - len(row)))
        table = Table(rows, colWidths=[cell + gutter] * (columns - 1) + [cell], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *_cell_font(ctx),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), gutter),
                    ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), gutter),
                ]
            )
        )
        parts.append(table)
    return parts


def contact(ctx: Context) -> list[Flowable]:
    c, styles = ctx.kit.contact, ctx.styles
    lines: list[Flowable] = []
    if c.email.strip():
        lines.append(
            link(ctx, f"Email: {c.email.strip()}", f"mailto:{c.email.strip()}", styles.body)
        )
    if c.phone.strip():
        lines.append(ctx.para(f"Phone: {c.phone}", styles.body))
    if c.website.strip():
        lines.append(link(ctx, f"Website: {display_url(c.website)}", c.website, styles.body))
    if c.representation.strip():
        lines.append(ctx.para("Representation", styles.question))
        lines += ctx.paras(c.representation, styles.body)
    for item in ctx.kit.links:
        if item.url.strip() or item.label.strip():
            text = f"{item.label}: {display_url(item.url)}" if item.label else display_url(item.url)
            lines.append(link(ctx, text, item.url, styles.body))
    if not lines:
        return []
    return [*ctx.section_title("contact", SECTION_TITLES["contact"]), *lines]


BUILDERS: dict[str, Callable[[Context], list[Flowable]]] = {
    "cover": cover,
    "bio": bio,
    "interview": interview,
    "films": films,
    "stills": stills,
    "contact": contact,
}


def story(ctx: Context, sections: list[str]) -> list[Flowable]:
    """The whole flow: the cover on its own page, then each section from a new page."""
    flow: list[Flowable] = []
    for name in sections:
        parts = BUILDERS[name](ctx)
        if not parts:
            continue
        if ctx.planning:
            ctx.plan.sections.append(name)
        if flow:
            # A short contact section follows the stills rather than stand alone on a page.
            flow.append(CondPageBreak(ctx.page[1] * 0.25) if name == "contact" else PageBreak())
        flow += parts
        if name == "cover":
            flow.append(NextPageTemplate("body"))
    return flow
