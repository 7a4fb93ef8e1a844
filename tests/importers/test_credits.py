"""Photo credits and bylines: who took the pictures, and who wrote the article (never the
person it presents).

Each article is a shape the corpus does not hold; each assertion was a small breakage of
importers/contacts.py that no other test noticed (make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers

ARTICLE = "Mia Lund on the sea\n\nWhy the sea?\n\nI grew up on it.\n\n"


@pytest.mark.parametrize(
    ("closing", "credits"),
    [
        # A name starting with a capital X keeps it.
        ("Image credits\n\nXu Bing, “Dragonfly”\n", [("Xu Bing", ["Dragonfly"])]),
        # The cue is no part of the name, with or without a space after its colon.
        ("Image credits\n\nPhoto:Lee Park\n", [("Lee Park", [])]),
        ("Image credits\n\n: Photo: Lee Park\n", [("Lee Park", [])]),
        # A credit to no person (an office, a festival) is no photographer.
        ("Photos by Festival Press Office\n", []),
    ],
)
def test_a_photo_credit_names_the_photographer_and_nothing_else(closing, credits):
    proposal = importers.parse(ARTICLE + closing)
    assert [(credit.name, credit.films) for credit in proposal.credits] == credits


@pytest.mark.parametrize("person", ["Niamh Keane", "Ana Ruiz"])
def test_every_byline_names_a_writer_and_no_writer_is_the_person(person):
    proposal = importers.parse(
        "Interview\n\nInterview by Niamh Keane\n\nWords by Ana Ruiz\n\n"
        f"{person} is a director.\n\nWhy the sea?\n\nThe sea.\n"
    )
    assert (proposal.name, proposal.roles) == ("", [])
