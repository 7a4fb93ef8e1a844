"""Stills as justified rows: the pictures of a row keep their aspect ratio and together fill
the text width, each row between a lowest and a highest height (LAYOUT.md, Stills)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


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
    of its own, portraits pair up). A row that cannot fill the width (the last, or one
    closed early) is ``highest`` tall and narrower than the width."""

    def height(start: int, end: int) -> float:
        return (width - gutter * (end - start - 1)) / sum(ratios[start:end])

    rows: list[Row] = []
    start = 0
    for end in range(1, len(ratios) + 1):
        if end - start > 1 and height(start, end) < lowest:
            rows.append(Row(start, end - 1, min(height(start, end - 1), highest)))
            start = end - 1
        if height(start, end) <= highest:
            rows.append(Row(start, end, height(start, end)))
            start = end
    if start < len(ratios):
        last = Row(start, len(ratios), min(height(start, len(ratios)), highest))
        if rows and height(rows[-1].start, last.end) >= lowest:
            # A last row that cannot fill the width joins the row before, when together
            # they are not too low: no picture is left alone at the foot of a group.
            joined = rows.pop().start
            last = Row(joined, last.end, height(joined, last.end))
        rows.append(last)
    return rows
