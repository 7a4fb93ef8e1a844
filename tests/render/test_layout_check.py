"""The layout checker finds each kind of fault when a flow makes it on purpose.

A section builder is swapped for one that lays out a fault, so the fault goes through the
real pipeline (planning pass, renditions, layout, the frame's record) and the checker must
read it off the record of where things landed.
"""

from __future__ import annotations

import dataclasses
import json
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak

from presskit import cli
from presskit.render import layout_check, refit, sections
from presskit.render.document import Options, RenderResult, check_layout, render_pdf
from presskit.render.flowables import KeepWhole, KeepWholeOrPart, Marker
from presskit.render.plan import mark
from presskit.store import KitFile
from tests.pdf_checks import placed_text
from tests.render import corpus


@pytest.fixture(scope="module")
def one_still_kit(tmp_path_factory) -> Path:
    return corpus.bare(tmp_path_factory.mktemp("bare"))


def report_for(kit_path: Path, **options) -> layout_check.LayoutReport:
    with KitFile.open(kit_path) as kit_file:
        return check_layout(kit_file.load(), kit_file, Options(invariant=True, **options))


def rendered(kit_path: Path, **options) -> RenderResult:
    with KitFile.open(kit_path) as kit_file:
        return render_pdf(kit_file.load(), kit_file, Options(invariant=True, **options))


def text_height(ctx) -> float:
    """The height of a body page's text area."""
    return ctx.page[1] - ctx.margin - ctx.mm(ctx.theme.spacing.foot)


def kinds(report: layout_check.LayoutReport) -> list[tuple[int, str]]:
    return [(f.page, f.kind) for f in report.faults]


@pytest.fixture
def bio_flow(monkeypatch):
    """Lays the bio section out as the test's ``build(ctx)`` says."""

    def use(build) -> None:
        monkeypatch.setitem(sections.BUILDERS, "bio", build)

    return use


def test_a_kit_that_lays_out_well_has_no_faults(one_still_kit):
    report = report_for(one_still_kit)
    assert report.pages == 2
    assert report.faults == []


def test_a_page_of_one_line_is_near_empty(one_still_kit, bio_flow):
    bio_flow(lambda ctx: [ctx.para("One line about her.", ctx.styles.body), PageBreak()])
    report = report_for(one_still_kit)
    # cover, the one-line bio page, the stills page
    assert report.pages == 3
    assert kinds(report) == [(2, layout_check.NEAR_EMPTY)]


def test_a_caption_on_another_page_than_its_still(one_still_kit, bio_flow):
    def parted(ctx):
        still = ctx.kit.stills[0]
        picture, caption, *rest = ctx.credited(still, ctx.frame_width, ctx.page[1] * 0.5)
        return [picture, PageBreak(), caption, *rest]

    bio_flow(parted)
    report = report_for(one_still_kit)
    assert (3, layout_check.STILL_PARTED) in kinds(report)
    assert "Frame 1" in next(f.detail for f in report.faults if f.kind == layout_check.STILL_PARTED)


def test_a_credit_on_another_page_than_its_still_is_named(one_still_kit, bio_flow):
    def parted(ctx):
        still = dataclasses.replace(ctx.kit.stills[0], credit="Ian Chen")
        picture, caption, credit = ctx.credited(still, ctx.frame_width, ctx.page[1] * 0.5)
        return [picture, caption, PageBreak(), credit]

    bio_flow(parted)
    report = report_for(one_still_kit)
    parted = [f.detail for f in report.faults if f.kind == layout_check.STILL_PARTED]
    assert parted == ["The credit “Photo: Ian Chen” is on page 3, its still on page 2."]


def test_a_film_title_on_another_page_than_its_key_still(one_still_kit, bio_flow):
    def title_then_still(ctx):
        still = ctx.kit.stills[0]
        ctx.plan.key_stills["night"] = still.id
        title = ctx.para("Night Ferry", ctx.styles.heading, "film-title", "night")
        body = ctx.paras("The ferry leaves at midnight. " * 60, ctx.styles.body)
        return [title, *body, PageBreak(), *ctx.credited(still, ctx.frame_width, 300)]

    bio_flow(title_then_still)
    report = report_for(one_still_kit)
    fault = next(f for f in report.faults if f.kind == layout_check.TITLE_WITHOUT_STILL)
    assert fault.page == 2
    assert "Night Ferry" in fault.detail and "page 3" in fault.detail


