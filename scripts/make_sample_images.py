"""Makes the sample kit's stand-in stills (resources/sample/images), deterministically.

There are no licensed photographs of the real films to ship, so these are painted with
Pillow the way a cinematographer would light a frame: one palette per film, a strong
silhouette, soft light, grain and a vignette. Run: .venv/bin/python scripts/make_sample_images.py
"""

from __future__ import annotations

import itertools
import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "resources" / "sample" / "images"
MAX_BYTES = 400 * 1024

Colour = tuple[int, int, int]


def vertical_gradient(size: tuple[int, int], stops: list[tuple[float, Colour]]) -> Image.Image:
    _width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        for (t0, c0), (t1, c1) in itertools.pairwise(stops):
            if t0 <= t <= t1:
                k = (t - t0) / max(1e-9, t1 - t0)
                k = k * k * (3 - 2 * k)  # smoothstep: no visible banding edges
                column.putpixel(
                    (0, y), tuple(round(a + (b - a) * k) for a, b in zip(c0, c1, strict=True))
                )
                break
    return column.resize(size, Image.Resampling.BILINEAR)


def glow(
    size: tuple[int, int],
    centre: tuple[float, float],
    radius: float,
    colour: Colour,
    strength: float,
) -> Image.Image:
    """A soft light source, to be added (screen) onto a frame."""
    width, height = size
    mask = Image.radial_gradient("L").resize((round(radius * 2), round(radius * 2)))
    mask = ImageChops.invert(mask)
    layer = Image.new("L", size, 0)
    layer.paste(mask, (round(centre[0] * width - radius), round(centre[1] * height - radius)))
    layer = layer.point(lambda v: round(255 * (v / 255) ** 2.2 * strength))
    return Image.composite(Image.new("RGB", size, colour), Image.new("RGB", size, 0), layer)


def bokeh(
    size: tuple[int, int],
    rng: random.Random,
    count: int,
    palette: list[Colour],
    area: tuple[float, float, float, float],
    radii: tuple[int, int],
) -> Image.Image:
    layer = Image.new("RGB", size, 0)
    draw = ImageDraw.Draw(layer)
    x0, y0, x1, y1 = area
    for _ in range(count):
        r = rng.randint(*radii)
        x = rng.uniform(x0, x1) * size[0]
        y = rng.uniform(y0, y1) * size[1]
        c = rng.choice(palette)
        k = rng.uniform(0.25, 0.8)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(round(v * k) for v in c))
    return layer.filter(ImageFilter.GaussianBlur(radii[0] * 0.35))


def finish(
    image: Image.Image, rng: random.Random, grain: float = 14, vignette: float = 0.55
) -> Image.Image:
    """Film grain and a vignette: what makes a painted frame read as a photograph."""
    size = image.size
    edge = Image.radial_gradient("L").resize(size)
    dark = edge.point(lambda v: round(255 * min(1.0, (v / 255) ** 1.8 * vignette * 1.6)))
    image = Image.composite(Image.new("RGB", size, 0), image, dark)
    random.seed(rng.random())
    noise = Image.effect_noise(size, grain).convert("RGB")
    image = ImageChops.add(image, noise, scale=1.0, offset=-128)
    return image.filter(ImageFilter.GaussianBlur(0.6))


def silhouette(
    image: Image.Image, shapes: list[list[tuple[float, float]]], colour: Colour, blur: float = 1.2
) -> Image.Image:
    mask = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(mask)
    w, h = image.size
    for shape in shapes:
        draw.polygon([(x * w, y * h) for x, y in shape], fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(blur))
    return Image.composite(Image.new("RGB", image.size, colour), image, mask)


def ellipse_shape(
    cx: float, cy: float, rx: float, ry: float, angle: float = 0.0, n: int = 40
) -> list[tuple[float, float]]:
    ca, sa = math.cos(angle), math.sin(angle)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def reeds(
    rng: random.Random, base: float, count: int, left: float, right: float
) -> list[list[tuple[float, float]]]:
    shapes = []
    for _ in range(count):
        x = rng.uniform(left, right)
        height = rng.uniform(0.18, 0.5)
        lean = rng.uniform(-0.04, 0.04)
        w = rng.uniform(0.002, 0.0045)
        shapes.append(
            [
                (x - w, base),
                (x + w, base),
                (x + lean + w * 0.3, base - height),
                (x + lean - w * 0.3, base - height),
            ]
        )
    return shapes


