"""`make run`: the most presskit can do on this machine with the bundled sample kit.

Today that is making the sample kit file and showing what it holds; once the editor and
the PDF exist, this opens the editor on it (or, with no display, exports its PDF).
"""

from __future__ import annotations

import sys
from pathlib import Path

from presskit import kitio
from presskit.errors import PresskitError
from presskit.store import KitFile

KIT = Path("build/sample.presskit")


def main() -> int:
    KIT.parent.mkdir(exist_ok=True)
    try:
        if not KIT.exists():
            kitio.create_kit(KIT, kitio.sample_json()).close()
        with KitFile.open(KIT, read_only=True) as kit_file:
            kit = kit_file.load()
    except PresskitError as err:
        print(f"presskit: error: {err}", file=sys.stderr)
        return 1
    print(f"{kit.person.name} — {', '.join(kit.person.roles)}")
    print(f"  {len(kit.interview.items)} interview questions")
    for film in kit.films:
        print(f"  film: {film.title} ({film.status})")
    for still in kit.stills:
        print(f"  still: {still.caption} — Photo: {still.credit}")
    print(f"The sample kit is at {KIT.resolve()}")
    print(f"Try: .venv/bin/presskit dump {KIT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
