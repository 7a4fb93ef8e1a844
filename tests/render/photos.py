"""Kits with photo-like stills, made in code: gradients, shapes, blur and grain, which JPEG
finds about as hard as a photograph (flat test colours would compress to nothing)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from presskit import kitio, model

# A different photographer for each still, so a test can tell one still's credit from
# another's (and from the cover's credit line, which repeats the cover still's).
PHOTOGRAPHERS = [
    "Mira Okafor",
    "Ian Chen",
    "Lucía Ferrer",
    "Tomasz Wójcik",
    "Ama Boateng",
    "Kenji Mori",
    "Sofia Lindqvist",
    "Ravi Menon",
]


def photographer(n: int) -> str:
    return PHOTOGRAPHERS[n % len(PHOTOGRAPHERS)]


def give_each_still_its_own_photographer(kit: model.PressKit) -> None:
    for n, still in enumerate(kit.stills):
        still.credit = photographer(n)


def credit_lines(stills: list[model.Still]) -> list[str]:
    """What prints under each still: its caption, then its own "Photo: NAME"."""
    return [f"{still.caption} Photo: {still.credit}" for still in stills]


def photo_like(seed: int, size: tuple[int, int], grain: int = 28) -> Image.Image:
    rng = random.Random(seed)
    top = tuple(rng.randint(20, 200) for _ in range(3))
    bottom = tuple(rng.randint(20, 200) for _ in range(3))
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * y / 255) for a, b in zip(top, bottom, strict=True))
        )
    frame = column.resize(size, Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(frame)
    for _ in range(40):
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        r = rng.randint(size[0] // 120, size[0] // 7)
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3))
        )
    frame = frame.filter(ImageFilter.BoxBlur(6))
    noise = Image.effect_noise(size, grain)
    return ImageChops.add(frame, Image.merge("RGB", [noise] * 3), offset=-128)


def photo_kit(
    folder: Path,
    stills: int = 6,
    size: tuple[int, int] = (2400, 1600),
    quality: int = 92,
    seed: int = 0,
) -> Path:
    """A kit of two films with ``stills`` photo-like stills between them, each credited to
    its own photographer."""
    folder.mkdir(parents=True, exist_ok=True)
    images = folder / "images"
    images.mkdir(exist_ok=True)
    films = [
        {"id": "harbour", "title": "The Harbour Light", "status": "released", "year": 2023},
        {"id": "salt", "title": "Salt and Iron", "status": "production", "year": 2025},
    ]
    entries = []
    for i in range(stills):
        width, height = size if i % 3 else (size[1], size[0])  # some portrait frames
        name = f"frame-{i + 1:02d}.jpg"
        photo_like(seed + i, (width, height)).save(images / name, "JPEG", quality=quality)
        entries.append(
            {
                "id": f"still-{i + 1}",
                "image": f"images/{name}",
                "caption": f"{films[i % 2]['title']}: frame {i + 1}",
                "credit": photographer(i),
                "film": films[i % 2]["id"],
            }
        )
    kit = {
        "format": "presskit/1",
        "person": {
            "name": "Tomas Reyes",
            "roles": ["Director", "Cinematographer"],
            "bio_short": "Tomas Reyes films coastal towns and the people who keep them going.",
            "bio_long": "He trained as a photographer before his first short. " * 6,
            "portrait": "still-1",
        },
        "interview": {
            "items": [
                {"question": "Where do your films start?", "answer": "With a place. " * 30},
                {"question": "How do you light a night scene?", "answer": "Barely. " * 40},
            ]
        },
        "films": [
            {**film, "logline": f"A logline for {film['title']}.", "key_still": f"still-{n + 1}"}
            for n, film in enumerate(films)
        ],
        "stills": entries,
        "links": [{"label": "Reel", "url": "https://example.org/reel"}],
        "contact": {"email": "tomas@example.org"},
        "design": {"cover_still": "still-2"},
    }
    source = folder / "kit.json"
    source.write_text(json.dumps(kit))
    path = folder / "photos.presskit"
    kitio.create_kit(path, source).close()
    return path
