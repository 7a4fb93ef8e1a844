"""Tips and warnings on what a reader meets: links that are not https (the kit's and each
film's), a film named in the interview a little differently from its listing, and characters
no font of the kit can draw."""

from __future__ import annotations

from presskit import model, preflight


def found(kit: model.PressKit) -> list[tuple[str, str, str]]:
    return [(f.severity, f.where, f.message) for f in preflight.check(kit)]


def a_kit(**parts) -> model.PressKit:
    kit = model.PressKit(person=model.Person(name="Ana Ruiz", bio_short="Director."), **parts)
    # Only the sections the test fills are shown: an empty one is a finding of its own.
    shown = {"cover", "bio", *(name for name in ("films", "interview") if parts.get(name))}
    kit.design.sections = [model.SectionSetting(name, name in shown) for name in model.SECTIONS]
    return kit


def film(title: str, **fields) -> model.Film:
    return model.Film(
        id=title.lower(), title=title, status="released", logline="One line.", **fields
    )


def test_every_link_not_https_is_a_tip_at_its_place_named_by_its_label_or_address():
    kit = a_kit(
        links=[model.Link("Reel", " HTTP://vimeo.com/1"), model.Link("Site", "https://a.example")],
        films=[film("Moth", links=[model.Link("", "http://moth.example/trailer")])],
    )
    assert found(kit) == [
        (
            "tip",
            "links[0].url",
            "The link “Reel” is not https; secure links open without a warning.",
        ),
        (
            "tip",
            "films[0].links[0].url",
            "The link “http://moth.example/trailer” is not https; secure links open without a "
            "warning.",
        ),
    ]


def test_a_film_named_in_the_interview_as_listed_is_no_tip_and_one_named_nearly_so_is():
    interview = model.Interview(
        items=[
            model.QA("First?", "“Moth” came first, then “Dragon Fly”."),
            model.QA("Next?", "“Dragonfly”, and a film called “Lanterns”."),
        ]
    )
    kit = a_kit(films=[film("Moth"), film("Dragonfly")], interview=interview)
    interview.items.append(model.QA("And?", "“Mothers”, a film by my sister."))  # not that close
    assert found(kit) == [
        (
            "tip",
            "interview.items[0].answer",
            "The interview names “Dragon Fly”, but the film is listed as “Dragonfly”.",
        )
    ]


def test_the_themes_fonts_and_the_fallbacks_decide_what_can_be_drawn():
    kit = a_kit()
    # Korean the fallback fonts draw; "Ԧ" (Cyrillic) only the theme's; hieroglyphs none.
    kit.person.bio_short = "Ana Ruiz, 감독. Ԧ 𓀀𓀁"
    assert found(kit) == [
        ("warning", "person.bio_short", "No font in the kit can draw 𓀀 𓀁; it will be left out.")
    ]
    kit.design.theme = ""  # no theme: the fallbacks alone
    assert found(kit) == [
        ("warning", "person.bio_short", "No font in the kit can draw Ԧ 𓀀 𓀁; it will be left out.")
    ]


def test_a_section_presskit_does_not_know_is_one_error_not_also_an_empty_section():
    kit = a_kit()
    kit.design.sections.append(model.SectionSetting("reviews", True))
    assert found(kit) == [
        ("error", "design.sections[6]", "The section “reviews” is not one presskit knows.")
    ]
