"""Second thoughts after a layout: what to set differently so that no page is left near
empty (LAYOUT.md, Pagination), read off the record of where everything landed."""

from __future__ import annotations

from presskit.render.layout_check import NEAR_EMPTY, faults
from presskit.render.plan import Landing, Plan

SMALLEST_KEY_STILL = 0.14  # of the page's height: a key still is never set smaller to fit
_SLACK = 6.0  # points: the spaces a kept block's measure and the frame count differently


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
    near-empty page's content and opened the next page: they may part between rows."""
    found = set()
    for _here, after in _near_empty_pages(plan):
        group = next((x for x in after[:3] if x.role == "stills-group"), None)
        if group is not None:
            found.add(group.key)
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
