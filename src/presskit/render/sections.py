"""The kit's sections as flowables: cover, bio, interview, films, stills, contact.

Every builder runs twice: once to plan (which still is placed how large, so renditions
are made at the right size before layout; and which text is set in which font, recorded in
``ctx.plan`` for the size estimate), once to lay out with the renditions in hand.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
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
    BleedImage,
    Bookmark,
    JpegReader,
    KeepWhole,
    KeepWholeOrPart,
    LongText,
    Marker,
    MissingPicture,
    PlacedImage,
    QrCode,
    Rule,
    SharedLinesParagraph,
    SpacedLabel,
)
from presskit.render.fonts import Coverage, Face, family, registered
from presskit.render.images import PROFILES, AssetSource, Rendition
from presskit.render.laurels import GAP, LaurelRow
from presskit.render.layout_check import SPARE_ROOM
from presskit.render.markup import (
    PIECE_CHARS,
    inline,
    needs_shaping,
    paragraphs,
    pieces,
    typographic,
)
from presskit.render.plan import Plan, mark
from presskit.render.rows import justified_rows
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
MISSING_SHAPE = (1000.0, 667.0)  # a picture the file lacks is drawn as a 3:2 box
OTHER_STILLS_TITLE = "Other stills"  # the stills of no film, after the films' own
# A tight section's running text keeps this share of its paragraph spacing.
TIGHTENED = ("body", "lead", "question")
TIGHT_SPACING = 0.5
KEY_STILL_SHARE = 0.36  # of the page's height: the most a film's key still takes
BLEED_CROP = 0.25  # the most of its height a picture set edge to edge may lose
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
    profile: str = "screen"  # print sets QR codes beside trailers and reels
    # Film id -> the height (points) its key still may take, where the layout asked for less
    # than the usual (``refit.key_still_heights``).
    key_still_heights: dict[str, float] = field(default_factory=dict)
    # Film ids whose laurels follow the kept head, where they made it too tall to fit.
    laurels_after: set[str] = field(default_factory=set)
    # Page number -> points its text may run past the usual foot, to take in a film's or
    # section's short end that would open the next page above something else
    # (``refit.long_pages``).
    long_pages: dict[int, float] = field(default_factory=dict)
    # Sections whose paragraphs are spaced tighter, to take in such an end where pages run
    # long cannot (``refit.past_running_long``); and the section being built.
    tight_sections: set[str] = field(default_factory=set)
    section: str = ""
    # Films whose closing blocks take the paragraph before them along to the next page,
    # where their end alone would be short there and cannot be pulled back
    # (``refit.past_running_long``).
    carried_ends: set[str] = field(default_factory=set)
    _pixels: dict[str, tuple[int, int]] = field(default_factory=dict)  # ``pixels``
    _tight_styles: dict[str, ParagraphStyle] = field(default_factory=dict)  # ``_tightened``
    _paragraphs: dict[tuple[str, int], tuple[ParagraphStyle, Paragraph]] = field(
        default_factory=dict
    )  # ``paragraph``

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

    @property
    def frame_height(self) -> float:
        """A body page's text area: from the top margin down to the folio's foot."""
        return self.page[1] - self.margin - self.mm(self.theme.spacing.foot)

    def mm(self, value: float) -> float:
        return value * 72 / 25.4

    def para(self, text: str, style: ParagraphStyle, role: str = "", key: str = "") -> Flowable:
        """``text`` set in ``style``; a ``role`` (``plan.ROLES``) tells the layout checker
        what it is."""
        if self.section in self.tight_sections and style.name in TIGHTENED:
            style = self._tightened(style)
        if self.planning:
            self.plan.set_text(style.fontName, typographic(text))
            return Spacer(0, 0)
        if len(text) > PIECE_CHARS:  # set in pieces: one huge paragraph costs n² to split
            flat = ParagraphStyle(f"{style.name}-piece", style, spaceBefore=0, spaceAfter=0)
            parts: list[Flowable] = [self.paragraph(p, flat) for p in pieces(text)]
            long_text = LongText(parts, style.spaceBefore, style.spaceAfter)
            return mark(long_text, role, key, text) if role else long_text
        paragraph = self.paragraph(text, style)
        return mark(paragraph, role, key, text) if role else paragraph

    def _tightened(self, style: ParagraphStyle) -> ParagraphStyle:
        """``style`` with its paragraph spacing closed up (one per style: a render builds
        its paragraphs several times, and ``paragraph`` keeps each style's texts)."""
        tight = self._tight_styles.get(style.name)
        if tight is None:
            tight = self._tight_styles[style.name] = ParagraphStyle(
                f"{style.name}-tight",
                style,
                spaceBefore=style.spaceBefore * TIGHT_SPACING,
                spaceAfter=style.spaceAfter * TIGHT_SPACING,
            )
        return tight

    def paragraph(self, text: str, style: ParagraphStyle) -> Paragraph:
        # A render lays its pages out several times (``refit``): each text is parsed once,
        # and each use gets a fresh copy of it (ReportLab keeps a paragraph's layout on it).
        key = (text, id(style))
        found = self._paragraphs.get(key)
        if found is None:
            face = family(style.fontName.rsplit("-", 1)[0])
            source = shaped(style) if needs_shaping(text) else style
            prototype = SharedLinesParagraph(inline(text, face, self.coverage), source)
            prototype.lines = {}
            # The style is kept with it, so its id is not given to another while cached.
            found = self._paragraphs[key] = (style, prototype)
        paragraph = copy.copy(found[1])
        paragraph.frags = list(paragraph.frags)
        return paragraph

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
        role: str = "label",
    ) -> Flowable:
        """Letter-spaced capitals; ``role`` "" for one that closes what it follows (a quote's
        source) rather than introduce what comes next."""
        if needs_shaping(text):  # letter-spacing would break joined scripts: set it plainly
            style = ParagraphStyle(
                "label", self.styles.meta, textColor=HexColor(colour), spaceAfter=after
            )
            return self.para(text, style, role)
        if self.planning:
            weight = "Bold" if bold else "Regular"
            self.plan.set_text(registered(self.styles.label.name, weight), text.upper(), weight)
            return Spacer(0, 0)
        label = SpacedLabel(
            text,
            family(self.styles.label.name),
            size or self.theme.sizes.caption,
            HexColor(colour),
            self.theme.spacing.letter_spacing,
            self.coverage,
            bold=bold,
            space_after=after,
        )
        return mark(label, role, text=text) if role else label

    def pixels(self, asset: str) -> tuple[int, int]:
        """The picture's size in pixels, asked of the source once per render (every layout
        pass asks again for every still)."""
        if asset not in self._pixels:
            info = self.source.asset_info(asset)
            self._pixels[asset] = (info.width, info.height)
        return self._pixels[asset]

    def fitted(self, still: model.Still, box: tuple[float, float]) -> tuple[float, float] | None:
        """The placed size of a still inside ``box`` (points), keeping its aspect ratio."""
        try:
            width, height = self.pixels(still.asset)
        except MissingImageError:
            return None
        except PresskitError:
            raise  # the kit cannot be read (a failing disk): stop, rather than drop the still
        except Exception:
            return None
        scale = min(box[0] / width, box[1] / height)
        return width * scale, height * scale

    def image(
        self, still: model.Still, box: tuple[float, float], *, within_dpi: bool = False
    ) -> Flowable | None:
        """The still fitted in ``box``; ``within_dpi``: never set larger than its pixels
        allow at the profile's dpi, but smaller and centred in the place it was given."""
        size = self.fitted(still, box)
        if size is None:  # the file lacks the picture: mark the gap rather than close it
            return MissingPicture.in_box(box)
        if self.renditions is not None and still.asset not in self.renditions:
            return MissingPicture(*size)  # held, but damaged: no rendition could be made
        shown = self.at_most_dpi(still, size) if within_dpi else size
        if self.renditions is None:
            self.plan.place(still.asset, shown, size)
            return Spacer(*size)
        return PlacedImage(self.reader(still.asset), *shown, place=size)

    def bleed_image(self, still: model.Still, max_height: float) -> Flowable | None:
        """The still edge to edge across the page, at most ``max_height`` tall (losing top
        and bottom when taller); None where it would lose more than a quarter of its height
        or has too few pixels to span the page at the profile's dpi."""
        across = self.page[0]
        size = self.fitted(still, (across, across * 10))
        if size is None or (self.renditions is not None and still.asset not in self.renditions):
            return None
        height = min(size[1], max_height)
        if height < size[1] * (1 - BLEED_CROP) or self.at_most_dpi(still, size) != size:
            return None
        if self.renditions is None:
            self.plan.place(still.asset, size)
            return Spacer(self.frame_width, height)
        return BleedImage(self.reader(still.asset), self.frame_width, height, self.margin)

    def at_most_dpi(self, still: model.Still, size: tuple[float, float]) -> tuple[float, float]:
        """``size`` (points), made smaller where the picture has too few pixels for it at the
        profile's dpi: an upscaled still prints soft."""
        largest = self.pixels(still.asset)[0] / PROFILES[self.profile].dpi * 72
        scale = min(1.0, largest / size[0])
        return size[0] * scale, size[1] * scale

    def reader(self, asset: str) -> JpegReader:
        assert self.renditions is not None
        rendition = self.renditions[asset]
        return JpegReader(rendition.data, f"{asset}:{rendition.width}x{rendition.height}")

    def credited(
        self, still: model.Still, width: float, max_height: float, *, bleed: bool = False
    ) -> list[Flowable]:
        """A still with its caption, then "Photo: NAME" in the caption size under it;
        ``bleed``: across the whole page's width where the picture allows it
        (``bleed_image``)."""
        picture = (bleed and self.bleed_image(still, max_height)) or self.image(
            still, (width, max_height), within_dpi=True
        )
        if picture is None:
            return []
        parts: list[Flowable] = [mark(picture, "still", still.id, still.caption)]
        if still.caption.strip():
            parts.append(self.para(still.caption, self.styles.caption, "caption", still.id))
        if credit_line(still):
            parts.append(self.para(credit_line(still), self.styles.credit, "credit", still.id))
        else:  # the credit's room, so an uncredited still keeps its neighbours' rhythm
            # Equivalent mutant (make mutants): any width; only a spacer's height takes room.
            parts.append(Spacer(1, self.styles.credit.spaceAfter))
        return parts

    def section_title(self, name: str, title: str) -> list[Flowable]:
        text = title.upper() if self.theme.style.section_case == "upper" else title
        parts: list[Flowable] = [
            Bookmark(title, name),
            self.para(text, self.styles.section, "heading"),
        ]
        if self.theme.style.rules:
            rule = Rule(
                HexColor(self.theme.colours.accent),
                width_fraction=0.12,
                space_after=self.theme.sizes.leading * 1.2,
            )
            rule.keepWithNext = 1  # with the title, it stays with what the title introduces
            parts.append(mark(rule, "heading", text=text))
        return parts

    def films(self) -> list[model.Film]:
        return model.shown_films(self.kit, self.films_shown)

    def stills(self) -> list[model.Still]:
        return model.shown_stills(self.kit, self.films_shown)


