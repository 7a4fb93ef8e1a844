"""The links an article closes with, and the label each gets in the kit.

Each line here was a small breakage of importers/contacts.py that no other test noticed
(make mutants).
"""

from __future__ import annotations

import pytest

from presskit import importers

ARTICLE = "Mia Lund on the sea\n\nWhy the sea?\n\nI grew up on it.\n\nLinks:\n\n"
REEL = "https://mialund.example.org/reel"


@pytest.mark.parametrize(
    ("line", "label"),
    [
        # One to four words before the address label it; five are a sentence, not a label.
        (f"Reel: {REEL}", "Reel"),
        (f"My Short Film Reel: {REEL}", "My Short Film Reel"),
        (f"My Short Film Reel Here: {REEL}", "Website"),
        # A label with a full stop and a space is words; a bare address is no label.
        (f"Vol. 2 Reel: {REEL}", "Vol. 2 Reel"),
        (f"mialund.example.org: {REEL}", "Website"),
        (f"[{REEL}]({REEL})", "Website"),
        # "Watch the", "Follow her" on a platform: the platform or what is watched.
        ("Watch the trailer: https://vimeo.com/123", "Trailer"),
        ("Follow her: https://instagram.com/mialund", "Instagram"),
        # What comes after the last "|" or a dash is the label.
        (f"Site | Reel: {REEL}", "Reel"),
        (f"Reel - {REEL}", "Reel"),
    ],
)
def test_a_links_label_is_the_few_words_before_it(line, label):
    proposal = importers.parse(ARTICLE + line + "\n")
    assert [(link.label, link.url) for link in proposal.links] == [
        (label, REEL if REEL in line else line.rpartition(" ")[2])
    ]


def test_the_same_address_twice_is_one_link_with_or_without_its_last_slash():
    proposal = importers.parse(
        ARTICLE + "Website: https://mialund.example.org/\n\nSite: https://mialund.example.org\n"
    )
    assert [link.url for link in proposal.links] == ["https://mialund.example.org/"]
    proposal = importers.parse(
        ARTICLE + "Website: https://mialund.example.org\n\nSite: https://mialund.example.org/\n"
    )
    assert [link.url for link in proposal.links] == ["https://mialund.example.org"]


def test_an_address_ending_in_a_capital_x_is_whole_and_listed_once():
    vfx = "https://mialund.example.org/VFX"
    proposal = importers.parse(ARTICLE + f"Reel: {vfx}\n\nAgain: {vfx}\n")
    assert [(link.label, link.url) for link in proposal.links] == [("Reel", vfx)]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        # A label ending in a capital X keeps it; a dash before the label is no part of it.
        (f"VFX: {REEL}", "VFX"),
        (f"— DP Reel {REEL}", "DP Reel"),
        # A link's own text starting "http" with words after it is no label.
        (f"[http reel]({REEL})", "Website"),
        # Nothing left after "Visit my", "Watch the": the platform, or "Website".
        (f"Visit my {REEL}", "Website"),
        ("Watch the https://vimeo.com/123", "Vimeo"),
    ],
)
def test_a_label_is_the_words_themselves_or_else_the_platform_or_website(line, label):
    proposal = importers.parse(ARTICLE + line + "\n")
    url = REEL if REEL in line else line.rpartition(" ")[2]
    assert [(link.label, link.url) for link in proposal.links] == [(label, url)]


@pytest.mark.parametrize("line", ["Follow Ben: [Instagram]({})", "Follow Ben ([Instagram]({}))"])
def test_a_link_someone_else_is_followed_at_is_not_the_persons(line):
    ben = "https://instagram.com/benokoro"
    proposal = importers.parse(ARTICLE + line.format(ben) + f"\n\nReel: {REEL}\n")
    assert [(link.label, link.url) for link in proposal.links] == [("Reel", REEL)]


def test_a_label_before_an_address_stays_when_the_line_links_it_again_under_its_address():
    """The link's text ("mialund.example.org/reel") is no label, and the words before the
    address are not taken off as if they were that text: the label is still "Showreel"."""
    line = f"Showreel: {REEL} ([mialund.example.org/reel]({REEL}))"
    proposal = importers.parse(ARTICLE + line + "\n")
    assert [(link.label, link.url) for link in proposal.links] == [("Showreel", REEL)]
