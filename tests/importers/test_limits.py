"""The importer's length limits, each at exactly its edge and one character past it: what
the person reviewing the import gets on either side (a question kept or read as part of
the answer, the interview ending or going on, a role found or not, a film, prize or
festival read or not).

Each pair was a small breakage of importers/interview.py or importers/films.py that no
other test noticed (make mutants: ">" for ">=", one more or less).
"""

from __future__ import annotations

import pytest

from presskit import importers
from tests.importers.reading import pairs


def exactly(start: str, end: str, length: int) -> str:
    """``start``, filler words, then ``end``: ``length`` characters, single-spaced (as the
    importer reads a paragraph)."""
    filler = ("and the sea " * 2000)[: length - len(start) - len(end)]
    if filler.endswith(" "):
        filler = filler[:-1] + "s"
    text = start + filler + end
    assert len(text) == length and "  " not in text
    return text


def questions(article: str) -> list[str]:
    return [question for question, _ in pairs(article)]


def plain(middle: str) -> str:
    """Plain questions, with ``middle`` between the first answer and the last question."""
    return (
        "An interview with Mia Lund\n\n"
        "Was it hard to find the money?\n\n"
        "It took four years.\n\n"
        f"{middle}\n\n"
        "It came last.\n\n"
        "Would you do it again?\n\n"
        "Yes.\n"
    )


def asked(middle: str | None) -> list[str]:
    """The questions ``plain`` asks, with ``middle`` between them where it asks."""
    return [
        "Was it hard to find the money?",
        *([middle] if middle else []),
        "Would you do it again?",
    ]


@pytest.mark.parametrize(("length", "asks"), [(400, True), (401, False)])
def test_a_question_is_at_most_400_characters(length, asks):
    long = exactly("Why ", "?", length)
    assert questions(plain(long)) == asked(long if asks else None)


@pytest.mark.parametrize(("length", "asks"), [(249, True), (250, False)])
def test_a_request_ending_in_a_full_stop_asks_under_250_characters(length, asks):
    """ "Please tell us about your ending." asks; as long as an answer, it is one."""
    request = exactly("Please tell us about your ending, ", ".", length)
    assert questions(plain(request)) == asked(request if asks else None)


@pytest.mark.parametrize(("length", "asks"), [(299, True), (300, False)])
def test_a_q_label_without_a_question_mark_asks_under_300_characters(length, asks):
    """Two "Q:" lines that ask make a labelled interview; a "Q:" line not ending in "?",
        "." or ":" asks only when short, so a long one leaves one label that asks, and the
        article is read as plain questions, the long line part of the answer before it (the
    labels taken off either way)."""
    labelled = exactly("Q: The ending, and ", " then", length)
    article = (
        "An interview with Mia Lund\n\n"
        "Q: Was it hard to find the money?\n\n"
        "A: It took four years.\n\n"
        f"{labelled}\n\n"
        "A: It came last.\n"
    )
    question = ("Was it hard to find the money?", "It took four years.")
    if asks:
        assert pairs(article) == [question, (labelled[3:], "It came last.")]
    else:
        answer = f"It took four years.\n\n{labelled[3:]}\n\nIt came last."
        assert pairs(article) == [(question[0], answer)]


@pytest.mark.parametrize(("length", "asks"), [(249, True), (250, False)])
def test_a_bold_statement_asks_under_250_characters(length, asks):
    """Where bold lines are the questions, a bold statement ending in "." asks when short."""
    statement = exactly("You shot alone ", ".", length)
    article = (
        "# An interview with Mia Lund\n\n"
        "**What drew you to the sea?**\n\n"
        "I grew up on it.\n\n"
        f"**{statement}**\n\n"
        "It came last, on the final day.\n\n"
        "**Would you do it again?**\n\n"
        "Yes.\n"
    )
    expected = ["What drew you to the sea?", statement] if asks else ["What drew you to the sea?"]
    assert questions(article) == [*expected, "Would you do it again?"]


def closing(line: str) -> str:
    return (
        "An interview with Mia Lund\n\n"
        "Was it hard to find the money?\n\n"
        "It took four years.\n\n"
        "Would you do it again?\n\n"
        "Yes.\n\n"
        f"{line}\n\n"
        "Mia Lund lives in Aarhus.\n"
    )


def last_answer(article: str) -> str:
    return pairs(article)[-1][1]


@pytest.mark.parametrize(("length", "ends"), [(199, True), (200, False)])
def test_a_contact_line_ends_the_interview_under_200_characters(length, ends):
    line = exactly("Contact: ", "", length)
    expected = "Yes." if ends else f"Yes.\n\n{line}\n\nMia Lund lives in Aarhus."
    assert last_answer(closing(line)) == expected


