"""Pillow: taking photographs in safely and turning them into clean pixels."""

from presskit.imaging.formats import ALLOWED_FORMATS, MAX_FILE_BYTES, MAX_PIXELS
from presskit.imaging.normalise import fit_within, open_normalised
from presskit.imaging.opening import read_image_file
from presskit.imaging.probe import ImageInfo, probe

__all__ = [
    "ALLOWED_FORMATS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "ImageInfo",
    "fit_within",
    "open_normalised",
    "probe",
    "read_image_file",
]
