"""Credits written into a JPEG's byte stream: the fields others read, no GPS, the image
data untouched, and nothing of the old metadata that could name someone else."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from presskit.imaging.jpeg_metadata import JpegStructureError, StillCredits, with_credits
from tests.imaging.samples import jpeg_segments, with_iptc, with_segment, xmp_packet
from tests.web.kits import noise_jpeg
from tests.web.readback import exiftool, gps_tags, presskit_reads

CREDITS = StillCredits(
    creator="Ana Díaz",
    copyright="© 2025 Ana Díaz",
    credit_line="Photo: Ana Díaz",
    caption="The pond at dusk, 눈 내리는 밤",
    title="Dragonfly",
)


def scan_data(jpeg: bytes) -> bytes:
    """Everything from the start-of-scan marker on: the image itself."""
    return jpeg[jpeg.index(b"\xff\xda") :]


def test_the_image_data_is_copied_byte_for_byte_and_decodes_to_the_same_pixels():
    original = noise_jpeg(gps=True, orientation=6)
    credited = with_credits(original, CREDITS)
    assert scan_data(credited) == scan_data(original)
    with Image.open(io.BytesIO(original)) as a, Image.open(io.BytesIO(credited)) as b:
        assert a.size == b.size and a.tobytes() == b.tobytes()
        assert b.getexif().get(0x0112) == 6  # the orientation stays: the pixels are not turned
        assert b.getexif().get(0x010F) == "Canon"  # and the camera settings


def test_exiftool_and_presskit_read_every_credit_and_no_gps(tmp_path):
    original = noise_jpeg(gps=True)
    with Image.open(io.BytesIO(original)) as image:
        assert dict(image.getexif().get_ifd(0x8825))  # the original does carry a position
    path = tmp_path / "still.jpg"
    path.write_bytes(with_credits(original, CREDITS))
    (found,) = exiftool(path)
    assert found["XMP:Creator"] == found["IPTC:By-line"] == "Ana Díaz"
    assert found["XMP:Rights"] == found["IPTC:CopyrightNotice"] == "© 2025 Ana Díaz"
    assert found["XMP:Credit"] == found["IPTC:Credit"] == "Photo: Ana Díaz"
    assert found["XMP:Description"] == found["IPTC:Caption-Abstract"] == CREDITS.caption
    assert found["XMP:Title"] == found["IPTC:ObjectName"] == found["IPTC:Headline"] == "Dragonfly"
    assert gps_tags(found) == []
    assert "EXIF:Artist" not in found  # the camera owner no longer contradicts the credit
    assert presskit_reads(path).__dict__ == {
        "credit": "Ana Díaz",
        "copyright": "© 2025 Ana Díaz",
        "caption": CREDITS.caption,
        "credit_line": "Photo: Ana Díaz",
        "title": "Dragonfly",
    }


def test_old_xmp_and_iptc_naming_someone_else_are_replaced(tmp_path):
    xmp = b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet("Someone Else", "© Agency", "Old")
    original = with_iptc(noise_jpeg(), {80: b"Someone Else", 116: b"(c) Agency"})
    original = with_segment(original, 0xE1, xmp)
    path = tmp_path / "still.jpg"
    path.write_bytes(with_credits(original, CREDITS))
    (found,) = exiftool(path)
    assert "Someone Else" not in str(found) and "Agency" not in str(found)
    assert found["XMP:Creator"] == found["IPTC:By-line"] == "Ana Díaz"
    segments = jpeg_segments(path.read_bytes())
    assert sum(p.startswith(b"http://ns.adobe.com/xap/1.0/") for _, p in segments) == 1
    assert sum(p.startswith(b"Photoshop 3.0") for _, p in segments) == 1


def test_photoshops_other_resources_stay():
    clipping = b"8BIM" + struct.pack(">H", 0x07D0) + b"\x00\x00" + struct.pack(">I", 4) + b"path"
    original = with_segment(noise_jpeg(), 0xED, b"Photoshop 3.0\0" + clipping)
    credited = with_credits(original, CREDITS)
    (app13,) = [p for m, p in jpeg_segments(credited) if m == 0xED]
    assert clipping in app13 and b"8BIM\x04\x04" in app13


def test_an_empty_field_is_left_out_not_written_empty(tmp_path):
    path = tmp_path / "still.jpg"
    path.write_bytes(with_credits(noise_jpeg(), StillCredits(creator="Bo Kim")))
    (found,) = exiftool(path)
    assert found["XMP:Creator"] == "Bo Kim"
    assert not {"XMP:Rights", "XMP:Description", "XMP:Title", "IPTC:Caption-Abstract"} & set(found)


def test_a_big_endian_exif_loses_its_gps_too(tmp_path):
    # Pillow writes little-endian EXIF; cameras such as Nikon's write big-endian.
    tiff = bytearray(b"MM\0*" + struct.pack(">I", 8))
    ifd0 = struct.pack(">H", 2)
    ifd0 += struct.pack(">HHII", 0x0112, 3, 1, 6 << 16)  # orientation 6, left-justified
    ifd0 += struct.pack(">HHII", 0x8825, 4, 1, 8 + 2 + 24 + 4)
    ifd0 += struct.pack(">I", 0)
    gps = struct.pack(">H", 1) + struct.pack(">HHII", 1, 2, 2, ord("N") << 24) + b"\0" * 4
    tiff += ifd0 + gps
    original = with_segment(noise_jpeg(), 0xE1, b"Exif\0\0" + bytes(tiff))
    path = tmp_path / "still.jpg"
    path.write_bytes(with_credits(original, CREDITS))
    with Image.open(path) as image:
        assert image.getexif().get(0x0112) == 6
        assert 0x8825 not in image.getexif()
    (found,) = exiftool(path)
    assert gps_tags(found) == []


def test_exif_that_cannot_be_followed_is_dropped_rather_than_kept_with_a_position():
    plain = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 20, 30)).save(plain, "JPEG")
    broken = b"Exif\0\0II*\0" + struct.pack("<I", 10_000)  # IFD0 past the end
    credited = with_credits(with_segment(plain.getvalue(), 0xE1, broken), CREDITS)
    assert not [p for _, p in jpeg_segments(credited) if p.startswith(b"Exif")]


@pytest.mark.parametrize(
    "data", [b"", b"\x89PNG\r\n", b"\xff\xd8\xff\xe1\xff\xff", b"\xff\xd8\x00"]
)
def test_bytes_that_are_not_a_jpeg_it_can_follow_are_refused(data):
    with pytest.raises(JpegStructureError):
        with_credits(data, CREDITS)


def test_values_too_long_for_iptc_are_cut_at_a_character_and_kept_whole_in_xmp(tmp_path):
    long_caption = "夜" * 1500  # 4500 bytes of UTF-8: IPTC's caption holds 2000
    path = tmp_path / "still.jpg"
    path.write_bytes(with_credits(noise_jpeg(), StillCredits(caption=long_caption)))
    (found,) = exiftool(path)
    assert found["IPTC:Caption-Abstract"] == "夜" * 666
    assert found["XMP:Description"] == "夜" * 999 + "…"
