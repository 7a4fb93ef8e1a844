"""The credit, copyright and caption a photo carries, offered as the still's own."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from presskit import imaging
from presskit.imaging.metadata import read_metadata
from tests.imaging.samples import cornered, encode, exif_bytes, with_iptc, xmp_packet


def offered(data: bytes, name: str = "still.jpg") -> tuple[str, str, str]:
    info = imaging.probe(data, name)
    return info.credit, info.copyright, info.caption


def jpeg(**options: object) -> bytes:
    return encode(cornered(), quality=90, **options)


def test_a_photo_without_metadata_offers_nothing():
    assert offered(jpeg()) == ("", "", "")


def test_exif_artist_copyright_and_description():
    exif = exif_bytes(
        t0x013B="Ian Chen",
        t0x8298="© 2025 Ian Chen".encode(),
        t0x010E="Dragonfly: the pond at dusk",
    )
    assert offered(jpeg(exif=exif)) == (
        "Ian Chen",
        "© 2025 Ian Chen",
        "Dragonfly: the pond at dusk",
    )


def test_windows_xp_author_and_comment():
    exif = exif_bytes(
        t0x9C9D=tuple("Im-Sun Song\x00".encode("utf-16-le")),
        t0x9C9C=tuple("Second unit, day 3\x00".encode("utf-16-le")),
    )
    assert offered(jpeg(exif=exif)) == ("Im-Sun Song", "", "Second unit, day 3")


def test_iptc_by_line_copyright_notice_and_caption():
    data = with_iptc(
        jpeg(),
        {80: b"Ian Chen", 116: "© Ian Chen".encode(), 120: b"Soundtrack of My Life, day 12"},
    )
    assert offered(data) == ("Ian Chen", "© Ian Chen", "Soundtrack of My Life, day 12")


def test_the_credit_line_and_title_are_read_from_iptc_and_from_xmp():
    # What the press package writes: "Photo: NAME" and the film, read back by presskit too.
    with Image.open(
        io.BytesIO(with_iptc(jpeg(), {110: b"Photo: Ian Chen", 5: b"Dragonfly"}))
    ) as image:
        read = read_metadata(image)
    assert (read.credit_line, read.title) == ("Photo: Ian Chen", "Dragonfly")
    packet = xmp_packet().replace(
        b"</rdf:Description>",
        b"<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Soundtrack</rdf:li></rdf:Alt></dc:title>"
        b"<photoshop:Credit xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>Photo: Bo"
        b"</photoshop:Credit></rdf:Description>",
    )
    with Image.open(io.BytesIO(jpeg(xmp=packet))) as image:
        read = read_metadata(image)
    assert (read.credit_line, read.title) == ("Photo: Bo", "Soundtrack")


def test_iptc_in_latin_1_is_read_too():
    data = with_iptc(jpeg(), {80: "Zoë Brontë".encode("latin-1")})
    assert offered(data)[0] == "Zoë Brontë"


def test_xmp_creator_rights_and_description():
    xmp = xmp_packet("Ian Chen", "CC BY 4.0", "Dragonfly, first light")
    assert offered(jpeg(xmp=xmp)) == ("Ian Chen", "CC BY 4.0", "Dragonfly, first light")


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "TIFF"])
def test_xmp_in_other_formats(fmt):
    image = cornered()
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", xmp_packet("Ian Chen").decode())
        data = encode(image, fmt, pnginfo=info)
    elif fmt == "TIFF":
        data = encode(image, fmt, tiffinfo={700: xmp_packet("Ian Chen")})
    else:
        data = encode(image, fmt, xmp=xmp_packet("Ian Chen"))
    assert imaging.probe(data, f"still.{fmt.lower()}").credit == "Ian Chen"


def test_several_creators_are_all_credited():
    xmp = xmp_packet("Ian Chen").replace(
        b"<rdf:li>Ian Chen</rdf:li>", b"<rdf:li>Ian Chen</rdf:li><rdf:li>Ana Ruiz</rdf:li>"
    )
    assert offered(jpeg(xmp=xmp))[0] == "Ian Chen, Ana Ruiz"


def test_the_default_language_of_a_caption_is_chosen():
    xmp = xmp_packet(description="Libellule").replace(
        b"<rdf:li xml:lang='x-default'>Libellule</rdf:li>",
        b"<rdf:li xml:lang='fr'>Libellule</rdf:li><rdf:li xml:lang='x-default'>Dragonfly</rdf:li>",
    )
    assert offered(jpeg(xmp=xmp))[2] == "Dragonfly"


def test_xmp_wins_over_iptc_which_wins_over_exif_field_by_field():
    exif = exif_bytes(t0x013B="EXIF artist", t0x8298="EXIF copyright", t0x010E="EXIF caption")
    # XMP has only the creator, IPTC the creator and copyright: each field from the best.
    data = with_iptc(
        jpeg(exif=exif, xmp=xmp_packet(creator="XMP creator")),
        {80: b"IPTC by-line", 116: b"IPTC copyright"},
    )
    assert offered(data) == ("XMP creator", "IPTC copyright", "EXIF caption")


@pytest.mark.parametrize(
    "packet",
    [
        b"<x:xmpmeta><unclosed></x:xmpmeta>",
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>\xff\xfe garbage \x00</x:xmpmeta>",
        b"just some bytes",
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;'>]>"
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>&b;</x:xmpmeta>",
    ],
)
def test_broken_xmp_means_no_metadata_not_an_error(packet):
    exif = exif_bytes(t0x013B="Ian Chen")
    assert offered(jpeg(xmp=packet, exif=exif)) == ("Ian Chen", "", "")


@pytest.mark.parametrize(
    "description",
    ["OLYMPUS DIGITAL CAMERA         ", "SONY DSC", "   ", "\x00\x00\x00", "default"],
)
def test_camera_defaults_are_not_captions(description):
    assert offered(jpeg(exif=exif_bytes(t0x010E=description)))[2] == ""


def test_a_camera_default_in_xmp_does_not_hide_a_real_caption_elsewhere():
    data = jpeg(
        exif=exif_bytes(t0x010E="Dragonfly, day 3"),
        xmp=xmp_packet(description="OLYMPUS DIGITAL CAMERA"),
    )
    assert offered(data)[2] == "Dragonfly, day 3"


def test_text_is_cleaned_up():
    exif = exif_bytes(t0x013B="  Ian\tChen\x00\x07 ", t0x010E="The pond,\r\nat dusk\x1b")
    assert offered(jpeg(exif=exif)) == ("Ian Chen", "", "The pond, at dusk")


def test_utf8_in_exif_is_decoded():
    exif = exif_bytes(t0x013B="송임선".encode())
    assert offered(jpeg(exif=exif))[0] == "송임선"


def test_metadata_in_a_tiff():
    image = cornered()
    data = encode(image, "TIFF", tiffinfo={0x013B: "Ian Chen", 0x010E: "Still 4"})
    info = imaging.probe(data, "scan.tif")
    assert (info.credit, info.caption) == ("Ian Chen", "Still 4")


def test_broken_exif_with_good_xmp_still_offers_the_xmp():
    from tests.imaging.samples import with_segment

    data = with_segment(
        jpeg(xmp=xmp_packet("Ian Chen")),
        0xE1,
        b"Exif\x00\x00II*\x00\xff\xff\xff\x7f" + b"\x00" * 20,
    )
    assert offered(data)[0] == "Ian Chen"


def test_a_png_named_jpg_is_taken_for_what_it_is():
    info = imaging.probe(encode(Image.new("RGB", (30, 20)), "PNG"), "still.jpg")
    assert (info.format, info.mime, info.width, info.height) == ("PNG", "image/png", 30, 20)
