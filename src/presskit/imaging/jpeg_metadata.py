"""A still's credits written into its JPEG without touching the image data.

The new XMP (APP1) and IPTC (APP13) segments go into the byte stream beside the others, and
the entropy-coded data is copied as it is, so the decoded pixels are exactly the original's.
The old XMP and IPTC go (they may name someone else, or hold a location); EXIF stays for
the camera settings and the orientation, less its GPS and its own artist, copyright and
description tags, which could contradict the credit.

Written by hand rather than with a library: the maintained libraries that edit XMP and IPTC
in place (pyexiv2 and python-exiv2, both bindings of exiv2) are GPL-3.0, which presskit's
MIT bundle cannot take in; iptcinfo3 writes IPTC only, piexif EXIF only (unmaintained since
2019). The formats involved are small: JPEG markers, Adobe's XMP-in-JPEG header, Photoshop's
image resource blocks and IPTC-IIM datasets.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from xml.sax.saxutils import escape

_SOI, _SOS, _APP0, _APP1, _APP13 = 0xD8, 0xDA, 0xE0, 0xE1, 0xED
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers with no length (TEM, RST0-7)
_EXIF = b"Exif\0\0"
_XMP = b"http://ns.adobe.com/xap/1.0/\0"
_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\0"
_PHOTOSHOP = b"Photoshop 3.0\0"
_IPTC_RESOURCE, _IPTC_DIGEST = 0x0404, 0x0425  # the digest would no longer match: dropped
_SEGMENT_MAX = 0xFFFF - 2  # a segment's payload, its length field excluded
# EXIF tags in IFD0 that go: the GPS position, and the text tags the credit replaces.
_GPS_POINTER = 0x8825
_REPLACED_TAGS = {0x010E, 0x013B, 0x8298, 0x9C9B, 0x9C9C, 0x9C9D, 0x9C9F}
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
# IPTC-IIM: the most bytes each dataset may hold by the standard (longer ones are cut).
_OBJECT_NAME, _BYLINE, _HEADLINE, _CREDIT, _COPYRIGHT, _CAPTION = 5, 80, 105, 110, 116, 120
_IIM_MAX = {_OBJECT_NAME: 64, _BYLINE: 32, _HEADLINE: 256, _CREDIT: 32, _COPYRIGHT: 128}
_IIM_MAX[_CAPTION] = 2000
XMP_MAX_CHARS = 1000  # per value: the whole packet then stays far inside one segment
# Characters XML 1.0 cannot hold at all, escaped or not.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JpegStructureError(ValueError):
    """The bytes are not a JPEG whose segments can be followed."""


@dataclass(frozen=True)
class StillCredits:
    """What each still file says about itself: the fields press photo tools read."""

    creator: str = ""  # the photographer: XMP dc:creator, IPTC By-line
    copyright: str = ""  # XMP dc:rights, IPTC Copyright Notice
    credit_line: str = ""  # "Photo: NAME": XMP photoshop:Credit, IPTC Credit
    caption: str = ""  # XMP dc:description, IPTC Caption/Abstract
    title: str = ""  # the film: XMP dc:title and photoshop:Headline, IPTC Object Name, Headline


def with_credits(jpeg: bytes, credits: StillCredits) -> bytes:
    """``jpeg`` with ``credits`` as its XMP and IPTC, no GPS, and its image data untouched."""
    segments, image_data = _split(jpeg)
    kept: list[tuple[int, bytes]] = []
    resources: list[bytes] = []  # Photoshop's other image resources (clipping paths, ...)
    for marker, payload in segments:
        if marker == _APP1 and payload.startswith((_XMP, _XMP_EXTENSION)):
            continue
        if marker == _APP13 and payload.startswith(_PHOTOSHOP):
            resources += _resources_but_iptc(payload[len(_PHOTOSHOP) :])
            continue
        if marker == _APP1 and payload.startswith(_EXIF):
            tiff = _without_gps_or_credits(payload[len(_EXIF) :])
            if tiff is None:
                continue  # EXIF that cannot be followed may hide a position: it goes
            payload = _EXIF + tiff
        kept.append((marker, payload))
    ours = [(_APP1, _XMP + _xmp_packet(credits))]
    ours.append((_APP13, _PHOTOSHOP + b"".join([*resources, _iptc_resource(credits)])))
    # After JFIF and EXIF, where readers look first; before the tables and the frame.
    at = 0
    while at < len(kept) and (
        kept[at][0] == _APP0 or (kept[at][0] == _APP1 and kept[at][1].startswith(_EXIF))
    ):
        at += 1
    kept[at:at] = ours
    out = bytearray(b"\xff\xd8")
    for marker, payload in kept:
        if len(payload) > _SEGMENT_MAX:
            raise JpegStructureError("a metadata segment is too long for a JPEG")
        out += struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload
    return bytes(out + image_data)


def _split(jpeg: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """The segments before the first scan, and everything from the scan's marker on."""
    if not jpeg.startswith(b"\xff\xd8"):
        raise JpegStructureError("not a JPEG")
    segments = []
    at = 2
    while True:
        if at + 2 > len(jpeg) or jpeg[at] != 0xFF:
            raise JpegStructureError("a JPEG segment does not start where the last one ended")
        while at + 1 < len(jpeg) and jpeg[at + 1] == 0xFF:
            at += 1  # fill bytes before a marker
        marker = jpeg[at + 1]
        if marker == _SOS:
            return segments, jpeg[at:]
        if marker in _STANDALONE or marker == _SOI:
            at += 2
            continue
        if at + 4 > len(jpeg):
            raise JpegStructureError("a JPEG ends inside a segment header")
        (length,) = struct.unpack(">H", jpeg[at + 2 : at + 4])
        if length < 2 or at + 2 + length > len(jpeg):
            raise JpegStructureError("a JPEG segment runs past the end of the file")
        segments.append((marker, jpeg[at + 4 : at + 2 + length]))
        at += 2 + length


