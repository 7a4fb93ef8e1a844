"""Where a question ends and its answer begins, and where the interview itself ends.

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/interview.py that no other test noticed (make mutants).
"""

from __future__ import annotations

from presskit import importers
from tests.importers.reading import pairs


def test_a_question_that_names_the_photos_is_still_a_question_and_a_country_line_ends_it():
    article = (
        "An interview with Mia Lund\n\n"
        "Was it hard to find the money?\n\n"
        "It took four years.\n\n"
        "We saw your stills on set. Photos by you, or by the crew?\n\n"
        "By me, always.\n\n"
        "You kept every still. Photos by the crew, you once said, “were never the point?”\n\n"
        "Never.\n\n"
        "Country: Denmark\n\n"
        "Mia Lund lives in Aarhus.\n"
    )
    assert pairs(article) == [
        ("Was it hard to find the money?", "It took four years."),
        ("We saw your stills on set. Photos by you, or by the crew?", "By me, always."),
        (
            "You kept every still. Photos by the crew, you once said, “were never the point?”",
            "Never.",
        ),
    ]


LONG_BOLD = (
    "The sea does not wait for anyone, and neither did we: every morning we set out before "
    "dawn, loaded the boat in the dark, and came back only when the light was gone, for forty "
    "days in a row, and the crew slept in the harbour master's house between tides."
)


def test_bold_statements_are_questions_and_a_short_bold_heading_ends_the_interview():
    """Where bold lines are the questions, a bold statement of three words or more ending in
    "." or ":" asks too; a bold paragraph as long as an answer does not; a bold line of four
    words or fewer without a full stop ("Where to watch it") closes the interview, a longer
    one is part of the answer."""
    article = (
        "# An interview with Mia Lund\n\n"
        "**What drew you to the sea?**\n\n"
        "I grew up on it.\n\n"
        "**The sound of the sea**\n\n"  # five words: a subheading, not the end
        "It never stops.\n\n"
        "**You shot alone.**\n\n"
        "With one lens and a borrowed boat.\n\n"
        "**And the ending:**\n\n"
        "It came last, on the final day of the shoot.\n\n"
        "**Would you do it again?**\n\n"
        f"**{LONG_BOLD}**\n\n"
        "That was the whole shoot.\n\n"
        "**Where to watch it**\n\n"
        "Website: https://mialund.example.org\n"
    )
    proposal = importers.parse(article)
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        (
            "What drew you to the sea?",
            "I grew up on it.\n\nThe sound of the sea\n\nIt never stops.",
        ),
        ("You shot alone.", "With one lens and a borrowed boat."),
        ("And the ending:", "It came last, on the final day of the shoot."),
        ("Would you do it again?", f"{LONG_BOLD}\n\nThat was the whole shoot."),
    ]
    assert [(link.label, link.url) for link in proposal.links] == [
        ("Website", "https://mialund.example.org")
    ]


def test_a_speaker_named_later_by_surname_alone_is_the_same_speaker():
    article = (
        "Helen Anne Marsh: Where did it start?\n\n"
        "Maria Sofia Lund: In Aarhus.\n\n"
        "Marsh: And the money?\n\n"
        "Lund: Four years of asking.\n\n"
        "*She laughs.*\n\n"  # an editor's note in italics: no one's words
        "Marsh: Was it worth it?\n\n"
        "Lund: Every day.\n"
    )
    proposal = importers.parse(article)
    assert proposal.name == "Maria Sofia Lund"
    assert [(pair.question, pair.answer) for pair in proposal.interview] == [
        ("Where did it start?", "In Aarhus."),
        ("And the money?", "Four years of asking."),
        ("Was it worth it?", "Every day."),
    ]


def test_the_interviewer_asks_though_the_guest_asks_back_more():
    article = (
        "Interviewer: Tell me about the boat.\n\n"
        "Mia Lund: Which boat? The first one?\n\n"
        "Interviewer: The first one.\n\n"
        "Mia Lund: Which do you mean, the blue one or the red?\n\n"
        "Interviewer: The blue one.\n\n"
        "Mia Lund: It sank.\n"
    )
    assert pairs(article) == [
        ("Tell me about the boat.", "Which boat? The first one?"),
        ("The first one.", "Which do you mean, the blue one or the red?"),
        ("The blue one.", "It sank."),
    ]


def test_the_interviewer_is_the_one_whose_turns_are_mostly_questions_not_most_questions():
    article = (
        "HM: Where did it start?\n\n"
        "ML: In Aarhus. Where else?\n\n"
        "ML: My grandmother's kitchen, to be exact.\n\n"
        "ML: Do you know Aarhus?\n\n"
        "ML: It rains.\n\n"
        "HM: And the money?\n\n"
        "ML: Four years of asking.\n"
    )
    assert pairs(article) == [
        (
            "Where did it start?",
            "In Aarhus. Where else?\n\nMy grandmother's kitchen, to be exact.\n\n"
            "Do you know Aarhus?\n\nIt rains.",
        ),
        ("And the money?", "Four years of asking."),
    ]


