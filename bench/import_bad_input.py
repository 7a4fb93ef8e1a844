"""Bad and huge input to the interview importer: each gives a proposal or one sentence, fast.

    python bench/import_bad_input.py [--megabytes N]

Cases: an empty file, binary bytes, N MB on one line, N MB of HTML full of scripts, a Word
file that is a zip bomb (a small file unpacking to far more than any article), an entity
bomb inside a Word file, N MB of an article's text repeated (plain, Markdown and HTML), and
N MB of short quoted lines, labels and links (the shapes the importer compares line against
line). Baseline: reading the same file and splitting it into lines, in the same run. The
target is under 2 s for 1 MB; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from presskit import importers
from presskit.errors import ArticleError

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "importers" / "corpus"


def _zip(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def cases(size: int) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """name -> (file name, bytes)."""
    article = (CORPUS / "10-festival-filmmaker-headline.txt").read_bytes()
    markdown = (CORPUS / "23-magazine-markdown-bold-questions.md").read_bytes()
    page = (CORPUS / "22-magazine-html-h3-pullquote.html").read_bytes()

    def repeat(block: bytes) -> bytes:
        return (block * (size // len(block) + 1))[:size]

    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
        )
        + b']><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
    )
    return {
        "empty": ("empty.txt", lambda: b""),
        "binary": ("photo.txt", lambda: bytes(range(256)) * (size // 256)),
        "one line": ("line.txt", lambda: b"word " * (size // 5)),
        "one line of marks": ("marks.md", lambda: b"**a __b *c _d [e](http" * (size // 22)),
        "html with scripts": (
            "page.html",
            lambda: (
                b"<html><body>"
                + repeat(b"<script>var q = 'Why? How?';</script><p>Text, and more text.</p>")
                + b"</body></html>"
            ),
        ),
        "docx zip bomb": ("bomb.docx", lambda: _zip(b"<w:document>" + b" " * 300_000_000)),
        "docx entity bomb": ("laughs.docx", lambda: _zip(laughs)),
        "article repeated": ("article.txt", lambda: repeat(article)),
        "markdown repeated": ("article.md", lambda: repeat(markdown)),
        "html repeated": ("article.html", lambda: repeat(page)),
        "quoted lines": (
            "quotes.txt",
            lambda: repeat(b'"A line quoted by itself, like a pull quote."\n'),
        ),
        "speaker labels": (
            "labels.txt",
            lambda: repeat(
                b"".join(f"Speaker {i:05d}: Why? Because.\n".encode() for i in range(2000))
            ),
        ),
        "links": (
            "links.txt",
            lambda: repeat(
                b"".join(f"Site {i}: https://example.com/{i}\n".encode() for i in range(5000))
            ),
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (file_name, make) in cases(size).items():
            path = Path(folder) / file_name
            path.write_bytes(make())
            started = time.perf_counter()
            path.read_bytes().decode("utf-8", errors="replace").splitlines()
            baseline = time.perf_counter() - started
            started = time.perf_counter()
            try:
                proposal = importers.parse(importers.read_article(path))
                outcome = f"proposal: {len(proposal.interview)} pairs"
            except ArticleError as err:
                sentence = str(err)
                assert "\n" not in sentence
                outcome = f"one sentence: {sentence}"
            seconds = time.perf_counter() - started
            results[name] = {"s": round(seconds, 3), "baseline_s": round(baseline, 4)}
            print(
                f"{name:20} {path.stat().st_size / 1e6:6.2f} MB  {seconds:6.3f} s  {outcome[:90]}"
            )
    slowest = max(results, key=lambda n: results[n]["s"])
    print(
        json.dumps(
            {
                "megabytes": args.megabytes,
                "cases": results,
                "slowest": slowest,
                "slowest_s": results[slowest]["s"],
                "under_2s_per_mb": results[slowest]["s"] / max(args.megabytes, 1e-9) < 2.0,
            }
        )
    )


if __name__ == "__main__":
    main()