@pytest.mark.parametrize(("length", "ends"), [(300, True), (301, False)])
def test_a_photo_credit_ends_the_interview_up_to_300_characters(length, ends):
    line = exactly("Ballast premieres at IDFA ", ". Lead image: Joost Hendriks", length)
    expected = "Yes." if ends else f"Yes.\n\n{line}\n\nMia Lund lives in Aarhus."
    assert last_answer(closing(line)) == expected
    credits = [credit.name for credit in importers.parse(closing(line)).credits]
    assert credits == (["Joost Hendriks"] if ends else [])


@pytest.mark.parametrize(("length", "films"), [(199, ["Dragonfly"]), (200, None)])
def test_a_line_under_image_credits_is_read_as_one_under_200_characters(length, films):
    """Under "Image credits" a line names a photographer and the films they shot; a longer
    line is a paragraph of its own, and ends the block."""
    line = exactly("Ian Chen, “Dragonfly”, ", ".", length)
    proposal = importers.parse(
        "Mia Lund on the sea\n\nWhy the sea?\n\nI grew up on it.\n\nImage credits\n\n" + line
    )
    credits = [(credit.name, credit.films) for credit in proposal.credits]
    assert credits == ([("Ian Chen", films)] if films else [])


@pytest.mark.parametrize(("length", "read"), [(160, True), (161, False)])
def test_a_byline_is_at_most_160_characters(length, read):
    """The writer a byline names is not the person the article presents."""
    byline = exactly("Words by Niamh Keane, who met her at the festival ", ".", length)
    proposal = importers.parse(
        f"Interview\n\n{byline}\n\nNiamh Keane is a director.\n\nWhy the sea?\n\nThe sea.\n"
    )
    assert proposal.name == ("" if read else "Niamh Keane")


@pytest.mark.parametrize(("length", "roles"), [(3000, ["director"]), (3001, [])])
def test_roles_are_read_from_a_paragraph_of_at_most_3000_characters(length, roles):
    standfirst = exactly("Mia Lund is a Danish director. ", ".", length)
    article = (
        "An interview with Mia Lund\n\n"
        f"{standfirst}\n\n"
        "Was it hard to find the money?\n\n"
        "It took four years.\n\n"
        "Would you do it again?\n\n"
        "Yes.\n"
    )
    assert importers.parse(article).roles == roles


@pytest.mark.parametrize(("length", "films"), [(19_999, ["Salt"]), (20_000, [])])
def test_a_paragraph_of_20000_characters_or_more_is_read_as_its_first_2000(length, films):
    """A paragraph that long is no one's answer (a pasted book, a page's whole text): its
    sentences are not read one by one, so a film it names late is not proposed."""
    paragraph = exactly("I grew up on the sea. ", ". My new film “Salt” is about the sea.", length)
    article = (
        "An interview with Mia Lund\n\n"
        "Was it hard to find the money?\n\n"
        f"{paragraph}\n\n"
        "Would you do it again?\n\n"
        "Yes.\n"
    )
    assert [film.title for film in importers.parse(article).films] == films


@pytest.mark.parametrize(("before", "found"), [(10, True), (11, False)])
def test_a_byline_is_looked_for_in_the_first_12_paragraphs(before, found):
    """The byline names the interviewer even when the guest's turns end in "?" more often;
    past the 12th paragraph a line "Interview by NAME" is not read as the byline."""
    intro = "".join(
        f"Mia Lund grew up on the island of Fanø, picture {i}.\n\n" for i in range(before)
    )
    article = (
        f"# An interview with Mia Lund\n\n{intro}Interview by Hanna Berg\n\n"
        "Hanna Berg: Tell me about the money.\n\n"
        "Mia Lund: Money? Who had any? It took four years.\n\n"
        "Hanna Berg: Tell me about the sea.\n\n"
        "Mia Lund: Who could leave it?\n"
    )
    by_the_byline = [
        ("Tell me about the money.", "Money? Who had any? It took four years."),
        ("Tell me about the sea.", "Who could leave it?"),
    ]
    # Past the 12th paragraph only the byline's use is asserted, not the fallback's reading
    # (the one who asks more), which no test should enshrine.
    assert (pairs(article) == by_the_byline) is found


BODY = "\n\nWhat drew you to it?\n\nMy grandmother wove every morning.\n"


