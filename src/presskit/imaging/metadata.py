"""The photographer, copyright and caption a photo carries, offered as the still's own.

XMP wins over IPTC, IPTC over EXIF: newer tools write XMP and keep it current, while EXIF
fields are often camera defaults. Broken metadata means "none", never an error.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, fields, replace

from PIL import Image, IptcImagePlugin

from presskit.imaging.opening import DECODE_ERRORS

_ARTIST, _COPYRIGHT, _DESCRIPTION = 0x013B, 0x8298, 0x010E
_XP_AUTHOR, _XP_COMMENT = 0x9C9D, 0x9C9C
_IPTC_BYLINE, _IPTC_COPYRIGHT, _IPTC_CAPTION = (2, 80), (2, 116), (2, 120)
_IPTC_CREDIT, _IPTC_OBJECT_NAME = (2, 110), (2, 5)
_DC = "{http://purl.org/dc/elements/1.1/}"
_PHOTOSHOP = "{http://ns.adobe.com/photoshop/1.0/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Descriptions cameras and phones write by themselves: not a caption anyone chose.
_CAMERA_DEFAULTS = {
    "olympus digital camera",
    "sony dsc",
    "digital camera",
    "samsung digital camera",
    "minolta digital camera",
    "konica minolta digital camera",
    "kodak digital still camera",
    "exif_jpeg_picture",
    "default",
    "camera",
    "image",
    "picture",
    "photo",
    "untitled",
}


@dataclass(frozen=True)
class Metadata:
    credit: str = ""  # the photographer
    copyright: str = ""
    caption: str = ""
    credit_line: str = ""  # as the photographer asks to be credited ("Photo: NAME")
    title: str = ""  # what the picture is of: presskit writes the film's title here


def read_metadata(image: Image.Image) -> Metadata:
    """Each field from the most trusted source that has it."""
    found = []
    for reader in (_from_xmp, _from_iptc, _from_exif):
        try:
            found.append(reader(image))
        except (MemoryError, ET.ParseError, *DECODE_ERRORS):
            found.append(Metadata())

    cleaned = [replace(m, caption=_caption(m.caption)) for m in found]  # junk is no caption

    def pick(field: str) -> str:
        return next((getattr(m, field) for m in cleaned if getattr(m, field)), "")

    return Metadata(*(pick(f.name) for f in fields(Metadata)))


def clean(value: object) -> str:
    """Text as a person would type it: bytes decoded (UTF-8, else Latin-1), control
    characters gone, runs of whitespace (line breaks too) one space, ends stripped."""
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, (clean(v) for v in value)))
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())  # line breaks and tabs become single spaces first
    return " ".join(_CONTROL.sub("", text).split())


def _caption(value: str) -> str:
    return "" if value.casefold() in _CAMERA_DEFAULTS else value


def _from_xmp(image: Image.Image) -> Metadata:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    if not isinstance(packet, bytes):
        return Metadata()
    if b"<!DOCTYPE" in packet or b"<!ENTITY" in packet:
        return Metadata()  # XMP never has a DTD, and entities are how XML bombs work
    for opening, closing in ((b"<x:xmpmeta", b"</x:xmpmeta>"), (b"<rdf:RDF", b"</rdf:RDF>")):
        start, end = packet.find(opening), packet.rfind(closing)
        if 0 <= start < end:
            root = ET.fromstring(packet[start : end + len(closing)])
            break
    else:
        return Metadata()
    return Metadata(
        credit=_xmp_property(root, "creator"),
        copyright=_xmp_property(root, "rights"),
        caption=_xmp_property(root, "description"),
        credit_line=_xmp_property(root, "Credit", _PHOTOSHOP),
        title=_xmp_property(root, "title"),
    )


def _xmp_property(root: ET.Element, name: str, namespace: str = _DC) -> str:
    """A property (Dublin Core's unless told): every item of a list (creators), the default
    language of a language alternative (rights, description), or a plain value or attribute."""
    for description in root.iter(_RDF + "Description"):
        if namespace + name in description.attrib:
            return clean(description.attrib[namespace + name])
    for element in root.iter(namespace + name):
        items = list(element.iter(_RDF + "li"))
        if not items:
            return clean(element.text)
        if element.find(_RDF + "Alt") is not None:
            default = [li for li in items if li.get(_XML_LANG) == "x-default"]
            return clean((default or items)[0].text)
        return clean([li.text for li in items])
    return ""


def _from_iptc(image: Image.Image) -> Metadata:
    info = IptcImagePlugin.getiptcinfo(image) or {}  # type: ignore[arg-type]
    return Metadata(
        credit=clean(info.get(_IPTC_BYLINE)),
        copyright=clean(info.get(_IPTC_COPYRIGHT)),
        caption=clean(info.get(_IPTC_CAPTION)),
        credit_line=clean(info.get(_IPTC_CREDIT)),
        title=clean(info.get(_IPTC_OBJECT_NAME)),
    )


def _from_exif(image: Image.Image) -> Metadata:
    exif = image.getexif()
    return Metadata(
        credit=_exif_text(exif.get(_ARTIST)) or _xp_text(exif.get(_XP_AUTHOR)),
        copyright=_exif_text(exif.get(_COPYRIGHT)),
        caption=_exif_text(exif.get(_DESCRIPTION)) or _xp_text(exif.get(_XP_COMMENT)),
    )


def _exif_text(value: object) -> str:
    """EXIF text is ASCII by the standard, UTF-8 in practice; Pillow reads it as Latin-1."""
    if isinstance(value, str):
        with contextlib.suppress(UnicodeEncodeError):
            value = value.encode("latin-1")
    return clean(value)


def _xp_text(value: object) -> str:
    """Windows' XP* tags: UTF-16LE in a BYTE array."""
    if isinstance(value, tuple):
        try:
            value = bytes(value)
        except (TypeError, ValueError):
            return ""
    return clean(value.decode("utf-16-le", "ignore")) if isinstance(value, bytes) else ""
