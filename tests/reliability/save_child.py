"""Saves version after version of a kit until it is killed; prints each version once saved.

python -m tests.reliability.save_child KIT FIRST_VERSION
"""

from __future__ import annotations

import sys

from presskit.store import KitFile
from tests.reliability.versions import store_version

path, n = sys.argv[1], int(sys.argv[2])
with KitFile.open(path) as kit_file:
    while True:
        n += 1
        kit, images = store_version(n)
        # Every third save keeps a revision, as an explicit save does; the rest are autosaves.
        kit_file.save(kit, revision=n % 3 == 0, label=f"v{n}", new_assets=images)
        print(n, flush=True)