def dragonfly_dusk(rng: random.Random) -> Image.Image:
    size = (2400, 1004)  # 2.39:1
    sky = vertical_gradient(
        size,
        [
            (0.0, (16, 52, 66)),
            (0.45, (58, 104, 110)),
            (0.62, (214, 140, 72)),
            (0.64, (120, 86, 62)),
            (1.0, (10, 24, 30)),
        ],
    )
    sky = ImageChops.screen(sky, glow(size, (0.68, 0.62), 520, (255, 170, 90), 0.85))
    water = sky.crop((0, 0, size[0], round(size[1] * 0.63))).transpose(
        Image.Transpose.FLIP_TOP_BOTTOM
    )
    water = water.filter(ImageFilter.GaussianBlur(6)).point(lambda v: round(v * 0.55))
    sky.paste(water.resize((size[0], size[1] - round(size[1] * 0.63))), (0, round(size[1] * 0.63)))
    ripples = ImageDraw.Draw(sky)
    for _ in range(60):
        y = rng.uniform(0.66, 0.98) * size[1]
        x = rng.uniform(0.35, 0.95) * size[0]
        ripples.line((x, y, x + rng.uniform(40, 220), y), fill=(230, 160, 100), width=1)
    frame = silhouette(
        sky, reeds(rng, 0.66, 70, 0.0, 0.22) + reeds(rng, 0.66, 40, 0.86, 1.0), (8, 16, 18)
    )
    # The dragonfly: long abdomen, four wings catching the light.
    body = [(0.40, 0.395), (0.505, 0.405), (0.505, 0.411), (0.40, 0.401)]
    head = ellipse_shape(0.508, 0.407, 0.0045, 0.009)
    wings = [
        ellipse_shape(0.487, 0.385, 0.034, 0.011, -0.35),
        ellipse_shape(0.489, 0.427, 0.032, 0.010, 0.32),
        ellipse_shape(0.468, 0.388, 0.029, 0.009, -0.55),
        ellipse_shape(0.470, 0.424, 0.028, 0.009, 0.5),
    ]
    lit = silhouette(frame, wings, (226, 222, 200), blur=2.5)
    frame = Image.blend(frame, lit, 0.5)
    frame = silhouette(frame, [body, head], (12, 14, 14), blur=0.8)
    return finish(frame, rng, grain=12, vignette=0.6)


def dragonfly_field(rng: random.Random) -> Image.Image:
    size = (2100, 1400)
    frame = vertical_gradient(
        size,
        [
            (0.0, (70, 112, 120)),
            (0.5, (232, 178, 110)),
            (0.58, (246, 206, 140)),
            (0.6, (150, 110, 60)),
            (1.0, (40, 34, 22)),
        ],
    )
    frame = ImageChops.screen(frame, glow(size, (0.72, 0.56), 620, (255, 200, 130), 1.0))
    grass = Image.new("L", size, 0)
    draw = ImageDraw.Draw(grass)
    for _ in range(2600):
        x = rng.uniform(0, 1) * size[0]
        base = size[1] * rng.uniform(0.9, 1.05)
        top = size[1] * rng.uniform(0.55, 0.7)
        lean = rng.uniform(-30, 30)
        draw.line((x, base, x + lean, top), fill=rng.randint(150, 255), width=rng.randint(2, 4))
    grass = grass.filter(ImageFilter.GaussianBlur(1.5))
    frame = Image.composite(Image.new("RGB", size, (54, 40, 20)), frame, grass)
    figure = [
        ellipse_shape(0.38, 0.415, 0.0125, 0.024),  # head
        [
            (0.366, 0.44),
            (0.394, 0.44),
            (0.402, 0.53),
            (0.398, 0.62),
            (0.362, 0.62),
            (0.358, 0.53),
        ],  # body, coat
        [(0.366, 0.6), (0.377, 0.6), (0.374, 0.72), (0.364, 0.72)],
        [(0.383, 0.6), (0.394, 0.6), (0.39, 0.72), (0.381, 0.72)],
    ]
    frame = silhouette(frame, figure, (26, 20, 14), blur=1.5)
    return finish(frame, rng, grain=13, vignette=0.5)


