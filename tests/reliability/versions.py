"""The successive versions a kill test saves: each one a function of its number alone, so
the parent can tell exactly which version a file holds and that it is whole.

Kept free of pytest and hypothesis: the children import it, and they start 200 times.
"""

from __future__ import annotations

import random

from presskit import model
from presskit.store import NewAsset

WORDS = ["light", "grief", "memory", "frame", "dragonfly", "송임선", "reel", "night", "café"]


def photo(marker: int) -> NewAsset:
    """Image-like bytes (the store does not decode them); a few hundred KB, so a save that
    adds one spans many pages of the file."""
    data = b"\xff\xd8\xff\xe0" + bytes([marker]) * 200_000 + f"PHOTO-{marker}".encode() * 500
    return NewAsset(data, name=f"still-{marker}.jpg", mime="image/jpeg", width=60, height=40)


def store_version(n: int) -> tuple[model.PressKit, list[NewAsset]]:
    """Version ``n`` of the kit the store test saves, with the image it needs."""
    rng = random.Random(n)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 12_000)))
    image = photo(n % 5)  # images come and go, so garbage collection runs too
    kit = model.PressKit(
        person=model.Person(name=f"Version {n}", bio_long=text),
        interview=model.Interview(
            items=[model.QA(f"Question {n}.{i}?", text[: 50 * i]) for i in range(n % 7)]
        ),
        stills=[model.Still(id="still-1", asset=image.sha256, credit="Ian Chen")],
    )
    return kit, [image]


def version_of(kit: model.PressKit) -> int:
    return int(kit.person.name.split()[-1])


def editor_edits(n: int) -> dict[tuple, object]:
    """The fields the editor test sets for its ``n``th edit (through the session, as typing)."""
    rng = random.Random(n)
    return {
        ("person", "name"): f"Edit {n}",
        ("person", "bio_long"): " ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 3000))),
        ("interview", "items"): [model.QA(f"Question {n}.{i}?", "Answer.") for i in range(n % 5)],
    }


def editor_version(base: model.PressKit, n: int) -> model.PressKit:
    kit = model.loads(model.dumps(base))
    for path, value in editor_edits(n).items():
        model.SetField(path, value).apply(kit)
    return kit
