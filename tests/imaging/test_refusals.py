"""Files presskit does not take: each refused with one sentence naming the file."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from presskit import imaging
from presskit.errors import ImageImportError, PresskitError
from tests.imaging.samples import cornered, encode, png_header_only, refused


def test_the_error_is_a_presskit_error_a_person_can_be_shown():
    assert issubclass(ImageImportError, PresskitError)


def test_zero_bytes():
    assert refused(b"", "still.jpg") == "“still.jpg” is empty (0 bytes)."


def test_text_named_jpg():
    text = "INT. DARKROOM – NIGHT\nShe waits for the print to come up.\n".encode()
    assert refused(text, "notes.jpg") == "“notes.jpg” is not an image (it looks like text)."


def test_random_binary_is_not_an_image():
    assert refused(bytes(range(256)) * 4, "blob.jpg") == "“blob.jpg” is not an image."


def test_a_jpeg_cut_in_half():
    data = encode(Image.effect_noise((800, 600), 60).convert("RGB"), quality=90)
    assert (
        refused(data[: len(data) // 2], "cut.jpg")
        == "“cut.jpg” is damaged or incomplete and cannot be read."
    )


@pytest.mark.parametrize("fmt", ["PNG", "TIFF", "WEBP"])
def test_other_formats_cut_short(fmt):
    data = encode(Image.effect_noise((300, 200), 60).convert("RGB"), fmt)
    message = refused(data[: len(data) * 2 // 3], "cut.img")
    assert message == "“cut.img” is damaged or incomplete and cannot be read."


def test_a_truncated_jpeg_is_refused_even_at_draft_scale_when_probed_alone():
    data = encode(Image.effect_noise((800, 600), 60).convert("RGB"), quality=90)
    with pytest.raises(ImageImportError, match="damaged or incomplete"):
        imaging.probe(data[:-2000], "cut.jpg")


def test_a_bmp_names_its_format_and_what_is_taken():
    assert (
        refused(encode(cornered(), "BMP"), "scan.bmp")
        == "“scan.bmp” is a BMP image; presskit takes JPEG, PNG, TIFF and WebP."
    )


def test_an_animated_gif_is_refused_by_format():
    frames = [Image.new("P", (40, 40), i) for i in range(3)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    assert refused(data, "loop.gif") == (
        "“loop.gif” is a GIF image; presskit takes JPEG, PNG, TIFF and WebP."
    )


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'/>", "an SVG drawing"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "a HEIC image"),
    ],
)
def test_files_mistaken_for_photos_say_what_they_are(data, what):
    if what == "a HEIC image" and "HEIF" in imaging.ALLOWED_FORMATS:
        pytest.skip("pillow_heif is installed: HEIC is taken")
    assert refused(data, "still.jpg").startswith(f"“still.jpg” is {what}; presskit takes JPEG")


@pytest.mark.parametrize(
    ("tags", "name"),
    [({254: 1}, "DSC_0001.NEF"), ({50706: b"\x01\x04\x00\x00"}, "IMG_0001.DNG")],
)
def test_a_raw_file_on_tiff_is_refused_not_taken_as_its_preview(tags, name):
    data = encode(cornered((160, 120)), "TIFF", tiffinfo=tags)
    assert refused(data, name) == (
        f"“{name}” is a camera raw file; presskit takes JPEG, PNG, TIFF and WebP."
    )


@pytest.mark.parametrize(
    "head",
    [
        b"II*\x00\x10\x00\x00\x00CR\x02\x00",  # Canon CR2
        b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01",  # Canon CR3
        b"IIRO\x08\x00\x00\x00",  # Olympus ORF
        b"FUJIFILMCCD-RAW 0201",  # Fujifilm RAF
    ],
)
def test_other_raw_files_are_named_too(head):
    message = refused(head + b"\x00" * 200, "raw.img")
    assert message.startswith("“raw.img” is a camera raw file;")


def test_an_eps_gets_the_right_article():
    data = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"
    assert refused(data, "logo.eps").startswith("“logo.eps” is an EPS image;")


def test_a_30000_pixel_square_png_is_refused_before_anything_is_decoded(monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("decoding started on a 900-megapixel image")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr(Image.core, "new", no_decoding)
    data = png_header_only(30000, 30000)
    assert len(data) < 200
    assert refused(data, "huge.png") == (
        "“huge.png” is 30000 × 30000 pixels (900 megapixels); the limit is 160 megapixels."
    )


def test_the_pixel_limit_is_presskits_not_pillows(monkeypatch):
    # Pillow's own bomb check (warning above MAX_IMAGE_PIXELS, error above twice that)
    # must neither refuse an image within presskit's limit nor leak its warning.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    data = encode(cornered((300, 200)), "PNG")  # 60 000 pixels: Pillow's "bomb"
    assert imaging.probe(data, "fine.png").width == 300
    assert imaging.open_normalised(data, "fine.png").size == (300, 200)


def test_just_over_the_limit():
    assert refused(png_header_only(13000, 13000), "big.png") == (
        "“big.png” is 13000 × 13000 pixels (169 megapixels); the limit is 160 megapixels."
    )


def test_a_damaged_header():
    data = bytearray(encode(cornered(), "PNG"))
    data[16:24] = b"\x00" * 8  # width and height 0
    assert "damaged or incomplete" in refused(bytes(data), "zero.png")


def test_a_gigantic_refusal_is_instant():
    started = time.perf_counter()
    refused(png_header_only(60000, 60000), "huge.png")
    assert time.perf_counter() - started < 0.5  # nothing near 3.6 gigapixels was allocated


# -- reading files --------------------------------------------------------------------------


def test_read_image_file_returns_the_bytes(tmp_path):
    data = encode(cornered())
    (tmp_path / "still.jpg").write_bytes(data)
    assert imaging.read_image_file(tmp_path / "still.jpg") == data
    assert imaging.read_image_file(str(tmp_path / "still.jpg")) == data


def test_a_missing_file(tmp_path):
    with pytest.raises(ImageImportError) as err:
        imaging.read_image_file(tmp_path / "gone.jpg")
    assert str(err.value) == "“gone.jpg” does not exist."


def test_a_folder(tmp_path):
    (tmp_path / "Stills").mkdir()
    with pytest.raises(ImageImportError) as err:
        imaging.read_image_file(tmp_path / "Stills")
    assert str(err.value) == "“Stills” is a folder, not an image."


def test_no_permission(tmp_path, monkeypatch):
    path = tmp_path / "locked.jpg"
    path.write_bytes(encode(cornered()))
    path.chmod(0)
    if sys.platform == "win32" or os.geteuid() == 0:  # permissions would not stop us

        def denied(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(ImageImportError) as err:
        imaging.read_image_file(path)
    assert str(err.value) == "“locked.jpg” cannot be read (permission denied)."


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "master.tif"
    with path.open("wb") as file:
        file.truncate(imaging.MAX_FILE_BYTES + 5 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(ImageImportError) as err:
        imaging.read_image_file(path)
    assert str(err.value) == "“master.tif” is 305 MB; the limit for one image is 300 MB."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_it(tmp_path):
    path = tmp_path / "pipe.jpg"
    os.mkfifo(path)
    with pytest.raises(ImageImportError) as err:
        imaging.read_image_file(path)
    assert str(err.value) == "“pipe.jpg” is not a regular file, so it cannot be an image."