@cache
def shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", style, shaping=1)


def _cell_font(ctx: Context) -> list[tuple]:
    """A table sets its cells' font before drawing them, Helvetica unless told: named, it
    would sit in the PDF unembedded. The theme's text face instead (by name: nothing loads)."""
    return [("FONTNAME", (0, 0), (-1, -1), Face(ctx.theme.fonts.text).regular)]


def cover_still(ctx: Context) -> model.Still | None:
    return chosen_cover_still(ctx.kit, ctx.stills())


def chosen_cover_still(kit: model.PressKit, shown: list[model.Still]) -> model.Still | None:
    """The kit's chosen cover still, else the first of the ``shown`` stills."""
    chosen = kit.still(kit.design.cover_still) if kit.design.cover_still else None
    if chosen and chosen.asset:
        return chosen
    return next(iter(shown), None)


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
    # Equivalent mutants (make mutants): another key ("COVER"); it only names the outline
    # entry's destination, which no other bookmark shares.
    parts: list[Flowable] = [Bookmark("Cover", "cover")]
    room = ctx.page[1] - 2 * ctx.margin - cover_foot(ctx)
    still = cover_still(ctx)
    full_bleed = theme.style.cover == "full-bleed"
    held: list[Flowable] = []
    if still and full_bleed:
        # The onPage hook paints it edge to edge; the flow leaves its room free, and sets its
        # credit right under it, in the cover's ink.
        size = ctx.fitted(still, (ctx.page[0], ctx.page[1] * 0.6))
        if size:
            if ctx.renditions is None:
                ctx.plan.place(still.asset, size)
            credited = bool(credit_line(still))
            space = size[1] - ctx.margin + (3 if credited else ctx.theme.sizes.leading * 1.5)
            parts.append(Spacer(1, space))  # Equivalent mutant: its width; only height takes room
            room -= space
            if credited:
                ink = ParagraphStyle(
                    "cover_credit", styles.credit, textColor=HexColor(theme.colours.cover_text)
                )
                held += [
                    ctx.held(credit_line(still), ink, max_lines=2),
                    Spacer(1, ctx.theme.sizes.leading * 0.75),
                ]
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
    about = byline(person)
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
            # Equivalent mutant (make mutants): the spacer's width; only its height takes room.
            held += [Spacer(1, theme.sizes.leading * 0.5), picture]
            if credit_line(still):
                held.append(ctx.held(credit_line(still), styles.credit, max_lines=2))
    held += cover_laurels(ctx)
    quote = pull_quote(kit)
    if quote:
        text = "“" + quote.strip('“”"')
        held.append(ctx.held(text, styles.pull_quote, max_lines=6, closing="”"))
    if held:
        # Equivalent mutants (make mutants): a width of None (KeepInFrame then takes the
        # frame's, the same), no mode (shrink is its default), max(room, 2) (the room left
        # above the key contact is never under 2 points).
        parts.append(KeepInFrame(ctx.frame_width, max(room, 1), held, mode="shrink"))
    return parts  # the key contact sits at the foot of the page: see document._cover_page


