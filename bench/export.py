"""How fast and small an export is, against a naive baseline and a Pillow floor, in one run.

    python bench/export.py [--stills N]

- baseline: each original placed with plain ``platypus.Image(path)`` (what a script would do);
- floor: only decoding, resizing and encoding the same print renditions with Pillow in 2
  processes, no PDF: the least any exporter must spend;
- presskit: cold (no cached renditions), then warm, print and screen.
Each timed job runs in a fresh process, so peak memory is that job's own. The last line is
one JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.render.photos import photo_like  # noqa: E402  (the tests' photo-like frames)

SIZE = (6000, 4000)


def make_photos(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"still-{i + 1:03d}.jpg"
        photo_like(i, SIZE).save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def run_job(code: str) -> dict:
    """Runs ``code`` in a fresh interpreter; it prints one JSON object, we add its peak memory."""
    wrapper = textwrap.dedent(
        """
        import json, resource, sys, time
        def report(**values):
            # VmHWM: this process's own peak (ru_maxrss would carry the parent's across exec).
            status = open("/proc/self/status").read()
            main_kb = int(status.split("VmHWM:")[1].split()[0])
            worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            # Upper bound: the main process at its peak while both workers are at theirs.
            values["peak_rss_mb"] = round((main_kb + 2 * worker_kb) / 1024, 1)
            values["peak_main_rss_mb"] = round(main_kb / 1024, 1)
            values["peak_worker_rss_mb"] = round(worker_kb / 1024, 1)
            print(json.dumps(values))
        if __name__ == "__main__":
        """
    ) + textwrap.indent(textwrap.dedent(code), "    ")
    # A real file, not -c: worker processes (spawn) re-import the main module by its path.
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(wrapper)
    try:
        result = subprocess.run(
            [sys.executable, script.name], capture_output=True, text=True, check=False, cwd=ROOT
        )
    finally:
        Path(script.name).unlink()
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def baseline(photos: list[Path], out: Path) -> dict:
    return run_job(
        f"""
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import Image, SimpleDocTemplate
        paths = {[str(p) for p in photos]!r}
        start = time.perf_counter()
        doc = SimpleDocTemplate({str(out)!r}, pagesize=A4)
        width = doc.width
        doc.build([Image(p, width=width, height=width * 2 / 3) for p in paths])
        report(seconds=time.perf_counter() - start)
        """
    )


def export(kit: Path, out: Path, profile: str) -> dict:
    return run_job(
        f"""
        from presskit import render
        from presskit.store import KitFile
        start = time.perf_counter()
        with KitFile.open({str(kit)!r}) as kit_file:
            result = render.export_pdf(kit_file.load(), kit_file, {str(out)!r}, render.Options(profile={profile!r}))
        report(seconds=time.perf_counter() - start, pages=result.pages)
        """
    )


def floor(photos: list[Path], sizes: list[tuple[int, int]]) -> dict:
    return run_job(
        f"""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        sys.path.insert(0, {str(ROOT / "bench")!r})
        from floor_worker import rendition

        jobs = list(zip({[str(p) for p in photos]!r}, {sizes!r}))
        start = time.perf_counter()
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(rendition, jobs))
        report(seconds=time.perf_counter() - start)
        """
    )


def print_sizes(kit: Path) -> list[tuple[int, int]]:
    import sqlite3

    with sqlite3.connect(kit) as db:
        rows = db.execute(
            "SELECT r.width, r.height FROM renditions r JOIN assets a USING (sha256) "
            "WHERE r.spec LIKE 'print:%' ORDER BY a.name"
        ).fetchall()
    db.close()
    return [tuple(row) for row in rows]


def build_kit(folder: Path, photos: list[Path]) -> Path:
    from presskit import kitio, model
    from presskit.store import KitFile

    kit_path = folder / "bench.presskit"
    films = [
        model.Film(
            id="dragonfly", title="Dragonfly", status="post-production", logline="A bench film."
        )
    ]
    kit = model.PressKit(
        person=model.Person(name="Bench Filmmaker", roles=["Cinematographer"]), films=films
    )
    assets = []
    for photo in photos:
        image = kitio.import_image(photo)
        kit.stills.append(
            kitio.still_for(image, kit, credit="Ian Chen", caption=photo.stem, film="dragonfly")
        )
        assets.append(image.asset)
    KitFile.create(kit_path, kit, assets).close()
    return kit_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stills", type=int, default=20)
    parser.add_argument(
        "--skip-baseline",
        action="store_true",
        help="for memory runs with many stills (the baseline takes minutes)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        started = time.perf_counter()
        photos = make_photos(folder, args.stills)
        kit = build_kit(folder, photos)
        print(
            f"{args.stills} photo-like 6000x4000 JPEGs made and imported in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        if args.skip_baseline:
            (folder / "baseline.pdf").write_bytes(b"")
            base = None
        else:
            base = baseline(photos, folder / "baseline.pdf")
        cold = export(kit, folder / "cold.pdf", "print")
        bottom = floor(sorted(photos), print_sizes(kit))
        warm_print = export(kit, folder / "print.pdf", "print")
        export(kit, folder / "screen-warmup.pdf", "screen")
        warm_screen = export(kit, folder / "screen.pdf", "screen")
        sizes = {
            name: (folder / f"{name}.pdf").stat().st_size
            for name in ("baseline", "print", "screen")
        }
    rows = [("baseline: platypus.Image(original)", base, sizes["baseline"])] if base else []
    rows += [
        ("floor: Pillow renditions, 2 processes", bottom, None),
        ("presskit export, cold cache (print)", cold, None),
        ("presskit export, warm (print)", warm_print, sizes["print"]),
        ("presskit export, warm (screen)", warm_screen, sizes["screen"]),
    ]
    print(f"{'job':42} {'seconds':>8} {'peak MB':>8} {'PDF MB':>8}")
    for name, job, size in rows:
        shown = f"{size / 1e6:8.1f}" if size else f"{'':>8}"
        print(f"{name:42} {job['seconds']:8.2f} {job['peak_rss_mb']:8.0f} {shown}")
    result = {
        "stills": args.stills,
        "baseline_s": round(base["seconds"], 3) if base else None,
        "floor_s": round(bottom["seconds"], 3),
        "cold_s": round(cold["seconds"], 3),
        "warm_print_s": round(warm_print["seconds"], 3),
        "warm_screen_s": round(warm_screen["seconds"], 3),
        "cold_over_floor": round(cold["seconds"] / bottom["seconds"], 3),
        "baseline_over_cold": round(base["seconds"] / cold["seconds"], 2) if base else None,
        "screen_pdf_bytes": sizes["screen"],
        "print_pdf_bytes": sizes["print"],
        "baseline_pdf_bytes": sizes["baseline"],
        "peak_rss_mb": cold["peak_rss_mb"],
        "peak_main_rss_mb": cold["peak_main_rss_mb"],
        "peak_worker_rss_mb": cold["peak_worker_rss_mb"],
    }
    print(f"cold/floor {result['cold_over_floor']}  baseline/cold {result['baseline_over_cold']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
