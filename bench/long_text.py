"""Whether laying out a long field stays linear in its length (issue 17: a 40 MB word ran for
hours, a 1-million-character bio took 215 s, because a paragraph split across pages is
re-broken whole at each page).

    python bench/long_text.py [--scale N]

The baseline, measured in the same run: a kit whose long bio is 20,000 characters of words
(a long real bio). Then the same kit with a bio N times as long (50 by default), once as
words and once as one unbroken word. For each: milliseconds, and the time ratio divided by
the length ratio ("per character vs baseline"): about 1 is linear; the old layout gave
about 25 at N = 50. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from presskit import model, render
from presskit.store import KitFile

BASE_CHARS = 20_000


def timed(folder: Path, name: str, bio: str) -> float:
    """The median of 3 renders, in ms."""
    kit = model.PressKit(person=model.Person(name="Im-Sun Song", bio_long=bio))
    with KitFile.create(folder / f"{name}.presskit", kit) as kit_file:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            render.render_pdf(kit_file.load(), kit_file)
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=50)
    args = parser.parse_args()
    words = "light grief memory frame "
    with tempfile.TemporaryDirectory() as folder:
        base = timed(Path(folder), "base", (words * (BASE_CHARS // len(words))).strip())
        chars = BASE_CHARS * args.scale
        cases = {
            "words": (words * (chars // len(words))).strip(),
            "unbroken": "x" * chars,
        }
        result: dict[str, object] = {"baseline_ms": round(base), "scale": args.scale}
        print(f"baseline: {BASE_CHARS:,} characters of words, {base:.0f} ms")
        for name, bio in cases.items():
            took = timed(Path(folder), name, bio)
            per_char = (took / base) / (len(bio) / BASE_CHARS)
            print(
                f"{name}: {len(bio):,} characters, {took:.0f} ms, {per_char:.2f} per character vs baseline"
            )
            result[f"{name}_ms"] = round(took)
            result[f"{name}_per_char_ratio"] = round(per_char, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
