"""How long the press package takes against a PDF export, in one run.

    python bench/package.py [--stills N]

20 photo-like 6000x4000 JPEGs (24 megapixels, noise on shapes, so realistic in size) in a
kit; then, each in a fresh process: the package with a cold rendition cache, a warm print
PDF export, the package again, warm, into a new folder, then once more into that same folder
(as after an edit: unchanged stills and zip are taken over by hard links), and a floor: the
stills' bytes written twice (files and zip) by plain Python. The goal: a warm package within
3x a warm print PDF; since a new package writes every original twice, the floor says how
much of its time the disk alone takes.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from export import build_kit, export, make_photos, run_job  # noqa: E402  (bench/export.py)


def package(kit: Path, out: Path) -> dict:
    return run_job(
        f"""
        from presskit.store import KitFile
        from presskit.web.package import export_package
        start = time.perf_counter()
        with KitFile.open({str(kit)!r}) as kit_file:
            result = export_package(kit_file.load(), kit_file, {str(out)!r})
        report(seconds=time.perf_counter() - start, stills=result.stills)
        """
    )


def write_floor(stills: Path, out: Path) -> dict:
    """The least the package's stills cost on this disk: their bytes written twice (the
    files and one archive) by plain Python, nothing read from a kit or laid out."""
    return run_job(
        f"""
        from pathlib import Path
        stills = [p.read_bytes() for p in sorted(Path({str(stills)!r}).iterdir())]
        out = Path({str(out)!r})
        out.mkdir()
        start = time.perf_counter()
        with open(out / "all.bin", "wb") as archive:
            for i, data in enumerate(stills):
                (out / f"{{i}}.jpg").write_bytes(data)
                archive.write(data)
        report(seconds=time.perf_counter() - start)
        """
    )


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stills", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        started = time.perf_counter()
        kit = build_kit(folder, make_photos(folder, args.stills))
        print(
            f"{args.stills} photo-like 6000x4000 JPEGs made and imported "
            f"in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        cold = package(kit, folder / "cold package")
        warm_print = export(kit, folder / "print.pdf", "print")
        warm = package(kit, folder / "warm package")
        package_bytes = folder_bytes(folder / "warm package")
        # After an edit, into the same folder: the unchanged stills and zip are taken over.
        again = package(kit, folder / "warm package")
        floor = write_floor(folder / "warm package" / "stills", folder / "floor")
    print(f"{'job':42} {'seconds':>8} {'peak MB':>8}")
    for name, job in (
        ("press package, cold cache", cold),
        ("print PDF export, warm", warm_print),
        ("press package, warm, new folder", warm),
        ("press package, warm, same folder again", again),
        ("floor: the stills' bytes written twice", floor),
    ):
        print(f"{name:42} {job['seconds']:8.2f} {job['peak_rss_mb']:8.0f}")
    result = {
        "stills": args.stills,
        "cold_package_s": round(cold["seconds"], 3),
        "warm_print_pdf_s": round(warm_print["seconds"], 3),
        "warm_package_s": round(warm["seconds"], 3),
        "write_floor_s": round(floor["seconds"], 3),
        "warm_package_over_warm_print_pdf": round(warm["seconds"] / warm_print["seconds"], 3),
        "warm_package_over_write_floor": round(warm["seconds"] / floor["seconds"], 3),
        "again_package_s": round(again["seconds"], 3),
        "again_package_over_warm_print_pdf": round(again["seconds"] / warm_print["seconds"], 3),
        "package_bytes": package_bytes,
        "peak_rss_mb": max(cold["peak_rss_mb"], warm["peak_rss_mb"]),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
