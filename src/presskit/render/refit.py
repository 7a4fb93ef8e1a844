"""Second thoughts after a layout: what to set differently so that no page is left near
empty, no film's stills wait for the next page, and no film's or section's short end opens
a page above what follows (LAYOUT.md, Pagination), read off the record of where everything
landed."""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.render.layout_check import NEAR_EMPTY, ShortEnd, faults, short_ends
from presskit.render.plan import Landing, Plan

SMALLEST_KEY_STILL = 0.14  # of the page's height: a key still is never set smaller to fit
_SLACK = 6.0  # points: the spaces a kept block's measure and the frame count differently
RUN_LONG = 0.02  # of the page's height: how far a page's text may run into its foot (a line)
LONG_PAGES = 3  # pages at most that run long together to take in one short end


def _near_empty_pages(plan: Plan) -> list[tuple[list[Landing], list[Landing]]]:
    """What each near-empty page holds, and what the page after it holds."""
    found = []
    for fault in faults(plan):
        if fault.kind == NEAR_EMPTY:
            here = [x for x in plan.landings if x.page == fault.page]
            after = [x for x in plan.landings if x.page == fault.page + 1]
            if here and after:
                found.append((here, after))
    return found


def key_still_heights(
    plan: Plan, earlier: dict[str, float], laurels_after: set[str]
) -> dict[str, float]:
    """Film id -> a smaller height for its key still, for each near-empty page whose next page
    opens with that film: with the smaller still the film's head (still, title, meta, logline,
    first row of laurels) fits under what the page holds, and the page is no longer near
    empty. Where even the smallest still leaves the head too tall, its laurels go after it
    (the film's id is added to ``laurels_after``). ``earlier``: the heights already asked
    for; only a smaller one is asked for again."""
    heights: dict[str, float] = {}
    for here, after in _near_empty_pages(plan):
        room = min(x.box[1] - x.space_after for x in here) - here[0].frame[1]
        found = _film_head(plan, after)
        if found is None:
            continue
        film, still, start, end = found
        # The head's height on its page, and the space before it that the page would add:
        # the head's own, or (the first film's) its section title's.
        first = after[after.index(start) + 1]
        need = start.box[3] - end.box[1] + (start.space_before or first.space_before)
        height = still.box[3] - still.box[1] - (need - room) - _SLACK
        smallest = plan.page_size[1] * SMALLEST_KEY_STILL
        wreaths = [x for x in after if x.role == "laurels" and x.key == film]
        if height < smallest and wreaths and film not in laurels_after:
            laurels_after.add(film)
            height += wreaths[0].box[3] - wreaths[0].box[1] + wreaths[0].space_after
        if height >= smallest and height < earlier.get(film, 1e9):
            heights[film] = height
    return heights


def long_pages(plan: Plan, earlier: dict[int, float]) -> dict[int, float]:
    """Page number -> how far (points) its text may run into the foot, for each film or
    section whose short end opened the next page above something else (as a book's
    typesetter runs a page or two a line long rather than leave a widow): the pages before
    the end, back to ``LONG_PAGES`` of them, each a line at most. ``earlier``: what was
    already asked for; only more is asked for."""
    longer: dict[int, float] = {}
    most = plan.page_size[1] * RUN_LONG
    for end, shortfall in _shortfalls(plan):
        if shortfall + 1.0 > _long_room(plan, end, earlier):
            continue  # more than pages run long can take (``past_running_long``)
        # A page takes whole lines: each of the pages needed may run its full line long.
        left = shortfall + 1.0  # a point for rounding
        for page in _pages_before(plan, end):
            if left <= 0:
                break
            spare = most - earlier.get(page, 0.0)
            if spare > 0:
                longer[page] = most
            left -= spare
    return longer


@dataclass
class Remedies:
    """What to set differently for a short end that pages run long cannot take in."""

    heights: dict[str, float] = field(default_factory=dict)  # film id -> smaller key still
    tight: set[str] = field(default_factory=set)  # sections whose paragraphs close up
    carried: set[str] = field(default_factory=set)  # films carrying a paragraph over


