"""Any decoded image as 8-bit sRGB, with an alpha channel only when something is see-through.

Colour: CMYK and wide-gamut images are converted through their embedded ICC profile when
they have one, so a print-ready CMYK still does not come out muddy; a profile that cannot be
used falls back to Pillow's own conversion, since pixels a little off beat no picture.
"""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageCms

from presskit.imaging.opening import DECODE_ERRORS

_SIXTEEN_BIT = {"I;16", "I;16B", "I;16L", "I;16N", "I"}
_MANAGED = {"L", "RGB", "CMYK"}  # modes an embedded profile is applied to
_srgb: ImageCms.ImageCmsProfile | None = None


class ColourError(Exception):
    """Pixels in a form presskit cannot turn into RGB."""


def to_rgb(image: Image.Image, icc: bytes | None, cmyk_inverted: bool = False) -> Image.Image:
    """The image as "RGB", or "RGBA" when some pixel is not fully opaque.

    ``cmyk_inverted``: a CMYK JPEG without Adobe's marker, which Pillow (assuming Adobe's
    inverted convention for every CMYK JPEG) reads as a negative.
    """
    if cmyk_inverted and image.mode == "CMYK":
        image = ImageChops.invert(image)
    image, alpha = _split_alpha(image)
    image = _to_8bit(image)
    image = _colour_managed(image, icc)
    if image.mode != "RGB":
        try:
            image = image.convert("RGB")
        except ValueError as err:
            raise ColourError(image.mode) from err
    if alpha is not None and alpha.getextrema()[0] < 255:
        image.putalpha(alpha)
    return image


def _split_alpha(image: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """The colour without alpha, and the alpha (premultiplied modes undone first)."""
    mode = image.mode
    if mode == "P":
        palette = getattr(image.palette, "mode", "RGB")
        has_alpha = "transparency" in image.info or palette == "RGBA"
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif mode in ("PA", "RGBa"):
        image = image.convert("RGBA")
    elif mode == "La":
        image = image.convert("LA")
    if image.mode in ("RGBA", "LA"):
        return image.convert(image.mode[:-1]), image.getchannel("A")
    return image, None


def _to_8bit(image: Image.Image) -> Image.Image:
    """16-bit scaled, not clipped: 65535 is white, 32768 mid-grey."""
    if image.mode in _SIXTEEN_BIT:
        return image.convert("I").point(lambda v: v / 257 + 0.5).convert("L")
    if image.mode == "F":
        low, high = image.getextrema()
        if low >= 0.0 and high <= 1.0:  # floating-point images usually run 0..1
            image = image.point(lambda v: v * 255 + 0.5)
        return image.convert("L")
    if image.mode == "1":
        return image.convert("L")
    return image


def _colour_managed(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Through the embedded profile to sRGB; unchanged when there is none, it is sRGB
    already, or it cannot be used (a damaged profile, or one for another colour space)."""
    if not icc or image.mode not in _MANAGED:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return image
        converted = ImageCms.profileToProfile(
            image, source, _srgb_profile(), ImageCms.Intent.PERCEPTUAL, outputMode="RGB"
        )
    except (ImageCms.PyCMSError, MemoryError, *DECODE_ERRORS):
        return image
    return converted if converted is not None else image


def _srgb_profile() -> ImageCms.ImageCmsProfile:
    global _srgb
    if _srgb is None:
        _srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return _srgb


def srgb_profile_bytes() -> bytes:
    """The sRGB profile pixels are converted to, for embedding in a file that says so."""
    return _srgb_profile().tobytes()
