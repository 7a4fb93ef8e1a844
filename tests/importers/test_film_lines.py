"""Which title a film's facts belong to: the heading or bold title just above a line of year,
runtime and country, or the line above "Runtime:" fields; never a sentence, and never a title
further away or below.

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/interview.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers

QA = "\n\nWhy the sea?\n\nI grew up on it.\n"


def films(text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(f.title, f.year, f.runtime_min, f.country) for f in importers.parse(text).films]


def test_a_film_line_takes_the_bold_title_above_it_not_the_next_films():
    article = (
        "Mia Lund on her first films\n\n"
        "**Night Ferry**\n\n"
        "A short film about a crossing.\n\n"
        "2023, 14 min, Denmark\n\n"
        "**Blue Sky**\n\n"
        "2021, 9 min, Denmark" + QA
    )
    assert films(article)[0] == ("Night Ferry", 2023, 14, "Denmark")


def test_a_film_line_with_no_title_above_it_gives_no_film():
    article = "Mia Lund on her first films\n\n2023, 14 min, Denmark" + QA + "\n**Read more**\n"
    assert films(article) == []


@pytest.mark.parametrize(
    ("above", "found"),
    [
        ("Night Ferry", [("Night Ferry", None, 14, "Denmark")]),
        ("a small film about a crossing", []),  # no title: not capitalised
        ("A small film about a crossing.", []),  # a sentence
    ],
)
def test_runtime_fields_take_the_title_on_the_line_above_only_when_it_is_one(above, found):
    article = f"Mia Lund on the sea\n\n{above}\n\nRuntime: 14 min\nCountry: Denmark" + QA
    assert films(article) == found
