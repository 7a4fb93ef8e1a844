"""The renderer: (kit snapshot, images, theme, profile) -> PDF bytes, with progress.

It takes a model snapshot and an asset source, never a widget, so the command line, the
live preview and the tests share it. Writing the file is ``export.py``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from presskit import model
from presskit.errors import ExportError
from presskit.model import limits
from presskit.render import images
from presskit.render.flowables import Bookmark
from presskit.render.fonts import family
from presskit.render.images import AssetSource, Cancelled, ExportCancelled, Progress
from presskit.render.markup import inline
from presskit.render.sections import Context, cover_still, key_contact, link, story
from presskit.render.styles import build_styles
from presskit.render.themes import load_theme

# ASCII85 triples layout time and adds a quarter to the file; PDF readers need none of it.
rl_config.useA85 = 0

PAGE_SIZES = {"a4": A4, "letter": LETTER}
_ACCENT = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)
    # Where each section ("interview") and film ("film-ID") begins: a 0-based page index,
    # so the preview can show the page of what the person is editing.
    anchors: dict[str, int] = field(default_factory=dict)


class _KitDocument(BaseDocTemplate):
    """Notes the page each outline entry lands on, as Platypus lays the flow out."""

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.anchors: dict[str, int] = {}

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, Bookmark):
            self.anchors.setdefault(flowable.key, self.page - 1)


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


def _context(kit: model.PressKit, source: AssetSource, options: Options) -> Context:
    if refusal := limits.first_refusal(kit):  # past a hard limit: layout could run for hours
        raise ExportError(refusal)
    if options.profile not in images.PROFILES:
        raise ExportError(f"There is no profile called “{options.profile}”; use print or screen.")
    page_size = options.page_size or kit.design.page_size
    if page_size not in PAGE_SIZES:
        raise ExportError(f"The page size “{page_size}” is not a4 or letter.")
    accent = kit.design.accent if _ACCENT.fullmatch(kit.design.accent or "") else ""
    theme = load_theme(options.theme or kit.design.theme).with_accent(accent)
    return Context(
        kit=kit,
        theme=theme,
        styles=build_styles(theme),
        source=source,
        page=PAGE_SIZES[page_size],
        films_shown=list(options.films) if options.films is not None else None,
    )


def placements(
    kit: model.PressKit, source: AssetSource, options: Options = DEFAULT_OPTIONS
) -> dict[str, tuple[float, float]]:
    """The largest box (points) each image is placed in: the layout's plan, nothing drawn."""
    ctx = _context(kit, source, options)
    story(ctx, section_order(kit, options.sections))
    return ctx.wanted


def render_pdf(
    kit: model.PressKit,
    source: AssetSource,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderResult:
    ctx = _context(kit, source, options)
    names = section_order(kit, options.sections)
    story(ctx, names)  # the planning pass: which still is placed how large
    ctx.renditions = images.prepare(
        ctx.wanted, source, images.PROFILES[options.profile], progress, cancelled
    )
    if cancelled and cancelled():
        raise ExportCancelled
    flow = story(ctx, names)
    buffer = BytesIO()
    doc = _document(buffer, ctx, options, starts_with_cover=bool(names) and names[0] == "cover")
    try:
        doc.build(flow)
    except LayoutError as err:
        raise ExportError(f"The kit could not be laid out: {err}.") from None
    warnings = [ctx.coverage.sentence()] if ctx.coverage.missing else []
    return RenderResult(buffer.getvalue(), doc.page, warnings, doc.anchors)


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
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=foot,
    )
    body = Frame(
        margin,
        foot,
        width - 2 * margin,
        height - margin - foot,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    cover_frame = Frame(
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
        line = link(
            ctx, contact[0], contact[1], ctx.styles.cover_contact, ctx.theme.colours.cover_text
        )
        _w, h = line.wrap(width - 2 * ctx.margin, height)
        line.drawOn(canvas, ctx.margin, ctx.margin)
        canvas.setStrokeColor(HexColor(ctx.theme.colours.accent))
        canvas.setLineWidth(0.6)
        canvas.line(
            ctx.margin, ctx.margin + h + 6, ctx.margin + ctx.frame_width * 0.12, ctx.margin + h + 6
        )
    canvas.restoreState()


def _body_page(canvas: Canvas, ctx: Context) -> None:
    """The folio on every page but the cover: the name · Press kit · page number."""
    width, _height = ctx.page
    canvas.saveState()
    style = ctx.styles.folio
    parts = [ctx.kit.person.name.strip(), "Press kit", str(canvas.getPageNumber())]
    text = " · ".join(p for p in parts if p)
    folio = Paragraph(inline(text, family(style.fontName.rsplit("-", 1)[0]), ctx.coverage), style)
    _w, h = folio.wrap(width - 2 * ctx.margin, 100)
    folio.drawOn(canvas, ctx.margin, ctx.mm(ctx.theme.spacing.foot) / 2 - h / 2)
    canvas.restoreState()
