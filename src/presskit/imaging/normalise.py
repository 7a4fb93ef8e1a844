"""Any accepted image as upright 8-bit sRGB pixels, stripped of metadata.

This is what renditions and thumbnails are made from. Privacy: the result carries no EXIF,
ICC, XMP or GPS, so nothing a photographer did not mean to publish reaches a press kit.
"""

from __future__ import annotations

from PIL import Image, ImageFile

from presskit.imaging import refusals
from presskit.imaging.colour import ColourError, to_rgb
from presskit.imaging.opening import DECODE_ERRORS, decode, open_checked
from presskit.imaging.orient import make_upright, orientation, upright_size
from presskit.imaging.quiet import quiet


def fit_within(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down (never up) to fit ``box``, keeping the aspect ratio."""
    width, height = size
    scale = min(1.0, box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def open_normalised(data: bytes, name: str, max_size: tuple[int, int] | None = None) -> Image.Image:
    """The first frame, upright, as "RGB" (or "RGBA" when something is see-through), fully
    loaded and detached from ``data``; with ``max_size``, scaled down to fit within it.

    A JPEG is decoded at the smallest of libjpeg's 1/2, 1/4, 1/8 scales that still covers
    the size wanted, which makes a thumbnail of a 24-megapixel photo several times faster.
    """
    if max_size is not None and (len(max_size) != 2 or min(max_size) < 1):
        raise ValueError(f"max_size must be two positive numbers, not {max_size!r}")
    with quiet():
        image, format_name = open_checked(data, name)
        try:
            return _normalised(image, format_name, name, max_size)
        finally:
            image.close()


def _normalised(
    image: ImageFile.ImageFile, format_name: str, name: str, max_size: tuple[int, int] | None
) -> Image.Image:
    draft = None
    if max_size and format_name == "JPEG":  # a JPEG's EXIF is known before decoding
        draft = fit_within(image.size, upright_size(max_size, orientation(image)))
    decode(image, name, format_name, draft)
    orient = orientation(image)  # only now for PNG, whose EXIF may follow the pixels
    cmyk_inverted = format_name == "JPEG" and image.mode == "CMYK" and "adobe" not in image.info
    try:
        result = to_rgb(image, image.info.get("icc_profile"), cmyk_inverted)
        if max_size:
            # Scaled before turning upright: fewer pixels to turn, the same result.
            target = fit_within(result.size, upright_size(max_size, orient))
            if target != result.size:
                result = result.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        result = make_upright(result, orient)
        if result is image:
            result = image.copy()  # nothing changed it: detach it from the file
    except ColourError:
        raise refusals.unusual_colours(name) from None
    except MemoryError:
        raise refusals.out_of_memory(name) from None
    except DECODE_ERRORS:
        raise refusals.damaged(name) from None
    result.info = {}
    return result
