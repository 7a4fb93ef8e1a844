"""Every kind of pixel a photo can hold comes out as 8-bit sRGB that looks right."""

from __future__ import annotations

import pytest
from PIL import Image, ImageCms

from presskit import imaging
from tests.imaging.samples import (
    close,
    cmyk_profile,
    encode,
    jpeg_segments,
    linear_grey_profile,
    png_16bit_rgb,
    swapped_primaries_profile,
    without_segments,
)

INK_RED = (0, 255, 255, 0)  # magenta and yellow ink, no cyan, no black


def normalised(image: Image.Image, fmt: str = "PNG", **options: object) -> Image.Image:
    return imaging.open_normalised(encode(image, fmt, **options), f"test.{fmt.lower()}")


def test_an_adobe_cmyk_jpeg_comes_out_in_the_right_colour():
    data = encode(Image.new("CMYK", (32, 32), INK_RED))
    assert any(marker == 0xEE for marker, _ in jpeg_segments(data))  # Adobe's inverted kind
    image = imaging.open_normalised(data, "print.jpg")
    assert image.mode == "RGB" and close(image.getpixel((16, 16)), (255, 0, 0), 20)
    assert imaging.probe(data, "print.jpg").format == "JPEG"


def test_a_plain_cmyk_jpeg_without_adobes_marker_is_not_a_negative():
    # Stored as the ink amounts themselves, which is what a JPEG without Adobe's APP14 means.
    stored = Image.new("CMYK", (32, 32), tuple(255 - v for v in INK_RED))
    data = without_segments(encode(stored), 0xEE)
    assert all(marker != 0xEE for marker, _ in jpeg_segments(data))
    image = imaging.open_normalised(data, "print.jpg")
    assert close(image.getpixel((16, 16)), (255, 0, 0), 20)


def test_cmyk_goes_through_its_embedded_printer_profile():
    # Half cyan would be a light cyan by Pillow's formula; this printer's profile says every
    # ink but black prints as its warm paper colour, and the profile is what counts.
    paper = (92.0, 2.0, 18.0)
    data = encode(Image.new("CMYK", (32, 32), (128, 0, 0, 0)), icc_profile=cmyk_profile(paper))
    pixel = imaging.open_normalised(data, "print.jpg").getpixel((16, 16))
    assert close(pixel, _lab_in_srgb(paper), 6)
    assert not close(pixel, (127, 255, 255), 60)


def test_a_profile_for_the_wrong_colour_space_is_ignored():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(Image.new("CMYK", (32, 32), INK_RED), icc_profile=srgb)
    assert close(imaging.open_normalised(data, "print.jpg").getpixel((5, 5)), (255, 0, 0), 20)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF", "WEBP"])
def test_a_non_srgb_profile_is_converted_to_srgb(fmt):
    options = {"quality": 95} if fmt in ("JPEG", "WEBP") else {}
    image = Image.new("RGB", (32, 32), (200, 30, 30))
    pixel = normalised(image, fmt, icc_profile=swapped_primaries_profile(), **options).getpixel(
        (16, 16)
    )
    assert pixel[1] > 150 and pixel[0] < 80  # stored "red" is this profile's green


def test_a_greyscale_profile_is_applied_too():
    image = normalised(Image.new("L", (8, 8), 128), icc_profile=linear_grey_profile())
    assert image.mode == "RGB" and close(image.getpixel((1, 1)), (188, 188, 188), 4)


def test_an_srgb_profile_leaves_the_pixels_alone():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = normalised(Image.new("RGB", (8, 8), (200, 30, 30)), icc_profile=srgb)
    assert image.getpixel((1, 1)) == (200, 30, 30)


@pytest.mark.parametrize("junk", [b"not a profile at all", b"\x00" * 200, b"acsp" * 64])
def test_a_damaged_profile_falls_back_to_the_pixels_as_stored(junk):
    image = normalised(Image.new("RGB", (8, 8), (200, 30, 30)), icc_profile=junk)
    assert image.getpixel((1, 1)) == (200, 30, 30)


