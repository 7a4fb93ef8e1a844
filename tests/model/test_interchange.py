from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from presskit import model
from presskit.errors import InterchangeError

from .strategies import kits


def test_dump_names_every_key_of_the_design_contract():
    data = model.to_dict(model.PressKit(films=[model.Film(id="f")], stills=[model.Still(id="s")]))
    assert data["format"] == "presskit/1"
    assert {"name", "roles", "bio_short", "bio_long", "portrait"} <= data["person"].keys()
    assert data["interview"]["items"] == []
    film_keys = {"id", "title", "year", "status", "roles", "runtime_min", "logline", "synopsis"}
    assert film_keys | {"themes", "festivals", "awards", "links"} <= data["films"][0].keys()
    assert {"asset", "caption", "credit", "film", "alt"} <= data["stills"][0].keys()
    assert {"email", "phone", "website", "representation"} <= data["contact"].keys()
    assert {"theme", "page_size", "accent", "sections"} <= data["design"].keys()


@settings(max_examples=150)
@given(kits)
def test_any_kit_survives_dump_and_load_once_its_text_is_cleaned(kit):
    once = model.loads(model.dumps(kit))
    assert model.dumps(model.loads(model.dumps(once))) == model.dumps(once)
    assert once.person.name == model.clean_text(kit.person.name)


def test_text_policy_keeps_scripts_and_drops_only_what_cannot_be_shown():
    typed = "Im-Sun 송임선 שלום e\u0301 🎬\ttab\r\nline\x00\x07\x85 \ud800"
    assert model.clean_text(typed) == "Im-Sun 송임선 שלום e\u0301 🎬\ttab\nline \ufffd"
    assert model.clean_text(model.clean_text(typed)) == model.clean_text(typed)


def test_hand_written_json_is_read_generously():
    kit = model.from_dict(
        {
            "person": {"name": "Ana"},
            "films": [{"id": "x", "title": "X", "year": "2024", "festivals": ["Busan 2025"]}],
            "design": {"sections": ["films", {"name": "cover", "visible": False}]},
        }
    )
    assert kit.films[0].year == 2024
    assert kit.films[0].festivals == [model.Festival(name="Busan 2025")]
    assert [(s.name, s.visible) for s in kit.design.sections] == [("films", True), ("cover", False)]
    assert kit.contact == model.Contact()


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ([], "The kit JSON should be an object with keys such as person and films."),
        (
            {"format": "presskit/9"},
            "The kit JSON is format 'presskit/9'; this presskit reads 'presskit/1'.",
        ),
        ({"films": {"title": "x"}}, 'films should be a list, not {"title": "x"}.'),
        ({"films": [{"year": "soon"}]}, 'films[0].year should be a whole number, not "soon".'),
        ({"person": {"name": 5}}, "person.name should be text, not 5."),
        (
            {"stills": [{"included": "yes"}]},
            'stills[0].included should be true or false, not "yes".',
        ),
    ],
)
def test_json_a_person_got_wrong_is_named_in_one_sentence(data, sentence):
    with pytest.raises(InterchangeError) as err:
        model.from_dict(data)
    assert str(err.value) == sentence


@pytest.mark.parametrize("text", ["", "{", "[1,", "\x00", "nul", "[" * 100_000])
def test_broken_json_is_an_interchange_error(text):
    with pytest.raises(InterchangeError) as err:
        model.loads(text)
    assert "\n" not in str(err.value)


def test_dump_is_readable_unicode():
    kit = model.PressKit(person=model.Person(name="송임선"))
    text = model.dumps(kit)
    assert "송임선" in text and text.endswith("\n")
    assert json.loads(text)["person"]["name"] == "송임선"