def byline(person: model.Person) -> str:
    """Pronouns and where the person works: "she/her · Based in Seoul"."""
    based = f"Based in {person.location.strip()}" if person.location.strip() else ""
    return " · ".join(x for x in (person.pronouns.strip(), based) if x)


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
                    # A cell sets its font even when it holds only flowables: Helvetica
                    # unless told, listed unembedded in the PDF.
                    ("FONT", (0, 0), (-1, -1), cell_font(ctx)),
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
    source = interview_source(iv)
    if source:
        parts.append(ctx.para(source, styles.meta))
    for qa in items:
        # keepWithNext on the question and no orphans in the answer: a question never
        # sits alone at the foot of a page.
        if qa.question.strip():
            parts.append(ctx.para(qa.question, styles.question, "question"))
        parts += ctx.paras(qa.answer, styles.body)
    return parts


def interview_source(iv: model.Interview) -> str:
    """ "Filming the sea · Film Quarterly · 2025": where the interview appeared."""
    return " · ".join(x.strip() for x in (iv.title, iv.publication, iv.date) if x.strip())


def film_meta(film: model.Film) -> str:
    """ "2025 · 15 min · Drama · USA · Korean, English": format, ratio, sound and colour are
    the specs table's (``specs_table``)."""
    runtime = f"{film.runtime_min} min" if film.runtime_min else ""
    fields = [str(film.year) if film.year else "", runtime, film.genre, film.country, film.language]
    return " · ".join(x.strip() for x in fields if x and x.strip())


