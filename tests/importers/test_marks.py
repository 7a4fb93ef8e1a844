"""How an article marks its questions, each way read by its own rule: "Q:" labels, lines in
capitals, or a paragraph's own signs; and a person's correction in the review.

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/interview.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers
from tests.importers.reading import pairs


def test_where_q_labels_mark_the_questions_a_question_mark_in_an_answer_asks_nothing():
    article = (
        "In conversation with Mia Lund\n\n"
        "q: Where did it start?\n\n"
        "a: In Aarhus, in my grandmother's kitchen.\n\n"
        "Did I know it would take ten years?\n\n"
        "No.\n\n"
        "q: And the money\n\n"
        "a: Four years of asking.\n"
    )
    assert pairs(article) == [
        (
            "Where did it start?",
            "In Aarhus, in my grandmother's kitchen.\n\nDid I know it would take ten years?\n\nNo.",
        ),
        ("And the money", "Four years of asking."),
    ]


def test_where_capitals_mark_the_questions_a_statement_in_capitals_asks_too():
    article = (
        "In conversation with Mia Lund\n\n"
        "WHAT DREW YOU TO THE SEA?\n\n"
        "I grew up on it.\n\n"
        "OK.\n\n"
        "YOU SHOT IT ALONE.\n\n"
        "With one lens.\n\n"
        "WHERE CAN WE SEE IT?\n\n"
        "At the festival.\n"
    )
    assert pairs(article) == [
        ("WHAT DREW YOU TO THE SEA?", "I grew up on it.\n\nOK."),
        ("YOU SHOT IT ALONE.", "With one lens."),
        ("WHERE CAN WE SEE IT?", "At the festival."),
    ]


def test_a_paragraph_asks_by_its_own_signs_and_an_answer_starting_with_a_number_is_whole():
    article = (
        "In conversation with Mia Lund\n\n"
        "How many people saw it?\n\n"
        "4.5 million people watched it on television.\n\n"
        "Your mother asked “why not?”\n\n"
        "She did, and she was right.\n\n"
        "Tell us how it began. You were twelve.\n\n"
        "I was eleven, in fact.\n"
    )
    assert pairs(article) == [
        ("How many people saw it?", "4.5 million people watched it on television."),
        ("Your mother asked “why not?”", "She did, and she was right."),
        ("Tell us how it began. You were twelve.", "I was eleven, in fact."),
    ]


def test_a_correction_in_the_review_keeps_the_other_turns_and_trims_the_speakers():
    proposal = importers.parse(
        "HELEN MARSH: Where did it start?\n\n"
        "MIA LUND: In Aarhus.\n\n"
        "HM: And the money?\n\n"
        "ML: Four years of asking.\n\n"
        "It never stopped.\n"
    )
    proposal.remark(4, "ignored")  # the person reviewing leaves out the last paragraph
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Where did it start?", "In Aarhus."),
        ("And the money?", "Four years of asking."),
    ]


def test_a_line_without_words_asks_nothing_and_a_link_in_the_first_line_is_found():
    proposal = importers.parse(
        "Mia Lund is a Danish director: https://mialund.example.org\n\n"
        "Why the sea?\n\n"
        "I grew up on it.\n\n"
        "1998–2004.\n\n"
        "Those were the years.\n"
    )
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Why the sea?", "I grew up on it.\n\n1998–2004.\n\nThose were the years.")
    ]
    assert [(link.label, link.url) for link in proposal.links] == [
        ("Website", "https://mialund.example.org")
    ]


LONG = (
    "you spent four winters on the coast, with a crew of three, a borrowed boat and a camera "
    "that froze every morning, and the people of the village let you into their kitchens, "
    "their boats and their church, though they had turned away every film crew before you, "
    "and they still talk about the night the generator caught fire"
)


def test_a_long_numbered_question_asks_whether_it_ends_in_a_question_mark_full_stop_or_colon():
    questions = [f"1. Before we start: {LONG}; was it worth it?", f"2. Tell us about it: {LONG}.",
                 f"3. And then the ending: {LONG}:"]  # fmt: skip
    assert all(300 <= len(question) <= 400 for question in questions)
    article = "In conversation with Mia Lund\n\n" + "".join(
        f"{question}\n\nIt was winter {number}.\n\n" for number, question in enumerate(questions, 1)
    )
    assert pairs(article) == [
        (question[3:], f"It was winter {number}.") for number, question in enumerate(questions, 1)
    ]


def test_a_headline_asking_a_question_is_not_the_first_question():
    proposal = importers.parse(
        "# Mia Lund: why the sea?\n\nIt was always the sea.\n\nWhy the sea?\n\nI grew up on it.\n"
    )
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Why the sea?", "I grew up on it.")
    ]
    # What the review shows for each paragraph, and what a person may change.
    assert proposal.roles_of == {0: "ignored", 1: "ignored", 2: "question", 3: "answer"}


def test_the_review_marks_what_ends_the_interview_and_an_editors_note_as_ignored():
    proposal = importers.parse(
        "In conversation with Mia Lund\n\n"
        "Why the sea?\n\n"
        "I grew up on it.\n\n"
        "*She laughs.*\n\n"
        "Is it finished?\n\n"
        "Nearly.\n\n"
        "Links:\n\n"
        "Website: https://mialund.example.org\n"
    )
    assert proposal.roles_of == {
        0: "ignored",
        1: "question",
        2: "answer",
        3: "ignored",
        4: "question",
        5: "answer",
        6: "ignored",
        7: "ignored",
    }


def test_a_paragraph_the_importer_ignored_can_be_made_part_of_an_answer():
    proposal = importers.parse(
        "In conversation with Mia Lund\n\nWhy the sea?\n\nI grew up on it.\n\n*She laughs.*\n"
    )
    assert proposal.roles_of[3] == "ignored"
    proposal.remark(3, "answer")
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Why the sea?", "I grew up on it.\n\nShe laughs.")
    ]
    # A field the importer found nothing for is not flagged as doubtful.
    assert (proposal.bio, proposal.level("bio")) == ("", "high")


def test_a_paragraph_marked_as_an_answer_before_any_question_answers_nothing():
    proposal = importers.parse(
        "In conversation with Mia Lund\n\nShe grew up in Aarhus.\n\nWhy the sea?\n\nI grew up on it.\n"
    )
    proposal.remark(1, "answer")
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Why the sea?", "I grew up on it.")
    ]


def marked_questions(mark, marked: int, plain: int) -> list[str]:
    """The questions of an article whose first ``marked`` questions are marked (bold or in
    capitals) and ``plain`` are not, each answered."""
    asked = [mark(f"Why number {n}?") for n in range(marked)]
    asked += [f"And then {n}?" for n in range(plain)]
    article = "An interview with Mia Lund\n\n" + "".join(
        f"{question}\n\nIt was {n}.\n\n" for n, question in enumerate(asked)
    )
    return [question for question, _ in pairs(article)]


@pytest.mark.parametrize("mark", [lambda q: f"**{q}**", str.upper], ids=["bold", "capitals"])
@pytest.mark.parametrize(
    ("marked", "plain", "by_mark"), [(2, 2, True), (2, 3, False), (1, 1, False)]
)
def test_questions_are_read_by_their_mark_when_at_least_two_and_half_are_marked(
    mark, marked, plain, by_mark
):
    """Half the paragraphs that ask marked, and two or more: only the marked ones are
    questions, an unmarked "?" is part of an answer. Fewer: every "?" asks."""
    marked_ones = [mark(f"Why number {n}?").strip("*") for n in range(marked)]
    every = [*marked_ones, *(f"And then {n}?" for n in range(plain))]
    assert marked_questions(mark, marked, plain) == (marked_ones if by_mark else every)


def test_a_pull_quote_repeating_the_answer_is_left_out_however_short_and_however_set():
    """A quote set apart ("> ...", or in quotation marks) that repeats words of the article
    is a pull quote: not part of any answer. Twelve letters are enough; a shorter quote
    before it ("> Yes.") is read as part of the answer and does not stop the reading."""
    article = (
        "An interview with Mia Lund\n\n"
        "Who wins, the sea or the crew?\n\n"
        "> Yes.\n\n"
        "The sea wins, always. “Nobody leaves the harbour” is what they say there.\n\n"
        "> The sea wins.\n\n"
        "“Nobody leaves the harbour,”\n\n"
        "Would you go back?\n\n"
        "Tomorrow.\n"
    )
    assert pairs(article) == [
        (
            "Who wins, the sea or the crew?",
            "Yes.\n\nThe sea wins, always. “Nobody leaves the harbour” is what they say there.",
        ),
        ("Would you go back?", "Tomorrow."),
    ]


def test_past_fifty_quotes_set_apart_none_is_taken_for_a_pull_quote():
    """A feature has a few pull quotes; a page of quotes is not a feature: the first fifty
    quotes set apart are judged, the fifty-first is read as it stands, though it repeats."""
    quotes = [f"> Line number {n} of the script" for n in range(1, 50)]
    article = "\n\n".join(
        [
            "An interview with Mia Lund",
            "Which lines stayed with you?",
            "Two kinds. The ones about the crew. The ones about the sea.",
            *quotes,
            "> The ones about the sea",  # the fiftieth, a pull quote
            "> The ones about the crew",  # the fifty-first
            "Would you go back?",
            "Tomorrow.",
        ]
    )
    answer = "\n\n".join(
        [
            "Two kinds. The ones about the crew. The ones about the sea.",
            *(quote[2:] for quote in quotes),
            "The ones about the crew",
        ]
    )
    assert pairs(article) == [
        ("Which lines stayed with you?", answer),
        ("Would you go back?", "Tomorrow."),
    ]
