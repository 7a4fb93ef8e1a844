"""The layout checker finds each kind of fault when a flow makes it on purpose.

A section builder is swapped for one that lays out a fault, so the fault goes through the
real pipeline (planning pass, renditions, layout, the frame's record) and the checker must
read it off the record of where things landed.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak

from presskit import cli
from presskit.render import layout_check, sections
from presskit.render.document import Options, check_layout, render_pdf
from presskit.store import KitFile
from tests.render import corpus


@pytest.fixture(scope="module")
def one_still_kit(tmp_path_factory) -> Path:
    return corpus.bare(tmp_path_factory.mktemp("bare"))


def report_for(kit_path: Path, **options) -> layout_check.LayoutReport:
    with KitFile.open(kit_path) as kit_file:
        return check_layout(kit_file.load(), kit_file, Options(invariant=True, **options))


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
