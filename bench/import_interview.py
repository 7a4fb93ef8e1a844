"""How long a 5 MB interview takes to import, against the least any importer must do.

    python bench/import_interview.py [--megabytes N]

The article is one long interview: an introduction, then numbered questions, each with a
two-paragraph answer, until it is N MB, then one closing block of contact links and
credits, as a real article ends. The import must find every question it was given
(the run stops with an error if not).

The baseline, measured in the same run, is what every importer does at least: read the
file, split it into paragraphs and look at each paragraph once (one regular-expression
search per paragraph). The ratio says how much the importer's judging costs on top.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from presskit import importers
from presskit.importers.documents import paragraphs

INTRODUCTION = (
    "An interview with production designer Lena Fischer\n\n"
    "Lena Fischer has designed the rooms of more than thirty films.\n\n"
)
QUESTION = "How did you design the rooms of scene {n}, and what did the director ask for?\n\n"
ANSWER = (
    "We began with the script and a walk through the location at the hour scene {n} is set. "
    "Every surface was aged by hand, and the light switches came from a flea market.\n\n"
    "Nobody noticed the switches, and that was the point: the room had to feel lived in "
    "before the film begins, so the actors could stop acting in it.\n\n"
)
CLOSING = (
    "Contact Info:\n"
    "- Website: https://lenafischer.example.org\n"
    "- Instagram: https://instagram.com/lenafischer.design\n"
    "Image Credits\n"
    "Jonas Weber, “Winterreise”\n"
)


def article(megabytes: float) -> tuple[str, int]:
    """The article's text and how many questions it asks."""
    parts, size, n = [INTRODUCTION], len(INTRODUCTION), 0
    while size < megabytes * 1_000_000:
        n += 1
        pair = QUESTION.format(n=n) + ANSWER.format(n=n)
        parts.append(pair)
        size += len(pair)
    parts.append(CLOSING)
    return "".join(parts), n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5)
    args = parser.parse_args()
    text, asked = article(args.megabytes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        looked_at = paragraphs(path.read_text(encoding="utf-8"))
        marks = sum(1 for para in looked_at if re.search(r"\?\s*$", para))
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        proposal = importers.parse(importers.read_article(path))
        seconds = time.perf_counter() - started
    found = len(proposal.interview)
    print(
        f"{len(text) / 1e6:.1f} MB, {len(looked_at)} paragraphs, {asked} questions asked, "
        f"{found} found: read, split and look {baseline:.3f} s, import {seconds:.3f} s"
    )
    print(
        json.dumps(
            {
                "bytes": len(text.encode()),
                "paragraphs": len(looked_at),
                "questions_asked": asked,
                "questions_found": found,
                "baseline_s": round(baseline, 3),
                "import_s": round(seconds, 3),
                "import_over_baseline": round(seconds / baseline, 1),
            }
        )
    )
    if found != asked or marks != asked:
        print(f"import_interview: error: {asked} questions asked, {found} found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
