"""What the article says of a film beyond its title: its logline, status, awards,
festivals and the person's roles on it, each with the line it came from (what the review
shows beside a doubtful value).

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/interview.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers
from tests.importers.reading import sentence

FILM_LINE = "Night Ferry (2023, 14 min, Denmark)"
QA = "\n\nWhy the sea?\n\nI grew up on it.\n"
AWARDS = (
    "I grew up on it. Night Ferry won Best Sound at the 2024 Odense Film Festival. "
    "Night Ferry screens in competition at the 2024 Oslo Film Festival. "
    "Night Ferry is in post-production."
)
CREDITS = "Directed by Mia Lund and Ana Berg. Written by Ana Berg. Edited by Mia Lund."
LATER = (
    "Night Ferry won Best Sound at the 2024 Odense Film Festival again. "
    "Night Ferry won Best Editing at the 2024 Oslo Film Festival. "
    "Night Ferry screens in competition at the 2024 Oslo Film Festival. "
    "Night Ferry premiered at the 2025 Bergen Film Festival. "
    "Night Ferry was filming in the north."
)


def test_a_films_logline_status_awards_festivals_and_roles_each_say_where_they_came_from():
    """Only the person's own credits; an award or festival named twice is listed once; the
    first status found stays, a question's is none; "It won..." in an answer is no word of
    the film the article presents."""
    article = (
        "Mia Lund on “Night Ferry”\n\n"
        f"{FILM_LINE}\n\n"
        "Logline: A ferry crosses the North Sea at night.\n\n"
        f"{CREDITS}\n\n"
        f"Is Night Ferry still filming?\n\n{AWARDS}\n\n"
        f"And then?\n\n{LATER}\n\n"
        "What next?\n\nNight Ferry took four years. It won Best Score at the 2022 Aarhus Film "
        "Festival.\n\nAnd before that?\n\nThe short “Blue Sky”, my first film, won Best Editing at the 2020 "
        "Oslo Film Festival.\n"
    )
    proposal = importers.parse(article)
    film = proposal.to_json()["films"][0]
    assert (film["title"], film["status"], film["logline"], film["roles"]) == (
        "Night Ferry",
        "post-production",
        "A ferry crosses the North Sea at night.",
        ["director", "editor"],
    )
    assert [(a["name"], a["note"]) for a in film["awards"]] == [
        ("Best Sound", "2024 Odense Film Festival"),
        ("Best Editing", "2024 Oslo Film Festival"),
    ]
    assert [(f["name"], f["note"]) for f in film["festivals"]] == [
        ("Oslo Film Festival", "Screens in competition"),
        ("Bergen Film Festival", "Premiered"),
    ]
    blue_sky = proposal.to_json()["films"][1]
    assert (blue_sky["title"], [a["name"] for a in blue_sky["awards"]]) == (
        "Blue Sky",
        ["Best Editing"],
    )
    lines = {key: proposal.confidence[key].line for key in proposal.confidence}
    assert {key: line for key, line in lines.items() if key.startswith("films[0].")} == {
        "films[0].title": FILM_LINE,
        "films[0].year": FILM_LINE,
        "films[0].runtime_min": FILM_LINE,
        "films[0].country": FILM_LINE,
        "films[0].logline": "Logline: A ferry crosses the North Sea at night.",
        "films[0].roles": CREDITS,
        "films[0].status": AWARDS,
        "films[0].awards": AWARDS,
        "films[0].festivals": AWARDS,
    }


def sized(length: int) -> str:
    """A third-person sentence of ``length`` characters ending in a full stop."""
    return sentence("A ferry crosses the North Sea at night", length)


@pytest.mark.parametrize(
    ("after", "logline"),
    [
        (sized(40), True),
        (sized(39), False),
        (sized(350), True),
        (sized(351), False),
        ("A ferry crosses the North Sea at night, and I am on it.", False),
        ("A ferry crosses the North Sea at night, and we are on it.", False),
        ("Mia Lund crossed the North Sea at night to make this film.", False),
        ("A ferry crosses the North Sea at night, and no one sleeps", False),
        ("A ferry crosses the North Sea. It won Best Sound at the 2024 Odense Film Festival.", False),
        ("A ferry crosses the North Sea. It premiered at the 2024 Oslo Film Festival.", False),
    ],
)  # fmt: skip
def test_the_line_after_a_film_line_is_its_logline_when_it_reads_as_one(after, logline):
    """Between the film line and the first question: 40 to 350 characters, a sentence, in
    the third person, not about the person, no prize or festival."""
    assert len(sized(40)) == 40 and len(sized(351)) == 351
    # The film line may open the article; without a headline no one is named, though.
    openings = ["Mia Lund on the sea\n\n"] + ([] if "Mia Lund" in after else [""])
    for opening in openings:
        proposal = importers.parse(f"{opening}{FILM_LINE}\n\n{after}{QA}")
        assert proposal.films[0].logline == (after if logline else "")
        if logline:
            assert proposal.confidence["films[0].logline"].line == after


def test_a_films_roles_are_the_persons_from_the_headline_when_no_credit_names_them():
    proposal = importers.parse(
        "Director Mia Lund on “Night Ferry”\n\n"
        "She grew up by the water.\n\n"
        "A ferry crosses the North Sea at night, and no one sleeps on board." + QA
    )
    film = proposal.films[0]
    # No film line or credit before it: the third-person line is no logline.
    assert (film.title, film.roles, film.logline) == ("Night Ferry", ["director"], "")
    roles = proposal.confidence["films[0].roles"]
    assert (roles.level, roles.line) == ("low", "Director Mia Lund on “Night Ferry”")


@pytest.mark.parametrize(
    ("credit", "roles"),
    [
        ("Director: Mia Lund", ["director"]),
        ("DIRECTED BY: Mia Lund.", ["director"]),
        ("Filmmaker: Mia Lund", ["filmmaker"]),
        ("Written, directed and edited by Mia Lund.", ["writer", "director", "editor"]),
        ("Produced by Ana Berg. Shot by Mia Lund.", ["cinematographer"]),
    ],
)
def test_a_credit_under_the_film_line_says_what_they_did_on_the_film(credit, roles):
    proposal = importers.parse(f"Mia Lund on the sea\n\n{FILM_LINE}\n\n{credit}{QA}")
    assert [(film.title, film.roles) for film in proposal.films] == [("Night Ferry", roles)]
    assert proposal.confidence["films[0].roles"].line == credit


@pytest.mark.parametrize(
    ("ending", "level", "line"),
    [
        # Named in quotes or in bold, the title is sure; bare, it is doubtful.
        ("I made my first film, “Night Ferry”, there.", "high", None),
        ("I made my first film, **Night Ferry**, there.", "high", "I made my first film, Night Ferry, there."),
        ("I made my first film, Night Ferry, there.", "low", None),
        # A photographer's credit names the film it comes from: sure, and that line.
        ("I grew up on it.\n\nImage credits:\nJonas Weber (“Night Ferry”)", "high", "Jonas Weber (“Night Ferry”)"),
    ],
)  # fmt: skip
def test_a_films_title_is_sure_when_set_apart_and_says_where_it_came_from(ending, level, line):
    proposal = importers.parse(f"In conversation with Mia Lund\n\nWhy the sea?\n\n{ending}\n")
    assert [film.title for film in proposal.films] == ["Night Ferry"]
    title = proposal.confidence["films[0].title"]
    assert (title.level, title.line) == (level, line or ending)


@pytest.mark.parametrize("field", ["Logline", "Synopsis"])
def test_a_logline_field_is_the_logline_whatever_follows(field):
    proposal = importers.parse(
        f"Mia Lund on the sea\n\n{FILM_LINE}\n\n{field}: A ferry crosses the North Sea.\n\n"
        "A ferry crosses the North Sea at night, and no one sleeps on board." + QA
    )
    assert proposal.films[0].logline == "A ferry crosses the North Sea."


def test_a_title_named_bare_then_in_quotes_is_sure_from_the_quoted_line():
    quoted = "My film “Night Ferry” went to Oslo."
    proposal = importers.parse(
        "In conversation with Mia Lund\n\nWhy the sea?\n\nI made my first film, Night Ferry, "
        f"there.\n\nAnd then?\n\n{quoted}\n"
    )
    title = proposal.confidence["films[0].title"]
    assert ([f.title for f in proposal.films], title.level, title.line) == (
        ["Night Ferry"],
        "high",
        quoted,
    )


def titles_and_lines(article: str) -> list[tuple[str, str, str]]:
    proposal = importers.parse(article)
    sure = [proposal.confidence[f"films[{i}].title"] for i in range(len(proposal.films))]
    return [(film.title, c.level, c.line) for film, c in zip(proposal.films, sure, strict=True)]


@pytest.mark.parametrize(
    ("article", "found"),
    [
        # A title quoted in the headline's brackets is the film, without its quotes.
        ("Mia Lund (“Night Ferry”)" + QA, [("Night Ferry", "high", "Mia Lund (“Night Ferry”)")]),
        # A bare title the headline names before "an interview" is sure, from its own line.
        ("Night Ferry: an interview with Mia Lund\n\nWhy the sea?\n\nMy short film Night Ferry is "
         "about a crossing.\n",
         [("Night Ferry", "high", "My short film Night Ferry is about a crossing.")]),
        # Their own name in quotes is no film of theirs.
        ("Mia Lund on the sea\n\nWhy the sea?\n\nIn my short films the credit just reads "
         "“Mia Lund”.\n\nWhy?\n\nMia Lund is who I am.\n", []),
    ],
)  # fmt: skip
def test_a_films_title_is_read_clean_and_says_where_it_was_made_sure(article, found):
    assert titles_and_lines(article) == found


def test_a_sentence_naming_two_films_gives_its_prize_to_the_one_presented():
    article = (
        "Mia Lund on “Night Ferry”\n\nWhy the sea?\n\nMy short film “Blue Sky” came first.\n\n"
        "And then?\n\nNight Ferry won Best Sound at the 2024 Oslo Film Festival, where Blue Sky "
        "was shown too.\n"
    )
    won = {f.title: [a.name for a in f.awards] for f in importers.parse(article).films}
    assert won == {"Night Ferry": ["Best Sound"], "Blue Sky": []}


def test_a_title_the_headline_quotes_makes_a_bare_mention_of_it_sure():
    """With a film line for another film the headline's “Blue Sky” was not proposed from the
    headline, and a bare mention of it stayed doubtful."""
    article = (
        "Mia Lund on “Blue Sky”\n\nNight Ferry, 2023, 14 min, Denmark\n\nWhy the sea?\n\n"
        "My short film Blue Sky is about a crossing.\n"
    )
    assert titles_and_lines(article) == [
        ("Night Ferry", "high", "Night Ferry, 2023, 14 min, Denmark"),
        ("Blue Sky", "high", "My short film Blue Sky is about a crossing."),
    ]
