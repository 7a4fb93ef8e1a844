"""Whatever bytes arrive, only ImageImportError comes out: no Pillow exception, no warning."""

from __future__ import annotations

import subprocess
import sys
import threading
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from presskit import imaging
from presskit.errors import ImageImportError
from tests.imaging.samples import (
    cornered,
    encode,
    exif_of,
    png_16bit_rgb,
    with_iptc,
    with_segment,
    xmp_packet,
)


def _seeds() -> list[bytes]:
    small = cornered((48, 32))
    exif = exif_of(t0x0112=6, t0x013B="Ian Chen")
    palette = Image.new("P", (24, 16), 1)
    palette.putpalette([255, 0, 0, 0, 0, 255])
    return [
        with_iptc(encode(small, quality=80, exif=exif, xmp=xmp_packet("Ian Chen")), {80: b"IC"}),
        encode(Image.new("CMYK", (24, 16), (0, 255, 255, 0))),
        encode(small, "PNG", exif=exif),
        encode(palette, "PNG", transparency=0),
        png_16bit_rgb(6, 4, (65535, 0, 32768)),
        encode(small, "TIFF", exif=exif),
        encode(small, "TIFF", compression="tiff_lzw"),
        encode(small, "WEBP", quality=60, exif=exif),
        encode(
            small, "WEBP", save_all=True, append_images=[Image.new("RGB", (48, 32))], lossless=True
        ),
    ]


SEEDS = _seeds()
SIGNATURES = [seed[:12] for seed in SEEDS]


@st.composite
def mutated(draw) -> bytes:
    """A valid small image with a few bytes changed, a run inserted or deleted, or cut short."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["set", "insert", "delete"]))
        i = draw(st.integers(0, len(data) - 1))
        if action == "set":
            data[i] = draw(st.integers(0, 255))
        elif action == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[i : i + draw(st.integers(1, 16))]
    return bytes(data[: draw(st.integers(1, len(data)))])


def signature_then_noise() -> st.SearchStrategy[bytes]:
    """The right first bytes followed by anything: reaches each parser, not just the sniffing."""
    return st.builds(lambda a, b: a + b, st.sampled_from(SIGNATURES), st.binary(max_size=400))


def only_clear_refusals(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a leaked warning fails the test
        for call in (
            lambda: imaging.probe(data, "fuzz.jpg"),
            lambda: imaging.open_normalised(data, "fuzz.jpg"),
            lambda: imaging.open_normalised(data, "fuzz.jpg", max_size=(16, 16)),
        ):
            try:
                call()
            except ImageImportError as err:
                message = str(err)
                assert message.startswith("“fuzz.jpg” ") and message.endswith(".")
                assert "\n" not in message


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600) | signature_then_noise() | mutated())
def test_random_and_mutated_bytes_only_ever_raise_image_import_error(data):
    only_clear_refusals(data)


def test_every_seed_is_a_good_image():
    for seed in SEEDS:
        info = imaging.probe(seed, "seed")
        assert info.width > 0 and imaging.open_normalised(seed, "seed").mode in ("RGB", "RGBA")


def test_pillows_warnings_stay_inside():
    # Corrupt EXIF and a palette with byte transparency both make Pillow warn.
    corrupt = with_segment(encode(cornered()), 0xE1, b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x05")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert imaging.probe(corrupt, "odd.jpg").orientation == 1
        imaging.open_normalised(corrupt, "odd.jpg")


def test_warning_filters_are_left_as_found_after_use_on_many_threads():
    before = list(warnings.filters)
    data = encode(cornered((400, 300)), "PNG")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                imaging.probe(data, "t.png")
                imaging.open_normalised(data, "t.png", max_size=(100, 100))
        except BaseException as err:  # reported below, on the test's thread
            errors.append(err)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert warnings.filters == before


def test_nothing_is_printed_on_stderr_for_a_refused_file():
    # Pillow logs an absurd TIFF sample count at error level; with no logging set up (as in
    # the command line) Python would print that beside presskit's own sentence.
    tiff = encode(Image.new("RGB", (4, 4)), "TIFF")
    entry = b"\x15\x01\x03\x00\x01\x00\x00\x00\x03\x00"  # SamplesPerPixel = 3
    assert entry in tiff
    broken = tiff.replace(entry, entry[:8] + b"\x44\x00")  # 68 samples per pixel
    script = (
        "import sys\nfrom presskit import imaging\nfrom presskit.errors import ImageImportError\n"
        "try:\n    imaging.probe(sys.stdin.buffer.read(), 'odd.tif')\n"
        "except ImageImportError as err:\n    print(err)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=broken, capture_output=True, timeout=60, check=True
    )
    assert done.stdout.decode().strip() == "“odd.tif” is damaged or incomplete and cannot be read."
    assert done.stderr == b""