def soundtrack_tungsten(rng: random.Random) -> Image.Image:
    size = (2100, 1135)  # 1.85:1
    frame = vertical_gradient(size, [(0.0, (22, 14, 10)), (0.7, (44, 26, 16)), (1.0, (18, 12, 8))])
    frame = ImageChops.screen(
        frame,
        bokeh(
            size,
            rng,
            26,
            [(255, 170, 80), (255, 200, 120), (230, 120, 60)],
            (0.0, 0.05, 1.0, 0.5),
            (28, 70),
        ),
    )
    frame = ImageChops.screen(frame, glow(size, (0.2, 0.3), 430, (255, 160, 70), 0.9))
    # The lamp: shade and stem.
    frame = silhouette(
        frame, [[(0.14, 0.2), (0.26, 0.2), (0.29, 0.36), (0.11, 0.36)]], (255, 190, 110), blur=3
    )
    frame = silhouette(
        frame, [[(0.195, 0.36), (0.205, 0.36), (0.205, 0.66), (0.195, 0.66)]], (30, 20, 12)
    )
    # The turntable: plinth, platter, a record, tonearm, with a warm rim light.
    frame = silhouette(
        frame, [[(0.34, 0.66), (0.86, 0.66), (0.88, 0.8), (0.32, 0.8)]], (40, 26, 16), blur=1.5
    )
    frame = silhouette(frame, [ellipse_shape(0.58, 0.655, 0.19, 0.05)], (120, 70, 36), blur=2)
    frame = silhouette(frame, [ellipse_shape(0.58, 0.65, 0.18, 0.045)], (14, 10, 8), blur=1)
    frame = silhouette(frame, [ellipse_shape(0.58, 0.65, 0.045, 0.012)], (170, 60, 40), blur=1)
    frame = silhouette(
        frame, [[(0.8, 0.6), (0.81, 0.6), (0.7, 0.655), (0.69, 0.65)]], (200, 170, 130), blur=1
    )
    frame = silhouette(
        frame, [[(0.0, 0.8), (1.0, 0.8), (1.0, 1.0), (0.0, 1.0)]], (26, 16, 10), blur=2
    )
    return finish(frame, rng, grain=16, vignette=0.65)


