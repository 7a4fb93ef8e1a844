"""Any accepted image as upright 8-bit sRGB pixels, stripped of metadata.

This is what renditions and thumbnails are made from. Colour: CMYK and wide-gamut images
are converted through their embedded ICC profile when they have one, so a print-ready
CMYK still does not come out muddy. Privacy: the result carries no EXIF, ICC, XMP or GPS.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageCms, ImageFile

from presskit.imaging.opening import DECODE_ERRORS, decode, open_checked, orientation

_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.createProfile("sRGB")


def upright_size(size: tuple[int, int], orient: int) -> tuple[int, int]:
    width, height = size
    return (height, width) if orient >= 5 else (width, height)


def fit_within(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down (never up) to fit ``box``, keeping the aspect ratio."""
    width, height = size
    scale = min(1.0, box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def open_normalised(data: bytes, name: str, max_size: tuple[int, int] | None = None) -> Image.Image:
    image = open_checked(data, name)
    orient = orientation(image)
    icc = image.info.get("icc_profile")
    draft = None
    if max_size:
        raw_box = upright_size(max_size, orient)  # the stored pixels are still rotated
        draft = fit_within(image.size, raw_box)
    image = decode(image, name, draft)
    if orient in _TRANSPOSE:
        image = image.transpose(_TRANSPOSE[orient])
    image = _to_8bit(image, icc)
    if max_size and (image.width > max_size[0] or image.height > max_size[1]):
        image = image.resize(
            fit_within(image.size, max_size), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
    if isinstance(image, ImageFile.ImageFile):
        image = image.copy()  # nothing changed it: detach from the file, and its EXIF with it
    image.info = {}
    return image


def _to_8bit(image: Image.Image, icc: bytes | None) -> Image.Image:
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        image = image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif mode == "F" or mode == "1":
        image = image.convert("L")
    elif mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif mode in ("PA", "LA", "La", "RGBa"):
        image = image.convert("RGBA")
    if image.mode == "CMYK" or (icc and image.mode in ("RGB", "RGBA")):
        image = _to_srgb(image, icc)
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGB")
    if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        image = image.convert("RGB")  # an alpha channel with nothing transparent in it
    return image


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    if icc:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
                if (
                    image.mode != "CMYK"
                    and "srgb" in ImageCms.getProfileDescription(source).lower()
                ):
                    return image
                alpha = image.getchannel("A") if image.mode == "RGBA" else None
                base = image.convert("RGB") if alpha is not None else image
                converted = ImageCms.profileToProfile(base, source, _SRGB, outputMode="RGB")
                if converted is not None:
                    if alpha is not None:
                        converted.putalpha(alpha)
                    return converted
        except (ImageCms.PyCMSError, *DECODE_ERRORS):
            pass  # an unusable profile: the pixels as they are beat no picture at all
    return image.convert("RGB") if image.mode == "CMYK" else image
