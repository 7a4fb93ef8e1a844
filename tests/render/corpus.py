"""The layout corpus: kits shaped like the ones people really make, built in code.

Each builder writes interchange JSON and small generated stills into a folder and returns
the .presskit file made from them. Small images keep the corpus quick; the layout places
them by their aspect ratio, so they stand in for full-size photographs.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from presskit import kitio, model
from presskit.store import KitFile

# Pixel sizes as a camera or a grading suite gives them: enough for a still across the text
# width at print's 300 dpi, so the pages are laid out as a real kit's are (a smaller picture
# is set smaller, never past the profile's dpi).
PORTRAIT, SQUARE, LANDSCAPE, PANORAMA = (1600, 2400), (2000, 2000), (2400, 1350), (2868, 1200)

_TEXT = (
    "the harbour light falls across the water and the boats come in slowly while "
    "she waits at the end of the pier with a camera that belonged to her father who "
    "never spoke about the years he spent at sea but kept every photograph in a tin "
    "box under the stairs where the children were not allowed to look"
)
_WORDS = _TEXT.split()


def prose(words: int, seed: int = 0) -> str:
    """``words`` words of plain sentences, the same for the same seed."""
    rng = random.Random(seed)
    sentences, count = [], 0
    while count < words:
        length = min(rng.randint(9, 22), words - count)
        chosen = [rng.choice(_WORDS) for _ in range(length)]
        sentences.append(" ".join(chosen).capitalize() + ".")
        count += length
    return " ".join(sentences)


def _still_image(path: Path, size: tuple[int, int], seed: int) -> None:
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randint(30, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        r = rng.randint(10, max(11, size[0] // 4))
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3))
        )
    image.save(path, "JPEG", quality=80)


def _stills(
    folder: Path, shapes: list[tuple[int, int]], films: list[str], credit: str
) -> list[dict]:
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    entries = []
    for i, size in enumerate(shapes):
        name = f"still-{i + 1:02d}.jpg"
        _still_image(images / name, size, i)
        film = films[i % len(films)] if films else ""
        entries.append(
            {
                "id": f"still-{i + 1}",
                "image": f"images/{name}",
                "caption": f"Frame {i + 1}" + (f" from {film}" if film else ""),
                "credit": credit,
                "film": film,
            }
        )
    return entries


def _make(folder: Path, name: str, kit: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "kit.json"
    source.write_text(json.dumps(kit, ensure_ascii=False))
    path = folder / f"{name}.presskit"
    kitio.create_kit(path, source).close()
    return path


def sample(folder: Path, change: Callable[[model.PressKit], None] | None = None) -> Path:
    """The bundled sample kit, with ``change`` made to it and saved, if given."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sample.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    if change is not None:
        with KitFile.open(path) as kit_file:
            kit = kit_file.load()
            change(kit)
            kit_file.save(kit)
    return path


def _rich_film(film_id: str, title: str, seed: int, key_still: str) -> dict[str, Any]:
    return {
        "id": film_id,
        "title": title,
        "original_title": f"{title} (original)",
        "year": 2025,
        "status": "completed",
        "roles": ["Director", "Cinematographer"],
        "runtime_min": 94,
        "genre": "Drama",
        "language": "Korean, English",
        "country": "South Korea, USA",
        "format": "ARRI Alexa Mini LF",
        "aspect_ratio": "2.39:1",
        "sound": "5.1",
        "colour": "Colour",
        "logline": prose(28, seed),
        "synopsis": prose(180, seed + 1),
        "synopsis_long": prose(320, seed + 2),
        "directors_statement": prose(220, seed + 3),
        "themes": ["family", "the sea", "memory"],
        "festivals": [
            {"name": "Busan International Film Festival", "year": 2025, "note": "World Premiere"},
            {"name": "Sundance Film Festival", "year": 2026, "note": "Official Selection"},
            {"name": "Rotterdam", "year": 2026, "note": "Bright Future"},
            {"name": "Hot Docs", "year": 2026, "note": "International Premiere"},
            {"name": "CPH:DOX", "year": 2026, "note": "Official Selection"},
        ],
        "awards": [
            {"name": "New Currents Award", "year": 2025, "note": "Winner"},
            {"name": "Best Cinematography", "year": 2026, "note": "Winner"},
            {"name": "Audience Award", "year": 2026, "note": "Runner-up"},
        ],
        "press_quotes": [
            {"quote": prose(22, seed + 4), "source": "Variety"},
            {"quote": prose(16, seed + 5), "source": "The Hollywood Reporter"},
            {"quote": prose(12, seed + 6), "source": "Screen International"},
        ],
        "links": [
            {"label": "Trailer", "url": "https://vimeo.com/100000001"},
            {"label": "Screener", "url": "https://vimeo.com/100000002"},
        ],
        "credits": [
            {"role": "Director", "name": "Im-Sun Song"},
            {"role": "Producer", "name": "Daniel Park"},
            {"role": "Writer", "name": "Hana Lee"},
            {"role": "Cinematography", "name": "Im-Sun Song"},
            {"role": "Editor", "name": "Marco Rossi"},
            {"role": "Music", "name": "Aiko Tanaka"},
            {"role": "Sound", "name": "Lena Vogel"},
            {"role": "Production design", "name": "Chidi Okafor"},
            {"role": "Cast", "name": "Min-ji Kim, Jae-won Cho"},
        ],
        "key_still": key_still,
    }


