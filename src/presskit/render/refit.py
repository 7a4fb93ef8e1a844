"""Second thoughts after a layout: what to set differently so that no page is left near
empty (LAYOUT.md, Pagination), read off the record of where everything landed."""

from __future__ import annotations

from presskit.render.layout_check import NEAR_EMPTY, faults, short_film_ends
from presskit.render.plan import Landing, Plan

SMALLEST_KEY_STILL = 0.14  # of the page's height: a key still is never set smaller to fit
_SLACK = 6.0  # points: the spaces a kept block's measure and the frame count differently
# Of the text area's height: room left on a page before a film's stills that lets them part
# between rows and start there rather than leave it.
SPARE_ROOM = 1 / 3
RUN_LONG = 0.02  # of the page's height: how far a page's text may run into its foot (a line)


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


def loose_groups(plan: Plan) -> set[str]:
    """The film ids ("" for general stills) whose stills, kept whole, did not fit under a
    page's content and opened the next page, where that page was left near empty or with a
    third of its text area or more to spare: they may part between rows."""
    found = set()
    for _here, after in _near_empty_pages(plan):
        group = next((x for x in after[:3] if x.role == "stills-group"), None)
        if group is not None:
            found.add(group.key)
    pages: dict[int, list[Landing]] = {}
    for landing in plan.landings:
        pages.setdefault(landing.page, []).append(landing)
    for page, here in pages.items():
        after = pages.get(page + 1, [])
        if after and after[0].role == "stills-group":  # a film's stills open the next page
            frame = here[0].frame
            room = min(x.box[1] - x.space_after for x in here) - frame[1]
            if room >= (frame[3] - frame[1]) * SPARE_ROOM:
                found.add(after[0].key)
    return found


def key_still_heights(
    plan: Plan, earlier: dict[str, float], laurels_after: set[str]
) -> dict[str, float]:
    """Film id -> a smaller height for its key still, for each near-empty page whose next page
    opens with that film: with the smaller still the film's head (still, title, meta, logline,
    first row of laurels) fits under what the page holds, and the page is no longer near
    empty; and for each film whose short end opened a page above something else and is too
    tall for a page run long (``_pulling_back_film_ends``). Where even the smallest still leaves the head too tall, its laurels go after it
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
    for film, height in _pulling_back_film_ends(plan).items():
        if height < min(earlier.get(film, 1e9), heights.get(film, 1e9)):
            heights[film] = height
    return heights


def long_pages(plan: Plan, earlier: dict[int, float]) -> dict[int, float]:
    """Page number -> how far (points) its text may run into the foot, for each film whose
    short end opened the next page above something else and would fit on this page run that
    much long (as a book's typesetter runs a page a line long rather than leave a widow).
    ``earlier``: what was already asked for; only more is asked for again."""
    longer: dict[int, float] = {}
    for _film, page, shortfall in _film_end_shortfalls(plan):
        extra = earlier.get(page, 0.0) + shortfall + 1.0  # a point for rounding
        if extra <= plan.page_size[1] * RUN_LONG:
            longer[page] = max(extra, longer.get(page, 0.0))
    return longer


def _pulling_back_film_ends(plan: Plan) -> dict[str, float]:
    """Film id -> a smaller key still, for each film whose short end opened a page above
    something else and needs more room than a page run long gives: the room the smaller
    still leaves on its page carries through the film's pages to the one before the end.
    Never smaller than the smallest key still."""
    heights: dict[str, float] = {}
    smallest = plan.page_size[1] * SMALLEST_KEY_STILL
    for film, _page, shortfall in _film_end_shortfalls(plan):
        still = _key_still(plan, film)
        if still is None or shortfall + 1.0 <= plan.page_size[1] * RUN_LONG:
            continue
        height = still.box[3] - still.box[1] - shortfall - _SLACK
        if height >= smallest:
            heights[film] = height
    return heights


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


def _film_end_shortfalls(plan: Plan) -> list[tuple[str, int, float]]:
    """For each short film end (``layout_check.short_film_ends``): the film, the page before
    its end, and how much more room that page needs to take the end in (0 where its room
    seemed enough)."""
    found = []
    for film, tail, _words in short_film_ends(plan):
        page = tail[0].page - 1
        before = [x for x in plan.landings if x.page == page]
        if not before:
            continue
        room = min(x.box[1] - x.space_after for x in before) - before[0].frame[1]
        need = tail[0].box[3] - tail[-1].box[1] + tail[0].space_before
        found.append((film, page, max(need - room, 0.0)))
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
