"""The corpus of published shapes: each article gives what its .json says a person would enter.

The articles (tests/importers/corpus/) are festival Q&A blogs, podcast pages, magazine features
and speaker-labelled transcripts in plain text, Markdown, HTML and Word, written for these
tests with invented people and films. bench/import_accuracy.py prints the same comparison as
a table of shares per field.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from presskit import importers
from presskit.cli import main
from presskit.errors import ArticleError
from presskit.importers import documents
from presskit.importers.names import clean_name, is_role, proper_case, strip_roles

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html", ".docx"))


def expected(article: Path) -> dict:
    return json.loads(article.with_name(article.name.split(".")[0] + ".json").read_text("utf-8"))


def proposal_for(article: Path) -> importers.Proposal:
    return importers.parse(importers.read_article(article))


def test_the_corpus_has_every_family_and_format():
    names = [p.name for p in ARTICLES]
    assert len(names) >= 30
    for family in ("transcript", "festival", "podcast", "magazine"):
        assert sum(family in name for name in names) >= 3, family
    assert {p.suffix for p in ARTICLES} == {".txt", ".md", ".html", ".docx"}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name.split("-")[0])
def test_each_article_gives_what_a_person_would_enter(article):
    want, got = expected(article), proposal_for(article)
    assert [(p.question, p.answer) for p in got.interview] == [
        (p["question"], p["answer"]) for p in want["interview"]
    ]
    assert got.name == want["person"]["name"]
    assert got.bio == want["person"]["bio"]
    main_film = want["films"][0] if want["films"] else None
    if main_film is None:
        assert got.films == []
    else:
        film = got.films[0]
        assert (film.title, film.year, film.runtime_min, film.country) == (
            main_film["title"],
            main_film["year"],
            main_film["runtime_min"],
            main_film["country"],
        )
    assert sorted(a.name.casefold() for f in got.films for a in f.awards) == sorted(
        a.casefold() for f in want["films"] for a in f["awards"]
    )
    assert sorted((link.label, link.url) for link in got.links) == sorted(
        (link["label"], link["url"]) for link in want["links"]
    )
    assert sorted(c.name for c in got.credits) == sorted(want["credits"])


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name.split("-")[0])
def test_no_headline_is_a_film_title_and_no_job_title_is_a_person(article):
    proposal = proposal_for(article)
    headline_words = re.compile(r"interview|conversation|^ep\.|episode|filmmaker |director ", re.I)
    for film in proposal.films:
        assert not headline_words.search(film.title), film.title
    assert proposal.name and not is_role(proposal.name)
    assert not is_role(proposal.name.split()[0]), proposal.name


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name.split("-")[0])
def test_every_value_is_a_span_of_the_article_and_says_where_it_came_from(article):
    proposal = proposal_for(article)
    text = "\n".join(proposal.paragraphs)
    for pair in proposal.interview:
        assert pair.question in text
        assert all(paragraph in text for paragraph in pair.answer.split("\n\n"))
    # A name printed in capitals is re-cased; every other name is as the article prints it.
    assert proposal.name.casefold() in text.casefold()
    for key, confidence in proposal.confidence.items():
        assert confidence.level in ("high", "low"), key
        assert confidence.line in proposal.paragraphs, key


def test_speaker_labels_full_names_then_initials_are_removed_from_answers():
    proposal = proposal_for(CORPUS / "01-transcript-names-then-initials.txt")
    assert proposal.name == "Rafael Quintero"  # the one who answers, not the byline's
    assert len(proposal.interview) == 4
    for pair in proposal.interview:
        assert not re.match(r"^(Helen Marsh|Rafael Quintero|HM|RQ):", pair.question)
        assert not re.match(r"^(Helen Marsh|Rafael Quintero|HM|RQ):", pair.answer)


def test_a_job_title_before_a_name_is_a_role_and_the_brackets_hold_the_film():
    proposal = proposal_for(CORPUS / "14-festival-actor-writer-producer.txt")
    assert proposal.name == "Jamal Whitaker"
    assert proposal.roles == ["actor", "writer", "producer"]
    assert proposal.films[0].title == "Second Shift"
    assert proposal.films[0].logline.startswith("A night-shift janitor")


def test_a_podcast_episode_headline_gives_the_first_guest_and_the_film():
    proposal = proposal_for(CORPUS / "13-podcast-episode-two-guests.html")
    assert proposal.name == "Aisha Karim"
    film = proposal.films[0]
    assert (film.title, film.runtime_min, film.country) == ("The Last Ferry", 19, "UK")
    assert [(a.name, a.year, a.note) for a in film.awards] == [
        ("Best Drama Short", 2024, "2024 Aspen Shortsfest")
    ]
    # The co-guest's link and the show's own are not hers.
    assert [link.url for link in proposal.links] == ["https://instagram.com/aishakarimfilms"]


def test_an_award_in_capitals_is_recased_and_its_festival_kept():
    film = proposal_for(CORPUS / "10-festival-filmmaker-headline.txt").films[0]
    assert (film.title, film.runtime_min, film.country) == ("Paper Moons", 22, "USA")
    assert film.roles == ["director"]
    assert [(a.name, a.year, a.note) for a in film.awards] == [
        ("Best Cinematography", 2024, "May 2024 Festival of Small Films")
    ]


def test_pull_quotes_repeated_in_the_body_are_neither_questions_nor_answers():
    for name in ("22-magazine-html-h3-pullquote.html", "28-magazine-plain-pullquote-repeated.txt"):
        proposal = proposal_for(CORPUS / name)
        for pair in proposal.interview:
            assert not pair.question.startswith(("“", '"'))
            assert not any(p.startswith(("“", '"')) for p in pair.answer.split("\n\n"))


def test_a_standfirst_is_the_bio_and_a_name_in_another_script_is_kept():
    proposal = proposal_for(CORPUS / "29-magazine-html-arabic-scripts.html")
    assert (proposal.name, proposal.name_original) == ("Layla Haddad", "ليلى حداد")
    assert proposal.bio.startswith("Jordanian director Layla Haddad has spent five years")
    korean = proposal_for(CORPUS / "26-magazine-html-korean-name.html")
    assert (korean.name, korean.name_original) == ("Kim Ji-eun", "김지은")
    assert proposal_for(CORPUS / "24-magazine-plain-capitalised-questions.txt").name == (
        "Nguyễn Thị Lan"
    )


@pytest.mark.parametrize(
    ("capitals", "cased"),
    [
        ("SEAN MCALLISTER", "Sean McAllister"),
        ("AOIFE O'BRIEN", "Aoife O'Brien"),
        ("LUCAS VAN DER BERG", "Lucas van der Berg"),
        ("JOÃO DA SILVA SANTOS", "João da Silva Santos"),
        ("MARIE DE LA CRUZ", "Marie de la Cruz"),
        ("ANNE-MARIE DUBOIS", "Anne-Marie Dubois"),
    ],
)
def test_names_in_capitals_become_proper_case(capitals, cased):
    assert proper_case(capitals) == cased
    # The article's own spelling wins where it prints the name in mixed case.
    assert proper_case("PAOLO DI STEFANO", "Paolo Di Stefano is a director.") == "Paolo Di Stefano"


@pytest.mark.parametrize("title", ["Actor", "Filmmaker", "Director", "Actor/Writer/Producer"])
def test_a_job_title_alone_is_never_a_name(title):
    assert clean_name(title) == ""
    assert clean_name(f"{title} Jane Doe") == "Jane Doe"
    assert strip_roles(f"{title} Jane Doe")[0] == "Jane Doe"
    proposal = importers.parse(f"{title} (Paper Moons)\n\nWhat inspired it?\nMy sister.")
    assert proposal.name == ""
    assert [f.title for f in proposal.films] in ([], ["Paper Moons"])


def test_a_doubtful_value_is_low_with_its_line():
    proposal = proposal_for(CORPUS / "22-magazine-html-h3-pullquote.html")
    # "his new film Ballast": a title in no quotes, italics or film line.
    assert proposal.films[0].title == "Ballast"
    low = proposal.confidence["films[0].title"]
    assert low.level == "low" and "his new film Ballast" in low.line
    assert proposal.confidence["name"].level == "high"


def test_cli_json_carries_the_new_keys(capsys):
    assert (
        main(["import-interview", str(CORPUS / "10-festival-filmmaker-headline.txt"), "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["person"]["name"] == "Dana Whitcombe" and data["person"]["roles"] == ["filmmaker"]
    film = data["films"][0]
    assert {k: film[k] for k in ("title", "runtime_min", "country", "status")} == {
        "title": "Paper Moons",
        "runtime_min": 22,
        "country": "USA",
        "status": "",
    }
    assert film["logline"].startswith("Two sisters sneak out")
    assert film["awards"][0]["name"] == "Best Cinematography"
    assert data["links"] == [{"label": "Instagram", "url": "https://instagram.com/danawhitcombe"}]
    assert data["confidence"]["name"] == {
        "level": "high",
        "line": "Filmmaker Dana Whitcombe (Paper Moons)",
    }


def _docx(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def test_a_word_zip_bomb_is_one_sentence_before_it_fills_the_memory(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx(b"<w:document>" + b" " * (documents.MAX_BYTES + 1) + b"</w:document>"))
    assert path.stat().st_size < 100_000  # small on disk, over the limit unpacked
    with pytest.raises(ArticleError) as err:
        importers.read_article(path)
    assert str(err.value) == (
        "“bomb.docx” unpacks to more than 20 MB of text, too much to be an article."
    )


def test_a_word_file_declaring_entities_is_refused(tmp_path):
    path = tmp_path / "laughs.docx"
    path.write_bytes(_docx(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'))
    with pytest.raises(ArticleError, match="is not a Word document presskit can read"):
        importers.read_article(path)


def test_html_scripts_styles_and_menus_give_no_text():
    html = (
        "<html><head><script>document.write('<p>Why? How?</p>')</script></head><body>"
        "<nav><p>What is new?</p></nav><noscript><p>Enable JavaScript?</p></noscript>"
        "<h1>Interview with Jane Doe</h1><p><b>Why film?</b></p><p>Because.</p>"
        "<script>var q = 'What now?';</script></body></html>"
    )
    proposal = importers.parse(documents.html_to_text(html))
    assert proposal.paragraphs == ["Interview with Jane Doe", "Why film?", "Because."]
    assert [(p.question, p.answer) for p in proposal.interview] == [("Why film?", "Because.")]


def test_cli_text_shows_roles_film_details_and_awards(capsys):
    assert main(["import-interview", str(CORPUS / "10-festival-filmmaker-headline.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Roles: filmmaker" in out
    assert "Film: Paper Moons (22 min, USA)" in out
    assert "  Award: Best Cinematography, May 2024 Festival of Small Films" in out
