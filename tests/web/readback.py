"""Reading a still file's metadata back as others would: exiftool, and presskit's reader."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from presskit.imaging.metadata import Metadata, read_metadata


def exiftool(*paths: Path) -> list[dict]:
    """``exiftool -j -G`` of each file, or the test skipped with the reason."""
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl)")
    done = subprocess.run(
        ["exiftool", "-j", "-G", "-a", "-charset", "iptc=UTF8", *map(str, paths)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout.decode("utf-8"))


def presskit_reads(path: Path) -> Metadata:
    with Image.open(path) as image:
        return read_metadata(image)


def gps_tags(found: dict) -> list[str]:
    return [key for key in found if "GPS" in key]
