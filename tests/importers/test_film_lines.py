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
    # A bold title three paragraphs up is another's: the title is at most two up.
    far = "**Night Ferry**\n\nA short film.\n\nAbout a crossing.\n\n2023, 14 min, Denmark"
    assert films(f"Mia Lund on her first films\n\n{far}" + QA + "\n**Read more**\n") == []


@pytest.mark.parametrize(
    ("above", "found"),
    [
        ("Night Ferry", [("Night Ferry", None, 14, "Denmark")]),
        ("A CONVERSATION WITH MIA LUND", []),  # a headline in capitals, though it reads as a title
        ("a small film about a crossing", []),  # no title: not capitalised
        # Eight words at most; no festival, no "I", "we" or "you", no "!", "?" or ":".
        (
            "Night Ferry Across the Cold Grey North Sea",
            [("Night Ferry Across the Cold Grey North Sea", None, 14, "Denmark")],
        ),
        ("Night Ferry Across the Cold Grey North Sea Again", []),
        ("Oslo Film Festival", []),
        ("Where we Went", []),
        ("I Was There", []),
        ("Night Ferry!", []),
        ("Night Ferry?", []),
        ("Night Ferry:", []),
        ("A small film about a crossing.", []),  # a sentence
    ],
)
def test_runtime_fields_take_the_title_on_the_line_above_only_when_it_is_one(above, found):
    headline = "" if above.isupper() else "Mia Lund on the sea\n\n"
    article = f"{headline}{above}\n\nRuntime: 14 min\nCountry: Denmark" + QA
    assert films(article) == found


@pytest.mark.parametrize(
    ("fields", "found"),
    [
        ("Title: Night Ferry\nRuntime: 14 min", ("Night Ferry", None, 14, "")),
        ("Film: Night Ferry\nLength: 14 min\nYear: 2023", ("Night Ferry", 2023, 14, "")),
        ("Film: Night Ferry\nDuration: 14 min\nCountries: Denmark", ("Night Ferry", None, 14, "Denmark")),
    ],
)  # fmt: skip
def test_film_fields_give_the_title_runtime_year_and_country_under_their_other_names(fields, found):
    assert films(f"Mia Lund on the sea\n\n{fields}" + QA) == [found]


@pytest.mark.parametrize(("after", "found"), [(8, True), (9, False)])
def test_a_film_line_counts_up_to_eleven_paragraphs_after_the_last_answer(after, found):
    """A closing film line belongs to the interview's film; one further down the page (a
    "read next" list) is another story's. Here the last answer is paragraph 2; "Read next"
    ends the interview, and the film line is paragraph 5 + ``after``."""
    notes = "".join(f"Note {n}\n\n" for n in range(after))
    article = (
        f"Mia Lund on the sea{QA}\nRead next\n\n{notes}**Night Ferry**\n\n2023, 14 min, Denmark\n"
    )
    assert films(article) == ([("Night Ferry", 2023, 14, "Denmark")] if found else [])


def test_fields_with_a_title_come_before_a_film_line_without_one():
    article = (
        "Mia Lund on the sea\n\n2023, 14 min, Denmark\n\nFilm: Night Ferry\nRuntime: 14 min" + QA
    )
    assert films(article)[0][0] == "Night Ferry"


def test_a_field_inside_an_answer_is_what_they_said_not_the_films_facts():
    article = (
        "Mia Lund on the sea\n\nWhy the sea?\n\nI grew up on it.\n\nTitle: The Last Ferry\n\n"
        "What next?\n\nA long film.\n"
    )
    assert films(article) == []
    assert (
        importers.parse(article).interview[0].answer == "I grew up on it.\n\nTitle: The Last Ferry"
    )


def test_a_film_lines_own_bold_country_is_no_title():
    """ "2023, 14 min, **Denmark**" was proposed as a film called "Denmark"."""
    line = "2023, 14 min, **Denmark**"
    assert films(f"Mia Lund on her first films\n\n{line}" + QA + "\n**Read more**\n") == []
    titled = f"Mia Lund on her first films\n\n**Night Ferry**\n\n{line}" + QA
    assert films(titled) == [("Night Ferry", 2023, 14, "Denmark")]


def festivals(text: str) -> list[tuple[str, int | None, str]]:
    return [(f.name, f.year, f.note) for f in importers.parse(text).films[0].festivals]


@pytest.mark.parametrize(
    ("article", "found"),
    [
        # Two countries joined by "and" are the film's country.
        ("Mia Lund on the sea\n\nNight Ferry, 2023, 14 min, Denmark and Sweden" + QA,
         [("Night Ferry", 2023, 14, "Denmark and Sweden")]),
        # A runtime field without minutes gives no runtime, and the film stays.
        ("Mia Lund on the sea\n\nFilm: Night Ferry\nRuntime: feature length" + QA,
         [("Night Ferry", None, None, "")]),
        # A bold line asking or exclaiming above a film line is no title.
        ("Mia Lund on her films\n\n**Night Ferry?**\n\n2023, 14 min, Denmark" + QA + "\n**Read more**\n", []),
        ("Mia Lund on her films\n\n**Night Ferry!**\n\n2023, 14 min, Denmark" + QA + "\n**Read more**\n", []),
        # "My series" is no film of theirs; "my film" is.
        ("In conversation with Mia Lund\n\nWhy the sea?\n\nMy series “Night Shift” ran for two "
         "years, and my film “Night Ferry” for one.\n", [("Night Ferry", None, None, "")]),
    ],
)  # fmt: skip
def test_what_a_film_line_or_a_mention_gives_and_what_it_does_not(article, found):
    assert films(article) == found


def test_an_official_selection_is_named_with_its_year_without_the_article():
    article = (
        "Mia Lund on “Night Ferry”\n\nWhy the sea?\n\n"
        "Night Ferry was an official selection at the 2024 Oslo Film Festival.\n"
    )
    assert festivals(article) == [("Oslo Film Festival", 2024, "Official selection")]


def test_a_closing_film_line_counts_from_a_last_question_left_unanswered():
    """The eleven paragraphs are counted from the interview's last turn, a question too."""
    notes = "".join(f"Note {n}\n\n" for n in range(8))
    article = (
        f"Mia Lund on the sea{QA}\nAnd what comes next?\n\nRead next\n\n{notes}"
        "**Night Ferry**\n\n2023, 14 min, Denmark\n"
    )
    assert films(article) == [("Night Ferry", 2023, 14, "Denmark")]


def test_a_question_written_as_a_field_gives_the_film_nothing():
    article = (
        "Mia Lund on “Night Ferry”\n\nLength: is 90 minutes too long for a first film?\n\n"
        "No, it is just right." + QA
    )
    assert films(article) == [("Night Ferry", None, None, "")]
