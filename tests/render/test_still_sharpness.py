"""A still is never set larger than its pixels allow at the profile's dpi (print 300, screen
150): a small picture stands smaller, centred in its place, rather than print soft."""

from __future__ import annotations

import io

import pypdf
import pytest
from PIL import Image

from presskit import kitio, render
from presskit.store import KitFile
from tests.pdf_checks import placed_images


@pytest.fixture(scope="module")
def small_still_kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    photo = folder / "small.jpg"
    Image.new("RGB", (600, 400), (90, 120, 140)).save(photo, "JPEG")
    kit_path = folder / "k.presskit"
    kitio.create_kit(kit_path).close()
    with KitFile.open(kit_path) as f:
        kitio.add_stills(f, [str(photo)], credit="Ian Chen")
    return kit_path


@pytest.mark.parametrize(("profile", "dpi"), [("print", 300), ("screen", 150)])
def test_a_small_still_is_never_set_past_the_profiles_dpi(small_still_kit, profile, dpi):
    with KitFile.open(small_still_kit) as f:
        options = render.Options(profile=profile, sections=["stills"], invariant=True)
        result = render.render_pdf(f.load(), f, options)
    ((x, _y, width, height),) = placed_images(result.pdf)
    assert width <= 600 / dpi * 72 + 0.01 and height <= 400 / dpi * 72 + 0.01
    assert abs(width / height - 1.5) < 0.01  # its own shape
    # centred in its place, and a lone still's row is centred on the page
    page_width = float(pypdf.PdfReader(io.BytesIO(result.pdf)).pages[0].mediabox.width)
    assert abs(x + width / 2 - page_width / 2) < 0.5
