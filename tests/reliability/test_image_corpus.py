"""A corpus of bad and unusual image files, each taken in as a correct upright picture or
refused in one sentence; then exported, and every image in the PDF checked for position
and for private metadata (GPS, EXIF, XMP, IPTC, ICC) left in."""

from __future__ import annotations

import io
import struct

import pypdf
import pytest
from PIL import Image

from presskit import imaging, kitio, render
from presskit.errors import ImageImportError
from presskit.store import KitFile
from tests.imaging.samples import (
    CORNERS,
    SRGB_BLUE,
    SRGB_GREEN,
    SRGB_RED,
    close,
    corner_colours,
    cornered,
    encode,
    exif_of,
    jpeg_segments,
    png_by_hand,
    png_chunk,
    png_header_only,
    refused,
    rgb_profile,
    with_iptc,
    xmp_packet,
)
from tests.imaging.test_orientation import stored
from tests.reliability.conftest import held, note, ran

SIZE = (120, 80)
PRIVATE = [b"SecretCam-77", b"XMP-PRIVATE-9", b"IPTC-PRIVATE-5", b"ICC-PRIVATE-3", b"GPS-DATUM-1"]


def with_dimensions(jpeg: bytes, width: int, height: int) -> bytes:
    """A JPEG whose frame header claims another size (the pixels stay as they were)."""
    at = jpeg.index(b"\xff\xc0") + 5
    return jpeg[:at] + struct.pack(">HH", height, width) + jpeg[at + 4 :]


def png_16bit(image: Image.Image) -> bytes:
    rows = b"".join(
        b"\x00"
        + b"".join(
            struct.pack(">HHH", *(c * 257 for c in image.getpixel((x, y))))
            for x in range(image.width)
        )
        for y in range(image.height)
    )
    return png_by_hand(image.width, image.height, 16, 2, rows)


def png_with_exif(image: Image.Image, exif: bytes) -> bytes:
    png = encode(image, "PNG")
    end = png.index(b"IEND") - 4
    return png[:end] + png_chunk(b"eXIf", exif) + png[end:]


def private_exif() -> Image.Exif:
    exif = exif_of(t0x010F="SecretCam-77", t0x013B="Ian Chen")
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[18] = "N", (37.0, 33.0, 12.5), "GPS-DATUM-1"
    return exif


def huge_exif() -> Image.Exif:
    exif = private_exif()
    exif[0x010E] = "caption " * 7_500  # ImageDescription: 60 KB, about all one JPEG segment holds
    return exif


