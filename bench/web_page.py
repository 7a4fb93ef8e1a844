"""How long the web press kit takes, against a warm screen PDF of the same kit, in one run.

    python bench/web_page.py [--stills N]

On a kit of N photo-like 24-megapixel stills (tests/render/photos.py), each job in a fresh
process: the screen PDF with its renditions cached (the baseline); the web page cold (no
renditions cached: each still decoded for its 800 and 1600 px renditions); the web page
warm (renditions cached in the kit; the fonts still cut anew, as in a new session); and the
web page written a second time in one process (the fonts cut once: the editor exporting
again). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.render.photos import photo_kit  # noqa: E402

JOB = """
import json, sys, tempfile, time
from pathlib import Path
from presskit import render
from presskit.store import KitFile
from presskit.web.page import Downloads, write_web_kit

def timed(job):
    start = time.perf_counter()
    job()
    return round(time.perf_counter() - start, 3)

def main(kit_path, what):
    with KitFile.open(kit_path) as kit_file:
        kit = kit_file.load()
        pdf = lambda: render.render_pdf(kit, kit_file, render.Options(profile="screen"))
        web = lambda: write_web_kit(
            kit, kit_file, Path(tempfile.mkdtemp()), downloads=Downloads({})
        )
        if what == "pdf":
            print(json.dumps({"seconds": timed(pdf)}))
        elif what == "web":
            print(json.dumps({"seconds": timed(web)}))
        else:  # twice in one process: the second one's time
            web()
            print(json.dumps({"seconds": timed(web)}))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
"""


def run(script: Path, kit: Path, what: str) -> float:
    result = subprocess.run(
        [sys.executable, str(script), str(kit), what],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stills", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kit = photo_kit(folder / "kit", stills=args.stills, size=(6000, 4000))
        # A real file, not -c: worker processes (spawn) re-import the main module by its path.
        script = folder / "job.py"
        script.write_text(textwrap.dedent(JOB))
        web_cold = run(script, kit, "web")  # first: nothing cached yet
        run(script, kit, "pdf")  # the PDF's own renditions, cached
        pdf_warm = run(script, kit, "pdf")
        web_warm = run(script, kit, "web")
        web_again = run(script, kit, "again")
    figures = {
        "stills": args.stills,
        "pdf_screen_warm_s": pdf_warm,
        "web_cold_s": web_cold,
        "web_warm_s": web_warm,
        "web_again_in_process_s": web_again,
        "web_warm_vs_pdf_warm": round(web_warm / pdf_warm, 2),
        "web_again_vs_pdf_warm": round(web_again / pdf_warm, 2),
    }
    for key, value in figures.items():
        print(f"{key:>26}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
