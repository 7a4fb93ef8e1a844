"""The resolution check measures each still in the place the print layout gives it, which
is not always the screen's, and a still exactly at the print minimum is fine."""

from __future__ import annotations

from presskit import model, preflight
from presskit.render.document import Options, placements
from presskit.render.images import AssetInfo

KEY = "k" * 64


class OnePicture:
    """A source holding one picture of ``width`` pixels (3:2)."""

    def __init__(self, width: int) -> None:
        self.width = width

    def asset_info(self, sha256: str) -> AssetInfo:
        return AssetInfo(sha256, "still.jpg", "image/jpeg", self.width, self.width * 2 // 3, 1)

    def asset_bytes(self, sha256: str) -> bytes:
        return b"jpeg"


def film_kit(theme: str) -> model.PressKit:
    """One film and its key still, the cover hidden (a full-bleed cover places its still
    edge to edge on every profile)."""
    kit = model.PressKit(person=model.Person(name="Ana Ruiz"))
    kit.design.theme = theme
    for setting in kit.design.sections:
        setting.visible = setting.name != "cover"
    kit.stills = [model.Still(id="key", asset=KEY, caption="Salt", credit="C", alt="A.", film="f")]
    kit.films = [model.Film(id="f", title="Salt", key_still="key", logline="A boat at dawn.")]
    return kit


def size_sentences(kit: model.PressKit, source: OnePicture) -> list[str]:
    found = preflight.check(kit, source, layout=False)
    return [f.message for f in found if "pixels wide" in f.message]


def test_a_key_still_too_small_to_bleed_in_print_is_measured_in_its_framed_place():
    """In a full-bleed theme a film's key still runs edge to edge where its pixels allow it
    at the profile's dpi: 1,500 pixels do on screen (150 dpi), not in print (300 dpi), so
    print sets it in the text frame, where it has over 200 dpi and is not flagged."""
    kit, source = film_kit("modern"), OnePicture(1500)
    in_print = placements(kit, source, Options(profile="print"))[KEY][0]
    on_screen = placements(kit, source, Options(profile="screen"))[KEY][0]
    assert 1500 / (on_screen / 72) < preflight.MIN_PRINT_DPI <= 1500 / (in_print / 72)
    assert size_sentences(kit, source) == []


def test_a_still_exactly_at_the_print_minimum_is_not_flagged(monkeypatch):
    """“Print wants 200 or more”: a still at exactly the minimum passes, one a hair under
    it is named. The minimum is set to the still's own dpi in its place, as no whole
    number of pixels lands on 200.000 in the themes' frames."""
    kit, source = film_kit("classic"), OnePicture(1200)
    width_pt = placements(kit, source, Options(profile="print"))[KEY][0]
    dpi = 1200 / (width_pt / 72)
    monkeypatch.setattr(preflight, "MIN_PRINT_DPI", dpi)
    assert size_sentences(kit, source) == []
    monkeypatch.setattr(preflight, "MIN_PRINT_DPI", dpi + 0.01)
    assert [s.split(",")[0] for s in size_sentences(kit, source)] == [
        "Still 1 (“Salt”) is 1200 pixels wide"
    ]


def test_a_key_still_too_small_even_in_its_framed_place_is_named():
    width = 1100
    kit, source = film_kit("modern"), OnePicture(width)
    in_print = placements(kit, source, Options(profile="print"))[KEY][0]
    dpi = width / (in_print / 72)
    assert size_sentences(kit, source) == [
        f"Still 1 (“Salt”) is {width} pixels wide, {dpi:.0f} dpi in its place, so it prints "
        "smaller than the layout has room for; print wants 200 or more."
    ]
