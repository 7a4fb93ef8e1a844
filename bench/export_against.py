"""A warm export here against the same export by an earlier commit, in one run.

    python bench/export_against.py REF [--stills N] [--rounds N] [--latin]

Both checkouts export the same kit (the sample kit plus N photo-like 24-megapixel stills,
renditions cached; with ``--latin`` without the person's name in Hangul, so that no
fallback font is read) in a fresh process, alternating, ``--rounds`` times per profile; each job's
CPU seconds (user + system, imports included, as ``bench/export.py`` times a warm export)
are less shaken by other work on the machine than wall time. The earlier commit is checked
out into a temporary git worktree. Prints the best and the mean of each side and their
ratios; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.render.photos import photo_like  # noqa: E402  (the tests' photo-like frames)

JOB = """
import resource, sys
from presskit import render
from presskit.store import KitFile
with KitFile.open(sys.argv[1]) as f:
    render.export_pdf(f.load(), f, sys.argv[2], render.Options(profile=sys.argv[3]))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime)
"""


def make_kit(folder: Path, stills: int, latin: bool) -> Path:
    from presskit import kitio
    from presskit.store import KitFile

    folder.mkdir()
    paths = []
    for i in range(stills):
        path = folder / f"still-{i + 1:03d}.jpg"
        photo_like(i, (6000, 4000)).save(path, "JPEG", quality=92)
        paths.append(str(path))
    kit = folder / "bench.presskit"
    kitio.create_kit(kit, kitio.sample_json()).close()
    with KitFile.open(kit) as kit_file:
        kitio.add_stills(kit_file, paths, credit="Ian Chen")
        if latin:
            changed = kit_file.load()
            changed.person.name_original = ""
            kit_file.save(changed)
    return kit


def cpu_seconds(src: Path, kit: Path, out: Path, profile: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", JOB, str(kit), str(out), profile],
        env={**os.environ, "PYTHONPATH": str(src)},  # this side's presskit, not the installed one
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the earlier commit, e.g. a tag or a hash")
    parser.add_argument("--stills", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--latin", action="store_true", help="no name in Hangul")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        earlier = folder / "earlier"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(earlier), args.ref],
            check=True,
        )
        try:
            sides = {"earlier": earlier / "src", "now": ROOT / "src"}
            made = make_kit(folder / "kit", args.stills, args.latin)
            kits = {side: folder / f"{side}.presskit" for side in sides}
            for kit in kits.values():  # the same file for both; each side caches its renditions
                shutil.copy(made, kit)
            result: dict[str, object] = {
                "ref": args.ref,
                "stills": args.stills,
                "latin": args.latin,
            }
            for profile in ("print", "screen"):
                times: dict[str, list[float]] = {side: [] for side in sides}
                for side, src in sides.items():  # a first export makes the renditions
                    cpu_seconds(src, kits[side], folder / "out.pdf", profile)
                for _ in range(args.rounds):
                    for side, src in sides.items():
                        times[side].append(
                            cpu_seconds(src, kits[side], folder / "out.pdf", profile)
                        )
                for side in sides:
                    best, mean = min(times[side]), statistics.mean(times[side])
                    print(f"{profile:6} {side:8} best {best:.3f} s  mean {mean:.3f} s")
                    result[f"{profile}_{side}_best_s"] = round(best, 3)
                best_ratio = min(times["now"]) / min(times["earlier"])
                mean_ratio = statistics.mean(times["now"]) / statistics.mean(times["earlier"])
                result[f"{profile}_best_ratio"] = round(best_ratio, 3)
                result[f"{profile}_mean_ratio"] = round(mean_ratio, 3)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)],
                check=False,
            )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
