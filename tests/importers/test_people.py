"""Who the article presents: the name, how sure the importer is of it, and what they do.

Each article here is a shape the corpus does not hold; each assertion was a small breakage of
importers/interview.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import json

import pytest

from presskit import importers
from presskit.cli import main
from tests.importers.reading import sentence

QA = "\n\nWhat drew you to it?\n\nThe sea.\n"


@pytest.mark.parametrize(
    ("standfirst", "roles"),
    [
        # A line without the name says nothing of them, however it ends; the sentence after
        # "is a" gives the role, not what they did before ("who began as a film editor").
        (
            "This week we talk to a cinematographer.\n\n"
            "Mia Lund is a Danish director who began as a film editor.",
            ["director"],
        ),
        # A job title before the name; the first mention of the name is the one that says it.
        (
            "Award-winning cinematographer Mia Lund returns with her second feature; "
            "Mia Lund shot it alone.",
            ["cinematographer"],
        ),
        ("Cinematographer Mia Lund returns with her second feature.", ["cinematographer"]),
        ("Mia Lund, the editor of three features, returns as a director.", ["editor"]),
    ],
)
def test_the_role_comes_from_the_line_that_names_them(standfirst, roles):
    proposal = importers.parse("Mia Lund on “Cold Water”\n\n" + standfirst + QA)
    assert (proposal.name, proposal.roles) == ("Mia Lund", roles)
    assert proposal.confidence["roles"].line.startswith(standfirst.split("\n\n")[-1][:30])


@pytest.mark.parametrize(
    "name", ["Marie de la Cruz", "João da Silva Santos", "Lucas van der Berg", "De la Cruz"]
)
def test_a_name_with_particles_is_whole_when_only_is_a_introduces_it(name):
    proposal = importers.parse(f"Interview\n\n{name} is a French director." + QA)
    assert (proposal.name, proposal.roles) == (name, ["director"])


def test_a_name_named_once_is_doubtful_and_named_again_by_surname_is_sure():
    once = importers.parse("In conversation with Mia Lund" + QA)
    assert (once.name, once.level("name")) == ("Mia Lund", "low")
    again = importers.parse(
        "In conversation with Mia Lund\n\nWhat drew you to it, Lund?\n\nThe sea."
    )
    assert (again.name, again.level("name")) == ("Mia Lund", "high")


def test_the_json_gives_the_name_in_its_own_script(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("Layla Haddad (ليلى حداد)" + QA, encoding="utf-8")
    assert main(["import-interview", str(article), "--json"]) == 0
    person = json.loads(capsys.readouterr().out)["person"]
    assert (person["name"], person["name_original"]) == ("Layla Haddad", "ليلى حداد")


def test_written_and_directed_by_them_says_what_they_do():
    proposal = importers.parse(
        "In conversation with Mia Lund\n\n"
        "Night Ferry (2023, 14 min, Denmark)\n\n"
        "Written and directed by Mia Lund." + QA
    )
    assert proposal.roles == ["writer", "director"]
    assert proposal.confidence["roles"].line == "Written and directed by Mia Lund."


def test_a_photographer_credit_is_sure_with_a_cue_or_films_and_doubtful_without():
    proposal = importers.parse(
        "In conversation with Mia Lund" + QA + "\nImage credits:\nJonas Weber (“Night Ferry”)\n"
        "Ana Ruiz\nPhoto: Lee Park\n"
    )
    credits = [(c.name, proposal.level(f"credits[{i}]")) for i, c in enumerate(proposal.credits)]
    assert credits == [("Jonas Weber", "high"), ("Ana Ruiz", "low"), ("Lee Park", "high")]


def test_the_answer_that_introduces_them_is_the_bio_and_says_where_it_came_from():
    proposal = importers.parse(
        "In conversation with Mia Lund\n\n"
        "Can you introduce yourself?\n\n"
        "I am a director from Aarhus.\n"
    )
    assert proposal.bio == "I am a director from Aarhus."
    assert (proposal.confidence["bio"].level, proposal.confidence["bio"].line) == (
        "high",
        "Can you introduce yourself?",
    )


@pytest.mark.parametrize(
    ("paragraphs", "bio", "level"),
    [
        # A closing "About the filmmaker" holds the bio, after the interview.
        (
            ["Why the sea?", "I grew up on it.", "About the filmmaker",
             "Mia Lund is a Danish director whose shorts have screened in Aarhus and Oslo."],
            "Mia Lund is a Danish director whose shorts have screened in Aarhus and Oslo.",
            "high",
        ),
        # Of two lines about them, neither starting with the name: the first, and doubtful.
        (
            ["Danish director Mia Lund has spent five years filming the North Sea.",
             "Award-winning director Mia Lund has made three shorts about fishermen.",
             "Why the sea?", "I grew up on it."],
            "Danish director Mia Lund has spent five years filming the North Sea.",
            "low",
        ),
        # A line that presents them by name first wins, though it comes later, and is sure.
        (
            ["Danish director Mia Lund has spent five years filming the North Sea.",
             "Mia Lund is a director from Aarhus who grew up by the water.",
             "Why the sea?", "I grew up on it."],
            "Mia Lund is a director from Aarhus who grew up by the water.",
            "high",
        ),
    ],
)  # fmt: skip
def test_the_bio_is_the_line_that_presents_them(paragraphs, bio, level):
    proposal = importers.parse("\n\n".join(["Meet Mia Lund", *paragraphs]))
    assert (proposal.bio, proposal.level("bio"), proposal.confidence["bio"].line) == (
        bio,
        level,
        bio,
    )


def test_an_about_heading_with_nothing_after_it_gives_no_bio():
    proposal = importers.parse(
        "Meet Mia Lund\n\nWhy the sea?\n\nI grew up on it.\n\nAbout the director"
    )
    assert (proposal.name, proposal.bio) == ("Mia Lund", "")


def long_bio(length: int) -> str:
    return sentence("Mia Lund is a Danish director", length)


@pytest.mark.parametrize(
    ("paragraphs", "bio", "level"),
    [
        # The writer's own words first, then a line naming them by surname alone.
        (["Meet Maria Sofia Lund",
          "We spent a week on the coast with her and a borrowed boat, in the rain.",
          "Lund has made three shorts about fishermen and the sea around Aarhus."],
         "Lund has made three shorts about fishermen and the sea around Aarhus.", "low"),
        # No headline: the first paragraph may be the bio; a later one like it is not.
        (["Mia Lund is a Danish director who grew up by the water in Aarhus.",
          "Why the sea?", "I grew up on it.",
          "Mia Lund is a Danish director whose next film opens in May, in Aarhus."],
         "Mia Lund is a Danish director who grew up by the water in Aarhus.", "high"),
        # Too short to be a bio, the writer's "we" or "I", or too long (1,500 at most).
        (["Meet Mia Lund", "Mia Lund is a director."], "", "high"),
        (["Meet Mia Lund", "We met Mia Lund, who is a director from Aarhus, on the ferry to Oslo."],
         "", "high"),
        (["Meet Mia Lund", "Mia Lund is a director, and I met her on the ferry from Aarhus to Oslo."],
         "", "high"),
        (["Meet Mia Lund", long_bio(1500)], long_bio(1500), "high"),
        (["Meet Mia Lund", long_bio(1501)], "", "high"),
    ],
)  # fmt: skip
def test_the_bio_is_a_paragraph_about_them_not_the_writers_own_words(paragraphs, bio, level):
    """(A standfirst "We met NAME, a director..." was taken as the bio.)"""
    proposal = importers.parse("\n\n".join(paragraphs) + QA)
    assert (proposal.bio, proposal.level("bio")) == (bio, level)


@pytest.mark.parametrize(
    ("article", "name", "original", "roles"),
    [
        # The director's credit names them, with what they did; a producer's does not.
        ("Night Ferry\n\nProduced by Ben Olsen.\n\nWritten and directed by Ana Berg.",
         "Ana Berg", "", ["writer", "director"]),
        # A headline that is the film's title, as its film line says, is no one's name.
        ("Night Ferry\n\nNight Ferry (2023, 14 min, Denmark)", "", "", []),
        # A name in its own script alone has no Latin form to give.
        ("Interview with 김지은", "김지은", "", []),
    ],
)  # fmt: skip
def test_the_name_comes_from_a_directors_credit_never_a_films_title(article, name, original, roles):
    proposal = importers.parse(article + QA)
    assert (proposal.name, proposal.name_original, proposal.roles) == (name, original, roles)


def test_a_word_opening_the_sentence_is_not_part_of_a_three_word_name():
    proposal = importers.parse("Interview\n\nToday Maria Sofia Lund is a director in Aarhus." + QA)
    assert (proposal.name, proposal.roles) == ("Maria Sofia Lund", ["director"])


@pytest.mark.parametrize(
    "word", ["And", "The", "For", "On", "At", "In", "Of", "With", "Photography"]
)
def test_a_photographers_name_ends_at_a_word_no_name_has(word):
    """ "Photo: Ian Chen For Harbour Films" credits Ian Chen, not the words after."""
    proposal = importers.parse(f"Mia Lund on the sea{QA}\nPhoto: Ian Chen {word} Harbour Films\n")
    assert [credit.name for credit in proposal.credits] == ["Ian Chen"]


def intro(length: int) -> str:
    return sentence("Mia Lund is a director", length)


@pytest.mark.parametrize(("opening", "name"), [(intro(2000), "Mia Lund"), (intro(2001), "")])
def test_a_name_is_read_in_paragraphs_of_up_to_2000_characters_and_past_a_longer_one(opening, name):
    """A longer paragraph is a pasted page, no introduction; the introduction after it is
    still read."""
    assert importers.parse(f"Interview\n\n{opening}{QA}").name == name
    after = importers.parse(f"Interview\n\n{intro(2001)}\n\nMeet Mia Lund, a director.{QA}")
    assert after.name == "Mia Lund"


def test_roles_in_the_headline_are_sure_and_say_where_they_came_from():
    headline = "Director Mia Lund on “Night Ferry”"
    proposal = importers.parse(headline + QA)
    roles = proposal.confidence["roles"]
    assert (proposal.roles, roles.level, roles.line) == (["director"], "high", headline)


def test_without_a_headline_the_first_paragraph_may_be_the_bio_and_an_answer_is_not():
    first = "Mia Lund is a Danish director who grew up by the water in Aarhus."
    answer = "Mia Lund is a Danish director, people say, and she grew up on the water."
    proposal = importers.parse(f"{first}\n\nWhy the sea?\n\n{answer}\n")
    assert (proposal.bio, proposal.level("bio")) == (first, "high")


def test_a_film_line_before_the_bio_is_passed_over():
    bio = "Mia Lund is a Danish director who grew up by the water in Aarhus."
    line = "Night Ferry, 2023, 14 min, Denmark / Sweden / Norway / Finland"  # 60 or more
    proposal = importers.parse(f"Meet Mia Lund\n\n{line}\n\n{bio}" + QA)
    assert proposal.bio == bio


def test_a_photographer_credited_twice_is_one_credit_with_each_film_once():
    proposal = importers.parse(
        "In conversation with Mia Lund" + QA + "\nImage credits:\nJonas Weber (“Night Ferry”)\n"
        "Jonas Weber (“Blue Sky”, “Night Ferry”)\n"
    )
    assert [(c.name, c.films) for c in proposal.credits] == [
        ("Jonas Weber", ["Night Ferry", "Blue Sky"])
    ]


def test_a_question_after_an_about_heading_is_no_bio():
    """Under "About the director" a question naming them is asked of them, not about them."""
    article = (
        "Mia Lund on the sea\n\nWhy the sea?\n\nI grew up on it.\n\n## About the director\n\n"
        "Mia Lund, the sea was the subject of your first film, and it is again: what keeps you "
        "there?\n\nIt is where I grew up.\n"
    )
    proposal = importers.parse(article)
    assert (proposal.name, proposal.bio) == ("Mia Lund", "")


def test_a_heading_naming_only_a_film_leaves_the_name_to_the_line_under_it():
    article = (
        "# Night Ferry: an interview with the director\n\nMia Lund on the sea\n\n"
        "Why the sea?\n\nI grew up on it.\n"
    )
    assert importers.parse(article).name == "Mia Lund"


def about_two(lead: str, mia: int, ana: int) -> str:
    """ "Mia Lund on the sea", then ``lead`` naming Ana Berg: Mia Lund named in ``mia``
    paragraphs (the headline one of them), Ana Berg in ``ana`` (``lead`` one of them)."""
    paragraphs = ["Mia Lund on the sea", lead]
    paragraphs += [f"Mia Lund spent day {day} on the boat." for day in range(mia - 1)]
    paragraphs += [f"Ana Berg paid for day {day}." for day in range(ana - 1)]
    return "\n\n".join([*paragraphs, "Why the sea?", "I grew up on it."])


@pytest.mark.parametrize("ana", [5, 12])
def test_the_headlines_guest_is_not_outweighed_by_a_name_merely_mentioned_more_often(ana):
    """Past four paragraphs, more mentions do not count: the one the headline presents and
    the article names a few times wins over another person it names on every line."""
    article = about_two("Ana Berg is a Danish producer.", 3, ana)
    assert importers.parse(article).name == "Mia Lund"


def test_the_headlines_guest_wins_over_the_films_director_named_once_more():
    """A credit ("Directed by ...") names who made the film, not whom the article presents
    when its headline says."""
    article = about_two("Directed by Ana Berg.", 1, 2)
    assert importers.parse(article).name == "Mia Lund"