def _without_gps_or_credits(tiff: bytes) -> bytes | None:
    """The EXIF block with IFD0's GPS pointer and replaced text tags removed and the data
    they pointed at zeroed, every other offset left as it was (maker notes keep working).
    None when its structure cannot be followed."""
    if tiff[:4] not in (b"II*\0", b"MM\0*") or len(tiff) < 8:
        return None
    order = "<" if tiff[:2] == b"II" else ">"
    out = bytearray(tiff)
    try:
        (ifd0,) = struct.unpack_from(order + "I", tiff, 4)
        entries = _entries(tiff, order, ifd0)
        kept = []
        for entry in entries:
            tag, _type, _count, value = struct.unpack_from(order + "HHII", entry)
            if tag == _GPS_POINTER:
                for gps_entry in _entries(tiff, order, value):
                    _zero_value(out, order, gps_entry)
                gps_count = len(_entries(tiff, order, value))
                out[value : value + 2 + 12 * gps_count + 4] = bytes(2 + 12 * gps_count + 4)
            elif tag in _REPLACED_TAGS:
                _zero_value(out, order, entry)
            else:
                kept.append(entry)
        (next_ifd,) = struct.unpack_from(order + "I", tiff, ifd0 + 2 + 12 * len(entries))
    except (struct.error, IndexError):
        return None
    table = struct.pack(order + "H", len(kept)) + b"".join(kept)
    table += struct.pack(order + "I", next_ifd)
    table += bytes(12 * (len(entries) - len(kept)))  # the same length: nothing else moves
    out[ifd0 : ifd0 + len(table)] = table
    return bytes(out)


def _entries(tiff: bytes, order: str, offset: int) -> list[bytes]:
    (count,) = struct.unpack_from(order + "H", tiff, offset)
    if offset + 2 + 12 * count + 4 > len(tiff):
        raise IndexError("an EXIF directory runs past the end of its block")
    return [tiff[offset + 2 + 12 * i : offset + 14 + 12 * i] for i in range(count)]


