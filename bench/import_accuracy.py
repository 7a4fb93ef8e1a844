"""How much of each field the interview importer gets right over the corpus of articles.

    python bench/import_accuracy.py [--verbose]

Each article in tests/importers/corpus/ has beside it a .json of what a careful person would
enter from it. Per field, the share of articles where the proposal equals that exactly:
pairs (every question and answer), the first question, the person's name, the main film's
title, runtime and country, the awards of all films, links (label and URL) and photo credits.
Roles, every film title and the bio are shown too, outside the 95% target. The held-out
articles (tests/importers/holdout/) get their own table. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from presskit import importers

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "importers" / "corpus"
# Articles written after the rules, each .json written before the importer first read them:
# a fairer figure for articles nobody tuned the rules to. Once the rules change because of
# them, they join the corpus (33-38 did), and a new batch is needed for a fair figure.
HOLDOUT = CORPUS.parent / "holdout"
TARGET = 95.0


def articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".docx"))


def expected_for(article: Path) -> dict:
    return json.loads(article.with_name(article.name.split(".")[0] + ".json").read_text("utf-8"))


def proposed(article: Path) -> dict:
    """The proposal in the expected files' shape."""
    data = importers.parse(importers.read_article(article)).to_json()
    return {
        "person": data["person"],
        "interview": data["interview"],
        "films": [
            {**film, "awards": [award["name"] for award in film["awards"]]}
            for film in data["films"]
        ],
        "links": data["links"],
        "credits": [credit["name"] for credit in data["credits"]],
    }


def _main(data: dict, key: str):
    return data["films"][0][key] if data["films"] else None


FIELDS: dict[str, Callable[[dict], object]] = {
    "pairs exact": lambda d: [(p["question"], p["answer"]) for p in d["interview"]],
    "first question": lambda d: d["interview"][0]["question"] if d["interview"] else "",
    "person name": lambda d: d["person"]["name"],
    "film title": lambda d: _main(d, "title"),
    "runtime": lambda d: _main(d, "runtime_min"),
    "country": lambda d: _main(d, "country") or None,
    "awards": lambda d: sorted(a.casefold() for f in d["films"] for a in f["awards"]),
    "links": lambda d: sorted((link["label"], link["url"]) for link in d["links"]),
    "credits": lambda d: sorted(d["credits"]),
}
EXTRAS: dict[str, Callable[[dict], object]] = {
    "roles": lambda d: d["person"]["roles"],
    "all film titles": lambda d: [f["title"] for f in d["films"]],
    "bio": lambda d: d["person"]["bio"],
}


def measure(folder: Path, verbose: bool) -> dict:
    """The table for one folder of articles; returns its figures."""
    paths = articles(folder)
    right = {name: 0 for name in [*FIELDS, *EXTRAS]}
    misses: dict[str, list[str]] = {name: [] for name in right}
    for path in paths:
        want, got = expected_for(path), proposed(path)
        for name, value in [*FIELDS.items(), *EXTRAS.items()]:
            if value(want) == value(got):
                right[name] += 1
            else:
                misses[name].append(path.name.split("-")[0])
                if verbose:
                    print(f"{path.name}: {name}\n  want {value(want)!r}\n  got  {value(got)!r}")
    share = {name: round(100 * count / len(paths), 1) for name, count in right.items()}
    print(f"\n{len(paths)} articles in tests/importers/{folder.name}/")
    print(f"| {'field':16} | {'right':>7} | {'%':>6} | misses")
    print(f"|{'-' * 18}|{'-' * 9}|{'-' * 8}|-------")
    for name in right:
        extra = " (not in the target)" if name in EXTRAS else ""
        shown = ", ".join(misses[name]) or "-"
        print(f"| {name:16} | {right[name]:>3}/{len(paths):<3} | {share[name]:>6} | {shown}{extra}")
    lowest = min(share[name] for name in FIELDS)
    return {
        "articles": len(paths),
        "accuracy_pct": {name: share[name] for name in FIELDS},
        "extras_pct": {name: share[name] for name in EXTRAS},
        "lowest_pct": lowest,
        "all_at_target": lowest >= TARGET,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="show each miss")
    args = parser.parse_args()
    folders = [CORPUS] + ([HOLDOUT] if HOLDOUT.is_dir() else [])
    figures = {folder.name: measure(folder, args.verbose) for folder in folders}
    print(json.dumps({"target_pct": TARGET, **figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
