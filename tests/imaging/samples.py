"""Small images made in code for the imaging tests, including the odd files cameras, scanners
and mail programs produce: hand-built PNG chunks, JPEG segments and ICC profiles."""

from __future__ import annotations

import io
import itertools
import struct
import zlib

import pytest
from PIL import Image

from presskit import imaging
from presskit.errors import ImageImportError

RED, GREEN, BLUE, YELLOW = (230, 30, 30), (30, 200, 30), (30, 30, 230), (240, 240, 40)
CORNERS = {"tl": RED, "tr": GREEN, "bl": BLUE, "br": YELLOW}


def encode(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def cornered(size: tuple[int, int] = (120, 80)) -> Image.Image:
    """An upright grey picture whose four corners are red, green, blue and yellow squares
    (a quarter of the short side), so any turn or flip shows."""
    image = Image.new("RGB", size, (128, 128, 128))
    w, h = size
    s = min(size) // 4
    for (x, y), key in (
        ((0, 0), "tl"),
        ((w - s, 0), "tr"),
        ((0, h - s), "bl"),
        ((w - s, h - s), "br"),
    ):
        image.paste(CORNERS[key], (x, y, x + s, y + s))
    return image


def corner_colours(image: Image.Image) -> dict[str, tuple[int, ...]]:
    """The colour in the middle of each corner square of a ``cornered`` picture."""
    w, h = image.size
    d = min(image.size) // 8
    points = {
        "tl": (d, d),
        "tr": (w - 1 - d, d),
        "bl": (d, h - 1 - d),
        "br": (w - 1 - d, h - 1 - d),
    }
    return {key: image.getpixel(xy) for key, xy in points.items()}  # type: ignore[misc]


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def refused(data: bytes, name: str) -> str:
    """The sentence both probe and open_normalised refuse ``data`` with (they must agree)."""
    with pytest.raises(ImageImportError) as probed:
        imaging.probe(data, name)
    with pytest.raises(ImageImportError) as opened:
        imaging.open_normalised(data, name)
    message = str(probed.value)
    assert str(opened.value) == message
    assert message.startswith(f"“{name}” ") and message.endswith(".") and "\n" not in message
    return message


def exif_of(**tags: object) -> Image.Exif:
    """EXIF with the given tags, by number: exif_of(t0x0112=6)."""
    exif = Image.Exif()
    for key, value in tags.items():
        exif[int(key[1:], 16)] = value
    return exif


def exif_bytes(**tags: object) -> bytes:
    return exif_of(**tags).tobytes()


# -- PNG by hand: sizes and bit depths Pillow will not write ------------------------------


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_by_hand(width: int, height: int, depth: int, colour_type: int, rows: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(rows))
        + png_chunk(b"IEND", b"")
    )


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG claiming ``width`` x ``height`` RGB pixels, with almost no pixel data."""
    return png_by_hand(width, height, 8, 2, b"\x00" * 64)


def png_16bit_rgb(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    row = b"\x00" + struct.pack(">HHH", *rgb) * width
    return png_by_hand(width, height, 16, 2, row * height)


# -- JPEG segments -------------------------------------------------------------------------


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) for each segment before the scan data."""
    assert data[:2] == b"\xff\xd8"
    position, found = 2, []
    while data[position] == 0xFF and data[position + 1] != 0xDA:
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        found.append((marker, data[position + 4 : position + 2 + length]))
        position += 2 + length
    return found


def with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """``jpeg`` with one more segment right after its start-of-image marker."""
    segment = bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def without_segments(jpeg: bytes, marker: int) -> bytes:
    position, out = 2, bytearray(jpeg[:2])
    while jpeg[position] == 0xFF and jpeg[position + 1] != 0xDA:
        length = struct.unpack(">H", jpeg[position + 2 : position + 4])[0]
        if jpeg[position + 1] != marker:
            out += jpeg[position : position + 2 + length]
        position += 2 + length
    return bytes(out + jpeg[position:])


def with_iptc(jpeg: bytes, records: dict[int, bytes]) -> bytes:
    """An APP13 "Photoshop 3.0" segment with an 8BIM 0x0404 IPTC-NAA block, as Photoshop,
    Photo Mechanic and newsroom systems write it."""
    iptc = b"".join(
        b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(value)) + value
        for dataset, value in records.items()
    )
    resource = b"8BIM" + b"\x04\x04" + b"\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    resource += b"\x00" * (len(iptc) % 2)
    return with_segment(jpeg, 0xED, b"Photoshop 3.0\x00" + resource)