def film_block(ctx: Context, film: model.Film, lead: list[Flowable]) -> list[Flowable]:
    """A film as a unit: its key still leads, then title, meta line, status, the person's
    role and the logline, all kept on one page (with ``lead``, the section title before the
    first film); then synopsis, statement and details."""
    styles, theme = ctx.styles, ctx.theme
    # Space above a film that follows another on its page; none at the top of a page (a
    # Spacer there would fill a page that has nothing else).
    gap = mark(Marker(), "film-head-start", film.id)
    gap.spaceBefore = 0 if lead else theme.sizes.leading * 2  # a section title has its own
    head: list[Flowable] = [
        gap,
        *lead,
        Bookmark(film.title or "Untitled film", f"film-{film.id}", level=1),
    ]
    key = ctx.kit.still(film.key_still) if film.key_still else None
    if key and key.asset:
        height = ctx.key_still_heights.get(film.id, ctx.page[1] * KEY_STILL_SHARE)
        # Edge to edge in a full-bleed theme, as its cover is.
        bleed = theme.style.cover == "full-bleed"
        credited = ctx.credited(key, ctx.frame_width, height, bleed=bleed)
        if credited:
            ctx.plan.key_stills[film.id] = key.id
            head += credited
    title = ctx.para(film.title or "Untitled film", styles.heading, "film-title", film.id)
    head.append(title)
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
    # What programmers look for first: the first row of laurels on the title's page, any
    # more right after it.
    wreaths = laurels(ctx, film)
    in_head = 0 if film.id in ctx.laurels_after else 1
    head += wreaths[:in_head]
    head.append(mark(Marker(), "film-head-end", film.id))  # where the kept head ends
    parts: list[Flowable] = [KeepWhole(head), *wreaths[in_head:]]
    quotes = [q for q in film.press_quotes if q.quote.strip()]
    for quote in quotes[:PULL_QUOTES]:  # on the film's first page, after its laurels
        parts += pull_quote_block(ctx, quote)
    parts += links_block(ctx, film.links, styles.body)  # the trailer near the top, with the film
    parts += ctx.paras(film.synopsis, styles.body)
    parts += ctx.paras(film.synopsis_long, styles.body)
    if film.directors_statement.strip():
        parts.append(ctx.para("Director’s statement", styles.subhead, "heading"))
        parts += ctx.paras(film.directors_statement, styles.body)
    themes = ", ".join(t.strip() for t in film.themes if t.strip())
    if themes:
        parts.append(ctx.para(f"Themes: {themes}", styles.body))
    closing = [*billing_block(ctx, film), *specs_table(ctx, film)]
    for quote in quotes[PULL_QUOTES:]:  # any more in a short list
        closing.append(ctx.para(quoted(quote), styles.body))
    if film.id in ctx.carried_ends and closing:
        parts[-1:] = [KeepWhole([parts[-1], *closing])]
    else:
        parts += closing
    parts.append(mark(Marker(), "film-end", film.id))
    return parts


