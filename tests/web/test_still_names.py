"""A still's file name says what it is, "Film – Caption – Photo NAME.jpg", and stays a name
every system takes however long or odd the fields are."""

from __future__ import annotations

from presskit import model
from presskit.web.stills import plan_stills


def names(*stills: model.Still, films=()) -> list[str]:
    kit = model.PressKit(films=list(films), stills=list(stills))
    return [p.path.removeprefix("stills/") for p in plan_stills(kit)]


FILM = model.Film(id="f", title="Dragonfly")


def test_a_long_caption_is_shortened_and_the_photographer_stays():
    (name,) = names(model.Still("s", "a" * 64, "word " * 100, "Ian Chen", film="f"), films=[FILM])
    assert name.startswith("Dragonfly – word word") and name.endswith("… – Photo Ian Chen.jpg")
    assert len(name) <= 124


def test_a_long_name_in_a_wide_script_stays_under_the_byte_limit():
    (name,) = names(model.Still("s", "a" * 64, "밤" * 300, "金" * 200, film="f"), films=[FILM])
    assert len(name.encode("utf-8")) <= 255 and name.endswith(".jpg")


def test_a_still_with_nothing_to_say_is_numbered():
    assert names(model.Still("s1", "a" * 64), model.Still("s2", "b" * 64)) == [
        "Still 1.jpg",
        "Still 2.jpg",
    ]


def test_only_shown_stills_are_named_and_each_once():
    hidden = model.Still("s2", "b" * 64, "Hidden", included=False)
    same = [model.Still(f"s{i}", "c" * 64, "Set", "Bo") for i in range(3)]
    assert names(hidden, *same) == [
        "Set – Photo Bo.jpg",
        "Set – Photo Bo-2.jpg",
        "Set – Photo Bo-3.jpg",
    ]


def test_a_caption_that_begins_with_the_film_does_not_say_it_twice():
    stills = [
        model.Still("s1", "a" * 64, "Dragonfly: the pond at dusk", "Ian Chen", film="f"),
        model.Still("s2", "b" * 64, "Dragonfly", "Ian Chen", film="f"),
        model.Still("s3", "c" * 64, "Dragonflyers at rest", "Ian Chen", film="f"),
    ]
    assert names(*stills, films=[FILM]) == [
        "Dragonfly – the pond at dusk – Photo Ian Chen.jpg",
        "Dragonfly – Photo Ian Chen.jpg",
        "Dragonfly – Dragonflyers at rest – Photo Ian Chen.jpg",
    ]
