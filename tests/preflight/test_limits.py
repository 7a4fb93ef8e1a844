"""Sizes a kit from elsewhere may bring: preflight names an over-long field (a warning past a
sane length, an error past the hard one), and the export refuses what it cannot lay out in
bounded time instead of running away. The limits live in presskit.model.limits."""

from __future__ import annotations

import pytest

from presskit import model, preflight, render
from presskit.errors import ExportError
from presskit.model import limits
from presskit.store import KitFile


def kit_named(name: str = "Im-Sun Song", **person: str) -> model.PressKit:
    return model.PressKit(person=model.Person(name=name, **person))


def at(findings: list[preflight.Finding], where: str) -> list[preflight.Finding]:
    return [f for f in findings if f.where == where]


def test_a_500_character_name_gets_a_warning_naming_the_field():
    [found] = at(preflight.check(kit_named("N" * 500)), "person.name")
    assert found.severity == "warning"
    assert found.message == (
        "The name (person.name) is 500 characters long; a one-line field reads best under 80."
    )


@pytest.mark.parametrize(
    ("where", "label"),
    [
        ("films[0].title", "A film title (films[0].title)"),
        ("films[0].roles[0]", "A role on a film (films[0].roles[0])"),
        ("stills[0].caption", "A still's caption (stills[0].caption)"),
        ("person.roles[0]", "A role (person.roles[0])"),
    ],
)
def test_each_one_line_field_has_its_own_limit(where, label):
    long = "w" * (limits.ONE_LINE[limits.general(where)].warn + 1)
    film = model.Film(id="f", title=long if "title" in where else "Dragonfly", roles=["DP"])
    if where == "films[0].roles[0]":
        film.roles = [long]
    kit = kit_named(roles=[long] if where.startswith("person.roles") else ["DP"])
    kit.films = [film]
    kit.stills = [model.Still(id="s", caption=long if "caption" in where else "")]
    [found] = at(preflight.check(kit), where)
    assert found.severity == "warning" and found.message.startswith(label + " is ")


def test_a_sane_kit_has_no_size_findings():
    kit = kit_named(bio_long="A long life in film. " * 1_000)  # 21,000 characters
    assert not [f for f in preflight.check(kit) if "characters long" in f.message]


def test_past_the_hard_limit_it_is_an_error_and_the_export_refuses(tmp_path):
    kit = kit_named(bio_long="x" * (limits.PROSE.hard + 1))
    [found] = at(preflight.check(kit), "person.bio_long")
    assert found.severity == "error"
    assert found.message.endswith("shorten it to 1,000,000 characters to export the kit.")
    with KitFile.create(tmp_path / "k.presskit", kit) as f, pytest.raises(ExportError) as err:
        render.render_pdf(f.load(), f)
    assert str(err.value) == found.message


def test_100000_credits_are_refused_not_laid_out(tmp_path):
    film = model.Film(id="f", title="Epic", credits=[model.Credit("Extra", "A. Person")] * 100_000)
    kit = kit_named()
    kit.films = [film]
    findings = preflight.check(kit)
    [found] = at(findings, "films[0].credits")
    assert found.severity == "error"
    assert found.message.startswith("A film's credits (films[0].credits) holds 100,000 entries")
    with KitFile.create(tmp_path / "k.presskit", kit) as f, pytest.raises(ExportError):
        render.render_pdf(f.load(), f)


def test_5000_films_are_refused_and_the_check_stays_short(tmp_path):
    kit = kit_named()
    kit.films = [model.Film(id=f"f{i}", title=f"Film {i}") for i in range(5_000)]
    kit.interview.items = [model.QA("Which?", "“Film 12”, “Film 13”.")]
    findings = preflight.check(kit)
    assert [f.where for f in findings if f.severity == "error"] == ["films"]
    with KitFile.create(tmp_path / "k.presskit", kit) as f, pytest.raises(ExportError):
        render.render_pdf(f.load(), f)


def test_an_unbroken_word_at_the_limit_is_laid_out_in_full(tmp_path):
    word = "x" * 300_000 + "END"
    kit = kit_named(bio_long=word)
    with KitFile.create(tmp_path / "k.presskit", kit) as f:
        result = render.render_pdf(f.load(), f)
    assert result.pages > 60
    import io

    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(result.pdf)).pages)
    assert text.count("x") >= 300_000 and "END" in text


def test_a_kit_at_the_limits_is_checked_once_per_quote():
    """1,000 films and answers full of quotes: each misspelt quote is one tip per answer,
    naming the closest title (the old check compared every quote with every title, named a
    quote once per similar title, and took minutes)."""
    kit = kit_named()
    kit.films = [
        model.Film(id=f"f{i}", title=f"Film {i}", status="completed") for i in range(1_000)
    ]
    answer = "I shot “Film 12”. " * 20 + "Then “Flim 12”."
    kit.interview.items = [model.QA(f"Q{i}?", answer) for i in range(20)]
    tips = [f for f in preflight.check(kit) if f.severity == "tip"]
    assert len(tips) == 20
    assert {t.message for t in tips} == {
        "The interview names “Flim 12”, but the film is listed as “Film 12”."
    }


def test_past_a_hard_limit_the_errors_still_come_first():
    kit = kit_named("N" * 500, bio_long="x" * (limits.PROSE.hard + 1))
    assert [(f.severity, f.where) for f in preflight.check(kit)] == [
        ("error", "person.bio_long"),
        ("warning", "person.name"),
    ]