def soundtrack_night(rng: random.Random) -> Image.Image:
    size = (2100, 1135)
    frame = vertical_gradient(size, [(0.0, (8, 14, 34)), (0.6, (22, 44, 84)), (1.0, (10, 16, 30))])
    frame = ImageChops.screen(
        frame,
        bokeh(
            size,
            rng,
            90,
            [(120, 170, 255), (255, 210, 150), (90, 220, 230), (255, 120, 140)],
            (0.35, 0.35, 1.0, 0.8),
            (10, 34),
        ),
    )
    frame = ImageChops.screen(frame, glow(size, (0.75, 0.55), 520, (60, 90, 160), 0.7))
    # Window frame and mullions.
    bars = [
        [(0.33, 0.0), (0.36, 0.0), (0.36, 1.0), (0.33, 1.0)],
        [(0.66, 0.0), (0.675, 0.0), (0.675, 1.0), (0.66, 1.0)],
        [(0.33, 0.47), (1.0, 0.47), (1.0, 0.49), (0.33, 0.49)],
    ]
    frame = silhouette(frame, bars, (6, 8, 14), blur=1.5)
    frame = silhouette(
        frame, [[(0.0, 0.0), (0.33, 0.0), (0.33, 1.0), (0.0, 1.0)]], (10, 12, 20), blur=2
    )
    # A woman in profile with headphones, rim-lit from the window.
    head = ellipse_shape(0.5, 0.45, 0.062, 0.11)
    neck = [[(0.47, 0.52), (0.52, 0.52), (0.53, 0.66), (0.465, 0.66)]]
    shoulders = [[(0.36, 0.72), (0.44, 0.63), (0.56, 0.63), (0.66, 0.74), (0.7, 1.0), (0.33, 1.0)]]
    hair = [
        [
            (0.44, 0.38),
            (0.47, 0.33),
            (0.53, 0.33),
            (0.565, 0.4),
            (0.56, 0.6),
            (0.5, 0.63),
            (0.44, 0.6),
        ]
    ]
    rim = silhouette(frame, [ellipse_shape(0.503, 0.45, 0.066, 0.114)], (110, 150, 220), blur=3)
    frame = Image.blend(frame, rim, 0.8)
    frame = silhouette(frame, [head, *neck, *shoulders, *hair], (8, 10, 16), blur=1.2)
    band = [
        [
            (0.425, 0.45),
            (0.44, 0.33),
            (0.5, 0.3),
            (0.56, 0.33),
            (0.575, 0.45),
            (0.565, 0.45),
            (0.55, 0.34),
            (0.5, 0.315),
            (0.45, 0.34),
            (0.435, 0.45),
        ]
    ]
    cups = [ellipse_shape(0.432, 0.47, 0.017, 0.05), ellipse_shape(0.568, 0.47, 0.017, 0.05)]
    frame = silhouette(frame, band + cups, (70, 90, 130), blur=1.5)
    return finish(frame, rng, grain=15, vignette=0.6)


def portrait(rng: random.Random) -> Image.Image:
    size = (1200, 1800)
    frame = vertical_gradient(size, [(0.0, (52, 50, 48)), (1.0, (20, 19, 18))])
    window = Image.new("L", size, 0)
    ImageDraw.Draw(window).rectangle(
        (int(0.64 * size[0]), int(0.05 * size[1]), int(0.98 * size[0]), int(0.7 * size[1])),
        fill=255,
    )
    window = window.filter(ImageFilter.GaussianBlur(60))
    frame = Image.composite(Image.new("RGB", size, (236, 228, 214)), frame, window)
    frame = ImageChops.screen(frame, glow(size, (0.8, 0.35), 700, (120, 112, 100), 0.8))
    head = ellipse_shape(0.45, 0.36, 0.11, 0.095)
    hair = [ellipse_shape(0.45, 0.335, 0.135, 0.105), ellipse_shape(0.45, 0.43, 0.14, 0.11)]
    neck = [[(0.41, 0.47), (0.49, 0.47), (0.5, 0.58), (0.4, 0.58)]]
    body = [ellipse_shape(0.45, 0.9, 0.4, 0.32, n=80)]
    lit = silhouette(frame, [ellipse_shape(0.465, 0.362, 0.12, 0.1)], (180, 160, 140), blur=8)
    frame = Image.blend(frame, lit, 0.6)
    frame = silhouette(frame, [head, *hair, *neck, *body], (26, 22, 20), blur=3)
    return finish(frame.convert("L").convert("RGB"), rng, grain=12, vignette=0.45)


def save_under_limit(image: Image.Image, path: Path) -> int:
    for quality in (88, 84, 80, 76, 72, 68, 64, 60):
        image.save(
            path, "JPEG", quality=quality, optimize=True, progressive=False, subsampling="4:2:0"
        )
        size = path.stat().st_size
        if size <= MAX_BYTES:
            return size
    raise SystemExit(f"{path.name} is still over {MAX_BYTES} bytes")


STILLS = {
    "dragonfly-dusk.jpg": dragonfly_dusk,
    "dragonfly-field.jpg": dragonfly_field,
    "soundtrack-tungsten.jpg": soundtrack_tungsten,
    "soundtrack-night.jpg": soundtrack_night,
    "portrait.jpg": portrait,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for i, (name, paint) in enumerate(STILLS.items()):
        size = save_under_limit(paint(random.Random(1000 + i)), OUT / name)
        print(f"{name}: {size // 1024} KB")


if __name__ == "__main__":
    main()