@pytest.mark.parametrize(
    ("start", "length", "name"),
    [
        # A first line naming someone is the headline under 160 characters.
        ("Mia Lund on the sea", 159, "Mia Lund"),
        ("Mia Lund on the sea", 160, ""),
        # "NAME: ..." is the headline up to 60 characters, a speaker's turn past that.
        ("Mia Lund: the sea", 60, "Mia Lund"),
        ("Mia Lund: the sea", 61, ""),
    ],
)
def test_a_headline_is_a_short_line(start, length, name):
    headline = exactly(start, "", length)
    assert importers.parse(headline + BODY).name == name


def film_line_films(line: str) -> list[tuple[str, int | None, int | None, str]]:
    article = f"Mia Lund on her first films\n\n{line}\n\nWhy the sea?\n\nI grew up on it.\n"
    return [(f.title, f.year, f.runtime_min, f.country) for f in importers.parse(article).films]


@pytest.mark.parametrize(("length", "found"), [(160, True), (161, False)])
def test_a_film_line_is_at_most_160_characters(length, found):
    line = exactly("Night Ferry ", ", 2023, 14 min, Denmark", length)
    title = line.removesuffix(", 2023, 14 min, Denmark")
    assert film_line_films(line) == ([(title, 2023, 14, "Denmark")] if found else [])


@pytest.mark.parametrize(
    ("line", "found"),
    [
        # Five full stops or more make a line prose, unless it gives its runtime in minutes.
        ("Mr. and Mrs. J. R. Smith, 14', Denmark", [("Mr. and Mrs. J. R. Smith", None, 14, "Denmark")]),
        ("Mr. and Mrs. J. R. R. Smith, 14', Denmark", []),
        ("Mr. and Mrs. J. R. R. Smith, 14 min, Denmark", [("Mr. and Mrs. J. R. R. Smith", None, 14, "Denmark")]),
    ],
)  # fmt: skip
def test_a_film_line_of_five_full_stops_gives_its_runtime_in_minutes(line, found):
    assert film_line_films(line) == found


def answer_films(answer: str, film_line: str = "") -> list[tuple[str, list, list]]:
    """Each imported film's title, awards and festivals, for an interview answering
    ``answer`` (under ``film_line``, if one is given)."""
    header = f"{film_line}\n\n" if film_line else ""
    article = f"Mia Lund on the sea\n\n{header}Why the sea?\n\n{answer}\n"
    return [
        (
            film.title,
            [(award.name, award.year, award.note) for award in film.awards],
            [(fest.name, fest.year, fest.note) for fest in film.festivals],
        )
        for film in importers.parse(article).films
    ]


@pytest.mark.parametrize(("length", "found"), [(2000, True), (2001, False)])
def test_a_sentence_names_the_persons_film_up_to_2000_characters(length, found):
    """A longer sentence is a pasted page, not a sentence about their work."""
    sentence = exactly("My short film “Night Ferry” is about ", " the sea.", length)
    assert answer_films(sentence) == ([("Night Ferry", [], [])] if found else [])


@pytest.mark.parametrize(
    ("length", "year", "event"), [(2001, 2024, "Odense 2024"), (2002, None, "Odense 202")]
)
def test_a_prize_is_read_from_a_sentences_first_2000_characters(length, year, event):
    """The year's last digit is the 2,000th character, or the 2,001st, which is not read."""
    sentence = exactly("Night Ferry, about ", " won Best Sound at Odense 2024.", length)
    films = answer_films(sentence, film_line="Night Ferry, 2023, 14 min, Denmark")
    assert films == [("Night Ferry", [("Best Sound", year, event)], [])]


@pytest.mark.parametrize(("length", "found"), [(2000, True), (2001, False)])
def test_a_festival_is_read_from_a_sentences_first_2000_characters(length, found):
    """The festival's last letter is the 2,000th character, or the 2,001st: "Festiva" then."""
    sentence = exactly("Night Ferry, about ", ", was selected for the Odense Film Festival", length)
    festivals = [("Odense Film Festival", None, "Selected")] if found else []
    films = answer_films(sentence, film_line="Night Ferry, 2023, 14 min, Denmark")
    assert films == [("Night Ferry", [], festivals)]


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        # "series, " is the 8 characters before the title: the series' name, no film.
        ("I left the series, “Night Ferry” is my first short film.", []),
        # "series" 9 characters before it is about something else.
        ("I left the series — “Night Ferry” is my first short film.", [("Night Ferry", [], [])]),
    ],
)
def test_a_title_right_after_series_is_no_film_of_theirs(answer, found):
    assert answer_films(answer) == found


FESTIVAL_NEWS = "The festival opens on Friday."