def _person(name: str, seed: int) -> dict[str, Any]:
    return {
        "name": name,
        "name_original": "송임선",
        "pronouns": "she/her",
        "roles": ["Director", "Cinematographer"],
        "location": "Los Angeles and Seoul",
        "headline": "A cinematographer who films the sea as a member of the family.",
        "bio_short": prose(60, seed),
        "bio_long": prose(400, seed + 1),
        "portrait": "still-1",
    }


def _contact() -> dict[str, Any]:
    return {
        "email": "press@example.org",
        "phone": "+1 310 555 0100",
        "website": "https://example.org",
        "representation": "Harbour Talent, Los Angeles\nAgent: Sam Reed",
    }


def rich(folder: Path) -> Path:
    """A film kit with every field filled: festivals, awards, credits, quotes, statement."""
    films = ["tide", "lantern", "salt"]
    shapes = [PORTRAIT, LANDSCAPE, PANORAMA, SQUARE, LANDSCAPE, PORTRAIT,
              LANDSCAPE, PANORAMA, SQUARE, LANDSCAPE, PORTRAIT, LANDSCAPE]  # fmt: skip
    stills = _stills(folder, shapes, films, "Ian Chen")
    stills[0]["film"] = ""  # the portrait
    stills[0]["copyright"] = "© 2025 Ian Chen"
    kit = {
        "format": "presskit/1",
        "person": _person("Im-Sun Song", 10),
        "interview": {
            "title": "Filming the sea",
            "publication": "Film Quarterly",
            "date": "2025",
            "items": [
                {
                    "question": f"Question {i + 1}: {prose(12, 100 + i)}?",
                    "answer": prose(900 if i == 4 else 90 + 20 * i, 200 + i),
                }
                for i in range(9)
            ],
        },
        "films": [
            _rich_film("tide", "The Tide Between Us", 20, "still-2"),
            _rich_film("lantern", "Lantern", 30, "still-3"),
            _rich_film("salt", "Salt and Iron", 40, "still-4"),
        ],
        "stills": stills,
        "links": [
            {"label": "Reel", "url": "https://vimeo.com/793204574"},
            {"label": "Instagram", "url": "https://instagram.com/example"},
        ],
        "contact": _contact(),
        "design": {"cover_still": "still-2"},
    }
    return _make(folder, "rich", kit)