def test_an_interviewer_asking_half_the_time_still_asks_and_a_guest_speaking_once_is_trimmed():
    article = (
        "HM: Where did it start?\n\n"
        "ML: In Aarhus.\n\n"
        "Mary Ann Lee: It was my kitchen.\n\n"
        "HM: Tell me about the boat.\n\n"
        "ML: It sank.\n\n"
        "BOB: Can I add something?\n\n"
        "ML: Please.\n\n"
        "BOB: It was my boat.\n"
    )
    assert pairs(article) == [
        ("Where did it start?", "In Aarhus.\n\nIt was my kitchen."),
        (
            "Tell me about the boat.",
            "It sank.\n\nCan I add something?\n\nPlease.\n\nIt was my boat.",
        ),
    ]


def test_an_interviewer_who_speaks_second_asks_in_quotes():
    article = (
        "ML: Thank you for having me.\n\n"
        "HM: People ask you “why the sea?”\n\n"
        "ML: Because I grew up on it.\n\n"
        "HM: And “why now?”\n\n"
        "ML: Because the boat was free.\n"
    )
    assert pairs(article) == [
        ("People ask you “why the sea?”", "Because I grew up on it."),
        ("And “why now?”", "Because the boat was free."),
    ]


def test_a_note_in_a_transcript_is_no_speaker_however_often_it_comes():
    """ "Note:" is a word that labels no one: an editor's note among the turns keeps its
    label, though it comes as often as a speaker's."""
    note = "Note: The shoot ran forty days"
    article = (
        "# An interview with Mia Lund\n\n"
        "Hanna Berg: Was it hard to find the money?\n\n"
        f"Mia Lund: It took four years.\n\n{note}\n\n"
        "Hanna Berg: Would you do it again?\n\n"
        f"Mia Lund: Yes.\n\n{note}\n\n"
        "Hanna Berg: And the sea?\n\n"
        "Mia Lund: Always.\n"
    )
    assert pairs(article) == [
        ("Was it hard to find the money?", f"It took four years.\n\n{note}"),
        ("Would you do it again?", f"Yes.\n\n{note}"),
        ("And the sea?", "Always."),
    ]


def test_an_interviewer_who_alone_is_labelled_asks_and_the_plain_paragraphs_answer():
    """Only the interviewer's turns carry a label ("Ana:"), mostly questions: the paragraphs
    after each are the answers, a labelled statement asks too. (It found no interview at all
    before: one speaker was never taken for the interviewer.)"""
    article = (
        "An interview with Mia Lund\n\n"
        "Ana: Where did you grow up?\n\n"
        "By the sea.\n\n"
        "Ana: Why film?\n\n"
        "It was cheap.\n\n"
        "Ana: And the boat you built.\n\n"
        "It sank.\n"
    )
    assert pairs(article) == [
        ("Where did you grow up?", "By the sea."),
        ("Why film?", "It was cheap."),
        ("And the boat you built.", "It sank."),
    ]


def test_numbered_questions_answered_by_a_named_speaker_lose_both_labels():
    article = (
        "An interview with Mia Lund\n\n"
        "Q1: Where did you grow up?\n\n"
        "Mia Lund: By the sea.\n\n"
        "Q2: Why film?\n\n"
        "Mia Lund: It was cheap.\n"
    )
    assert pairs(article) == [
        ("Where did you grow up?", "By the sea."),
        ("Why film?", "It was cheap."),
    ]


def test_of_two_people_no_one_asking_with_a_question_mark_the_one_who_opens_asks():
    """Three turns each, none ending in "?": the first to speak asks, whatever their ratio;
    a guest speaking once between them ("Cleo") does not open."""
    article = (
        "Ana and Ben\n\n"
        "Ana: Tell me about the boat.\n\n"
        "Ben: It was old.\n\n"
        "Ana: And the crew.\n\n"
        "Ben: Four people.\n\n"
        "Ana: The ending, then.\n\n"
        "Ben: It came last.\n"
    )
    assert pairs(article) == [
        ("Tell me about the boat.", "It was old."),
        ("And the crew.", "Four people."),
        ("The ending, then.", "It came last."),
    ]
    article = (
        "Ana and Ben\n\n"
        "Ana: Tell me about the boat.\n\n"
        "Cleo: It was a funny pitch.\n\n"
        "Ben: It was old.\n\n"
        "Ana: And the crew.\n\n"
        "Ben: Four people.\n"
    )
    assert pairs(article) == [
        ("Tell me about the boat.", "It was a funny pitch.\n\nIt was old."),
        ("And the crew.", "Four people."),
    ]


def test_four_words_before_a_colon_once_are_what_they_said_not_a_speaker():
    """A guest who speaks once has a label of at most three words ("Mary Ann Lee:"); four
    words and a colon once ("The Best Advice Ever: ...") are part of the answer."""
    article = (
        "Ana talks to Ben\n\n"
        "Ana: Where did you grow up?\n\n"
        "Ben: By the sea.\n\n"
        "Ana: Any advice?\n\n"
        "The Best Advice Ever: keep shooting.\n"
    )
    assert pairs(article) == [
        ("Where did you grow up?", "By the sea."),
        ("Any advice?", "The Best Advice Ever: keep shooting."),
    ]
