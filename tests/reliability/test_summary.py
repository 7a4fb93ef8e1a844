"""The reliability summary shows what held, not only what ran: a check that fails part-way
reads "N cases, M held" with M < N."""

from __future__ import annotations

import pytest

from tests.reliability.conftest import Tally, case, held, note, ran


def test_a_case_that_fails_counts_as_run_but_not_as_held():
    tally = Tally()
    for _ in range(2):
        with case("kills", tally=tally):
            pass
    with pytest.raises(AssertionError), case("kills", tally=tally):
        raise AssertionError("the kit was damaged")
    note("kills", "the third one broke", tally=tally)
    assert tally.lines() == ["kills: 3 cases, 2 held — 1 DID NOT HOLD (the third one broke)"]


def test_cases_checked_together_are_held_only_once_their_asserts_pass():
    tally = Tally()
    ran("exports", 40, tally=tally)
    held("exports", 40, tally=tally)
    ran("images", 5, tally=tally)  # its asserts failed: nothing held
    assert tally.lines() == [
        "exports: 40 cases, 40 held",
        "images: 5 cases, 0 held — 5 DID NOT HOLD",
    ]
