"""The stills that would print as a "picture missing" box, found through any picture source:
one that cannot answer for all pictures at once is asked picture by picture, cheaply by
default (is it there?) and every byte when asked to look deep."""

from __future__ import annotations

import io
import sqlite3

from PIL import Image

from presskit import model, preflight
from presskit.errors import DamagedImageError, MissingImageError
from presskit.render.document import Options, placements
from presskit.render.images import AssetInfo
from presskit.store import KitFile, NewAsset

HELD, GONE, BROKEN, BROKEN_DEEP = ("a" * 64, "b" * 64, "c" * 64, "d" * 64)


class PictureByPicture:
    """A source with no ``picture_problems``: a picture's size says whether it is there,
    its bytes whether they are whole."""

    def asset_info(self, sha256: str) -> AssetInfo:
        if sha256 == GONE:
            raise MissingImageError("not in the file")
        if sha256 == BROKEN:
            raise DamagedImageError("changed")
        return AssetInfo(sha256, "still.jpg", "image/jpeg", 3000, 2000, 1000)

    def asset_bytes(self, sha256: str) -> bytes:
        if sha256 in (BROKEN, BROKEN_DEEP):
            raise DamagedImageError("changed")
        self.asset_info(sha256)
        return b"jpeg"


def kit() -> model.PressKit:
    kit = model.PressKit(person=model.Person(name="Ana Ruiz"))
    kit.stills = [
        model.Still(id="held", asset=HELD, caption="Held", credit="C", alt="A."),
        model.Still(id="gone", asset=GONE, caption="Gone", credit="C", alt="A."),
        model.Still(id="broken", asset=BROKEN, caption="Broken", credit="C", alt="A."),
        model.Still(id="deep", asset=BROKEN_DEEP, caption="Deep", credit="C", alt="A."),
        # Left out of the kit: whatever its picture, it prints nowhere.
        model.Still(id="out", asset=GONE, caption="Out", credit="C", alt="A.", included=False),
    ]
    return kit


def test_a_source_that_answers_picture_by_picture_names_missing_and_damaged_stills():
    source = PictureByPicture()
    assert preflight.picture_sentences(kit(), source) == [
        "Still 2 (“Gone”): its picture is missing from the file.",
        "Still 3 (“Broken”): its picture is damaged in the file; add the photograph again.",
    ]
    assert preflight.picture_sentences(kit(), source, deep=True) == [
        "Still 2 (“Gone”): its picture is missing from the file.",
        "Still 3 (“Broken”): its picture is damaged in the file; add the photograph again.",
        "Still 4 (“Deep”): its picture is damaged in the file; add the photograph again.",
    ]
    found = [
        f
        for f in preflight.check(kit(), source, deep=True, layout=False)
        if f.where.endswith(".asset")
    ]
    assert [(f.severity, f.where) for f in found if "picture" in f.message] == [
        ("error", "stills[1].asset"),
        ("error", "stills[2].asset"),
        ("error", "stills[3].asset"),
    ]


def _jpeg(width: int, colour: tuple[int, int, int]) -> NewAsset:
    buffer = io.BytesIO()
    Image.new("RGB", (width, width * 2 // 3), colour).save(buffer, "JPEG")
    return NewAsset(
        buffer.getvalue(), name="still.jpg", mime="image/jpeg", width=width, height=width * 2 // 3
    )


def test_a_small_still_is_named_with_its_dpi_after_stills_left_out_or_missing(tmp_path):
    """A still with no picture yet, one left out of the kit, or one whose picture is missing
    says nothing of its size; the small still after them is still found, with the dpi its
    place gives it."""
    big, gone, small = (
        _jpeg(3000, (90, 100, 120)),
        _jpeg(2000, (9, 9, 9)),
        _jpeg(500, (200, 50, 50)),
    )
    kit = model.PressKit(person=model.Person(name="Ana Ruiz"))
    kit.stills = [
        model.Still(id="none", asset="", caption="None", credit="C", alt="A."),  # no picture yet
        model.Still(
            id="out", asset=big.sha256, caption="Out", credit="C", alt="A.", included=False
        ),
        model.Still(id="gone", asset=gone.sha256, caption="Gone", credit="C", alt="A."),
        model.Still(id="tiny", asset=small.sha256, caption="Tiny", credit="C", alt="A."),
    ]
    path = tmp_path / "k.presskit"
    KitFile.create(path, kit, [big, gone, small]).close()
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM assets WHERE sha256 = ?", (gone.sha256,))
    db.close()
    with KitFile.open(path, read_only=True) as kit_file:
        found = preflight.check(kit_file.load(), kit_file)
        width_pt = placements(kit, kit_file, Options(profile="print"))[small.sha256][0]
    sizes = [(f.where, f.message) for f in found if "pixels wide" in f.message]
    dpi = 500 / (width_pt / 72)  # a point is 1/72 inch
    assert dpi < preflight.MIN_PRINT_DPI
    assert sizes == [
        (
            "stills[3].asset",
            f"Still 4 (“Tiny”) is 500 pixels wide, {dpi:.0f} dpi in its place, so it prints "
            "smaller than the layout has room for; print wants 200 or more.",
        )
    ]


def test_a_page_size_presskit_does_not_know_is_an_error_and_nothing_is_laid_out(tmp_path):
    small = _jpeg(500, (200, 50, 50))
    kit = model.PressKit(person=model.Person(name="Ana Ruiz"))
    kit.stills = [model.Still(id="tiny", asset=small.sha256, caption="Tiny", credit="C", alt="A.")]
    kit.design.page_size = "a4-wide"
    path = tmp_path / "k.presskit"
    KitFile.create(path, kit, [small]).close()
    with KitFile.open(path, read_only=True) as kit_file:
        found = preflight.check(kit_file.load(), kit_file)
    assert [(f.severity, f.where) for f in found if f.severity == "error"] == [
        ("error", "design.page_size")
    ]
    assert not [f for f in found if "pixels wide" in f.message]


def test_the_check_is_cheap_unless_asked_to_look_deep(tmp_path):
    """A picture changed inside the file keeps its stored size: only reading every byte
    finds it, which the check does when asked (before an export), not on every edit."""
    still = _jpeg(300, (200, 50, 50))
    kit = model.PressKit(person=model.Person(name="Ana Ruiz"))
    kit.stills = [model.Still(id="s", asset=still.sha256, caption="Pond", credit="C", alt="A.")]
    path = tmp_path / "k.presskit"
    KitFile.create(path, kit, [still]).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE assets SET data = zeroblob(length(data)) WHERE sha256 = ?", (still.sha256,)
        )
    db.close()
    with KitFile.open(path, read_only=True) as kit_file:
        cheap = preflight.check(kit_file.load(), kit_file, layout=False)
        deep = preflight.check(kit_file.load(), kit_file, deep=True, layout=False)
    damaged = "Still 1 (“Pond”): its picture is damaged in the file; add the photograph again."
    assert damaged not in [f.message for f in cheap]
    assert damaged in [f.message for f in deep]
