"""The person's name as the importer proposes it: what is a name, what is not, and its case.

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/names.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers

QA = "\n\nWhat drew you to it?\n\nThe sea.\n"


@pytest.mark.parametrize(
    ("article", "name"),
    [
        # A lead-in before a name of two words is not part of it.
        ("With Jane Doe" + QA, "Jane Doe"),
        ("In conversation: With Jane Doe" + QA, "Jane Doe"),
        # A name starting or ending with an X keeps it.
        ("Xavier Dolan on “Cold Water”" + QA, "Xavier Dolan"),
        ("ANA FELIX on “Cold Water”" + QA, "Ana Felix"),
        # A name with an initial "A." is a person, not the article "A".
        ("A. J. Lund on “Cold Water”" + QA, "A. J. Lund"),
        ("Interview\n\nA. J. Lund is a director." + QA, "A. J. Lund"),
        # "Mc" and the letter after it cased from the shortest such surname on.
        ("ANA MCQ on “Cold Water”" + QA, "Ana McQ"),
        ("ANA MCQUEEN on “Cold Water”" + QA, "Ana McQueen"),
        # The name in Latin letters beside the name in its own script, without its quotes.
        ("김지은 (“Kim Ji-eun”)" + QA, "Kim Ji-eun"),
    ],
)
def test_the_name_is_the_persons_name_and_nothing_around_it(article, name):
    assert importers.parse(article).name == name


def test_a_name_with_an_initial_keeps_its_film_and_roles():
    proposal = importers.parse("Director A. J. Lund on “Cold Water”" + QA)
    assert (proposal.name, proposal.roles) == ("A. J. Lund", ["director"])
    assert [film.title for film in proposal.films] == ["Cold Water"]


def test_the_lower_case_end_of_a_name_is_no_name():
    article = "Interview\n\nDirected by da Silva Santos.\n\nCold Water, 2023, 12 min" + QA
    proposal = importers.parse(article)
    assert proposal.name == ""
    assert [(film.title, film.roles) for film in proposal.films] == [("Cold Water", [])]


def test_a_short_title_in_capitals_takes_the_articles_case():
    proposal = importers.parse("Jane Doe on “UP”\n\nJane Doe made Up in 2020." + QA)
    assert [film.title for film in proposal.films] == ["Up"]


def test_job_titles_before_a_comma_are_taken_off_the_name():
    """A comma after the job titles: the name follows, not a film called "Director, …"."""
    proposal = importers.parse("Director, Jane Doe on “Cold Water”" + QA)
    assert (proposal.name, proposal.roles) == ("Jane Doe", ["director"])
    assert [film.title for film in proposal.films] == ["Cold Water"]


@pytest.mark.parametrize(
    "brackets", ["Director, Kim Ji-eun", "Director: Kim Ji-eun", "Kim Ji-eun, Director"]
)
def test_a_name_in_brackets_with_a_job_title_is_the_name_not_a_film(brackets):
    proposal = importers.parse(f"김지은 ({brackets})" + QA)
    assert (proposal.name, proposal.name_original, proposal.films) == ("Kim Ji-eun", "김지은", [])