def quoted(quote: model.PressQuote) -> str:
    """ "“Luminous.” — Variety": a press quote in a short list."""
    return f"“{quote.quote.strip()}” — {quote.source}".rstrip(" —")


PULL_QUOTES = 2  # press quotes set large on a film's page; any more go in a short list
QR_LABELS = re.compile(r"trailer|screener|teaser|reel", re.IGNORECASE)


Laurel = tuple[str, str, int | None]  # the note ("WINNER"), the festival or award, the year


def film_laurels(film: model.Film) -> list[Laurel]:
    """Awards, then premieres, then the other festivals."""
    awards = [(a.note.strip() or "Winner", a.name, a.year) for a in film.awards if a.name.strip()]
    festivals = [
        (f.note.strip() or "Official Selection", f.name, f.year)
        for f in film.festivals
        if f.name.strip()
    ]
    return awards + sorted(festivals, key=lambda f: "premiere" not in f[0].lower())


def laurels(ctx: Context, film: model.Film) -> list[Flowable]:
    """A film's laurels in rows of four at most, in the text's ink."""
    return laurel_rows(ctx, film_laurels(film), film.id, ctx.theme.colours.text)


def laurel_rows(ctx: Context, items: list[Laurel], key: str, colour: str) -> list[Flowable]:
    if not items:
        return []
    if ctx.planning:
        ctx.plan.wreaths += len(items)
        for note, name, year in items:
            ctx.para(note.upper(), ctx.styles.caption)
            ctx.para(name, ctx.styles.caption)
            if year:
                ctx.para(str(year), ctx.styles.caption)
        return []
    ink = HexColor(colour)
    across = 4
    size = (ctx.frame_width - GAP * (across - 1)) / across
    note_style = ParagraphStyle(
        "laurel_note",
        ctx.styles.caption,
        alignment=TA_CENTER,
        spaceBefore=0,
        fontName=family(ctx.styles.label.name).bold,
        fontSize=ctx.theme.sizes.caption - 1,
        leading=(ctx.theme.sizes.caption - 1) * 1.25,
        textColor=ink,
    )
    name_style = ParagraphStyle(
        "laurel_name",
        ctx.styles.caption,
        alignment=TA_CENTER,
        spaceBefore=0,
        fontName=ctx.styles.body.fontName,
        textColor=ink,
    )
    wreaths = [
        [
            ctx.paragraph(note.upper(), note_style),
            ctx.paragraph(name, name_style),
            *([ctx.paragraph(str(year), note_style)] if year else []),
        ]
        for note, name, year in items
    ]
    rows: list[Flowable] = [
        mark(LaurelRow(wreaths[i : i + across], size, ink), "laurels", key, items[i][1])
        for i in range(0, len(wreaths), across)
    ]
    rows[-1].spaceAfter = ctx.theme.sizes.leading * 0.8
    # The rows belong to the film's head above them, not to what follows: each keeps with
    # the next row, and the last may end a page as the head does (all of a film's laurels
    # on its first page, its press quotes opening the next).
    rows[-1].keepWithNext = 0
    return rows


