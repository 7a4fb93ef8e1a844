"""`make run`: presskit on the bundled sample kit.

With a display, the editor opens on it; with none (a server, CI), the sample kit's PDF is
exported and its path printed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from presskit import kitio, render
from presskit.errors import PresskitError
from presskit.store import KitFile

KIT = Path("build/sample.presskit")
PDF = Path("build/sample.pdf")


def has_display() -> bool:
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main() -> int:
    KIT.parent.mkdir(exist_ok=True)
    if has_display() and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        if not KIT.exists():
            kitio.create_kit(KIT, kitio.sample_json()).close()
        from presskit.gui.app import run

        return run(str(KIT))
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
