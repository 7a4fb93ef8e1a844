"""Accepted photos become clean, upright, right-sized pixels with nothing private left in."""

from __future__ import annotations

import gc
import io

import pytest
from PIL import Image, JpegImagePlugin

from presskit import imaging
from presskit.errors import ImageImportError
from tests.imaging.samples import (
    CORNERS,
    close,
    corner_colours,
    cornered,
    encode,
    exif_of,
    swapped_primaries_profile,
    with_iptc,
    xmp_packet,
)

FRAME_COLOURS = ((200, 20, 20), (20, 200, 20), (20, 20, 200))


@pytest.fixture(scope="module")
def big_jpeg() -> bytes:
    """A 24-megapixel camera-sized JPEG (6000 x 4000)."""
    return encode(cornered((600, 400)).resize((6000, 4000)), quality=75)


@pytest.fixture
def drafts(monkeypatch) -> list[tuple[str, tuple[int, int]]]:
    """Every JPEG draft request, as (mode, size)."""
    seen: list[tuple[str, tuple[int, int]]] = []
    real = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        seen.append((mode, size))
        return real(self, mode, size)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    return seen


def frames(fmt: str) -> bytes:
    images = [Image.new("RGB", (40, 30), colour) for colour in FRAME_COLOURS]
    options = {"lossless": True} if fmt == "WEBP" else {}
    return encode(images[0], fmt, save_all=True, append_images=images[1:], duration=100, **options)


@pytest.mark.parametrize("fmt", ["WEBP", "PNG"])
def test_an_animation_gives_its_first_frame(fmt):
    data = frames(fmt)
    info = imaging.probe(data, "loop")
    assert (info.format, info.frames, info.width, info.height) == (fmt, 3, 40, 30)
    image = imaging.open_normalised(data, "loop")
    assert image.size == (40, 30) and close(image.getpixel((20, 15)), FRAME_COLOURS[0], 2)


def test_a_still_has_one_frame():
    assert imaging.probe(encode(cornered()), "still.jpg").frames == 1


def test_a_cameras_mpo_is_a_jpeg_with_one_frame():
    # Many cameras add a second image (a preview, a depth map) to their JPEGs as MPO.
    data = encode(cornered(), "MPO", save_all=True, append_images=[Image.new("RGB", (60, 40))])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    info = imaging.probe(data, "camera.jpg")
    assert (info.format, info.mime, info.frames, info.width) == ("JPEG", "image/jpeg", 1, 120)
    assert close(imaging.open_normalised(data, "camera.jpg").getpixel((5, 5)), CORNERS["tl"])


def test_probe_decodes_a_jpeg_at_one_eighth(big_jpeg, drafts):
    info = imaging.probe(big_jpeg, "camera.jpg")
    assert (info.width, info.height) == (6000, 4000)
    assert drafts == [("RGB", (750, 500))]


def test_probe_still_reads_every_byte_of_a_drafted_jpeg(big_jpeg):
    # Cut in its last tenth: at 1/8 scale libjpeg still reads (and checks) every byte.
    with pytest.raises(ImageImportError, match="damaged or incomplete"):
        imaging.probe(big_jpeg[: len(big_jpeg) - len(big_jpeg) // 10], "camera.jpg")


def test_a_big_jpeg_is_drafted_then_fitted_to_the_box(big_jpeg, drafts):
    image = imaging.open_normalised(big_jpeg, "camera.jpg", max_size=(1500, 1500))
    assert image.size == (1500, 1000)
    # libjpeg decodes at 1/2, 1/4 or 1/8: asked for no less than the box needs (1500 x 1000),
    # it picks 1/4 (exactly 1500 x 1000), never 1/8 (750 x 500, which would then be blown up).
    assert drafts == [("RGB", (1500, 1000))]
    colours = corner_colours(image)
    assert all(close(colours[key], CORNERS[key]) for key in CORNERS)


def test_drafting_never_goes_below_the_size_wanted(big_jpeg, drafts):
    image = imaging.open_normalised(big_jpeg, "camera.jpg", max_size=(1600, 1600))
    assert image.size == (1600, 1067)
    assert drafts == [("RGB", (1600, 1067))]  # so 1/2 scale (3000 x 2000), not 1/4


def test_a_small_image_is_never_upscaled():
    image = imaging.open_normalised(encode(cornered((300, 200))), "s.jpg", max_size=(3000, 3000))
    assert image.size == (300, 200)


@pytest.mark.parametrize("fmt", ["PNG", "TIFF", "WEBP"])
def test_other_formats_are_fitted_too(fmt):
    data = encode(cornered((900, 600)), fmt)
    image = imaging.open_normalised(data, "x", max_size=(300, 300))
    assert image.size == (300, 200)
    assert close(corner_colours(image)["br"], CORNERS["br"])


def test_a_see_through_image_keeps_its_alpha_when_fitted():
    image = Image.new("RGBA", (400, 200), (255, 0, 0, 255))
    image.paste((0, 0, 0, 0), (200, 0, 400, 200))
    result = imaging.open_normalised(encode(image, "PNG"), "logo.png", max_size=(100, 100))
    assert result.mode == "RGBA" and result.size == (100, 50)
    assert result.getpixel((10, 25)) == (255, 0, 0, 255) and result.getpixel((90, 25))[3] == 0


def test_max_size_must_make_sense():
    with pytest.raises(ValueError):
        imaging.open_normalised(encode(cornered()), "s.jpg", max_size=(0, 100))


def test_fit_within():
    assert imaging.fit_within((6000, 4000), (1500, 1500)) == (1500, 1000)
    assert imaging.fit_within((4000, 6000), (1500, 1500)) == (1000, 1500)
    assert imaging.fit_within((300, 200), (3000, 3000)) == (300, 200)
    assert imaging.fit_within((10000, 1), (100, 100)) == (100, 1)


def test_nothing_private_survives_normalising():
    exif = exif_of(t0x013B="Ian Chen")
    exif.get_ifd(0x8825)[2] = (37.0, 33.0, 12.5)  # GPS latitude: where the photographer lives
    data = with_iptc(
        encode(
            cornered(),
            quality=95,
            exif=exif,
            xmp=xmp_packet("Ian Chen"),
            icc_profile=swapped_primaries_profile(),
        ),
        {80: b"Ian Chen"},
    )
    assert b"Ian Chen" in data
    image = imaging.open_normalised(data, "gps.jpg")
    assert image.info == {} and len(image.getexif()) == 0
    for fmt in ("JPEG", "PNG", "WEBP"):
        out = encode(image, fmt)
        assert b"Ian Chen" not in out and b"Exif" not in out and b"xmp" not in out.lower()


def test_the_result_is_loaded_and_stands_alone():
    data = bytearray(encode(cornered(), "PNG"))
    image = imaging.open_normalised(bytes(data), "s.png")
    data[:] = b"\x00" * len(data)
    del data
    gc.collect()
    assert image.im is not None and not hasattr(image, "fp")
    assert close(corner_colours(image)["tl"], CORNERS["tl"], 0)
    image.copy().resize((10, 10))  # usable: nothing left to read from a file


def test_an_untouched_rgb_image_is_still_a_copy():
    image = imaging.open_normalised(encode(Image.new("RGB", (8, 8), (1, 2, 3)), "PNG"), "p.png")
    assert type(image) is Image.Image and image.getpixel((1, 1)) == (1, 2, 3)