def _zero_value(out: bytearray, order: str, entry: bytes) -> None:
    """Zeroes the bytes an entry's value is stored in, when they lie outside the entry."""
    _tag, kind, count, offset = struct.unpack_from(order + "HHII", entry)
    size = _TYPE_SIZES.get(kind, 1) * count
    if size > 4 and offset + size <= len(out):
        out[offset : offset + size] = bytes(size)


def _resources_but_iptc(blocks: bytes) -> list[bytes]:
    """Photoshop's image resource blocks, each whole, less the IPTC and its digest. Blocks
    that cannot be followed are dropped from there on: they are metadata, not the picture."""
    kept = []
    at = 0
    while at + 12 <= len(blocks) and blocks[at : at + 4] == b"8BIM":
        (resource,) = struct.unpack_from(">H", blocks, at + 4)
        name_length = blocks[at + 6]
        name_end = at + 6 + name_length + 1 + (name_length + 1) % 2  # padded to even
        if name_end + 4 > len(blocks):
            break
        (size,) = struct.unpack_from(">I", blocks, name_end)
        end = name_end + 4 + size + size % 2
        if end > len(blocks) + size % 2:
            break
        if resource not in (_IPTC_RESOURCE, _IPTC_DIGEST):
            kept.append(blocks[at:end].ljust(end - at, b"\0"))
        at = end
    return kept


def _iptc_resource(credits: StillCredits) -> bytes:
    """IPTC-IIM in UTF-8 (declared by the envelope's coded character set), as resource 0x0404."""
    datasets = _dataset(1, 90, b"\x1b%G") + _dataset(2, 0, b"\x00\x04")  # UTF-8; version 4
    for number, value in (
        (_OBJECT_NAME, credits.title),
        (_BYLINE, credits.creator),
        (_HEADLINE, credits.title),
        (_CREDIT, credits.credit_line),
        (_COPYRIGHT, credits.copyright),
        (_CAPTION, credits.caption),
    ):
        if value:
            datasets += _dataset(2, number, _utf8_within(value, _IIM_MAX[number]))
    block = b"8BIM" + struct.pack(">H", _IPTC_RESOURCE) + b"\0\0"  # an empty, padded name
    block += struct.pack(">I", len(datasets)) + datasets
    return block + b"\0" * (len(datasets) % 2)


def _dataset(record: int, number: int, data: bytes) -> bytes:
    return struct.pack(">BBBH", 0x1C, record, number, len(data)) + data


def _utf8_within(text: str, limit: int) -> bytes:
    """``text`` as UTF-8, cut at a character boundary to at most ``limit`` bytes."""
    data = _one_line(text).encode("utf-8")
    if len(data) <= limit:
        return data
    return data[:limit].decode("utf-8", "ignore").encode("utf-8")


def _one_line(text: str) -> str:
    return " ".join(_NOT_XML.sub("", text).split())


def _xmp_packet(credits: StillCredits) -> bytes:
    def text(value: str) -> str:
        value = _one_line(value)
        if len(value) > XMP_MAX_CHARS:
            value = value[: XMP_MAX_CHARS - 1] + "…"
        return escape(value)

    def alt(name: str, value: str) -> str:
        return (
            f'<{name}><rdf:Alt><rdf:li xml:lang="x-default">{text(value)}</rdf:li>'
            f"</rdf:Alt></{name}>"
        )

    properties = []
    if credits.creator:
        properties.append(
            f"<dc:creator><rdf:Seq><rdf:li>{text(credits.creator)}</rdf:li></rdf:Seq></dc:creator>"
        )
    if credits.copyright:
        properties.append(alt("dc:rights", credits.copyright))
        properties.append("<xmpRights:Marked>True</xmpRights:Marked>")
    if credits.caption:
        properties.append(alt("dc:description", credits.caption))
    if credits.title:
        properties.append(alt("dc:title", credits.title))
        properties.append(f"<photoshop:Headline>{text(credits.title)}</photoshop:Headline>")
    if credits.credit_line:
        properties.append(f"<photoshop:Credit>{text(credits.credit_line)}</photoshop:Credit>")
    body = "\n   ".join(properties)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"\n'
        '    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