@pytest.mark.parametrize("role", ["heading", "question", "label"])
def test_a_heading_question_or_label_that_ends_a_page(one_still_kit, bio_flow, role):
    def stranded(ctx):
        body = ctx.paras("She grew up by the harbour. " * 80, ctx.styles.body)
        return [*body, ctx.para("What comes next", ctx.styles.question, role), PageBreak(), *body]

    bio_flow(stranded)
    report = report_for(one_still_kit)
    fault = next(f for f in report.faults if f.kind == layout_check.HEADING_AT_FOOT)
    assert fault.page == 2
    assert "What comes next" in fault.detail


def test_a_picture_wider_than_the_text_area(one_still_kit, bio_flow):
    bio_flow(lambda ctx: [ctx.image(ctx.kit.stills[0], (ctx.frame_width * 1.3, ctx.page[1]))])
    report = report_for(one_still_kit, page_size="letter")
    assert (2, layout_check.OUTSIDE_FRAME) in kinds(report)


def test_a_still_wider_than_the_text_area_is_named_by_its_caption(one_still_kit, bio_flow):
    bio_flow(lambda ctx: ctx.credited(ctx.kit.stills[0], ctx.frame_width * 1.3, ctx.page[1] * 0.6))
    report = report_for(one_still_kit, page_size="letter")
    outside = [f.detail for f in report.faults if f.kind == layout_check.OUTSIDE_FRAME]
    assert [detail.split(" reaches")[0] for detail in outside] == ["“Frame 1”"]