def corpus() -> dict[str, tuple[bytes, bool]]:
    """name -> (bytes, taken in?)."""
    upright = cornered(SIZE)
    jpeg = encode(upright, quality=92)
    palette = upright.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    animated = [upright, Image.new("RGB", SIZE, (0, 0, 0))]
    private = with_iptc(
        encode(
            upright,
            quality=92,
            exif=private_exif(),
            xmp=xmp_packet("XMP-PRIVATE-9"),
            icc_profile=rgb_profile(SRGB_RED, SRGB_GREEN, SRGB_BLUE, "ICC-PRIVATE-3"),
        ),
        {80: b"IPTC-PRIVATE-5", 116: b"IPTC-PRIVATE-5"},
    )
    files: dict[str, tuple[bytes, bool]] = {
        "empty.jpg": (b"", False),
        "cut.jpg": (jpeg[: len(jpeg) // 2], False),
        "cut.png": (encode(upright, "PNG")[:150], False),
        "bomb.png": (png_header_only(30_000, 30_000), False),
        "bomb.jpg": (with_dimensions(jpeg, 65_000, 65_000), False),
        "zero-width.png": (png_by_hand(0, 80, 8, 2, b""), False),
        "notes.jpg": (b"Call Ian about the Dragonfly stills on Monday.\n", False),
        "scan.jpg": (encode(upright, "BMP"), False),
        "animated.gif": (encode(upright, "GIF", save_all=True, append_images=animated[1:]), False),
        "mislabelled-png.jpg": (encode(upright, "PNG"), True),
        "cmyk.jpg": (encode(upright.convert("CMYK"), quality=95), True),
        "16-bit.png": (png_16bit(upright), True),
        "palette.png": (encode(palette, "PNG"), True),
        "animated.png": (encode(upright, "PNG", save_all=True, append_images=animated[1:]), True),
        "animated.webp": (
            encode(upright, "WEBP", save_all=True, append_images=animated[1:], lossless=True),
            True,
        ),
        "lzw.tiff": (encode(upright, "TIFF", compression="tiff_lzw"), True),
        "huge-exif.jpg": (encode(upright, quality=92, exif=huge_exif()), True),
        "huge-exif.png": (
            png_with_exif(upright, huge_exif().tobytes() + b"\x00" * 2_000_000),
            True,
        ),
        "private.jpg": (private, True),
    }
    for orientation in range(1, 9):
        files[f"orientation-{orientation}.jpg"] = (stored(orientation, size=SIZE), True)
    return files


CORPUS = corpus()


def assert_upright(image: Image.Image) -> None:
    image = image.convert("RGB")
    assert abs(image.width / image.height - SIZE[0] / SIZE[1]) < 0.05, image.size
    for key, colour in corner_colours(image).items():
        assert close(colour, CORNERS[key], tolerance=60), (key, colour)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_file_is_a_correct_picture_or_one_clear_sentence(name, tmp_path):
    ran("5. image corpus: taken upright or refused in a sentence")
    data, taken = CORPUS[name]
    path = tmp_path / name
    path.write_bytes(data)
    if taken:
        image = kitio.import_image(path)
        assert (image.info.width, image.info.height) == SIZE
        assert_upright(imaging.open_normalised(data, name))
    else:
        message = refused(data, name)
        with pytest.raises(ImageImportError) as err:
            kitio.import_image(path)
        assert str(err.value) == message
    held("5. image corpus: taken upright or refused in a sentence")


def test_every_picture_in_the_pdf_is_upright_and_carries_nothing_private(tmp_path):
    accepted = []
    for name, (data, taken) in CORPUS.items():
        if taken:
            (tmp_path / name).write_bytes(data)
            accepted.append(str(tmp_path / name))
    assert all(marker in CORPUS["private.jpg"][0] for marker in PRIVATE)
    kit_path = tmp_path / "k.presskit"
    kitio.create_kit(kit_path).close()
    with KitFile.open(kit_path) as kit_file:
        kitio.add_stills(kit_file, accepted, credit="Ian Chen", caption="On set")
        out = tmp_path / "k.pdf"
        render.export_pdf(kit_file.load(), kit_file, out, render.Options(profile="print"))
    pdf = out.read_bytes()
    images = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject["/Subtype"] == "/Image":
                images[id(xobject)] = xobject
    assert len(images) >= len(accepted) - 1  # identical pictures may share one image
    check = "5. images in the PDF: upright, no GPS/EXIF/XMP/IPTC/ICC"
    ran(check, len(images))
    for xobject in images.values():
        assert "/Metadata" not in xobject and xobject["/ColorSpace"] == "/DeviceRGB"
        assert xobject["/Filter"] in ("/DCTDecode", ["/DCTDecode"])  # the JPEG, as made
        jpeg = xobject._data  # the JPEG as stored in the PDF
        markers = {marker for marker, _payload in jpeg_segments(jpeg)}
        assert markers <= {0xE0, 0xDB, 0xC0, 0xC4, 0xDD}, sorted(hex(m) for m in markers)
        for private in [*PRIVATE, b"Exif", b"ICC_PROFILE", b"Photoshop", b"8BIM", b"xmpmeta"]:
            assert private not in jpeg
        assert_upright(Image.open(io.BytesIO(jpeg)))
    for private in PRIVATE:
        assert private not in pdf
    held(check, len(images))
    note(check, f"{len(accepted)} stills exported at print resolution")