COVER_LAURELS = 4  # the kit's most notable, on the cover


def cover_laurels(ctx: Context) -> list[Flowable]:
    """The kit's most notable laurels on the cover (a theme's choice): every film's awards,
    then its premieres, the first four different ones in all."""
    if not ctx.theme.style.cover_laurels:
        return []
    rows = laurel_rows(ctx, notable_laurels(ctx.films()), "cover", ctx.theme.colours.cover_text)
    for row in rows:
        row.keepWithNext = 0
    return rows


def notable_laurels(films: list[model.Film]) -> list[Laurel]:
    """The kit's most notable laurels: every film's awards, then its premieres, the first
    four different ones in all."""
    awards: list[Laurel] = []
    premieres: list[Laurel] = []
    for film in films:
        named = sum(1 for a in film.awards if a.name.strip())
        items = film_laurels(film)
        awards += items[:named]
        premieres += [item for item in items[named:] if "premiere" in item[0].lower()]
    # Two films' same prize reads on the cover as one printed twice: once is enough.
    return list(dict.fromkeys(awards + premieres))[:COVER_LAURELS]


def pull_quote_block(ctx: Context, quote: model.PressQuote) -> list[Flowable]:
    """A press quote set large in italic with hanging quotation marks, its source below in
    letter-spaced capitals."""
    size = ctx.theme.sizes.pull_quote
    style = ParagraphStyle(
        "film_quote",
        ctx.styles.pull_quote,
        textColor=HexColor(ctx.theme.colours.text),
        spaceBefore=ctx.theme.sizes.leading * 0.6,
        leftIndent=size * 0.45,
        firstLineIndent=-size * 0.45,
        keepWithNext=1,
    )
    words = quote.quote.strip().strip('“”"')
    parts = [ctx.para(f"“{words}”", style)]
    if quote.source.strip():
        parts.append(
            ctx.label(
                quote.source.strip(),
                ctx.theme.colours.muted,
                bold=False,
                after=ctx.theme.sizes.leading * 0.6,
                role="",
            )
        )
    return parts


def billing_block(ctx: Context, film: model.Film) -> list[Flowable]:
    """Credits: each role in small letter-spaced capitals over the name, two columns where
    the names fit in half the width."""
    credits = [c for c in film.credits if c.name.strip()]
    if not credits:
        return []
    parts: list[Flowable] = [ctx.para("Credits", ctx.styles.subhead, "heading")]
    cells = [
        [
            ctx.label(c.role.strip() or "Credit", ctx.theme.colours.muted, bold=False, after=1),
            ctx.para(c.name, ctx.styles.body),
        ]
        for c in credits
    ]
    if ctx.planning:
        return parts
    gutter = ctx.mm(ctx.theme.spacing.gutter) * 2
    half = (ctx.frame_width - gutter) / 2
    widest = max(
        stringWidth(c.name, ctx.styles.body.fontName, ctx.styles.body.fontSize) for c in credits
    )
    columns = 2 if widest <= half else 1
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [[Spacer(0, 0)]] * (columns - len(rows[-1]))
    table = Table(
        rows, colWidths=[half + gutter, half] if columns == 2 else [ctx.frame_width], hAlign="LEFT"
    )
    table.setStyle(_plain_table(ctx, gutter))
    return [*parts, table]


