"""Making one rendition: the work a worker process does, kept free of ReportLab and Qt so
a spawned worker starts fast (it imports Pillow and this package, nothing else)."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from PIL import Image

from presskit.imaging.colour import srgb_profile_bytes
from presskit.imaging.normalise import open_normalised
from presskit.store import read_asset_bytes


@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int


def make_rendition(data: bytes, name: str, size: tuple[int, int], quality: int) -> Rendition:
    """Decode (at reduced scale), resize, encode a clean JPEG.

    The JPEG carries no EXIF, GPS or other metadata; transparency is flattened on white.
    """
    image = on_paper(open_normalised(data, name, max_size=size))
    out = BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
    return Rendition(out.getvalue(), image.width, image.height)


def full_size_jpeg(data: bytes, name: str) -> bytes:
    """A picture that is not a JPEG (PNG, TIFF, WebP, HEIC) as a JPEG for print at its full
    size: upright, converted to sRGB through its own profile, which is then embedded, at
    quality 95 without chroma subsampling, so nothing a layout program enlarges looks soft."""
    image = on_paper(open_normalised(data, name))
    out = BytesIO()
    image.save(out, "JPEG", quality=95, subsampling=0, icc_profile=srgb_profile_bytes())
    return out.getvalue()


def on_paper(image: Image.Image) -> Image.Image:
    """Transparency flattened on white, since the pages and layouts stills go to are paper."""
    if image.mode != "RGBA":
        return image
    paper = Image.new("RGB", image.size, (255, 255, 255))
    paper.paste(image, mask=image.getchannel("A"))
    return paper


def is_whole(data: bytes, size: tuple[int, int]) -> bool:
    """A cached rendition decodes completely to the size its spec names."""
    try:
        with Image.open(BytesIO(data)) as image:
            if image.format != "JPEG" or image.size != size:
                return False
            image.load()
        return True
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False


def looks_like_jpeg(data: bytes) -> bool:
    """A cached rendition whose header reads as a JPEG: cheap (nothing decoded), enough to
    keep bytes damaged outside presskit from reaching the PDF writer, which would fail."""
    try:
        with Image.open(BytesIO(data)) as image:
            return image.format == "JPEG"
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False


def rendition_from_kit(
    kit_path: str, sha256: str, name: str, size: tuple[int, int], quality: int
) -> Rendition:
    """The same, reading the original straight from the kit file: no copy through a pipe."""
    return make_rendition(read_asset_bytes(kit_path, sha256), name, size, quality)
