"""What a headline tells the importer: whom the article presents, in what role, and the film.

Each shape here is one the corpus does not hold; each line was a small breakage of
importers/interview.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers
from tests.importers.reading import films_and_levels

BODY = "\n\nWhat drew you to it?\n\nMy grandmother wove every morning.\n"


@pytest.mark.parametrize(
    ("headline", "name", "roles", "films"),
    [
        # "NAME, Role of “Title”": the role and the quoted title are theirs.
        ("Ife Adeyemi, Director of “The Weaver's Son”", "Ife Adeyemi", ["director"], ["The Weaver's Son"]),
        # Without quotes the words after "of" may be anything: no title.
        ("Ife Adeyemi, Director of The Weaver's Son", "Ife Adeyemi", ["director"], []),
        # An episode number, in any case, is not part of the name.
        ("Ep. 12: Jane Doe on “Red Earth”", "Jane Doe", [], ["Red Earth"]),
        ("ep 12 - Jane Doe", "Jane Doe", [], []),
        ("Episode 12 – Jane Doe on “Red Earth”", "Jane Doe", [], ["Red Earth"]),
        # Of two guests the first is the one presented; the title in brackets is the film.
        ("Director Aisha Karim and Writer Ben Okoro (The Last Ferry)", "Aisha Karim", ["director"], ["The Last Ferry"]),
        ("Jane Doe (Red Earth) ", "Jane Doe", [], ["Red Earth"]),
        # "&" inside a run of job titles joins two roles of one person, not two guests.
        ("Writer & Director Jane Doe (Red Earth)", "Jane Doe", ["writer", "director"], ["Red Earth"]),
        ("Jane Doe and Sam Lee on “Red Earth”", "Jane Doe", [], ["Red Earth"]),
        ("Layla Haddad talks “Red Earth” (ليلى حداد)", "Layla Haddad", [], ["Red Earth"]),
        ("Jane Doe talks “Red Earth”", "Jane Doe", [], ["Red Earth"]),
    ],
)  # fmt: skip
def test_a_headline_gives_the_name_the_roles_and_the_film(headline, name, roles, films):
    proposal = importers.parse(headline + BODY)
    assert (proposal.name, proposal.roles) == (name, roles)
    assert [film.title for film in proposal.films] == films
    assert all(proposal.level(f"films[{i}].title") == "high" for i in range(len(films)))


def test_of_two_guests_the_first_named_is_presented_though_the_other_is_named_more():
    article = (
        "Director Aisha Karim and Writer Ben Okoro\n\n"
        "What did you both bring?\n\n"
        "Ben Okoro wrote the first draft in a week.\n"
    )
    proposal = importers.parse(article)
    assert (proposal.name, proposal.roles) == ("Aisha Karim", ["director"])


@pytest.mark.parametrize(
    ("headline", "name", "original"),
    [
        ("Layla Haddad (ليلى حداد)", "Layla Haddad", "ليلى حداد"),
        ("김지은 (Kim Ji-eun)", "Kim Ji-eun", "김지은"),
        ("Kim Ji-eun (김지은)", "Kim Ji-eun", "김지은"),
    ],
)
def test_a_name_in_another_script_in_brackets_is_the_name_not_a_film(headline, name, original):
    proposal = importers.parse(headline + BODY)
    assert (proposal.name, proposal.name_original, proposal.films) == (name, original, [])


BOTH_FILMS = (  # the films named in passing, without quotes
    "\n\nWhat drew you to it?\n\n"
    "My first short Blue Sky was about my grandmother. My new film Red Earth is about my mother.\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        "Red Earth: an interview with Jane Doe",
        "“Red Earth” – an interview with Jane Doe",
        "*Red Earth* | An interview with Jane Doe",
    ],
)
def test_a_title_before_an_interview_with_is_the_main_film_once_the_article_names_it(headline):
    """The headline's title, named in the answers without quotes, is the film the article is
    about: first, and sure; the other film named in passing stays doubtful."""
    proposal = importers.parse(headline + BOTH_FILMS)
    assert proposal.name == "Jane Doe"
    assert films_and_levels(proposal) == [
        ("Red Earth", "high"),
        ("Blue Sky", "low"),
    ]


def test_without_a_title_in_the_headline_films_named_in_passing_stay_doubtful_and_in_order():
    proposal = importers.parse("An interview with Jane Doe" + BOTH_FILMS)
    assert films_and_levels(proposal) == [
        ("Blue Sky", "low"),
        ("Red Earth", "low"),
    ]


def test_a_title_ending_in_a_capital_letter_keeps_it():
    article = "Planet X: an interview with Jane Doe\n\nWhy now?\n\nMy new film Planet X is about my mother."
    proposal = importers.parse(article)
    assert films_and_levels(proposal) == [("Planet X", "high")]


@pytest.mark.parametrize(
    "opening",
    [
        # A line that says whom it presents beats a bare kicker before it.
        "FIRST LOOK\n\nMia Lund: “The sea decides”",
        # A line ending in a full stop, or a long turn of a transcript, is no headline, and
        # the headline after it is still found.
        "Home › Features › Film.\n\nMia Lund on the sea",
        "Ana Berg: Welcome to the show, everyone, and thank you all for coming out tonight to "
        "see us!\n\nMia Lund on the sea",
    ],
)
def test_the_headline_is_the_line_that_says_whom_it_presents(opening):
    proposal = importers.parse(opening + BODY)
    assert (proposal.name, proposal.confidence["name"].line) == (
        "Mia Lund",
        opening.split("\n\n")[1],
    )


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        # A title in capitals is set in title case: small words lower, but never the first
        # or the last.
        ("Mia Lund on “NIGHT OF THE FERRY”", "Night of the Ferry"),
        ("Mia Lund on “A FILM TO DIE FOR”", "A Film to Die For"),
        # Printed elsewhere in mixed case, it takes the article's case.
        ("Mia Lund on “NIGHT FERRY OF THE NORTH”\n\nWe loved Night Ferry Of The North.",
         "Night Ferry Of The North"),
    ],
)  # fmt: skip
def test_a_title_in_capitals_is_set_in_title_case_or_as_the_article_prints_it(headline, title):
    proposal = importers.parse(headline + BODY)
    assert [film.title for film in proposal.films] == [title]


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        # Two to five words, particles counted; a name never ends in a particle.
        ("Interview with Ana Maria Sofia Berg Lund", "Ana Maria Sofia Berg Lund"),
        ("Interview with Ana Maria de la Cruz", "Ana Maria de la Cruz"),
        ("Interview with Ana Maria de la Cruz Lund", ""),
        ("Interview with Mia Lund Da", ""),
        # A job title alone is no one's name.
        ("Interview with Sound Designer", ""),
    ],
)
def test_a_name_is_two_to_five_words_never_a_job_title(headline, name):
    assert importers.parse(headline + BODY).name == name


@pytest.mark.parametrize(
    ("headline", "name", "roles"),
    [
        # A name in capitals starting with a particle keeps it capitalised, first.
        ("DE LA CRUZ: THE SEA", "De la Cruz", []),
        # Job titles side by side, each its own run, are all theirs.
        ("Writer Director Mia Lund on “Night Ferry”", "Mia Lund", ["writer", "director"]),
    ],
)
def test_a_capitals_name_and_job_titles_side_by_side(headline, name, roles):
    proposal = importers.parse(headline + BODY)
    assert (proposal.name, proposal.roles) == (name, roles)