def specs_table(ctx: Context, film: model.Film) -> list[Flowable]:
    """Runtime, country, language, format, aspect ratio, sound, colour: only rows with values."""
    rows = film_specs(film)
    if not rows:
        return []
    label_style = ParagraphStyle(
        "spec_label", ctx.styles.caption, spaceBefore=0, textColor=HexColor(ctx.theme.colours.muted)
    )
    value_style = ParagraphStyle("spec_value", ctx.styles.body, spaceAfter=0)
    cells = [[ctx.para(label, label_style), ctx.para(value, value_style)] for label, value in rows]
    heading = ctx.para("Specifications", ctx.styles.subhead, "heading")
    if ctx.planning:
        return [heading]
    column = ctx.frame_width * 0.28
    table = Table(cells, colWidths=[column, ctx.frame_width - column], hAlign="LEFT")
    style = _plain_table(ctx, 0, pad=2)
    style.add("LINEBELOW", (0, 0), (-1, -1), 0.25, HexColor(ctx.theme.colours.rule))
    table.setStyle(style)
    return [heading, table]


def film_specs(film: model.Film) -> list[tuple[str, str]]:
    """(label, value) for the specifications a film has: runtime, genre, country..."""
    return [
        (label, value.strip())
        for label, value in (
            ("Runtime", f"{film.runtime_min} min" if film.runtime_min else ""),
            ("Genre", film.genre),
            ("Country", film.country),
            ("Language", film.language),
            ("Format", film.format),
            ("Aspect ratio", film.aspect_ratio),
            ("Sound", film.sound),
            ("Colour", film.colour),
        )
        if value.strip()
    ]


def cell_font(ctx: Context) -> str:
    """The font a table's cells are set to (registered here: a kit may set no body text)."""
    return family(ctx.theme.fonts.text).regular


def _plain_table(ctx: Context, gutter: float, pad: float = 0) -> TableStyle:
    return TableStyle(
        [
            # A cell sets its font even when it holds only flowables: Helvetica unless told,
            # listed unembedded in the PDF.
            ("FONT", (0, 0), (-1, -1), cell_font(ctx)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), gutter),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad + ctx.theme.sizes.leading * 0.3),
        ]
    )


def links_block(ctx: Context, links: list[model.Link], style: ParagraphStyle) -> list[Flowable]:
    """Labelled, clickable links; in print, a QR code beside a trailer, screener or reel so a
    printed kit opens it from a phone, with the short address under it."""
    parts: list[Flowable] = []
    for item in links:
        if not (item.url.strip() or item.label.strip()):
            continue
        line = link(ctx, link_text(item), item.url, style)
        coded = ctx.profile == "print" and QR_LABELS.search(item.label) and safe_url(item.url)
        if ctx.planning:
            ctx.plan.qr_codes += bool(coded)
        if ctx.planning or not coded:
            parts.append(line)
            continue
        code = QrCode(item.url.strip(), ctx.mm(QR_MM))
        column = ctx.mm(QR_MM) + ctx.mm(ctx.theme.spacing.gutter) * 2
        table = Table([[code, line]], colWidths=[column, ctx.frame_width - column], hAlign="LEFT")
        style_ = _plain_table(ctx, ctx.mm(ctx.theme.spacing.gutter) * 2)
        style_.add("VALIGN", (0, 0), (-1, -1), "MIDDLE")
        table.setStyle(style_)
        parts.append(table)
    return parts


QR_MM = 20  # a QR code's side, quiet zone included (LAYOUT.md: about 18-22 mm)


def link_text(item: model.Link) -> str:
    """ "Trailer: vimeo.com/1": the label, then the address as people read it."""
    return f"{item.label}: {display_url(item.url)}" if item.label else display_url(item.url)


def dated(name: str, year: int | None, note: str) -> str:
    """ "New Currents Award, 2025, Winner": a laurel as a line of text."""
    return ", ".join(x for x in (name.strip(), str(year) if year else "", note.strip()) if x)


def films(ctx: Context) -> list[Flowable]:
    shown = ctx.films()
    if not shown:
        return []
    parts: list[Flowable] = []
    for i, film in enumerate(shown):
        if i:  # a new film starts on a new page unless a good part of this one is left
            parts.append(CondPageBreak(ctx.page[1] * 0.3))
        # The section title goes into the first film's block: it never ends a page alone.
        lead = ctx.section_title("films", SECTION_TITLES["films"]) if i == 0 else []
        parts += film_block(ctx, film, lead)
    return parts


