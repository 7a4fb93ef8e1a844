"""Stills as justified rows: each row fills the width at a height within the theme's range."""

from __future__ import annotations

from presskit.render.rows import justified_rows

WIDTH, GUTTER, LOW, HIGH = 470.0, 14.0, 128.0, 227.0  # classic's A4 text width, in points
PORTRAIT, SQUARE, LANDSCAPE, PANORAMA = 2 / 3, 1.0, 16 / 9, 2.39


def row_width(ratios, row):
    return sum(r * row.height for r in ratios[row.start : row.end]) + GUTTER * (
        row.end - row.start - 1
    )


def test_every_picture_is_in_one_row_in_order_and_rows_fill_the_width_within_range():
    ratios = [PORTRAIT, SQUARE, PANORAMA, LANDSCAPE, PORTRAIT] * 8
    rows = justified_rows(ratios, WIDTH, GUTTER, LOW, HIGH)
    assert [i for row in rows for i in range(row.start, row.end)] == list(range(len(ratios)))
    for row in rows:
        assert LOW - 0.01 <= row.height <= HIGH + 0.01
        assert row_width(ratios, row) <= WIDTH + 0.01
    full = [row for row in rows if abs(row_width(ratios, row) - WIDTH) < 0.01]
    assert len(full) >= len(rows) * 0.6  # most rows fill the width exactly


def test_a_panorama_gets_a_row_of_its_own_and_portraits_pair_up():
    rows = justified_rows([PANORAMA, PORTRAIT, PORTRAIT, PANORAMA], WIDTH, GUTTER, LOW, HIGH)
    spans = [(r.start, r.end) for r in rows]
    assert spans[0] == (0, 1)
    assert (1, 3) in spans


def test_a_lone_portrait_is_never_taller_than_the_highest_row():
    (row,) = justified_rows([PORTRAIT], WIDTH, GUTTER, LOW, HIGH)
    assert row.height == HIGH
    assert row_width([PORTRAIT], row) < WIDTH


def test_a_last_picture_that_cannot_fill_a_row_joins_the_row_before():
    rows = justified_rows([PANORAMA, PORTRAIT], WIDTH, GUTTER, LOW, HIGH)
    assert [(r.start, r.end) for r in rows] == [(0, 2)]
    assert abs(row_width([PANORAMA, PORTRAIT], rows[0]) - WIDTH) < 0.01


def test_two_wide_stills_share_a_row_a_little_under_the_lowest_rather_than_stand_alone():
    """Two 1.85:1 stills fill the width together only 1% under the lowest row; alone, each
    would stand in a row it cannot fill. Just as a panorama and a 3:2 still at the foot."""
    for ratios in ([1.85, 1.85], [2.39, 1.5]):
        low = (WIDTH - GUTTER) / sum(ratios) / 0.95  # together: 5% under the lowest
        rows = justified_rows(ratios, WIDTH, GUTTER, low, low * 1.66)
        assert [(r.start, r.end) for r in rows] == [(0, 2)]
        assert abs(row_width(ratios, rows[0]) - WIDTH) < 0.01


def test_a_row_far_under_the_lowest_is_not_taken_to_keep_a_picture_company():
    ratios = [1.85, 1.85]
    low = (WIDTH - GUTTER) / sum(ratios) / 0.8  # together: 20% under the lowest
    rows = justified_rows(ratios, WIDTH, GUTTER, low, low * 1.66)
    assert [(r.start, r.end) for r in rows] == [(0, 1), (1, 2)]
