"""Preflight finds each problem that would embarrass a filmmaker, at its place, in one sentence."""

from __future__ import annotations

import io
import json

from PIL import Image

from presskit import model, preflight
from presskit.cli import main
from presskit.kitio import sha256_of
from presskit.store import KitFile, NewAsset


def _jpeg(size: tuple[int, int], colour: tuple[int, int, int]) -> NewAsset:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return NewAsset(
        buffer.getvalue(), name="still.jpg", mime="image/jpeg", width=size[0], height=size[1]
    )


def troubled_kit(tmp_path):
    big, small = _jpeg((3000, 2000), (90, 100, 120)), _jpeg((500, 333), (200, 50, 50))
    kit = model.PressKit(person=model.Person(name="Ana Ruiz"))  # no bio, yet the bio is shown
    kit.films = [
        model.Film(
            id="dragonfly", title="Dragonfly", status="post-production", logline="word " * 60
        ),
        model.Film(id="moth", title="Moth", status="development", logline=""),
    ]
    kit.stills = [
        model.Still(
            id="still-1",
            asset=sha256_of(big.data),
            caption="Pond",
            credit="",
            alt="A pond.",
            film="dragonfly",
        ),
        model.Still(
            id="still-2", asset=sha256_of(small.data), caption="Tiny", credit="Ian Chen", alt=""
        ),
        model.Still(
            id="still-3",
            asset=sha256_of(big.data),
            caption="Again",
            credit="Ian Chen",
            alt="The pond again.",
        ),
    ]
    kit.interview.items = [model.QA("What next?", "My film “Dragon Fly” is nearly done. 𓀀")]
    kit.links = [model.Link("Reel", "http://vimeo.com/1")]
    path = tmp_path / "troubled.presskit"
    KitFile.create(path, kit, [big, small]).close()
    return path


def _by_place(findings):
    return {(f.severity, f.where): f.message for f in findings}


def test_every_listed_problem_is_found_at_its_place(tmp_path):
    path = troubled_kit(tmp_path)
    with KitFile.open(path, read_only=True) as kit_file:
        found = _by_place(preflight.check(kit_file.load(), kit_file))
    assert found[("error", "stills[0].credit")] == "Still 1 (“Pond”) has no photographer credit."
    assert (
        "dpi in its place, so it prints smaller than the layout has room for; print wants 200 "
        "or more." in found[("warning", "stills[1].asset")]
    )
    assert (
        found[("warning", "stills[1].alt")]
        == "Still 2 (“Tiny”) has no description for readers who cannot see it."
    )
    assert (
        found[("warning", "stills[2].asset")] == "Still 3 (“Again”) is the same image as still 1."
    )
    assert (
        found[("warning", "films[0].logline")]
        == "Film 1 (“Dragonfly”)'s logline is 60 words; keep it under 50."
    )
    assert found[("warning", "films[1].logline")] == "Film 2 (“Moth”) has no logline."
    assert ("warning", "design.sections[2]") not in found  # the interview has an item: not empty
    assert found[("warning", "design.sections[1]")] == (
        "The bio section is shown but has nothing in it; fill it or hide it."
    )
    assert found[("tip", "links[0].url")].startswith("The link “Reel” is not https")
    assert "𓀀" in found[("warning", "interview.items[0].answer")]
    assert (
        found[("tip", "interview.items[0].answer")]
        == "The interview names “Dragon Fly”, but the film is listed as “Dragonfly”."
    )


def test_the_sample_kit_is_clean(tmp_path, capsys):
    path = tmp_path / "sample.presskit"
    assert main(["new", str(path), "--sample"]) == 0
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith("0 errors, 0 warnings, 0 tips.")


def test_check_json_and_exit_code(tmp_path, capsys):
    path = troubled_kit(tmp_path)
    assert main(["check", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert all(set(f) == {"severity", "where", "message"} for f in findings)
    assert findings[0]["severity"] == "error"


def findings(kit: model.PressKit) -> list[tuple[str, str, str]]:
    return [(f.severity, f.where, f.message) for f in preflight.check(kit)]


def test_an_invalid_kit_lists_every_problem_once_with_its_place_errors_first():
    kit = model.PressKit(
        films=[model.Film(id="a", title="A", status="", logline="One line.")],
        stills=[model.Still(id="s", asset="ab" * 32, film="nowhere", credit="")],
    )
    shown_but_empty = "section is shown but has nothing in it; fill it or hide it."
    assert findings(kit) == [
        ("error", "person.name", "The kit has no name for the person it presents."),
        (
            "error",
            "films[0].status",
            "Film 1 (“A”) has the status “”, which is not one of development, pre-production, "
            "production, post-production, completed, released.",
        ),
        ("error", "stills[0].film", "Still 1 points to a film that is not in the kit."),
        ("error", "stills[0].credit", "Still 1 has no photographer credit."),
        ("error", "films[0].status", "Film 1 (“A”) has no status."),
        ("warning", "stills[0].alt", "Still 1 has no description for readers who cannot see it."),
        ("warning", "design.sections[0]", f"The cover {shown_but_empty}"),
        ("warning", "design.sections[1]", f"The bio {shown_but_empty}"),
        ("warning", "design.sections[2]", f"The interview {shown_but_empty}"),
        ("warning", "design.sections[5]", f"The contact {shown_but_empty}"),
    ]


def test_a_section_is_empty_only_when_nothing_in_it_would_print():
    """A long bio alone fills the bio; a phone number alone fills the contact; a still with
    no picture, or one left out, does not fill the stills."""
    kit = model.PressKit(
        person=model.Person(name="Ana Ruiz", bio_long="Long bio."),
        interview=model.Interview(items=[model.QA("Why?", "Light.")]),
        films=[model.Film(id="a", title="A", status="released", logline="One line.")],
        stills=[
            model.Still(id="s", asset="", credit="X", alt="A pond."),
            model.Still(id="t", asset="ab" * 32, credit="X", alt="A field.", included=False),
        ],
        contact=model.Contact(phone="+1 555 0100"),
    )
    assert findings(kit) == [
        ("error", "stills[0].asset", "Still 1 has no image."),
        (
            "warning",
            "design.sections[4]",
            "The stills section is shown but has nothing in it; fill it or hide it.",
        ),
    ]


def test_only_text_a_reader_sees_is_checked_for_characters_and_a_50_word_logline_is_fine():
    """Ids and references are never printed: a character no font has, there, is no finding."""
    glyph = "𓀀"  # no bundled font draws Egyptian hieroglyphs
    kit = model.PressKit(
        person=model.Person(name="Ana", portrait=glyph),
        films=[
            model.Film(
                id=glyph,
                title=f"A{glyph}",
                key_still=glyph,
                status="released",
                logline="word " * 50,
            )
        ],
        stills=[model.Still(id=glyph, asset=glyph, film=glyph, credit="C", alt="A pond.")],
    )
    kit.design.cover_still = glyph
    kit.design.sections = [model.SectionSetting(name, name == "films") for name in model.SECTIONS]
    assert findings(kit) == [
        ("warning", "films[0].title", f"No font in the kit can draw {glyph}; it will be left out.")
    ]
    kit.films = []
    assert findings(kit)[-1:] == [
        (
            "warning",
            "design.sections[3]",
            "The films section is shown but has nothing in it; fill it or hide it.",
        )
    ]
