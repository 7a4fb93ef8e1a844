"""What an image is, checked all the way through, before it becomes a still."""

from __future__ import annotations

from dataclasses import dataclass

from presskit.imaging.formats import mime_for
from presskit.imaging.metadata import read_metadata
from presskit.imaging.normalise import upright_size
from presskit.imaging.opening import DECODE_ERRORS, decode, open_checked, orientation


@dataclass(frozen=True)
class ImageInfo:
    format: str  # Pillow's name: "JPEG"
    mime: str
    width: int  # as displayed, after the EXIF orientation
    height: int
    orientation: int
    frames: int
    credit: str
    copyright: str
    caption: str


def probe(data: bytes, name: str) -> ImageInfo:
    """Checks the whole image decodes (JPEGs at 1/8 scale: fast, yet every byte is read)."""
    image = open_checked(data, name)
    orient = orientation(image)
    try:
        frames = int(getattr(image, "n_frames", 1))
    except DECODE_ERRORS:
        frames = 1
    meta = read_metadata(image)
    width, height = upright_size(image.size, orient)
    decode(image, name, (max(1, image.width // 8), max(1, image.height // 8)))
    return ImageInfo(
        format=image.format or "",
        mime=mime_for(image.format or ""),
        width=width,
        height=height,
        orientation=orient,
        frames=frames,
        credit=meta.credit,
        copyright=meta.copyright,
        caption=meta.caption,
    )