def many_films(folder: Path) -> Path:
    """8 films and 40 stills: portraits, squares, landscapes and 2.39:1 panoramas."""
    ids = [f"film-{n + 1}" for n in range(8)]
    cycle = [PORTRAIT, SQUARE, PANORAMA, LANDSCAPE, PORTRAIT]
    stills = _stills(folder, [cycle[i % len(cycle)] for i in range(40)], ids, "Mira Okafor")
    films = []
    for n, film_id in enumerate(ids):
        films.append(
            {
                "id": film_id,
                "title": f"Film number {n + 1}",
                "year": 2015 + n,
                "status": ["released", "completed", "post-production", "development"][n % 4],
                "roles": ["Director"],
                "runtime_min": 12 + 9 * n,
                "country": "Norway",
                "logline": prose(20 + n * 3, 300 + n),
                "synopsis": prose(60 + 40 * (n % 3), 400 + n),
                "festivals": [{"name": "Tromsø", "year": 2016 + n, "note": "Official Selection"}]
                if n % 2
                else [],
                "key_still": f"still-{n + 1}",
            }
        )
    kit = {
        "format": "presskit/1",
        "person": {"name": "Tomas Reyes", "roles": ["Director"], "bio_short": prose(50, 7)},
        "films": films,
        "stills": stills,
        "contact": {"email": "tomas@example.org"},
    }
    return _make(folder, "many-films", kit)


def long_interview(folder: Path) -> Path:
    """25 questions; some answers run to 600 words."""
    items = [
        {
            "question": f"{prose(8 + i % 7, 500 + i)}?",
            "answer": prose(600 if i % 6 == 2 else 40 + 13 * (i % 5), 600 + i),
        }
        for i in range(25)
    ]
    kit = {
        "format": "presskit/1",
        "person": {"name": "Ana Lucía Ferreira", "roles": ["Director"], "bio_short": prose(40, 9)},
        "interview": {"title": "The long conversation", "items": items},
        "stills": _stills(folder, [LANDSCAPE], [], "Ana Ferreira"),
        "contact": {"email": "ana@example.org"},
    }
    return _make(folder, "long-interview", kit)


def bare(folder: Path) -> Path:
    """A name and one still: what a person has on their first minute."""
    kit = {
        "format": "presskit/1",
        "person": {"name": "Jo Park"},
        "stills": _stills(folder, [LANDSCAPE], [], ""),
    }
    return _make(folder, "bare", kit)


def scripts(folder: Path) -> Path:
    """A kit in Hangul, Greek and Arabic."""
    kit = {
        "format": "presskit/1",
        "person": {
            "name": "송임선",
            "name_original": "Ίριδα Παπαδοπούλου",
            "roles": ["감독", "Σκηνοθέτρια", "مخرجة"],
            "bio_short": "송임선은 바다와 가족에 관한 영화를 찍는 촬영감독이다. " * 4,
            "bio_long": "Η ταινία μιλά για τη θάλασσα και τη μνήμη της οικογένειας. " * 12
            + "\n\n"
            + "يتحدث الفيلم عن البحر وذاكرة العائلة والمدينة القديمة. " * 10,
            "portrait": "still-1",
        },
        "interview": {
            "items": [
                {"question": "영화는 어디에서 시작됩니까?", "answer": "장소에서 시작합니다. " * 40},
                {"question": "Πώς φωτίζετε μια νυχτερινή σκηνή;", "answer": "Ελάχιστα. " * 60},
                {"question": "ما الذي يلهمك؟", "answer": "البحر والضوء والناس. " * 50},
            ]
        },
        "films": [
            {
                "id": "seom",
                "title": "섬 (The Island)",
                "year": 2024,
                "status": "released",
                "roles": ["감독"],
                "logline": "한 가족이 섬으로 돌아온다.",
                "synopsis": "Μια οικογένεια επιστρέφει στο νησί. " * 15,
                "festivals": [{"name": "부산국제영화제", "year": 2024, "note": "월드 프리미어"}],
                "key_still": "still-2",
            }
        ],
        "stills": [
            {**s, "caption": caption}
            for s, caption in zip(
                _stills(folder, [PORTRAIT, LANDSCAPE, SQUARE], ["seom"], "이안 첸"),
                ["초상", "Το νησί την αυγή", "البحر في الليل"],
                strict=True,
            )
        ],
        "contact": {"email": "song@example.org", "representation": "وكالة البحر، بيروت"},
    }
    return _make(folder, "scripts", kit)


CORPUS: dict[str, Callable[[Path], Path]] = {
    "sample": sample,
    "rich": rich,
    "many-films": many_films,
    "long-interview": long_interview,
    "bare": bare,
    "scripts": scripts,
}
