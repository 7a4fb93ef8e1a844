"""Kits for the press package's tests: stills by different photographers, a JPEG carrying
GPS, a PNG with a wide-gamut profile, two stills with the same caption."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from presskit import model
from presskit.store import KitFile, NewAsset
from tests.imaging.samples import swapped_primaries_profile

GPS = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}


def noise_jpeg(size=(600, 400), *, gps: bool = False, orientation: int = 1, **save) -> bytes:
    """A photograph-like JPEG (noise, so it is not trivially compressible), its EXIF with a
    camera, an orientation, the camera owner as Artist and, when asked, a GPS position."""
    image = Image.effect_noise(size, 60).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0112] = orientation
    exif[0x013B] = "Camera Owner"
    if gps:
        exif[0x8825] = GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif, **save)
    return buffer.getvalue()


def profiled_png(size=(300, 200)) -> bytes:
    """A PNG whose profile swaps red and green: its stored (200, 30, 30) is, in sRGB, a green,
    so a test can tell the still was converted through it."""
    image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", icc_profile=swapped_primaries_profile())
    return buffer.getvalue()


def asset(data: bytes, name: str) -> NewAsset:
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        mime = Image.MIME[image.format]
    return NewAsset(data, name=name, mime=mime, width=width, height=height)


def package_kit(tmp_path: Path, **still_fields) -> tuple[Path, model.PressKit, list[NewAsset]]:
    """Two films, four stills: three JPEGs (one with GPS) and a PNG; two by Ana, one by
    Bo, one by Chen; two share a caption."""
    assets = [
        asset(noise_jpeg(gps=True, orientation=6), "pond.jpg"),
        asset(noise_jpeg((500, 300)), "pond2.jpg"),
        asset(noise_jpeg((400, 400)), "studio.jpg"),
        asset(profiled_png(), "poster.png"),
    ]
    films = [
        model.Film(id="dragonfly", title="Dragonfly", status="post-production"),
        model.Film(id="soundtrack", title="Soundtrack of My Life", status="released"),
    ]
    stills = [
        model.Still(
            "s1", assets[0].sha256, "The pond at dusk", "Ana Díaz", "© 2025 Ana Díaz", "dragonfly"
        ),
        model.Still(
            "s2", assets[1].sha256, "The pond at dusk", "Ana Díaz", "© 2025 Ana Díaz", "dragonfly"
        ),
        model.Still("s3", assets[2].sha256, "In the studio", "Bo Kim", "© Bo Kim", "soundtrack"),
        model.Still("s4", assets[3].sha256, "Poster art", "Chen Wei", "", ""),
    ]
    for still in stills:
        for key, value in still_fields.items():
            setattr(still, key, value)
    kit = model.PressKit(
        person=model.Person(name="Im-Sun Song", roles=["Cinematographer"]),
        films=films,
        stills=stills,
    )
    path = tmp_path / "kit.presskit"
    KitFile.create(path, kit, assets).close()
    return path, kit, assets
