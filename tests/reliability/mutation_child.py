"""Does everything a person might do with a kit changed outside presskit, and reports.

python -m tests.reliability.mutation_child KIT IMAGE

Opens the kit, loads it, runs preflight, renders it, makes a clean copy when it holds
foreign code, and tries to add a still (a save). Prints one JSON line: what happened, and each sentence presskit said. Any
other exception escapes, so the parent sees a traceback and a non-zero exit.
"""

from __future__ import annotations

import json
import sys

from presskit import kitio, preflight, render
from presskit.errors import PresskitError
from presskit.store import KitFile


def main() -> None:
    path, image = sys.argv[1], sys.argv[2]
    report: dict[str, object] = {"opened": False, "saved": False, "sentences": []}
    sentences: list[str] = report["sentences"]  # type: ignore[assignment]
    try:
        kit_file = KitFile.open(path)
    except PresskitError as err:
        sentences.append(str(err))
    else:
        with kit_file:
            report["opened"] = True
            report["read_only"] = kit_file.read_only
            try:
                kit = kit_file.load()
                report["findings"] = len(preflight.check(kit, kit_file, deep=True))
                report["pages"] = render.render_pdf(kit, kit_file).pages
            except PresskitError as err:
                sentences.append(str(err))
            if kit_file.foreign:  # what the person is told to do: save a clean copy
                try:
                    kit_file.clean_copy(f"{path}.clean")
                    with KitFile.open(f"{path}.clean") as copy:
                        report["repaired"] = not copy.read_only and not copy.foreign
                        report["repaired_stills"] = len(copy.load().stills)
                except PresskitError as err:
                    sentences.append(str(err))
            try:
                kitio.add_stills(kit_file, [image], credit="Ian Chen")
                report["saved"] = True
            except PresskitError as err:
                sentences.append(str(err))
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":  # renditions are made in spawned processes, which import this
    main()
