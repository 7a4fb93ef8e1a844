"""The hostile kit (every text field of tests/reliability/test_hostile_content.py) through the press
package: markup and path characters in every field end up as text in the still files'
metadata and in credits.csv, never as a path, and nothing is written outside the package."""

from __future__ import annotations

import csv
import io

from presskit import model
from presskit.store import KitFile
from presskit.web.package import export_package
from tests.reliability.test_hostile_content import HOSTILE, STILL, full_kit, text_paths
from tests.web.readback import exiftool, presskit_reads

PATHS = "../../etc/x/..\\..\\CON:*?|"  # separators, a device name, Windows' reserved marks


def test_hostile_fields_are_text_in_the_files_and_never_a_path(tmp_path):
    kit = full_kit()
    paths = text_paths(kit)
    assert len(paths) >= 41  # every text field the kit has, as the PDF's hostile test
    for i, path in enumerate(paths):
        model.SetField(path, f"ZQ{i:03d}{HOSTILE}{PATHS}").apply(kit)
    kit_path = tmp_path / "kit" / "k.presskit"
    kit_path.parent.mkdir()
    with KitFile.create(kit_path, kit, [STILL]) as kit_file:
        export_package(kit, kit_file, tmp_path / "out")

    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert all(w.startswith(("out/", "kit/")) for w in written), written
    (still,) = list((tmp_path / "out" / "stills").iterdir())
    assert not set(still.name) & set('/\\:*?"<>|')
    assert len(still.name.encode("utf-8")) <= 255

    value = kit.stills[0]
    data = (tmp_path / "out" / "credits.csv").read_bytes().decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(data, newline="")))
    assert row == {
        "file": f"stills/{still.name}",
        "film": kit.films[0].title,
        "caption": value.caption,
        "photographer": value.credit,
        "copyright": value.copyright,
    }
    read = presskit_reads(still)
    assert (read.credit, read.caption, read.copyright, read.title) == (
        value.credit,
        value.caption,
        value.copyright,
        kit.films[0].title,
    )
    (found,) = exiftool(still)
    assert found["XMP:Creator"] == value.credit and found["XMP:Description"] == value.caption