def stills(ctx: Context) -> list[Flowable]:
    """Each film's stills under its title in justified rows; the section title, a film's
    title and its first row are never parted, nor a whole film's stills unless keeping
    them whole left a page near empty."""
    shown = ctx.stills()
    if not shown:
        return []
    groups: list[tuple[str, str, list[model.Still]]] = []  # (film id, its title, its stills)
    for film in ctx.films():
        mine = [s for s in shown if s.film == film.id]
        if mine:
            groups.append((film.id, film.title, mine))
    general = [s for s in shown if not s.film]
    if general:
        # Under their own subhead beside the films' groups: untitled, they would read as
        # stills of the film printed just before them.
        groups.append(("", OTHER_STILLS_TITLE, general))
    # Each group whole, or its title and first row then row by row where keeping it whole
    # would leave a third of the page empty.
    spare = ctx.frame_height * SPARE_ROOM
    parts: list[Flowable] = []
    for key, title, group in groups:
        block = ctx.section_title("stills", SECTION_TITLES["stills"]) if not parts else []
        block.append(mark(Marker(), "stills-group", key))
        if title and len(groups) > 1:
            block.append(ctx.para(title, ctx.styles.subhead, "heading"))
        rows = still_rows(ctx, group)
        parts.append(KeepWholeOrPart(block + rows, head=len(block) + 1, spare=spare))
    return parts


def still_rows(ctx: Context, group: list[model.Still]) -> list[Flowable]:
    """``group`` as justified rows (``rows.justified_rows``), each with its captions."""
    spacing = ctx.theme.spacing
    # A still whose picture the file lacks keeps its place, as a marked 3:2 box.
    sized = [(s, ctx.fitted(s, (1000, 1000)) or MISSING_SHAPE) for s in group]
    gutter = ctx.mm(spacing.gutter)
    rows = justified_rows(
        [w / h for _s, (w, h) in sized],
        ctx.frame_width,
        gutter,
        ctx.mm(spacing.still_row_min),
        ctx.mm(spacing.still_row_max),
    )
    flow: list[Flowable] = []
    for row in rows:
        cells, widths = [], []
        for still, (w, h) in sized[row.start : row.end]:
            width = row.height * w / h
            cells.append(ctx.credited(still, width, row.height))
            widths.append(width + gutter)
        widths[-1] -= gutter
        table = Table([cells], colWidths=widths, hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    # A cell sets its font even when it holds only flowables: Helvetica
                    # unless told, listed unembedded in the PDF.
                    ("FONT", (0, 0), (-1, -1), cell_font(ctx)),
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
        flow.append(table)
    return flow


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
        lines.append(ctx.para("Representation", styles.question, "label"))
        lines += ctx.paras(c.representation, styles.body)
    lines += links_block(ctx, ctx.kit.links, styles.body)  # the reel with a QR code in print
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
    """The whole flow: the cover on its own page, then each section (see ``section_break``)."""
    flow: list[Flowable] = []
    previous = ""
    for name in sections:
        ctx.section = name
        parts = BUILDERS[name](ctx)
        if not parts:
            continue
        if ctx.planning:
            ctx.plan.sections.append(name)
        if name != "cover":  # a page of its own
            parts = [mark(Marker(), "section-start", name), *parts]
            parts.append(mark(Marker(), "section-end", name))
        if name == "contact":  # short, the kit's last word: never a link or two left over
            parts = [KeepWhole(parts)]  # its marks kept with it, on the page it lands on
        if previous == "cover" and name != "contact":
            flow.append(PageBreak())
        elif flow:
            flow.append(section_break(ctx, name))
        flow += parts
        if name == "cover":
            flow.append(NextPageTemplate("body"))
        previous = name
    return flow


def section_break(ctx: Context, name: str) -> Flowable:
    """Where the theme asks for it (``section_break = "page"``), a section starts on a new
    page when the page so far is more than half full; otherwise, and always in a theme that
    flows, it follows after generous space (the section title's space before) when a good
    part of the page is left. The contact section, short and kept whole (``story``), takes
    whatever room is left where it fits."""
    if name == "contact":
        return Spacer(0, 0)
    share = 0.5 if ctx.theme.style.section_break == "page" else 0.3
    return CondPageBreak(ctx.frame_height * share)
