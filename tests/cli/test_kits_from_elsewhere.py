"""Issue 17, as it was found: kits changed outside presskit (with the sqlite3 shell), then
used through the `presskit` command. Each case is one the landed main got wrong."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from presskit import cli, kitio
from presskit.store import KitFile

WIPE = (
    "CREATE TRIGGER wipe AFTER UPDATE ON document "
    "BEGIN DELETE FROM assets; DELETE FROM revisions; END"
)
SAMPLE_IMAGES = Path(kitio.sample_json()).parent / "images"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    path = tmp_path / "kit.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    return path


def sql(path: Path, *statements: str, params: tuple = ()) -> None:
    db = sqlite3.connect(path)
    try:
        for statement in statements:
            db.execute(statement, params if "?" in statement else ())
        db.commit()
    finally:
        db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def asset_count(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM assets").fetchone()[0]
    finally:
        db.close()


def pond_at_dusk(path: Path) -> str:
    """The SHA-256 of the picture of still 2 ("Dragonfly: the pond at dusk")."""
    with KitFile.open(path, read_only=True) as f:
        still = f.load().stills[1]
    assert "pond at dusk" in still.caption
    return still.asset


def test_a_trigger_in_the_file_never_runs_on_save(kit, capsys):
    sql(kit, WIPE)
    before = digest(kit)
    image = next(SAMPLE_IMAGES.iterdir())
    code, _out, err = run(capsys, "add-still", kit, image)
    assert code == 1
    assert err.startswith("presskit: error: “kit.presskit” holds the trigger “wipe”")
    assert "presskit repair" in err and err.count("\n") == 1
    assert digest(kit) == before  # nothing written, so nothing deleted
    assert asset_count(kit) == 5


def test_repair_copies_what_presskit_knows_and_leaves_the_trigger_behind(kit, tmp_path, capsys):
    sql(kit, WIPE, "CREATE VIEW peek AS SELECT name FROM assets", "CREATE TABLE extra (x)")
    before = digest(kit)
    clean = tmp_path / "clean.presskit"
    code, out, _err = run(capsys, "repair", kit, "-o", clean)
    assert code == 0
    assert (
        out.strip()
        == "Wrote a clean copy to “clean.presskit” with 5 pictures and 0 earlier versions."
    )
    assert digest(kit) == before
    db = sqlite3.connect(clean)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type != 'index'")}
    db.close()
    assert names == {"meta", "document", "assets", "renditions", "revisions", "sqlite_sequence"}
    with KitFile.open(clean) as f:
        assert not f.read_only and f.foreign == ()
    code, _out, _err = run(capsys, "add-still", clean, next(SAMPLE_IMAGES.iterdir()))
    assert code == 0 and asset_count(clean) == 5  # the same image again: stored once


def test_repair_refuses_to_overwrite(kit, tmp_path, capsys):
    taken = tmp_path / "taken.presskit"
    taken.write_bytes(b"mine")
    code, _out, err = run(capsys, "repair", kit, "-o", taken)
    assert code == 1 and "already exists" in err
    assert taken.read_bytes() == b"mine"


def test_missing_pictures_are_named_by_check_and_stop_the_export(kit, tmp_path, capsys):
    pond = pond_at_dusk(kit)
    sql(kit, "DELETE FROM assets WHERE sha256 = ?", params=(pond,))
    code, out, _err = run(capsys, "check", kit)
    assert code == 1
    assert "Still 2 (“Dragonfly: the pond at dusk”): its picture is missing from the file." in out
    pdf = tmp_path / "kit.pdf"
    code, _out, err = run(capsys, "export", kit, "-o", pdf)
    assert code == 1
    assert err == (
        "presskit: error: Still 2 (“Dragonfly: the pond at dusk”): "
        "its picture is missing from the file.\n"
    )
    assert not pdf.exists()


def test_two_missing_pictures_are_one_sentence(kit, tmp_path, capsys):
    sql(kit, "DELETE FROM assets WHERE rowid IN (SELECT rowid FROM assets LIMIT 2)")
    code, _out, err = run(capsys, "export", kit, "-o", tmp_path / "kit.pdf")
    assert code == 1 and err.count("\n") == 1
    assert err.endswith("(and 1 more still: see `presskit check`).\n")


def _overwrite_with_noise(path: Path, sha256: str) -> None:
    db = sqlite3.connect(path)
    (length,) = db.execute("SELECT length(data) FROM assets WHERE sha256 = ?", (sha256,)).fetchone()
    db.execute("UPDATE assets SET data = ? WHERE sha256 = ?", (os.urandom(length), sha256))
    db.commit()
    db.close()


def test_a_damaged_picture_is_named_before_export_even_with_renditions_cached(
    kit, tmp_path, capsys
):
    assert run(capsys, "export", kit, "-o", tmp_path / "first.pdf")[0] == 0  # renditions cached
    pond = pond_at_dusk(kit)
    _overwrite_with_noise(kit, pond)
    code, out, _err = run(capsys, "check", kit, "--deep")
    assert code == 1
    assert "Still 2 (“Dragonfly: the pond at dusk”): its picture is damaged in the file" in out
    code, _out, err = run(capsys, "export", kit, "-o", tmp_path / "second.pdf")
    assert code == 1
    assert err.startswith("presskit: error: Still 2 (“Dragonfly: the pond at dusk”): its picture")
    assert not (tmp_path / "second.pdf").exists()


def test_check_deep_remakes_a_damaged_rendition_silently(kit, tmp_path, capsys):
    assert run(capsys, "export", kit, "-o", tmp_path / "kit.pdf")[0] == 0
    db = sqlite3.connect(kit)
    sha, spec, length, width, height = db.execute(
        "SELECT sha256, spec, length(data), width, height FROM renditions LIMIT 1"
    ).fetchone()
    db.execute(
        "UPDATE renditions SET data = ? WHERE sha256 = ? AND spec = ?",
        (os.urandom(length), sha, spec),
    )
    db.commit()
    db.close()
    code, out, _err = run(capsys, "check", kit, "--deep")
    assert code == 0, out
    with KitFile.open(kit, read_only=True) as f:
        data = f.get_rendition(sha, spec)
    assert data is not None
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # decodes whole: it was made again from the original
        assert image.size == (width, height)
    code, _out, _err = run(capsys, "export", kit, "-o", tmp_path / "again.pdf")
    assert code == 0
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "again.pdf").read_bytes()))
    placed = sum(len(page.images) for page in reader.pages)
    assert placed >= 5