@pytest.mark.parametrize(("length", "name"), [(199, "Mia Lund"), (200, "")])
def test_a_heading_naming_someone_is_the_headline_under_200_characters(length, name):
    """Below four lines of news (past where a bare heading is taken as the headline)."""
    heading = exactly("# Mia Lund on the sea", "", length + len("# "))
    article = "\n\n".join([FESTIVAL_NEWS] * 4 + [heading, BODY])
    assert importers.parse(article).name == name


@pytest.mark.parametrize(("before", "name"), [(7, "Mia Lund"), (8, "")])
def test_a_headline_heading_is_one_of_the_first_8_paragraphs(before, name):
    article = "\n\n".join([FESTIVAL_NEWS] * before + ["# Mia Lund on the sea", BODY])
    assert importers.parse(article).name == name


@pytest.mark.parametrize(("before", "name"), [(5, "Mia Lund"), (6, "")])
def test_a_headline_line_is_one_of_the_first_6_paragraphs(before, name):
    article = "\n\n".join([FESTIVAL_NEWS] * before + ["Mia Lund on the sea", BODY])
    assert importers.parse(article).name == name


ABOVE = "Mia Lund is a Danish director whose shorts have screened in Aarhus and Oslo."


@pytest.mark.parametrize(("at", "bio"), [(3, ""), (4, ABOVE)])
def test_a_heading_naming_no_one_is_the_headline_in_the_first_4_paragraphs(at, bio):
    """What stands above the headline (a caption, the site's news) is not the bio; a heading
    further down is a section of the article, not its headline."""
    article = "\n\n".join([ABOVE] + [FESTIVAL_NEWS] * (at - 1) + ["# Interview", BODY])
    proposal = importers.parse(article)
    assert (proposal.name, proposal.bio) == ("Mia Lund", bio)


@pytest.mark.parametrize(("length", "bio"), [(59, ABOVE), (60, "")])
def test_an_about_heading_is_under_60_characters(length, bio):
    """After the interview, "About the filmmaker" heads the bio; a line that long is a
    sentence of the last answer."""
    heading = exactly("About the filmmaker, ", "", length)
    article = "\n\n".join(["Meet Mia Lund", "Why the sea?", "I grew up on it.", heading, ABOVE])
    assert importers.parse(article).bio == bio


@pytest.mark.parametrize(
    ("last", "length", "roles"),
    [
        ("editor", 40, ["writer", "director", "producer", "editor"]),
        ("creator", 41, ["director", "producer", "creator"]),
    ],
)
def test_job_titles_are_read_up_to_40_characters_before_the_name(last, length, roles):
    """A run of job titles ending just before the name is read from at most 40 characters
    back: one more and its first title is cut."""
    run = f"Writer / director / producer and {last} "
    assert len(run) == length
    article = f"An interview with Mia Lund\n\nThe {run}Mia Lund grew up by the sea.\n\n{BODY}"
    assert importers.parse(article).roles == roles


@pytest.mark.parametrize(("length", "awards"), [(5000, ["Best Sound"]), (5001, [])])
def test_a_films_awards_are_read_from_a_paragraph_of_at_most_5000_characters(length, awards):
    """A longer paragraph is a pasted page: its awards are no one's word on the film."""
    paragraph = exactly(
        "Night Ferry won Best Sound at the 2024 Odense Film Festival. It was long", ".", length
    )
    article = "\n\n".join(
        ["Mia Lund on “Night Ferry”", "Night Ferry (2023, 14 min, Denmark)", paragraph, BODY]
    )
    film = importers.parse(article).films[0]
    assert (film.title, [award.name for award in film.awards]) == ("Night Ferry", awards)


INTRODUCED = "Mia Lund is a Danish director."


@pytest.mark.parametrize(("before", "name"), [(39, "Mia Lund"), (40, "")])
def test_someone_is_introduced_in_the_first_40_paragraphs(before, name):
    """However long the introduction, a person first introduced past its 40th paragraph is
    not the one the article presents (a headline naming no one)."""
    news = [f"The festival opens on day {day}." for day in range(44)]
    article = "\n\n".join([*news[:before], INTRODUCED, *news[before:], BODY])
    assert importers.parse(article).name == name


@pytest.mark.parametrize(("before", "name"), [(7, "Mia Lund"), (8, "")])
def test_someone_is_introduced_in_the_first_8_paragraphs_however_soon_the_questions_start(
    before, name
):
    """The first question may come before the introduction; past the 8th paragraph a line
    presenting someone is part of an answer."""
    turns = ["Interview", "Why the sea?", "I grew up on it.", "And then?", "I left."]
    turns += ["Why?", "Work.", "And now?", "I am back.", "Why?", "It is home."]
    article = "\n\n".join([*turns[:before], INTRODUCED, *turns[before:]])
    assert importers.parse(article).name == name
