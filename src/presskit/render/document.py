"""The renderer: (kit snapshot, images, theme, profile) -> PDF bytes, with progress.

It takes a model snapshot and an asset source, never a widget, so the command line, the
live preview and the tests share it. Writing the file is ``export.py``'s job.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError

from presskit import model
from presskit.errors import ExportError
from presskit.model import limits
from presskit.render import images, refit
from presskit.render.fitting import line_count, shortened
from presskit.render.flowables import BleedImage, Bookmark, KeepWithStart, Marker
from presskit.render.fonts import family
from presskit.render.images import AssetSource, Cancelled, ExportCancelled, Progress
from presskit.render.layout_check import LayoutReport, faults
from presskit.render.markup import inline, typographic
from presskit.render.plan import Landing, Plan
from presskit.render.sections import Context, cover_still, key_contact, link, story
from presskit.render.styles import build_styles
from presskit.render.themes import Theme, load_theme

# ASCII85 triples layout time and adds a quarter to the file; PDF readers need none of it.
rl_config.useA85 = 0

PAGE_SIZES = {key: size.points for key, size in model.PAGE_SIZES.items()}
REFITS = 8  # layouts after the first, at most, to set a page again (``refit``)
_ACCENT = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)
    # Where each section ("interview") and film ("film-ID") begins: a 0-based page index,
    # so the preview can show the page of what the person is editing.
    anchors: dict[str, int] = field(default_factory=dict)
    # What the planning pass saw and where each flowable landed: the layout checker's input.
    plan: Plan = field(default_factory=Plan)


class _KitDocument(BaseDocTemplate):
    """Notes the page each outline entry lands on, as Platypus lays the flow out; lets a
    page run long where the layout asked (``Context.long_pages``)."""

    def __init__(self, *args: object, long_pages: dict[int, float], **kwargs: object):
        super().__init__(*args, **kwargs)
        self.anchors: dict[str, int] = {}
        self.long_pages = long_pages

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, Bookmark):
            self.anchors.setdefault(flowable.key, self.page - 1)

    def handle_pageBegin(self) -> None:
        super().handle_pageBegin()
        for frame in self.pageTemplate.frames:
            # Frame.add and Frame.split stop at _y1p; _reset leaves it as it was.
            frame._y1p = frame._y1 + frame._bottomPadding - self.long_pages.get(self.page, 0.0)


class _RecordingFrame(Frame):
    """A frame that notes in the plan where each flowable it takes lands (page and box)."""

    def __init__(self, plan: Plan, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def __deepcopy__(self, memo: dict[int, object]) -> _RecordingFrame:
        # ReportLab deep-copies the current frame each time it measures a kept block
        # (``_listWrapOn``): with the plan, that was every landing so far, again and again
        # (a third of a render's time). A measuring copy records nothing.
        memo[id(self.plan)] = Plan()
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        clone.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return clone

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        at_top, top, previous_space = self._atTop, self._y, self._prevASpace
        if isinstance(flowable, BleedImage):  # opening the page, it may run up to its edge
            flowable.room_above = canv._pagesize[1] - top if at_top else 0.0
        added = super().add(flowable, canv, trySplit)
        plain_space = isinstance(flowable, Spacer | Bookmark | Marker | ActionFlowable)
        if added and (getattr(flowable, "layout_role", "") or not plain_space):
            # As Frame.add places it: below the space before (none at the frame's top; the
            # part the space after the one before does not already give), and the space
            # after below it.
            if not at_top:
                before = flowable.getSpaceBefore()
                top -= max(before - previous_space, 0) if self._oASpace else before
            bottom = self._y + flowable.getSpaceAfter()
            width = getattr(flowable, "width", None) or getattr(flowable, "_width", 0)
            left = self._x + self._leftExtraIndent
            box = (left, bottom, left + width, top)
            frame = (self._x1, self._y1p, self._x2, self._y2)  # a long page's foot
            self.plan.landings.append(Landing.of(flowable, canv.getPageNumber(), box, frame))
        return added


@dataclass(frozen=True)
class Options:
    """What an export may change without touching the kit (a kit for one film, say)."""

    profile: str = "screen"
    theme: str | None = None  # None: the kit's own
    page_size: str | None = None
    sections: Sequence[str] | None = None  # None: the kit's visible sections, in its order
    films: Sequence[str] | None = None  # film ids; None: all
    invariant: bool = False  # same input, same bytes (tests)


DEFAULT_OPTIONS = Options()


def section_order(kit: model.PressKit, only: Sequence[str] | None) -> list[str]:
    """The sections to print, in the kit's order: its visible ones, or exactly ``only`` (an
    export's choice, which may take in a section the kit hides)."""
    in_kit = [s.name for s in kit.design.sections]
    if only is None:
        names = [s.name for s in kit.design.sections if s.visible]
    else:
        names = [n for n in in_kit if n in only] + [n for n in only if n not in in_kit]
    return [n for n in names if n in model.SECTIONS]