def test_check_layout_prints_json_and_exits_1_on_faults(one_still_kit, bio_flow, capsys):
    assert cli.main(["check-layout", str(one_still_kit), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pages": 2, "faults": []}

    bio_flow(lambda ctx: [ctx.para("One line about her.", ctx.styles.body), PageBreak()])
    code = cli.main(
        ["check-layout", str(one_still_kit), "--json", "--theme", "modern", "--page-size", "letter"]
    )
    printed = json.loads(capsys.readouterr().out)
    assert code == 1
    assert printed["pages"] == 3
    assert [(f["page"], f["kind"]) for f in printed["faults"]] == [(2, "near-empty-page")]
    assert printed["faults"][0]["detail"].startswith("Page 2 holds ")


def test_check_layout_of_an_unreadable_file_is_one_sentence(tmp_path, capsys):
    junk = tmp_path / "junk.presskit"
    junk.write_bytes(b"not a kit")
    assert cli.main(["check-layout", str(junk), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("presskit: error: ") and err.count("\n") == 1
    assert junk.read_bytes() == b"not a kit"


@pytest.mark.parametrize("theme", ["classic", "modern", "minimal"])
def test_a_long_answer_starts_under_its_question_and_fills_the_page(tmp_path, theme):
    """A question stays with the start of its answer, not the whole of it: no interview page
    but the last is left a third empty because the next answer was long."""
    with KitFile.open(corpus.long_interview(tmp_path)) as kit_file:
        plan = render_pdf(kit_file.load(), kit_file, Options(theme=theme, invariant=True)).plan
    questions = [x.page for x in plan.landings if x.role == "question"]
    frame = plan.landings[-1].frame
    for page in range(questions[0], questions[-1]):
        boxes = [x.box for x in plan.landings if x.page == page]
        used = max(b[3] for b in boxes) - min(b[1] for b in boxes)
        assert used >= 0.8 * (frame[3] - frame[1]), (page, used)


class _Block(Flowable):
    """Text or a picture, ``height`` points tall (invisible)."""

    def __init__(self, height: float):
        super().__init__()
        self.height = height

    def wrap(self, available_width, available_height):
        return available_width, self.height

    def draw(self):
        pass


class _Filler(Flowable):
    """Takes all the frame's height but ``leave`` points."""

    def __init__(self, leave: float):
        super().__init__()
        self.leave = leave

    def wrap(self, available_width, available_height):
        return available_width, max(available_height - self.leave, 0)

    def draw(self):
        pass


@pytest.mark.parametrize("alone", ["orphan", "widow"])
def test_a_paragraph_split_with_one_line_alone_on_a_side(one_still_kit, bio_flow, alone):
    def split_short(ctx):
        style = ParagraphStyle("loose", ctx.styles.body, allowOrphans=1, allowWidows=1)
        leading = style.leading
        words = "The tide turned late that night and the boats came home. " * 4
        if alone == "orphan":  # room for one line at the foot; the rest overleaf
            return [_Filler(leading * 1.5), ctx.paragraph(words, style)]
        # room for all but the last line: one line overleaf
        lines = len(ctx.paragraph(words, style).breakLines(ctx.frame_width).lines)
        return [_Filler(leading * (lines - 1) + leading * 0.5), ctx.paragraph(words, style)]

    bio_flow(split_short)
    report = report_for(one_still_kit)
    fault = next(f for f in report.faults if f.kind == layout_check.SPLIT_SHORT)
    assert fault.page == (2 if alone == "orphan" else 3)
    assert "The tide turned late" in fault.detail


KEY_STILL = 300.0  # points: the test film's key still, unless the layout asked for less


def _film_ending_short(ctx, quote: str, short_by: float, key_still: bool = False) -> list[Flowable]:
    """A film that fills page 2 but ``short_by`` points of the room its end needs, a press
    quote in its short list; then another film's title and logline. With ``key_still``, the
    film opens with the kit's first still as its key still, ``KEY_STILL`` points tall unless
    the layout asks for less."""
    frame = text_height(ctx)
    width = ctx.frame_width

    def head(still_height: float) -> list[Flowable]:
        title = ctx.para("The Tide Between Us", ctx.styles.heading, "film-title", "tide")
        if not key_still:
            return [title]
        ctx.plan.key_stills["tide"] = ctx.kit.stills[0].id
        return [*ctx.credited(ctx.kit.stills[0], width, still_height), title]

    end = [ctx.para(f"“{quote}” — Variety", ctx.styles.body)]
    # What the film's page holds before its end, with its key still at full height: a still
    # set smaller leaves room for the end.
    taken = _height(head(KEY_STILL), width, frame)
    needed = _height(end, width, frame, opens=False) - end[-1].getSpaceAfter()
    return [
        mark(Marker(), "film-head-start", "tide"),
        *head(ctx.key_still_heights.get("tide", KEY_STILL)),
        _Block(frame - taken - needed + short_by),
        *end,
        mark(Marker(), "film-end", "tide"),
        ctx.para("Lantern", ctx.styles.heading, "film-title", "lantern"),
        *ctx.paras("Where end sea harbour sea kept the while. " * 6, ctx.styles.body),
    ]


def _height(flowables: list[Flowable], width: float, frame: float, opens: bool = True) -> float:
    """The height ``flowables`` take in a frame, as Frame.add counts it: no space before at the
    frame's top (``opens``), a space before only as far as it exceeds the one after above."""
    total, after = 0.0, 0.0 if not opens else None
    for x in flowables:
        if after is not None:
            total += max(x.getSpaceBefore() - after, 0.0)
        after = x.getSpaceAfter()
        total += x.wrap(width, frame)[1] + after
    return total


THREE_LINES = "Luminous, the tide and the harbour as nobody has filmed them before. " * 3


def test_a_film_s_short_end_opening_a_page_above_another_film(one_still_kit, bio_flow):
    """Far short of room on its page (more than a page may run long), a film's one-line end
    opens the next page above the next film's title and reads as that film's: a fault."""
    bio_flow(lambda ctx: _film_ending_short(ctx, THREE_LINES, short_by=30))
    report = report_for(one_still_kit)
    fault = next(f for f in report.faults if f.kind == layout_check.END_ABOVE_NEXT)
    assert fault.page == 3
    assert "The Tide Between Us" in fault.detail and "“Lantern”" in fault.detail


def test_a_page_runs_a_line_long_to_keep_a_film_s_short_end_off_the_next(one_still_kit, bio_flow):
    """A few points short of room, the page runs long and takes the film's end in: the next
    page opens with the next film, and the folio stays clear under the text."""
    bio_flow(lambda ctx: _film_ending_short(ctx, "Luminous.", short_by=8))
    result = rendered(one_still_kit)
    pages = PdfReader(BytesIO(result.pdf)).pages
    assert "Luminous" in pages[1].extract_text()
    assert _lines_under_the_folio(pages[2])[0] == "Lantern"
    assert layout_check.faults(result.plan) == []
    drawn = placed_text(pages[1])
    quote = next((y, size) for text, y, size in drawn if "Luminous" in text)
    folio = next((y, size) for text, y, size in drawn if "Press kit" in text)
    assert quote[0] - folio[0] > folio[1] + quote[1]  # a line's room at least between them


def _lines_under_the_folio(page) -> list[str]:
    return [line for line in page.extract_text().splitlines() if "Press kit" not in line]


def test_a_film_s_key_still_is_set_smaller_to_keep_its_short_end_off_the_next_page(
    one_still_kit, bio_flow
):
    """Too far short of room for a page run long, a film's end is taken back by setting its
    key still smaller, by about what the end lacked: the next page opens with the next film."""

    def laid_out(short_by: float):
        bio_flow(lambda ctx: _film_ending_short(ctx, THREE_LINES, short_by, key_still=True))
        result = rendered(one_still_kit)
        still = next(x for x in result.plan.landings if x.role == "still" and x.page == 2)
        return result, still.box[3] - still.box[1]

    _fits, full = laid_out(short_by=0)
    result, smaller = laid_out(short_by=30)
    pages = PdfReader(BytesIO(result.pdf)).pages
    assert "Luminous" in pages[1].extract_text()
    assert _lines_under_the_folio(pages[2])[0] == "Lantern"
    assert layout_check.faults(result.plan) == []
    assert full - 45 < smaller <= full - 30


def test_the_contact_section_is_never_parted_across_pages(tmp_path, bio_flow):
    """With a third of the page left, too little for all of it, the contact section starts on
    a page of its own rather than leave its last links alone on the kit's last page."""
    kit = {
        "format": "presskit/1",
        "person": {"name": "Im-Sun Song"},
        "links": [
            {"label": "Reel", "url": "https://vimeo.com/793204574"},
            {"label": "Instagram", "url": "https://instagram.com/example"},
        ],
        "contact": corpus._contact(),
    }
    kit_path = corpus._make(tmp_path, "contact", kit)
    bio_flow(lambda ctx: [_Block(ctx.page[1] * 0.55)])
    result = rendered(kit_path, sections=["bio", "contact"], profile="print")
    pages = PdfReader(BytesIO(result.pdf)).pages
    assert len(pages) == 2
    assert _lines_under_the_folio(pages[0]) == []
    contact = _lines_under_the_folio(pages[1])
    assert contact[0] == "Contact" and any("Instagram" in line for line in contact)


def _text_of_lines(ctx, lines: int) -> str:
    """Words that make exactly ``lines`` lines of body text."""

    def text(words: int) -> str:
        return " ".join(f"tide{n % 7}" for n in range(words))

    def count(words: int) -> int:
        return len(ctx.paragraph(text(words), ctx.styles.body).breakLines(ctx.frame_width).lines)

    words = lines * 1000 // count(1000)
    while count(words) < lines:
        words += 1
    while count(words - 1) >= lines:
        words -= 1
    return text(words)


def _bio_and_interview(folder: Path) -> Path:
    kit = {
        "format": "presskit/1",
        "person": {"name": "Im-Sun Song"},
        "interview": {
            "items": [
                {"question": f"Where did it start, part {n}?", "answer": corpus.prose(60, n)}
                for n in range(3)
            ]
        },
    }
    return corpus._make(folder, "bio", kit)


def test_pages_run_a_line_long_together_to_keep_a_section_s_last_lines_off_the_next(
    tmp_path, bio_flow
):
    """A bio two lines longer than two pages: rather than open a third page above the
    interview with them, its two pages each run a line long."""
    kit_path = _bio_and_interview(tmp_path)

    def two_pages_and_two_lines(ctx):
        frame = text_height(ctx)
        lines = 2 * int(frame // ctx.styles.body.leading) + 2
        return [ctx.paragraph(_text_of_lines(ctx, lines), ctx.styles.body)]

    bio_flow(two_pages_and_two_lines)
    result = rendered(kit_path, sections=["bio", "interview"])
    pages = PdfReader(BytesIO(result.pdf)).pages
    assert len(pages) == 3
    assert _lines_under_the_folio(pages[1])[-1].startswith("tide")
    assert _lines_under_the_folio(pages[2])[0] == "In conversation"
    assert layout_check.faults(result.plan) == []


def test_a_section_s_paragraphs_are_spaced_tighter_to_keep_its_last_one_off_the_next_page(
    tmp_path, bio_flow
):
    """A bio of three-line paragraphs whose last one, too tall for a page run long, would
    open the next page above the interview: its paragraphs are spaced tighter and all of it
    stays on its page."""
    kit_path = _bio_and_interview(tmp_path)

    def a_paragraph_too_many(ctx):
        style = ctx.styles.body
        frame = text_height(ctx)
        each = 3 * style.leading + style.spaceAfter
        return [ctx.para(_text_of_lines(ctx, 3), style) for _ in range(int(frame // each) + 1)]

    bio_flow(a_paragraph_too_many)
    result = rendered(kit_path, sections=["bio", "interview"])
    pages = PdfReader(BytesIO(result.pdf)).pages
    assert len(pages) == 2
    assert _lines_under_the_folio(pages[1])[0] == "In conversation"
    assert layout_check.faults(result.plan) == []


def test_a_film_s_closing_blocks_take_the_paragraph_before_them_to_the_next_page(
    tmp_path, bio_flow
):
    """A film without a key still whose specifications, too tall for a page run long, would
    open the next page above the next film: the paragraph before them goes over with them,
    and the film's end on that page is no longer a stray block."""
    synopsis = " ".join(f"tide{n % 7}" for n in range(150))
    kit = {
        "format": "presskit/1",
        "person": {"name": "Im-Sun Song"},
        "films": [
            {
                "id": "tide",
                "title": "The Tide Between Us",
                "synopsis": synopsis,
                "runtime_min": 94,
                "country": "Norway",
                "language": "Norwegian",
            },
            {"id": "lantern", "title": "Lantern", "synopsis": "Where end sea harbour."},
        ],
    }
    kit_path = corpus._make(tmp_path, "films", kit)

    def laid_out(filler: float):
        bio_flow(lambda ctx: [_Block(filler)])
        return rendered(kit_path, sections=["bio", "films"], theme="minimal")

    # Where the film's end falls with nothing before it, and the filler that makes its
    # specifications miss the page's foot by 30 points.
    plan = laid_out(0).plan
    runtime = next(x for x in plan.landings if x.text.startswith("Specifications"))
    end = next(x for x in plan.landings if x.role == "film-end" and x.key == "tide")
    result = laid_out(end.box[1] - runtime.frame[1] + 30)

    pages = PdfReader(BytesIO(result.pdf)).pages
    lines = _lines_under_the_folio(pages[1])
    assert lines[0].startswith("tide0 tide1")  # the synopsis, whole, then the specifications
    assert lines.index("Specifications") < lines.index("Lantern")
    assert layout_check.faults(result.plan) == []


def test_a_page_left_a_third_empty_while_a_film_s_stills_wait_for_the_next(one_still_kit, bio_flow):
    """A film's stills kept whole open the next page though their title and first row fit in
    the third of a page left empty: a fault (the stills may part between rows)."""

    def stills_waiting(ctx):
        frame = text_height(ctx)
        row = frame * 0.25
        group = [
            mark(Marker(), "stills-group", "tide"),
            ctx.para("The Tide Between Us", ctx.styles.subhead, "heading"),
            _Block(row),
            _Block(row),
        ]
        return [_Block(frame * 0.55), KeepWhole(group)]

    bio_flow(stills_waiting)
    report = report_for(one_still_kit)
    fault = next(f for f in report.faults if f.kind == layout_check.STILLS_WAITING)
    assert fault.page == 2
    assert "The Tide Between Us" in fault.detail and "page 3" in fault.detail


def test_a_refit_that_mends_nothing_is_not_kept(one_still_kit, bio_flow, monkeypatch):
    """Each refit builds on the last, but the layout kept is the one with the fewest faults,
    then pages: a change that makes the kit longer and mends nothing is undone."""
    bio_flow(lambda ctx: ctx.paras("The tide turned late that night. " * 200, ctx.styles.body))
    with KitFile.open(one_still_kit) as kit_file:
        kit = kit_file.load()
        plain = render_pdf(kit, kit_file, Options(invariant=True))
        # A page asked to end 400 points early, once: the bio runs a page longer.
        asked = iter([{2: -400.0}])
        monkeypatch.setattr(refit, "long_pages", lambda plan, earlier: next(asked, {}))
        refitted = render_pdf(kit, kit_file, Options(invariant=True))
    assert refitted.pages == plain.pages
    assert refitted.pdf == plain.pdf


@pytest.mark.parametrize("left", [0.45, 0.2])
def test_a_film_s_stills_part_after_their_first_row_rather_than_leave_a_third_empty(
    one_still_kit, bio_flow, left
):
    """With a third of the page or more left, a film's stills start there (the title and
    first row together) and go on overleaf; with less, they move whole to the next page."""

    def stills(ctx):
        rows = [_Block(text_height(ctx) * 0.3) for _ in range(2)]
        for n, row in enumerate(rows):
            row.layout_text = f"row {n + 1}"
        group = [
            mark(Marker(), "stills-group", "tide"),
            ctx.para("The Tide Between Us", ctx.styles.subhead, "heading"),
            *rows,
        ]
        spare = text_height(ctx) * layout_check.SPARE_ROOM
        return [_Block(text_height(ctx) * (1 - left)), KeepWholeOrPart(group, 2, spare)]

    bio_flow(stills)
    result = rendered(one_still_kit)
    title = next(x for x in result.plan.landings if x.text == "The Tide Between Us")
    rows = [x.page for x in result.plan.landings if x.text.startswith("row ")]
    if left > layout_check.SPARE_ROOM:
        assert (title.page, rows) == (2, [2, 3])
    else:
        assert (title.page, rows) == (3, [3, 3])
    assert layout_check.faults(result.plan) == []
