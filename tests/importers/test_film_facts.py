"""What a film line, a credit and a sentence about a film give the imported kit: the title,
runtime, country, awards and the person's name exactly as the article writes them, and
nothing from a line that only looks like one.

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/films.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers

QA = "\n\nWhy the sea?\n\nI grew up on it.\n"
CLOSING = "\n**Read more**\n"


def films(text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(f.title, f.year, f.runtime_min, f.country) for f in importers.parse(text).films]


def header(line: str) -> str:
    """An article with ``line`` under its headline, above the interview."""
    return f"Mia Lund on her first films\n\n{line}" + QA + CLOSING


@pytest.mark.parametrize(
    ("line", "found"),
    [
        # A country written with full stops keeps them, last or not, and the line is a film's.
        ("Night Ferry, 14 min, U.S.A.", ("Night Ferry", None, 14, "U.S.A.")),
        ("Night Ferry, U.S.A., 2023, 14 min", ("Night Ferry", 2023, 14, "U.S.A.")),
        ("Night Ferry, 14 min, U.S.", ("Night Ferry", None, 14, "U.S.")),
        ("Night Ferry, 14 min, Denmark.", ("Night Ferry", None, 14, "Denmark")),
        # A field a page's template left empty is passed over, not the end of the line.
        ("Night Ferry, 14 min, , Denmark", ("Night Ferry", None, 14, "Denmark")),
        # A title is taken whole, whatever its letters, and may be part of its country's name.
        ("Xanadu, 2023, 14 min, Denmark", ("Xanadu", 2023, 14, "Denmark")),
        ("Ice, 2023, 14 min, Iceland", ("Ice", 2023, 14, "Iceland")),
        ("Xanadu (Denmark, 2023, 14 min)", ("Xanadu", 2023, 14, "Denmark")),
    ],
)
def test_a_film_line_gives_its_title_year_runtime_and_country_as_written(line, found):
    assert films(header(line)) == [found]


def test_an_answer_with_a_runtime_in_it_is_an_answer_not_a_film_line():
    """A film line ends the interview; "Yes, 90 min, and…" is a sentence with a number."""
    article = (
        "Mia Lund on the sea\n\nWas it long?\n\nYes, 90 min, and every minute hard.\n\n"
        "Why the sea?\n\nI grew up on it.\n"
    )
    proposal = importers.parse(article)
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Was it long?", "Yes, 90 min, and every minute hard."),
        ("Why the sea?", "I grew up on it."),
    ]
    assert proposal.films == []


@pytest.mark.parametrize("credit", ["Directed by Xavier Dolan", "Director: Xavier Dolan."])
def test_a_directors_credit_names_the_person_whole(credit):
    """Under a headline naming no one, the director's credit names the person."""
    proposal = importers.parse(f"Night Ferry\n\n{credit}" + QA)
    assert (proposal.name, proposal.roles) == ("Xavier Dolan", ["director"])


def awards(text: str) -> list[tuple[str, int | None, str]]:
    return [(a.name, a.year, a.note) for a in importers.parse(text).films[0].awards]


def test_a_nomination_is_no_award_and_the_prizes_after_it_are():
    article = (
        "Mia Lund on “Night Ferry”\n\nWhy the sea?\n\n"
        "Night Ferry received a Nomination for Best Sound and won Best Editing at the 2024 "
        "Oslo Film Festival. Night Ferry won Best Score.\n"
    )
    assert awards(article) == [
        ("Best Editing", 2024, "2024 Oslo Film Festival"),
        ("Best Score", None, ""),  # no festival named, none given
    ]


def titles(text: str) -> list[str]:
    return [film.title for film in importers.parse(text).films]


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        # A series is no film of theirs, even first in the sentence.
        ("Series “Night Shift” and my short film “Night Ferry” both premiered in 2023.",
         ["Night Ferry"]),
        # Titles in the order the sentence first names them.
        ("My short films *Blue Sky* and *Night Ferry*: Blue Sky came first.",
         ["Blue Sky", "Night Ferry"]),
        # The comma set in italics with the title is not part of it.
        ("My short film *Night Ferry,* is about a crossing.", ["Night Ferry"]),
        # A lone quote mark (inches) names no film, and the import goes on.
        ("My film was shot on 16\" screens.", []),
    ],
)  # fmt: skip
def test_a_sentence_names_the_persons_films_in_order_and_only_films(answer, found):
    assert titles(f"Mia Lund on the sea\n\nWhy the sea?\n\n{answer}\n") == found


def test_a_bare_title_is_found_beside_a_quote_that_names_no_title():
    """A quote too long to be a title ("…”, said her grandmother) did hide the bare title
    before it: "My short film Night Ferry" was not proposed at all."""
    said = "“" + "the sea takes what it wants and gives back what it likes " * 3 + "”"
    article = f"Mia Lund on the sea\n\nWhy the sea?\n\nMy short film Night Ferry begins {said}.\n"
    proposal = importers.parse(article)
    assert titles(article) == ["Night Ferry"]
    assert proposal.level("films[0].title") == "low"  # a bare title is doubtful