def past_running_long(
    plan: Plan,
    heights: dict[str, float],
    tight: set[str],
    carried: set[str],
    long: dict[int, float],
) -> Remedies:
    """For the first film or section whose short end opened a page above something else
    and needs more room than pages run long give, the next thing to try: the film's key
    still set smaller (never below the smallest), whose room carries through its pages to the
    one before the end; then the paragraphs of its section spaced tighter; then a film's
    paragraph before its closing blocks (credits, specifications, quotes) carried over with
    them, so that its end on the next page is no longer short. One thing, for the first such
    end only: each moves every page after it. ``heights``, ``tight``, ``carried`` and
    ``long`` (pages run long): what was asked for before."""
    smallest = plan.page_size[1] * SMALLEST_KEY_STILL
    for end, shortfall in _shortfalls(plan):
        if shortfall + 1.0 <= _long_room(plan, end, long):
            continue  # pages may run longer yet (``long_pages``)
        still = _key_still(plan, end.key) if end.film else None
        if still is not None:
            height = still.box[3] - still.box[1] - shortfall - _SLACK
            if smallest <= height < heights.get(end.key, 1e9):
                return Remedies(heights={end.key: height})
        section = "films" if end.film else end.key
        if section not in tight:
            return Remedies(tight={section})
        if end.film and end.key not in carried:
            return Remedies(carried={end.key})
    return Remedies()


def _pages_before(plan: Plan, end: ShortEnd) -> list[int]:
    """The pages that may run long to take ``end`` in, nearest first: its own and, where
    the flow goes on from there, those of what precedes it. Never the cover."""
    opens, first = end.tail[0].page, 2 if plan.cover else 1
    return [p for p in range(opens - 1, opens - 1 - LONG_PAGES, -1) if p >= first]


def _long_room(plan: Plan, end: ShortEnd, long: dict[int, float]) -> float:
    """The points the pages before ``end`` may still run long, beyond what ``long`` asked."""
    most = plan.page_size[1] * RUN_LONG
    return sum(most - long.get(page, 0.0) for page in _pages_before(plan, end))


def _key_still(plan: Plan, film: str) -> Landing | None:
    """Where ``film``'s key still landed in its head (the stills section may show it too)."""
    landings = plan.landings
    start = next(
        (i for i, x in enumerate(landings) if x.role == "film-head-start" and x.key == film), None
    )
    if start is None or film not in plan.key_stills:
        return None
    still = plan.key_stills[film]
    return next((x for x in landings[start:] if x.role == "still" and x.key == still), None)


def _shortfalls(plan: Plan) -> list[tuple[ShortEnd, float]]:
    """Each short end (``layout_check.short_ends``) with how much more room the page before
    it needs to take it in (0 where its room seemed enough)."""
    found = []
    for end in short_ends(plan):
        before = [x for x in plan.landings if x.page == end.tail[0].page - 1]
        if not before:
            continue
        last = min(before, key=lambda x: x.box[1])
        need = end.tail[0].box[3] - end.tail[-1].box[1]
        if last.parted:  # the end goes on from a paragraph the page split: its lines follow on
            room = last.box[1] - last.frame[1]
        else:
            room = last.box[1] - last.space_after - last.frame[1]
            need += end.tail[0].space_before
        found.append((end, max(need - room, 0.0)))
    return found


def _film_head(plan: Plan, page: list[Landing]) -> tuple[str, Landing, Landing, Landing] | None:
    """(film id, its key still, where its head starts and ends) when ``page`` opens with a film."""
    start = next((x for x in page[:3] if x.role == "film-head-start"), None)
    if start is None:
        return None
    film = start.key
    still = next(
        (x for x in page if x.role == "still" and x.key == plan.key_stills.get(film)), None
    )
    end = next((x for x in page if x.role == "film-head-end" and x.key == film), None)
    if still is None or end is None:
        return None
    return film, still, start, end
