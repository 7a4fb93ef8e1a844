"""The layout checker: the rules of ../LAYOUT.md's pagination, read off the renderer's own
record of where each flowable landed (``Plan.landings``), never off pixels.

Each fault names its page, its kind and, in one sentence, what is wrong. Laying a kit out
to check it is ``document.check_layout``; the renderer reads the faults itself to set a
page again (``refit``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from presskit.render.plan import HEADINGS, MARKS, Landing, Plan

# The kinds of fault, in the order they are reported on a page.
NEAR_EMPTY = "near-empty-page"
STILL_PARTED = "still-parted-from-caption"
TITLE_WITHOUT_STILL = "film-title-without-key-still"
HEADING_AT_FOOT = "heading-at-page-foot"
OUTSIDE_FRAME = "outside-frame"
SPLIT_SHORT = "paragraph-split-short"
END_ABOVE_NEXT = "short-end-above-next"
STILLS_WAITING = "stills-left-waiting"
KINDS = (
    NEAR_EMPTY,
    STILL_PARTED,
    TITLE_WITHOUT_STILL,
    HEADING_AT_FOOT,
    SPLIT_SHORT,
    END_ABOVE_NEXT,
    STILLS_WAITING,
    OUTSIDE_FRAME,
)
MIN_SPLIT_LINES = 2  # lines a paragraph keeps on each side of a page break
NEAR_EMPTY_SHARE = 0.25  # a page but the cover and the last holds at least this of its height
# Of the text area's height: room a page may leave before a film's stills that would have
# started there (their title and first row fitting in it).
SPARE_ROOM = 1 / 3
# Of the page's height: a film's or section's end shorter than this, opening a page that
# goes on to something else, reads as the start of what follows. Where a film's end opens
# the page with a block that stands on its own (its credits, specifications, a short list
# of quotes) rather than lines going on from the page before, it reads as the next film's
# when taller too.
SHORT_END = 0.08
SHORT_FILM_END = 0.18

_SLACK = 0.5  # points: rounding in ReportLab's own arithmetic is no fault


@dataclass(frozen=True)
class Fault:
    page: int
    kind: str
    detail: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class LayoutReport:
    pages: int
    faults: list[Fault]

    def to_json(self) -> dict[str, object]:
        return {"pages": self.pages, "faults": [f.to_json() for f in self.faults]}


def faults(plan: Plan) -> list[Fault]:
    """Every fault in a laid-out plan, by page."""
    pages: dict[int, list[Landing]] = defaultdict(list)
    for landing in plan.landings:
        pages[landing.page].append(landing)
    found = [
        *_near_empty(plan, pages),
        *_parted_stills(plan),
        *_titles_without_stills(plan),
        *_headings_at_foot(plan, pages),
        *_short_splits(plan),
        *_ends_above_what_follows(plan),
        *_stills_left_waiting(pages),
        *_outside_frame(plan),
    ]
    return sorted(found, key=lambda f: (f.page, KINDS.index(f.kind)))


def _near_empty(plan: Plan, pages: dict[int, list[Landing]]) -> list[Fault]:
    height = plan.page_size[1]
    found = []
    for page in range(1, plan.pages):  # the last page may be short
        if page == 1 and plan.cover:
            continue
        on_page = pages.get(page, [])
        used = max(x.box[3] for x in on_page) - min(x.box[1] for x in on_page) if on_page else 0.0
        if used < height * NEAR_EMPTY_SHARE:
            share = round(100 * used / height)
            found.append(
                Fault(
                    page,
                    NEAR_EMPTY,
                    f"Page {page} holds {share}% of its height; a page but the "
                    f"cover and the last should hold a quarter or more.",
                )
            )
    return found


def _parted_stills(plan: Plan) -> list[Fault]:
    """A caption or credit on another page than the still it follows in the flow."""
    found = []
    pictures: dict[str, Landing] = {}  # still id -> its picture that came last in the flow
    for landing in plan.landings:
        if landing.role == "still":
            pictures[landing.key] = landing
        elif landing.role in ("caption", "credit") and landing.key in pictures:
            picture = pictures[landing.key]
            if landing.page != picture.page:
                found.append(
                    Fault(
                        landing.page,
                        STILL_PARTED,
                        f"The {landing.role} “{landing.text}” is on page {landing.page}, its "
                        f"still on page {picture.page}.",
                    )
                )
    return found


def _titles_without_stills(plan: Plan) -> list[Fault]:
    pictures = {x.key: x.page for x in plan.landings if x.role == "still"}
    found = []
    for title in (x for x in plan.landings if x.role == "film-title"):
        still = plan.key_stills.get(title.key)
        if still in pictures and pictures[still] != title.page:
            found.append(
                Fault(
                    title.page,
                    TITLE_WITHOUT_STILL,
                    f"The film “{title.text}” is on page {title.page}, its key still on page "
                    f"{pictures[still]}.",
                )
            )
    return found


def _headings_at_foot(plan: Plan, pages: dict[int, list[Landing]]) -> list[Fault]:
    found = []
    for page, on_page in pages.items():
        last = min(on_page, key=lambda x: x.box[1])
        if page < plan.pages and last.role in HEADINGS:
            found.append(
                Fault(
                    page,
                    HEADING_AT_FOOT,
                    f"The {last.role.replace('-', ' ')} “{last.text}” ends page {page}; what it "
                    f"introduces starts on page {page + 1}.",
                )
            )
    return found


def _short_splits(plan: Plan) -> list[Fault]:
    """A paragraph parted by a page's foot with one line alone on either side (an orphan
    at the foot, or a widow at the top of the next page)."""
    found = []
    landings = plan.landings
    for i, first in enumerate(landings):
        if not first.parted:
            continue
        rest = next((x for x in landings[i + 1 :] if x.page > first.page and x.lines), None)
        sides = [(first.page, first.lines, "last")]
        if rest is not None:
            sides.append((rest.page, rest.lines, "first"))
        for page, lines, which in sides:
            if lines < MIN_SPLIT_LINES:
                found.append(
                    Fault(
                        page,
                        SPLIT_SHORT,
                        f"“{first.text}” leaves a single line as the {which} on page {page}; a "
                        f"paragraph keeps two or more on each side of a page break.",
                    )
                )
    return found


@dataclass(frozen=True)
class ShortEnd:
    """A film's or section's last few lines, opening a page that goes on to something else."""

    key: str  # the film's id, or the section's name
    film: bool
    name: str  # its title
    tail: list[Landing]  # what of it opens the page
    follows: str  # the first words after it


_START_OF = {"film-end": "film-head-start", "section-end": "section-start"}


def short_ends(plan: Plan) -> list[ShortEnd]:
    """Each film or section whose end is short and opens a page that then goes on to
    another film or section: it reads as the start of what follows."""
    found = []
    landings = plan.landings
    for i, end in enumerate(landings):
        start_role = _START_OF.get(end.role)
        if start_role is None or (end.role, end.key) == ("section-end", "films"):
            continue  # the films section ends where its last film does
        start = max(
            j for j in range(i) if landings[j].role == start_role and landings[j].key == end.key
        )
        body = [x for x in landings[start + 1 : i] if x.role not in MARKS]
        if not body or body[0].page == end.page:
            continue
        tail = [x for x in body if x.page == end.page]
        follows = [x for x in landings[i + 1 :] if x.page == end.page and x.role not in MARKS]
        if not tail or not follows:
            continue
        before = [x for x in body if x.page == end.page - 1]
        goes_on = bool(before) and before[-1].parted  # a paragraph the page's foot split
        short = SHORT_END if goes_on or end.role != "film-end" else SHORT_FILM_END
        if tail[0].box[3] - tail[-1].box[1] >= plan.page_size[1] * short:
            continue
        titles = [x for x in body if x.role == "film-title"] + [
            x for x in body if x.role == "heading"
        ]
        named = [x for x in follows if x.role in HEADINGS] + [x for x in follows if x.text]
        found.append(
            ShortEnd(
                end.key,
                end.role == "film-end",
                titles[0].text if titles else "",
                tail,
                named[0].text if named else "what follows",
            )
        )
    return found


def _ends_above_what_follows(plan: Plan) -> list[Fault]:
    found = []
    for end in short_ends(plan):
        page = end.tail[0].page
        if end.film:
            what = f"the film “{end.name}”"
        else:
            what = f"“{end.name}”" if end.name else f"the {end.key} section"
        found.append(
            Fault(
                page,
                END_ABOVE_NEXT,
                f"The end of {what} opens page {page} above “{end.follows}”, as if it were "
                f"part of it; a film's or section's last lines stay on its page or take a "
                f"good part of the next.",
            )
        )
    return found


def _stills_left_waiting(pages: dict[int, list[Landing]]) -> list[Fault]:
    """A page left with a third of its text area or more empty while a film's stills open
    the next page, though their title and first row would have fitted in that room."""
    found = []
    for page, here in pages.items():
        after = pages.get(page + 1, [])
        if not after or after[0].role != "stills-group":
            continue
        frame = here[0].frame
        room = min(x.box[1] - x.space_after for x in here) - frame[1]
        first_row = next((x for x in after[1:] if x.role == ""), None)  # after its title
        if first_row is None or room < (frame[3] - frame[1]) * SPARE_ROOM:
            continue
        if after[0].box[3] - first_row.box[1] <= room:
            title = next((x.text for x in after[1:3] if x.role == "heading"), "")
            found.append(
                Fault(
                    page,
                    STILLS_WAITING,
                    f"Page {page} leaves a third of its text area or more empty while the "
                    f"stills {f'of “{title}” ' if title else ''}open page {page + 1}, though "
                    f"their title and first row fit in that room.",
                )
            )
    return found


def _outside_frame(plan: Plan) -> list[Fault]:
    found = []
    for x in plan.landings:
        (left, bottom, right, top), (fl, fb, fr, ft) = x.box, x.frame
        if left < fl - _SLACK or right > fr + _SLACK or bottom < fb - _SLACK or top > ft + _SLACK:
            what = f"“{x.text}”" if x.text else "A picture"
            found.append(
                Fault(
                    x.page,
                    OUTSIDE_FRAME,
                    f"{what} reaches outside the page's text area on page {x.page} "
                    f"({right - left:.0f}×{top - bottom:.0f} pt in {fr - fl:.0f}×{ft - fb:.0f}).",
                )
            )
    return found
