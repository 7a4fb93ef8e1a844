"""Pillow: taking photographs in safely and turning them into clean pixels.

Every public function here either succeeds or raises ImageImportError with one sentence
naming the file; no Pillow exception or warning gets out.
"""

from presskit.imaging.files import read_image_file
from presskit.imaging.formats import ALLOWED_FORMATS, MAX_FILE_BYTES, MAX_PIXELS
from presskit.imaging.normalise import fit_within, open_normalised
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
