"""Stills as justified rows: the pictures of a row keep their aspect ratio and together fill
the text width, each row between a lowest and a highest height (LAYOUT.md, Stills)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# How much lower than the theme's lowest a row may be set rather than leave a picture alone
# in a row it cannot fill (two 1.85:1 stills side by side in a narrow column, say).
LOWER_TO_PAIR = 0.1


@dataclass(frozen=True)
class Row:
    start: int  # the row's pictures are ratios[start:end]
    end: int
    height: float  # points; every picture of the row is this tall


def justified_rows(
    ratios: Sequence[float], width: float, gutter: float, lowest: float, highest: float
) -> list[Row]:
    """Pictures (width/height ``ratios``) in order, in rows across ``width``.

    A row takes pictures until they fill the width at ``highest`` or less; a picture that
    would bring the row under ``lowest`` starts the next row instead (a panorama gets a row
    of its own, portraits pair up), unless it would leave one picture alone in a row it
    cannot fill: then the row may be up to ``LOWER_TO_PAIR`` lower. A row that cannot fill
    the width (the last, or one closed early) is ``highest`` tall and narrower than the
    width."""

    def height(start: int, end: int) -> float:
        return (width - gutter * (end - start - 1)) / sum(ratios[start:end])

    def lowest_for(leaves_alone: bool) -> float:
        # A little lower rather than leave one picture alone in a row it cannot fill.
        return lowest * (1 - LOWER_TO_PAIR) if leaves_alone else lowest

    rows: list[Row] = []
    start = 0
    for end in range(1, len(ratios) + 1):
        alone = end - start == 2 and height(start, start + 1) > highest
        if end - start > 1 and height(start, end) < lowest_for(alone):
            rows.append(Row(start, end - 1, min(height(start, end - 1), highest)))
            start = end - 1
        if height(start, end) <= highest:
            rows.append(Row(start, end, height(start, end)))
            start = end
    if start < len(ratios):
        last = Row(start, len(ratios), min(height(start, len(ratios)), highest))
        alone = last.end - last.start == 1 and height(start, last.end) > highest
        if rows and height(rows[-1].start, last.end) >= lowest_for(alone):
            # A last row that cannot fill the width joins the row before, when together
            # they are not too low: no picture is left alone at the foot of a group.
            joined = rows.pop().start
            last = Row(joined, last.end, height(joined, last.end))
        rows.append(last)
    return rows