def test_16_bit_greyscale_is_scaled_not_clipped():
    for value, expected in ((32768, 128), (65535, 255), (0, 0), (257 * 10, 10)):
        image = normalised(Image.new("I;16", (8, 8), value))
        assert image.mode == "RGB"
        assert image.getpixel((1, 1)) == (expected,) * 3, value


def test_16_bit_greyscale_tiff_big_endian():
    image = normalised(Image.new("I;16B", (8, 8), 32768), "TIFF")
    assert image.mode == "RGB" and close(image.getpixel((1, 1)), (128, 128, 128), 1)


def test_16_bit_rgb_png():
    data = png_16bit_rgb(8, 6, (65535, 32768, 0))
    image = imaging.open_normalised(data, "deep.png")
    assert image.mode == "RGB" and image.size == (8, 6)
    assert close(image.getpixel((3, 3)), (255, 128, 0), 1)


def test_a_32_bit_float_tiff_running_0_to_1():
    image = normalised(Image.new("F", (8, 8), 0.5), "TIFF")
    assert close(image.getpixel((1, 1)), (128, 128, 128), 1)


def test_a_palette_image_with_a_transparent_colour_keeps_it():
    image = Image.new("P", (20, 20), 1)
    image.putpalette([255, 0, 0, 0, 0, 255])
    image.putpixel((0, 0), 0)
    result = normalised(image, transparency=0)
    assert result.mode == "RGBA"
    assert result.getpixel((0, 0))[3] == 0
    assert result.getpixel((10, 10)) == (0, 0, 255, 255)


def test_a_palette_image_whose_transparent_colour_is_unused_is_plain_rgb():
    image = Image.new("P", (20, 20), 1)
    image.putpalette([255, 0, 0, 0, 0, 255])
    result = normalised(image, transparency=0)
    assert result.mode == "RGB" and result.getpixel((3, 3)) == (0, 0, 255)


def test_rgba_with_every_pixel_opaque_comes_back_rgb():
    result = normalised(Image.new("RGBA", (8, 8), (1, 2, 3, 255)))
    assert result.mode == "RGB" and result.getpixel((1, 1)) == (1, 2, 3)


def test_rgba_with_one_see_through_pixel_stays_rgba():
    image = Image.new("RGBA", (8, 8), (1, 2, 3, 255))
    image.putpixel((7, 7), (1, 2, 3, 254))
    result = normalised(image)
    assert result.mode == "RGBA" and result.getpixel((7, 7)) == (1, 2, 3, 254)


def test_grey_with_alpha():
    result = normalised(Image.new("LA", (8, 8), (90, 100)))
    assert result.mode == "RGBA" and result.getpixel((1, 1)) == (90, 90, 90, 100)


def test_black_and_white():
    image = Image.new("1", (8, 8), 1)
    image.putpixel((0, 0), 0)
    result = normalised(image)
    assert result.mode == "RGB"
    assert result.getpixel((0, 0)) == (0, 0, 0) and result.getpixel((4, 4)) == (255, 255, 255)


def test_greyscale_jpeg_comes_back_rgb():
    result = normalised(Image.new("L", (16, 16), 77), "JPEG")
    assert result.mode == "RGB" and close(result.getpixel((8, 8)), (77, 77, 77), 2)


def test_a_lab_tiff():
    result = normalised(Image.new("LAB", (8, 8), (255, 128, 128)), "TIFF")  # L*=100: white
    assert result.mode == "RGB" and close(result.getpixel((1, 1)), (255, 255, 255), 6)


def _lab_in_srgb(lab: tuple[float, float, float]) -> tuple[int, int, int]:
    lightness, a, b = lab
    pixel = Image.new("LAB", (1, 1), (round(lightness * 2.55), round(a) + 128, round(b) + 128))
    converted = ImageCms.profileToProfile(
        pixel, ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), outputMode="RGB"
    )
    return converted.getpixel((0, 0))
