"""`make run`: the most presskit can do on this machine with the bundled sample kit.

Until the editor window exists, that is making the sample kit file and exporting its PDF
(the path is printed); with the editor, this will open it on the sample kit, and export
the PDF only where there is no display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from presskit import kitio, render
from presskit.errors import PresskitError
from presskit.store import KitFile

KIT = Path("build/sample.presskit")
PDF = Path("build/sample.pdf")


def main() -> int:
    KIT.parent.mkdir(exist_ok=True)
    try:
        if not KIT.exists():
            kitio.create_kit(KIT, kitio.sample_json()).close()
        with KitFile.open(KIT) as kit_file:
            kit = kit_file.load()
            result = render.export_pdf(kit, kit_file, PDF, render.Options(profile="screen"))
    except PresskitError as err:
        print(f"presskit: error: {err}", file=sys.stderr)
        return 1
    print(
        f"{kit.person.name}: {len(kit.films)} films, {len(kit.stills)} stills, {result.pages} pages."
    )
    print(f"The sample kit is {KIT.resolve()}")
    print(PDF.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