def kit_theme(kit: model.PressKit, name: str | None) -> Theme:
    """The theme ``name`` (None: the kit's own) with the kit's accent, where it chose a
    well-formed one."""
    accent = kit.design.accent if _ACCENT.fullmatch(kit.design.accent or "") else ""
    return load_theme(name or kit.design.theme).with_accent(accent)


def _context(kit: model.PressKit, source: AssetSource, options: Options) -> Context:
    if refusal := limits.first_refusal(kit):  # past a hard limit: layout could run for hours
        raise ExportError(refusal)
    if options.profile not in images.PROFILES:
        raise ExportError(f"There is no profile called “{options.profile}”; use print or screen.")
    page_size = options.page_size or kit.design.page_size
    if page_size not in PAGE_SIZES:
        raise ExportError(f"The page size “{page_size}” is not a4 or letter.")
    theme = kit_theme(kit, options.theme)
    return Context(
        kit=kit,
        theme=theme,
        styles=build_styles(theme),
        source=source,
        page=PAGE_SIZES[page_size],
        films_shown=list(options.films) if options.films is not None else None,
        profile=options.profile,
    )


def plan(kit: model.PressKit, source: AssetSource, options: Options = DEFAULT_OPTIONS) -> Plan:
    """The layout's planning pass: what the pages will show, nothing drawn and no font loaded."""
    ctx = _context(kit, source, options)
    _plan(ctx, section_order(kit, options.sections))
    return ctx.plan


def _plan(ctx: Context, names: list[str]) -> None:
    story(ctx, names)
    # What the page hooks draw besides the flow: the cover's key contact and the folio.
    shown = ctx.plan.sections
    contact = key_contact(ctx.kit)
    if "cover" in shown and contact:
        link(ctx, contact[0], contact[1], ctx.styles.cover_contact)
    if any(name != "cover" for name in shown):
        ctx.plan.set_text(ctx.styles.folio.fontName, typographic(_folio(ctx.kit, 1)))


def placements(
    kit: model.PressKit, source: AssetSource, options: Options = DEFAULT_OPTIONS
) -> dict[str, tuple[float, float]]:
    """The largest place (points) the layout gives each image: the plan, nothing drawn."""
    return plan(kit, source, options).places


def nothing_to_show(
    kit: model.PressKit, source: AssetSource, options: Options = DEFAULT_OPTIONS
) -> str | None:
    """Why a PDF of ``kit`` would show nothing, in one sentence; None when it shows something.
    Exporting such a kit is refused with this sentence (``export.export_pdf``)."""
    if not section_order(kit, options.sections):
        return "There is nothing to export: no section is chosen."
    if not plan(kit, source, options).shows_nothing:
        return None
    if options.sections is None:
        return (
            "There is nothing to export: every section shown is empty; "
            "add to one or show another in Design."
        )
    return (
        "There is nothing to export: every section chosen is empty; add to one or choose another."
    )


