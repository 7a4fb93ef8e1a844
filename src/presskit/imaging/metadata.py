"""The photographer, copyright and caption a photo carries, offered as the still's own.

XMP wins over IPTC, IPTC over EXIF: newer tools write XMP and keep it current, while EXIF
fields are often camera defaults. Broken metadata means "none", never an error.
"""

from __future__ import annotations

import contextlib
import re
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from PIL import Image, IptcImagePlugin

_ARTIST, _COPYRIGHT, _DESCRIPTION = 0x013B, 0x8298, 0x010E
_XP_AUTHOR, _XP_COMMENT = 0x9C9D, 0x9C9C
_IPTC_BYLINE, _IPTC_COPYRIGHT, _IPTC_CAPTION = (2, 80), (2, 116), (2, 120)
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Descriptions cameras write by themselves; not a caption anyone chose.
_CAMERA_DEFAULTS = {
    "olympus digital camera",
    "sony dsc",
    "digital camera",
    "default",
    "exif_jpeg_picture",
    "camera",
    "image",
    "picture",
}


@dataclass(frozen=True)
class Metadata:
    credit: str = ""
    copyright: str = ""
    caption: str = ""


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    if not isinstance(value, str):
        return ""
    return " ".join(_CONTROL.sub("", value).split())


def _exif_text(value: object) -> str:
    """EXIF text is ASCII by the standard, UTF-8 in practice; Pillow reads it as Latin-1."""
    if isinstance(value, str):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("latin-1").decode("utf-8")
    return _text(value)


def _caption(value: str) -> str:
    return "" if value.casefold() in _CAMERA_DEFAULTS else value


def _from_exif(image: Image.Image) -> Metadata:
    exif = image.getexif()

    def xp(tag: int) -> str:
        raw = exif.get(tag)
        if isinstance(raw, tuple):
            raw = bytes(raw)
        return _text(raw.decode("utf-16-le", "ignore")) if isinstance(raw, bytes) else ""

    return Metadata(
        credit=_exif_text(exif.get(_ARTIST)) or xp(_XP_AUTHOR),
        copyright=_exif_text(exif.get(_COPYRIGHT)),
        caption=_caption(_exif_text(exif.get(_DESCRIPTION)) or xp(_XP_COMMENT)),
    )


def _from_iptc(image: Image.Image) -> Metadata:
    info = IptcImagePlugin.getiptcinfo(image) or {}
    return Metadata(
        credit=_text(info.get(_IPTC_BYLINE)),
        copyright=_text(info.get(_IPTC_COPYRIGHT)),
        caption=_caption(_text(info.get(_IPTC_CAPTION))),
    )


def _from_xmp(image: Image.Image) -> Metadata:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    start, end = packet.find(b"<x:xmpmeta"), packet.rfind(b"</x:xmpmeta>")
    if start < 0 or end < 0:
        return Metadata()
    root = ET.fromstring(packet[start : end + len(b"</x:xmpmeta>")])

    def first(tag: str) -> str:
        for element in root.iter(_DC + tag):
            texts = [_text(li.text) for li in element.iter() if li.text and li.text.strip()]
            if texts:
                return texts[0]
        return ""

    return Metadata(
        credit=first("creator"), copyright=first("rights"), caption=_caption(first("description"))
    )


def read_metadata(image: Image.Image) -> Metadata:
    found = []
    for reader in (_from_xmp, _from_iptc, _from_exif):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found.append(reader(image))
        except Exception:
            found.append(Metadata())

    def pick(field: str) -> str:
        return next((getattr(m, field) for m in found if getattr(m, field)), "")

    return Metadata(pick("credit"), pick("copyright"), pick("caption"))
