"""Photographs from anywhere: each one a clear sentence or a correct, upright image."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from presskit import imaging
from presskit.errors import ImageImportError

CORNERS = {"tl": (230, 30, 30), "tr": (30, 200, 30), "bl": (30, 30, 230), "br": (240, 240, 40)}


def encode(image: Image.Image, fmt: str = "JPEG", **args) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **args)
    return buffer.getvalue()


def cornered(size=(120, 80)) -> Image.Image:
    """An upright picture whose four corners have four colours."""
    image = Image.new("RGB", size, (128, 128, 128))
    w, h = size
    for (x, y), key in (
        ((0, 0), "tl"),
        ((w - 20, 0), "tr"),
        ((0, h - 20), "bl"),
        ((w - 20, h - 20), "br"),
    ):
        image.paste(CORNERS[key], (x, y, x + 20, y + 20))
    return image


def close(a, b, tolerance=40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=False))


def refused(data: bytes, name: str) -> str:
    with pytest.raises(ImageImportError) as err:
        imaging.probe(data, name)
    with pytest.raises(ImageImportError):
        imaging.open_normalised(data, name)
    message = str(err.value)
    assert f"“{name}”" in message and message.endswith(".") and "\n" not in message
    return message


def test_a_good_jpeg_is_probed_with_its_size_and_format():
    info = imaging.probe(encode(cornered((600, 400))), "still.jpg")
    assert (info.format, info.mime, info.width, info.height, info.frames) == (
        "JPEG",
        "image/jpeg",
        600,
        400,
        1,
    )


def test_zero_bytes():
    assert refused(b"", "still.jpg") == "“still.jpg” is empty (0 bytes)."


def test_text_named_jpg():
    assert (
        refused(b"INT. DARKROOM - NIGHT\nShe waits.\n", "notes.jpg")
        == "“notes.jpg” is not an image (it looks like text)."
    )


def test_truncated_jpeg():
    data = encode(cornered((800, 600)), quality=90)
    assert (
        refused(data[: len(data) // 2], "cut.jpg")
        == "“cut.jpg” is damaged or incomplete and cannot be read."
    )


def test_truncated_png():
    data = encode(Image.effect_noise((300, 200), 40).convert("RGB"), "PNG")
    assert "damaged or incomplete" in refused(data[: len(data) // 2], "cut.png")


def test_an_unsupported_format_names_what_it_is_and_what_is_taken():
    message = refused(encode(cornered(), "BMP"), "scan.bmp")
    assert message.startswith("“scan.bmp” is a BMP image; presskit takes JPEG, PNG, TIFF")


def test_an_animated_gif_is_refused_by_format():
    frames = [Image.new("P", (40, 40), i) for i in range(3)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    assert refused(data, "loop.gif").startswith("“loop.gif” is a GIF image")


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_30000_pixel_square_png_is_refused_before_any_decoding(monkeypatch):
    def no_decoding(self):
        raise AssertionError("decoded a bomb")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr("PIL.ImageFile.ImageFile.load", no_decoding)
    message = refused(_png_header_only(30000, 30000), "huge.png")
    assert "huge.png" in message and "the limit is 160 megapixels" in message


def test_just_over_the_limit_names_the_size():
    message = refused(_png_header_only(13000, 13000), "big.png")
    assert (
        message
        == "“big.png” is 13000 × 13000 pixels (169 megapixels); the limit is 160 megapixels."
    )


def test_cmyk_jpeg_becomes_rgb_with_the_right_colour():
    cmyk = Image.new("CMYK", (64, 64), (0, 255, 255, 0))  # pure red ink
    image = imaging.open_normalised(encode(cmyk), "print.jpg")
    assert image.mode == "RGB"
    assert close(image.getpixel((32, 32)), (255, 0, 0), 60)


def test_cmyk_jpeg_with_an_icc_profile_is_converted_through_it():
    cmyk = Image.new("CMYK", (64, 64), (0, 0, 0, 0))  # no ink: white paper
    srgb = ImageCms.ImageCmsProfile(
        ImageCms.createProfile("sRGB")
    ).tobytes()  # wrong kind, must not crash
    image = imaging.open_normalised(encode(cmyk, icc_profile=srgb), "print.jpg")
    assert image.mode == "RGB" and close(image.getpixel((5, 5)), (255, 255, 255), 30)


def test_16_bit_greyscale_is_scaled_not_clipped():
    grey = Image.new("I;16", (32, 32), 32768)
    image = imaging.open_normalised(encode(grey, "PNG"), "scan.png")
    assert image.mode == "L" and abs(image.getpixel((5, 5)) - 128) <= 1
    white = imaging.open_normalised(encode(Image.new("I;16", (8, 8), 65535), "PNG"), "w.png")
    assert white.getpixel((1, 1)) == 255


def test_palette_with_transparency_keeps_it():
    image = Image.new("P", (20, 20), 1)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.putpixel((0, 0), 0)
    data = encode(image, "PNG", transparency=0)
    normalised = imaging.open_normalised(data, "logo.png")
    assert normalised.mode == "RGBA"
    assert normalised.getpixel((0, 0))[3] == 0 and normalised.getpixel((10, 10)) == (0, 0, 255, 255)


def test_opaque_alpha_and_other_modes_come_back_plain():
    assert (
        imaging.open_normalised(
            encode(Image.new("RGBA", (8, 8), (1, 2, 3, 255)), "PNG"), "a.png"
        ).mode
        == "RGB"
    )
    assert (
        imaging.open_normalised(encode(Image.new("LA", (8, 8), (9, 100)), "PNG"), "la.png").mode
        == "RGBA"
    )
    assert imaging.open_normalised(encode(Image.new("1", (8, 8), 1), "PNG"), "bw.png").mode == "L"
    assert imaging.open_normalised(encode(Image.new("RGB", (8, 8)), "TIFF"), "t.tif").mode == "RGB"


def test_animated_webp_gives_its_first_frame():
    frames = [Image.new("RGB", (40, 30), c) for c in ((200, 20, 20), (20, 200, 20), (20, 20, 200))]
    data = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], lossless=True)
    info = imaging.probe(data, "loop.webp")
    assert info.frames == 3 and (info.width, info.height) == (40, 30)
    assert close(imaging.open_normalised(data, "loop.webp").getpixel((20, 15)), (200, 20, 20))


# For each EXIF orientation, how a camera stores an upright picture.
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


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(orientation):
    upright = cornered((120, 80))
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(STORED_AS[orientation](upright), quality=95, exif=exif.tobytes())
    info = imaging.probe(data, "phone.jpg")
    assert (info.width, info.height, info.orientation) == (120, 80, orientation)
    image = imaging.open_normalised(data, "phone.jpg")
    assert image.size == (120, 80)
    for key, (x, y) in {"tl": (5, 5), "tr": (114, 5), "bl": (5, 74), "br": (114, 74)}.items():
        assert close(image.getpixel((x, y)), CORNERS[key]), (orientation, key)


def test_malformed_exif_falls_back_to_the_unrotated_image():
    data = encode(cornered((120, 80)))
    app1 = b"Exif\x00\x00" + b"II*\x00\xff\xff\xff\x7f" + b"\x13\x37" * 40
    broken = data[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + data[2:]
    image = imaging.open_normalised(broken, "odd.jpg")
    assert image.size == (120, 80) and close(image.getpixel((5, 5)), CORNERS["tl"])
    assert imaging.probe(broken, "odd.jpg").orientation == 1


@pytest.mark.parametrize("value", [9, 0, 65535])
def test_a_nonsense_orientation_value_is_ignored(value):
    exif = Image.Exif()
    exif[0x0112] = value
    image = imaging.open_normalised(encode(cornered(), exif=exif.tobytes()), "odd.jpg")
    assert image.size == (120, 80)


def test_metadata_from_exif_is_offered():
    exif = Image.Exif()
    exif[0x013B] = "Ian Chen"
    exif[0x8298] = "© 2025 Ian Chen".encode()
    exif[0x010E] = "Dragonfly, the pond at dusk"
    info = imaging.probe(encode(cornered(), exif=exif.tobytes()), "a.jpg")
    assert (info.credit, info.copyright, info.caption) == (
        "Ian Chen",
        "© 2025 Ian Chen",
        "Dragonfly, the pond at dusk",
    )


def test_a_camera_default_description_is_not_a_caption():
    exif = Image.Exif()
    exif[0x010E] = "OLYMPUS DIGITAL CAMERA         "
    assert imaging.probe(encode(cornered(), exif=exif.tobytes()), "a.jpg").caption == ""


def _with_iptc(jpeg: bytes, records: dict[int, str]) -> bytes:
    iptc = b"".join(
        b"\x1c\x02" + bytes([tag]) + struct.pack(">H", len(v.encode())) + v.encode()
        for tag, v in records.items()
    )
    block = (
        b"8BIM\x04\x04\x00\x00"
        + struct.pack(">I", len(iptc))
        + iptc
        + (b"\x00" if len(iptc) % 2 else b"")
    )
    app13 = b"Photoshop 3.0\x00" + block
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(app13) + 2) + app13 + jpeg[2:]


XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:creator><rdf:Seq><rdf:li>Ian Chen (XMP)</rdf:li></rdf:Seq></dc:creator>"
    '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0</rdf:li></rdf:Alt></dc:rights>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def test_iptc_is_read_and_xmp_wins_over_it_and_exif():
    exif = Image.Exif()
    exif[0x013B] = "Camera Owner"
    base = encode(cornered(), exif=exif.tobytes())
    iptc_only = _with_iptc(
        base, {80: "Ian Chen (IPTC)", 116: "© Ian Chen", 120: "Soundtrack of My Life"}
    )
    info = imaging.probe(iptc_only, "a.jpg")
    assert (info.credit, info.copyright, info.caption) == (
        "Ian Chen (IPTC)",
        "© Ian Chen",
        "Soundtrack of My Life",
    )
    both = _with_iptc(
        encode(cornered(), exif=exif.tobytes(), xmp=XMP.encode()), {80: "Ian Chen (IPTC)"}
    )
    info = imaging.probe(both, "b.jpg")
    assert (info.credit, info.copyright) == ("Ian Chen (XMP)", "CC BY 4.0")


def test_broken_xmp_means_no_metadata_not_an_error():
    data = encode(cornered(), xmp=b"<x:xmpmeta><unclosed></x:xmpmeta>")
    assert imaging.probe(data, "a.jpg").credit == ""


def test_max_size_decodes_a_big_jpeg_at_reduced_scale_and_fits_the_box(monkeypatch):
    drafts = []
    real_draft = Image.Image.draft

    def spy(self, mode, size):
        drafts.append(size)
        return real_draft(self, mode, size)

    data = encode(Image.linear_gradient("L").resize((6000, 4000)).convert("RGB"), quality=80)
    monkeypatch.setattr("PIL.JpegImagePlugin.JpegImageFile.draft", spy)
    image = imaging.open_normalised(data, "big.jpg", max_size=(1500, 1500))
    assert image.size == (1500, 1000)
    assert drafts == [(1500, 1000)]


def test_a_small_image_is_never_upscaled():
    assert imaging.open_normalised(
        encode(cornered((300, 200))), "s.jpg", max_size=(3000, 3000)
    ).size == (300, 200)


def test_no_private_metadata_survives_normalising():
    exif = Image.Exif()
    exif[0x013B] = "Ian Chen"
    exif.get_ifd(0x8825)[2] = (37.0, 33.0, 0.0)  # GPS latitude
    image = imaging.open_normalised(
        encode(cornered(), exif=exif.tobytes(), xmp=XMP.encode()), "gps.jpg"
    )
    assert image.info == {} and not image.getexif()
    out = encode(image)
    assert b"Exif" not in out[:200] and b"Ian Chen" not in out


def test_read_image_file_names_missing_files_and_folders(tmp_path):
    with pytest.raises(ImageImportError, match=r"“gone\.jpg” does not exist\."):
        imaging.read_image_file(tmp_path / "gone.jpg")
    with pytest.raises(ImageImportError, match="is a folder, not an image"):
        imaging.read_image_file(tmp_path)


SEED_JPEG = encode(cornered((64, 48)), quality=80)
SEED_PNG = encode(cornered((64, 48)), "PNG")


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from([SEED_JPEG, SEED_PNG])))
    for _ in range(draw(st.integers(1, 12))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(0, len(data)))])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | mutated())
def test_random_and_mutated_bytes_only_ever_raise_image_import_error(data):
    for function in (imaging.probe, imaging.open_normalised):
        try:
            function(data, "fuzz.jpg")
        except ImageImportError as err:
            assert "\n" not in str(err)
