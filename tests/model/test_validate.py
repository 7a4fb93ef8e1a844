from __future__ import annotations

from presskit import model
from presskit.model import Film, Link, PressKit, Still


def _messages(kit: PressKit) -> dict[str, str]:
    return {p.where: p.message for p in model.validate(kit)}


def _valid_kit() -> PressKit:
    kit = PressKit(person=model.Person(name="Im-Sun Song"))
    kit.films.append(Film(id="dragonfly", title="Dragonfly", status="post-production"))
    kit.stills.append(Still(id="still-1", asset="ab" * 32, film="dragonfly", credit="Ian Chen"))
    kit.links.append(Link("DP Reel", "https://vimeo.com/793204574"))
    return kit


def test_a_complete_kit_has_no_problems():
    assert model.validate(_valid_kit()) == []


def test_each_problem_is_one_sentence_at_its_place():
    kit = _valid_kit()
    kit.films[0].status = "shooting"
    kit.stills[0].film = "gone"
    kit.links.append(Link("Reel", "vimeo.com/1"))
    kit.links.append(Link("Script", "file:///etc/passwd"))
    kit.design.accent = "red"
    kit.design.page_size = "a5"
    kit.contact.email = "not an email"
    found = _messages(kit)
    assert found["films[0].status"].startswith("Film 1 (“Dragonfly”) has the status “shooting”")
    assert found["stills[0].film"] == "Still 1 points to a film that is not in the kit."
    assert found["links[1].url"] == (
        "The link “Reel” “vimeo.com/1” has no scheme; write it as https://vimeo.com/1."
    )
    assert "only https, http and mailto" in found["links[2].url"]
    assert found["design.accent"] == "The accent colour “red” is not a colour like #B33A3A."
    assert found["design.page_size"] == "The page size “a5” is not A4 or Letter."
    assert found["contact.email"] == "The contact email “not an email” is not an email address."
    for message in found.values():
        assert message.endswith(".") and "\n" not in message


def test_references_to_missing_stills_and_repeated_ids_are_found():
    kit = _valid_kit()
    kit.person.portrait = "still-9"
    kit.films[0].key_still = "still-9"
    kit.films.append(Film(id="dragonfly", title="Dragonfly 2"))
    found = _messages(kit)
    assert set(found) >= {"person.portrait", "films[0].key_still", "films[1].id"}


def test_new_ids_are_readable_and_unique():
    kit = _valid_kit()
    assert model.new_film_id(kit, "Dragonfly") == "dragonfly-2"
    assert model.new_film_id(kit, "Soundtrack of My Life") == "soundtrack-of-my-life"
    assert model.new_film_id(kit, "송임선") == "film"
    assert model.new_still_id(kit) == "still-2"