def xmp_packet(creator: str = "", rights: str = "", description: str = "") -> bytes:
    fields = ""
    if creator:
        fields += f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>"
    if rights:
        fields += (
            "<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>"
            f"{rights}</rdf:li></rdf:Alt></dc:rights>"
        )
    if description:
        fields += (
            "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>"
            f"{description}</rdf:li></rdf:Alt></dc:description>"
        )
    return (
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>"
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        f"{fields}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
    ).encode()


# -- ICC profiles by hand (version 2), so colour management is tested without files ---------

_D50 = (0.9642, 1.0, 0.8249)
# sRGB's primaries adapted to D50, as in every sRGB profile.
SRGB_RED, SRGB_GREEN, SRGB_BLUE = (
    (0.4361, 0.2225, 0.0139),
    (0.3851, 0.7169, 0.0971),
    (0.1431, 0.0606, 0.7141),
)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(xyz: tuple[float, float, float]) -> bytes:
    return b"XYZ \x00\x00\x00\x00" + b"".join(_s15(v) for v in xyz)


def _desc(text: str) -> bytes:
    ascii_ = text.encode("ascii") + b"\x00"
    return (
        b"desc\x00\x00\x00\x00"
        + struct.pack(">I", len(ascii_))
        + ascii_
        + b"\x00" * 8  # no Unicode description
        + b"\x00" * 3  # no ScriptCode description
        + b"\x00" * 67
    )


def _profile(
    device_class: bytes, space: bytes, pcs: bytes, tags: list[tuple[bytes, bytes]]
) -> bytes:
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    entries, blobs = b"", b""
    for signature, body in tags:
        body += b"\x00" * (-len(body) % 4)
        entries += signature + struct.pack(">II", offset + len(blobs), len(body))
        blobs += body
    size = 128 + table_size + len(blobs)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + struct.pack(">I", 0x02100000)
        + device_class
        + space
        + pcs
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\x00" * 24  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # perceptual intent
        + b"".join(_s15(v) for v in _D50)
        + b"\x00" * 48  # creator, profile ID, reserved
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + entries + blobs


def rgb_profile(red, green, blue, description: str) -> bytes:
    """A monitor profile with these primaries (XYZ, D50) and a 2.2 gamma."""
    gamma = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0233)
    return _profile(
        b"mntr",
        b"RGB ",
        b"XYZ ",
        [
            (b"desc", _desc(description)),
            (b"wtpt", _xyz(_D50)),
            (b"rXYZ", _xyz(red)),
            (b"gXYZ", _xyz(green)),
            (b"bXYZ", _xyz(blue)),
            (b"rTRC", gamma),
            (b"gTRC", gamma),
            (b"bTRC", gamma),
        ],
    )


def linear_grey_profile() -> bytes:
    """A greyscale profile with gamma 1.0: its stored 128 is half the light, which sRGB
    (gamma about 2.2) writes as about 188."""
    linear = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0100)
    return _profile(
        b"mntr",
        b"GRAY",
        b"XYZ ",
        [(b"desc", _desc("Linear grey")), (b"wtpt", _xyz(_D50)), (b"kTRC", linear)],
    )


def swapped_primaries_profile() -> bytes:
    """An RGB profile whose "red" is sRGB's green and "green" sRGB's red: through it, the
    stored (200, 30, 30) is a green, so a test can tell the profile was used."""
    return rgb_profile(SRGB_GREEN, SRGB_RED, SRGB_BLUE, "Swapped primaries")


def cmyk_profile(paper_lab: tuple[float, float, float]) -> bytes:
    """A printer profile (CMYK -> Lab through a 2-point lut16 grid) whose unprinted paper is
    ``paper_lab`` and whose full black is near black, whatever the other inks."""

    def lab16(lab: tuple[float, float, float]) -> bytes:
        lightness, a, b = lab
        return struct.pack(
            ">HHH",
            round(lightness / 100 * 0xFF00),
            round((a + 128) * 256),
            round((b + 128) * 256),
        )

    # Grid corners in file order (cyan slowest, black fastest): only black counts here.
    grid = b"".join(
        lab16((8.0, 0.0, 0.0) if black else paper_lab)
        for *_inks, black in itertools.product((0, 1), repeat=4)
    )
    identity = b"".join(_s15(v) for v in (1, 0, 0, 0, 1, 0, 0, 0, 1))
    ramp = struct.pack(">HH", 0, 0xFFFF)
    lut = (
        b"mft2\x00\x00\x00\x00"
        + bytes([4, 3, 2, 0])
        + identity
        + struct.pack(">HH", 2, 2)
        + ramp * 4
        + grid
        + ramp * 3
    )
    return _profile(
        b"prtr",
        b"CMYK",
        b"Lab ",
        [(b"desc", _desc("Warm paper")), (b"wtpt", _xyz(_D50)), (b"A2B0", lut)],
    )
