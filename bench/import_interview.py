"""How long a 5 MB article takes to import, against only splitting it into lines.

    python bench/import_interview.py [--megabytes N]

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from presskit import importers

ARTICLE = Path(__file__).resolve().parents[1] / "tests" / "importers" / "articles" / "lead-in.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5)
    args = parser.parse_args()
    block = ARTICLE.read_text(encoding="utf-8")
    text = block * int(args.megabytes * 1_000_000 // len(block) + 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        lines = path.read_text(encoding="utf-8").splitlines()
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        proposal = importers.parse(importers.read_article(path))
        seconds = time.perf_counter() - started
    print(
        f"{len(text) / 1e6:.1f} MB, {len(lines)} lines: read and split {baseline:.3f} s, import {seconds:.3f} s"
    )
    print(
        json.dumps(
            {
                "bytes": len(text.encode()),
                "questions": len(proposal.interview),
                "baseline_s": round(baseline, 3),
                "import_s": round(seconds, 3),
                "import_over_baseline": round(seconds / baseline, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