def render_pdf(
    kit: model.PressKit,
    source: AssetSource,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderResult:
    ctx = _context(kit, source, options)
    names = section_order(kit, options.sections)
    _plan(ctx, names)  # which still is placed how large
    ctx.renditions = images.prepare(
        ctx.plan.images, source, images.PROFILES[options.profile], progress, cancelled
    )
    if cancelled and cancelled():
        raise ExportCancelled
    buffer, doc = _refit(ctx, names, options)
    warnings = [ctx.coverage.sentence()] if ctx.coverage.missing else []
    return RenderResult(buffer.getvalue(), doc.page, warnings, doc.anchors, ctx.plan)


def _refit(ctx: Context, names: list[str], options: Options) -> tuple[BytesIO, _KitDocument]:
    """The pages laid out, then set again where the layout checker finds a fault the layout
    knows how to mend (``refit``): a page left near empty or a third empty before a film or
    a film's stills that would not fit under it (the film's key still smaller, its laurels
    after it, or the stills parted between rows); a film's or section's short end opening a
    page above what follows (pages run a line long, a smaller key still, tighter spacing, a
    paragraph carried over). Each round builds on the last; the layout with the fewest
    faults, then the fewest pages, is kept (the earliest of equals: a change that mends
    nothing is not kept)."""
    buffer, doc = _lay_out(ctx, names, options)
    best = (len(faults(ctx.plan)), doc.page), buffer, doc, list(ctx.plan.landings)
    for _attempt in range(REFITS):
        smaller = refit.key_still_heights(ctx.plan, ctx.key_still_heights, ctx.laurels_after)
        remedies = refit.past_running_long(
            ctx.plan, ctx.key_still_heights, ctx.tight_sections, ctx.carried_ends, ctx.long_pages
        )
        for film, height in remedies.heights.items():
            smaller[film] = min(height, smaller.get(film, height))
        longer = refit.long_pages(ctx.plan, ctx.long_pages)
        if not (smaller or remedies.tight or remedies.carried or longer):
            break
        ctx.key_still_heights.update(smaller)
        ctx.tight_sections |= remedies.tight
        ctx.carried_ends |= remedies.carried
        ctx.long_pages.update(longer)
        buffer, doc = _lay_out(ctx, names, options)
        score = (len(faults(ctx.plan)), doc.page)
        if score < best[0]:
            best = score, buffer, doc, list(ctx.plan.landings)
    (_faults, pages), buffer, doc, ctx.plan.landings = best
    ctx.plan.pages = pages
    doc.canv.save()  # the PDF of the layout kept, and only of it
    return buffer, doc


def check_layout(
    kit: model.PressKit, source: AssetSource, options: Options = DEFAULT_OPTIONS
) -> LayoutReport:
    """Lays ``kit`` out as an export would and checks the pages (``layout_check``)."""
    plan = render_pdf(kit, source, options).plan
    return LayoutReport(plan.pages, faults(plan))


def _lay_out(ctx: Context, names: list[str], options: Options) -> tuple[BytesIO, _KitDocument]:
    """The pages, with a fresh record of where everything landed in ``ctx.plan``."""
    ctx.plan.landings.clear()
    flow = story(ctx, names)
    buffer = BytesIO()
    doc = _document(buffer, ctx, options, starts_with_cover=bool(names) and names[0] == "cover")
    doc._doSave = 0  # the layout may not be kept: its PDF is written once it is (``_refit``)
    try:
        doc.build(flow)
    except LayoutError as err:
        raise ExportError(f"The kit could not be laid out: {err}.") from None
    ctx.plan.pages, ctx.plan.page_size = doc.page, ctx.page
    ctx.plan.cover = bool(names) and names[0] == "cover"
    return buffer, doc


def _document(
    buffer: BytesIO, ctx: Context, options: Options, *, starts_with_cover: bool
) -> _KitDocument:
    kit, theme = ctx.kit, ctx.theme
    width, height = ctx.page
    margin, foot = ctx.margin, ctx.mm(theme.spacing.foot)
    name = kit.person.name.strip() or "Press kit"
    films = [f.title for f in ctx.films() if f.title.strip()]
    doc = _KitDocument(
        buffer,
        pagesize=ctx.page,
        title=f"{name} — Press kit",
        author=name,
        subject=", ".join(kit.person.roles) + (f": {', '.join(films)}" if films else ""),
        keywords=[*kit.person.roles, *films, "press kit"],
        creator="presskit",
        invariant=1 if options.invariant else 0,
        long_pages=ctx.long_pages,
        keepTogetherClass=KeepWithStart,  # keepWithNext chains: with the next one's start
        # ReportLab selects a font on every new page: Helvetica unless told, which is never
        # drawn yet listed unembedded, and print shops' preflight rejects any such font.
        initialFontName=family(ctx.theme.fonts.label).regular,  # the folio's: registered here
        initialFontSize=ctx.styles.folio.fontSize,
        initialLeading=ctx.styles.folio.leading,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=foot,
    )
    body = _RecordingFrame(
        ctx.plan,
        margin,
        foot,
        ctx.frame_width,
        ctx.frame_height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    cover_frame = _RecordingFrame(
        ctx.plan,
        margin,
        margin,
        width - 2 * margin,
        height - 2 * margin,
        id="cover",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    templates = [
        PageTemplate("cover", [cover_frame], onPage=lambda canvas, _doc: _cover_page(canvas, ctx)),
        PageTemplate("body", [body], onPage=lambda canvas, _doc: _body_page(canvas, ctx)),
    ]
    doc.addPageTemplates(templates if starts_with_cover else templates[::-1])
    return doc


def _cover_page(canvas: Canvas, ctx: Context) -> None:
    width, height = ctx.page
    canvas.saveState()
    canvas.showOutline()
    canvas.setFillColor(HexColor(ctx.theme.colours.cover_paper))
    canvas.rect(0, 0, width, height, stroke=0, fill=1)
    still = cover_still(ctx)
    if (
        ctx.theme.style.cover == "full-bleed"
        and still
        and ctx.renditions
        and still.asset in ctx.renditions
    ):
        size = ctx.fitted(still, (width, height * 0.6))
        if size:
            canvas.drawImage(
                ctx.reader(still.asset), (width - size[0]) / 2, height - size[1], size[0], size[1]
            )
    contact = key_contact(ctx.kit)
    if contact:
        style, room = ctx.styles.cover_contact, width - 2 * ctx.margin
        colour = ctx.theme.colours.cover_text
        text = shortened(
            contact[0],
            lambda t: line_count(link(ctx, t, contact[1], style, colour), room) <= 1,
        )
        line = link(ctx, text, contact[1], style, colour)
        _w, h = line.wrap(room, height)
        line.drawOn(canvas, ctx.margin, ctx.margin)
        canvas.setStrokeColor(HexColor(ctx.theme.colours.accent))
        canvas.setLineWidth(0.6)
        canvas.line(
            ctx.margin, ctx.margin + h + 6, ctx.margin + ctx.frame_width * 0.12, ctx.margin + h + 6
        )
    canvas.restoreState()


def _folio(kit: model.PressKit, page: int, name: str | None = None) -> str:
    parts = [kit.person.name.strip() if name is None else name, "Press kit", str(page)]
    return " · ".join(p for p in parts if p)


def _body_page(canvas: Canvas, ctx: Context) -> None:
    """The folio on every page but the cover: the name · Press kit · page number, always
    one line (a long name is cut with an ellipsis; the page number never is)."""
    width, _height = ctx.page
    canvas.saveState()
    style, room, page = ctx.styles.folio, width - 2 * ctx.margin, canvas.getPageNumber()
    face = family(style.fontName.rsplit("-", 1)[0])

    def folio_for(name: str) -> Paragraph:
        return Paragraph(inline(_folio(ctx.kit, page, name), face, ctx.coverage), style)

    name = shortened(ctx.kit.person.name.strip(), lambda n: line_count(folio_for(n), room) <= 1)
    folio = folio_for(name)
    _w, h = folio.wrap(room, 100)
    folio.drawOn(canvas, ctx.margin, ctx.mm(ctx.theme.spacing.foot) / 2 - h / 2)
    canvas.restoreState()
