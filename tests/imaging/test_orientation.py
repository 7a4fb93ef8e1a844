"""Phone and camera photos stored sideways come out upright, whatever their EXIF says."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from presskit import imaging
from tests.imaging.samples import (
    CORNERS,
    close,
    corner_colours,
    cornered,
    encode,
    exif_bytes,
    exif_of,
    with_segment,
    xmp_packet,
)

# For each EXIF orientation, how a camera stores the upright picture: the inverse of what
# a viewer does to show it.
STORED_AS = {
    1: lambda im: im,
    2: lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    3: lambda im: im.transpose(Image.Transpose.ROTATE_180),
    4: lambda im: im.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
    5: lambda im: im.transpose(Image.Transpose.TRANSPOSE),
    6: lambda im: im.transpose(Image.Transpose.ROTATE_90),
    7: lambda im: im.transpose(Image.Transpose.TRANSVERSE),
    8: lambda im: im.transpose(Image.Transpose.ROTATE_270),
}


def stored(orientation: int, fmt: str = "JPEG", size=(120, 80)) -> bytes:
    raw = STORED_AS[orientation](cornered(size))
    options = {"quality": 95} if fmt == "JPEG" else {}
    return encode(raw, fmt, exif=exif_of(t0x0112=orientation), **options)


def assert_upright(image: Image.Image, size=(120, 80)) -> None:
    assert image.size == size
    for key, colour in corner_colours(image).items():
        assert close(colour, CORNERS[key]), key


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_comes_out_upright(orientation):
    data = stored(orientation)
    if orientation >= 5:  # a quarter turn: stored taller than wide
        assert Image.open(io.BytesIO(data)).size == (80, 120)
    info = imaging.probe(data, "phone.jpg")
    assert (info.width, info.height, info.orientation) == (120, 80, orientation)
    assert_upright(imaging.open_normalised(data, "phone.jpg"))


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_a_portrait_phone_photo_is_taller_than_wide(orientation):
    data = stored(orientation, size=(80, 120))
    info = imaging.probe(data, "portrait.jpg")
    assert (info.width, info.height) == (80, 120)
    assert_upright(imaging.open_normalised(data, "portrait.jpg"), (80, 120))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_with_a_reduced_size(orientation):
    # Drafting happens on the stored (sideways) pixels; the box applies to the upright ones.
    data = stored(orientation, size=(960, 640))
    image = imaging.open_normalised(data, "phone.jpg", max_size=(240, 240))
    assert image.size == (240, 160)
    colours = corner_colours(image)
    assert close(colours["tl"], CORNERS["tl"]) and close(colours["br"], CORNERS["br"])


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "TIFF"])
def test_orientation_in_other_formats(fmt):
    data = stored(6, fmt)
    assert imaging.probe(data, f"phone.{fmt.lower()}").orientation == 6
    assert_upright(imaging.open_normalised(data, f"phone.{fmt.lower()}"))


def test_orientation_given_only_in_xmp():
    raw = STORED_AS[6](cornered())
    xmp = xmp_packet().replace(
        b"<rdf:Description rdf:about=''",
        b"<rdf:Description rdf:about='' xmlns:tiff='http://ns.adobe.com/tiff/1.0/'"
        b' tiff:Orientation="6"',  # as Adobe's XMP toolkit and exiftool write it
    )
    data = encode(raw, quality=95, xmp=xmp)
    assert imaging.probe(data, "phone.jpg").orientation == 6
    assert_upright(imaging.open_normalised(data, "phone.jpg"))


def test_garbage_in_the_exif_segment_means_as_stored():
    app1 = b"Exif\x00\x00" + b"II*\x00\xff\xff\xff\x7f" + b"\x13\x37" * 40
    data = with_segment(encode(cornered(), quality=95), 0xE1, app1)
    assert imaging.probe(data, "odd.jpg").orientation == 1
    assert_upright(imaging.open_normalised(data, "odd.jpg"))


def test_an_exif_segment_cut_inside_its_entries_means_as_stored():
    full = exif_bytes(t0x0112=6, t0x013B="Ian Chen")
    cut = full[: 6 + 8 + 2 + 6]  # "Exif", TIFF header, entry count, half the orientation
    data = with_segment(encode(cornered(), quality=95), 0xE1, cut)
    assert imaging.probe(data, "odd.jpg").orientation == 1
    assert_upright(imaging.open_normalised(data, "odd.jpg"))


@pytest.mark.parametrize("value", [9, 0, 65535, -1])
def test_an_orientation_out_of_range_is_ignored(value):
    exif = (
        exif_bytes(t0x0112=value) if value >= 0 else _orientation_entry(3, 1, b"\xff\xff\xff\xff")
    )
    data = encode(cornered(), quality=95, exif=exif)
    assert imaging.probe(data, "odd.jpg").orientation == 1
    assert_upright(imaging.open_normalised(data, "odd.jpg"))


@pytest.mark.parametrize(
    ("tiff_type", "count", "value"),
    [
        (2, 2, b"6\x00\x00\x00"),  # ASCII "6"
        (5, 1, None),  # RATIONAL, stored elsewhere
        (3, 1, b"\x00\x00\x00\x00"),  # zero
    ],
)
def test_an_orientation_of_the_wrong_type_is_ignored(tiff_type, count, value):
    data = encode(cornered(), quality=95, exif=_orientation_entry(tiff_type, count, value))
    assert imaging.probe(data, "odd.jpg").orientation == 1
    assert_upright(imaging.open_normalised(data, "odd.jpg"))


def _orientation_entry(tiff_type: int, count: int, value: bytes | None) -> bytes:
    """Big-endian EXIF with one Orientation entry of any type (a rational: 6/1)."""
    if value is None:
        entry = struct.pack(">HHII", 0x0112, tiff_type, count, 26)
        return (
            b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01"
            + entry
            + b"\x00" * 4
            + (struct.pack(">II", 6, 1))
        )
    entry = struct.pack(">HHI", 0x0112, tiff_type, count) + value
    return b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01" + entry + b"\x00" * 4
