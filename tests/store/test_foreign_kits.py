"""A kit from elsewhere is never trusted: its schema must be presskit's or it is only read,
its pictures must match their SHA-256, and its document must be of a sane size."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from presskit import model
from presskit.errors import DamagedImageError, KitFileError, MissingImageError
from presskit.model import limits
from presskit.store import KitFile
from tests.store.test_kitfile import _write_v1, asset, fingerprint, kit_with


@pytest.fixture
def kit_path(tmp_path: Path) -> Path:
    path = tmp_path / "kit.presskit"
    a, b = asset(1), asset(2)
    KitFile.create(path, kit_with(a, b), [a, b]).close()
    return path


def sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def schema_names(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type != 'index'")}
    finally:
        db.close()


CANARY = "CREATE TABLE canary (x)"
FOREIGN = {
    "trigger": (
        CANARY,
        "CREATE TRIGGER spy AFTER UPDATE ON document BEGIN INSERT INTO canary VALUES (1); END",
    ),
    "view": ("CREATE VIEW everything AS SELECT * FROM assets",),
    "table": (CANARY,),
    "index": ("CREATE INDEX by_name ON assets (name)",),
    "changed table": ("ALTER TABLE assets RENAME COLUMN added_at TO added",),
}


@pytest.mark.parametrize("case", sorted(FOREIGN))
def test_a_schema_presskit_did_not_make_opens_read_only_and_is_never_written(kit_path, case):
    sql(kit_path, *FOREIGN[case])
    before = fingerprint(kit_path)
    with KitFile.open(kit_path) as f:
        assert f.read_only and f.foreign
        reason = f.read_only_reason
        assert reason.startswith("“kit.presskit” holds the ")
        assert "so it opened read-only" in reason and "\n" not in reason
        kit = f.load()
        assert len(kit.stills) == 2
        with pytest.raises(KitFileError, match="which presskit did not put there") as refused:
            f.save(kit)
        assert ", so it is not written; to edit it, save a clean copy" in str(refused.value)
        with pytest.raises(KitFileError):
            f.add_asset(b"x", name="x.jpg", mime="image/jpeg", width=1, height=1)
        with pytest.raises(KitFileError):
            f.another_connection()
        f.put_renditions([(kit.stills[0].asset, "screen:1x1:q78", b"jpeg", 1, 1, "image/jpeg")])
    assert fingerprint(kit_path) == before


def test_the_reason_names_what_was_found(kit_path):
    sql(kit_path, *FOREIGN["trigger"])
    with KitFile.open(kit_path) as f:
        assert f.foreign == ("the table “canary”", "the trigger “spy”")
        assert f.read_only_reason == (
            "“kit.presskit” holds the table “canary” and the trigger “spy”, which presskit did "
            "not put there, so it opened read-only; to edit it, save a clean copy "
            "(File > Save a Clean Copy, or `presskit repair`)."
        )


def test_save_as_of_a_foreign_kit_writes_a_clean_one(kit_path, tmp_path):
    sql(kit_path, *FOREIGN["trigger"], *FOREIGN["view"])
    with KitFile.open(kit_path) as f:
        kit = f.load()
        kit.person.name = "Edited"
        new = f.save_as(tmp_path / "new.presskit", kit)
    with new:
        assert not new.read_only and new.load().person.name == "Edited"
        assert {s.asset for s in kit.stills} <= new.asset_ids()
        new.save(kit)
    assert {"spy", "canary", "everything"}.isdisjoint(schema_names(tmp_path / "new.presskit"))


def test_save_as_of_a_foreign_kit_takes_the_place_chosen_with_the_new_still(kit_path, tmp_path):
    """The person chose the name (the save dialog asked before replacing), and the still they
    added since opening comes along with its picture."""
    sql(kit_path, *FOREIGN["trigger"])
    chosen = tmp_path / "chosen.presskit"
    chosen.write_bytes(b"an older file the person chose to replace")
    added = asset(3)
    with KitFile.open(kit_path) as f:
        kit = f.load()
        kit.stills.append(model.Still(id="still-3", asset=added.sha256))
        new = f.save_as(chosen, kit, new_assets=[added])
    with new:
        assert new.load() == kit
        assert new.asset_bytes(added.sha256) == added.data


def test_a_clean_copy_leaves_damaged_pictures_and_unreadable_revisions_out(kit_path, tmp_path):
    with KitFile.open(kit_path) as f:
        kit = f.load()
        f.save(kit, label="first")
    damaged = kit.stills[0].asset
    sql(
        kit_path,
        f"UPDATE assets SET data = zeroblob(length(data)) WHERE sha256 = '{damaged}'",
        "INSERT INTO revisions (saved_at, label, json) VALUES ('x', 'broken', '[1, 2]')",
    )
    with KitFile.open(kit_path, read_only=True) as f:
        copy = f.clean_copy(tmp_path / "clean.presskit")
    assert (copy.pictures, copy.pictures_left_out) == (1, 1)
    assert (copy.revisions, copy.revisions_left_out) == (1, 1)
    with KitFile.open(tmp_path / "clean.presskit") as clean:
        assert clean.load() == kit
        assert clean.asset_ids() == {kit.stills[1].asset}


def test_a_migrated_older_kit_is_presskits_own(tmp_path):
    a = asset(3)
    path = tmp_path / "old.presskit"
    _write_v1(path, kit_with(a), a)
    KitFile.open(path).close()  # migrates
    with KitFile.open(path) as f:
        assert not f.read_only and f.foreign == ()


def test_an_older_kit_with_foreign_code_is_not_upgraded(tmp_path):
    a = asset(3)
    path = tmp_path / "old.presskit"
    _write_v1(path, kit_with(a), a)
    sql(path, "CREATE TRIGGER t AFTER INSERT ON assets BEGIN DELETE FROM document; END")
    before = path.read_bytes()
    with pytest.raises(KitFileError) as refused:
        KitFile.open(path)
    assert str(refused.value) == (
        "“old.presskit” is from an older presskit and holds the trigger “t”, which presskit "
        "did not put there, so it will not upgrade it."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.presskit"]


def test_a_picture_whose_bytes_no_longer_match_is_damaged_not_passed_on(kit_path):
    with KitFile.open(kit_path) as f:
        first, second = (s.asset for s in f.load().stills)
    sql(kit_path, f"UPDATE assets SET data = zeroblob(length(data)) WHERE sha256 = '{first}'")
    with KitFile.open(kit_path) as f:
        with pytest.raises(DamagedImageError, match="is damaged"):
            f.asset_bytes(first)
        assert f.picture_problems([first, second]) == {}  # the cheap look sees the same size
        assert f.picture_problems([first, second, "f" * 64], deep=True) == {
            first: "damaged",
            "f" * 64: "missing",
        }
        # A missing one does not end the look: the pictures after it are checked too.
        assert f.picture_problems(["f" * 64, second, first], deep=True) == {
            "f" * 64: "missing",
            first: "damaged",
        }


def test_a_picture_past_the_size_limit_is_named_as_damaged_and_not_read(kit_path, monkeypatch):
    with KitFile.open(kit_path) as f:
        first = f.load().stills[0].asset
        monkeypatch.setattr(limits, "ASSET_BYTES", 100)  # a file made elsewhere, past it
        with pytest.raises(DamagedImageError) as refused:
            f.asset_bytes(first)
    assert str(refused.value) == (
        f"The image {first[:12]} in “kit.presskit” is damaged (its bytes no longer match it)."
    )


@pytest.mark.parametrize(
    "change", ["width = -5", "height = 'tall'", "size = size + 1", "width = 1000000000"]
)
def test_nonsense_facts_about_a_picture_make_it_damaged(kit_path, change):
    with KitFile.open(kit_path) as f:
        sha = f.load().stills[0].asset
    sql(kit_path, f"UPDATE assets SET {change} WHERE sha256 = '{sha}'")
    with KitFile.open(kit_path) as f:
        assert f.picture_problems([sha]) == {sha: "damaged"}


def test_a_document_larger_than_any_press_kit_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "huge.presskit"
    kit = model.PressKit(person=model.Person(name="Ana", bio_long="x" * 2_000))
    KitFile.create(path, kit).close()
    before = path.read_bytes()
    monkeypatch.setattr(limits, "DOCUMENT_CHARS", 1_000)
    with pytest.raises(KitFileError) as err:
        KitFile.open(path)
    assert str(err.value).startswith("“huge.presskit” holds a document of 3,020 characters")
    assert "presskit reads documents up to 1,000" in str(err.value)
    assert path.read_bytes() == before


def test_a_kit_and_a_picture_of_exactly_the_limits_are_written_and_read(kit_path, monkeypatch):
    """The limits are the largest sizes presskit writes and reads, not the first refused."""
    kit = model.PressKit(person=model.Person(name="Ana", bio_long="x" * 2_000))
    picture = asset(1)
    monkeypatch.setattr(limits, "DOCUMENT_CHARS", len(model.dumps(kit)))
    monkeypatch.setattr(limits, "ASSET_BYTES", len(picture.data))
    with KitFile.open(kit_path) as f:
        f.save(kit, keep_assets=[picture.sha256])
    with KitFile.open(kit_path) as f:
        assert f.load() == kit
        assert f.asset_bytes(picture.sha256) == picture.data


def test_a_forty_megabyte_word_is_refused_at_open(tmp_path):
    path = tmp_path / "word.presskit"
    KitFile.create(path, model.PressKit(person=model.Person(name="Ana"))).close()
    sql(
        path,
        "UPDATE document SET json = json_set(json, '$.person.bio_long', printf('%.*c', 40000000, 'x'))",
    )
    with pytest.raises(KitFileError, match="more than any press kit needs"):
        KitFile.open(path)


@pytest.mark.parametrize("value", ["x'00ff'", "42", "'[1, 2]'", "'{\"films\": 3}'"])
def test_a_document_that_is_not_a_kit_is_one_sentence(kit_path, value):
    sql(kit_path, f"UPDATE document SET json = {value}")
    before = fingerprint(kit_path)
    with pytest.raises(KitFileError) as err:
        KitFile.open(kit_path)
    assert "\n" not in str(err.value) and str(err.value).startswith("“kit.presskit”")
    assert fingerprint(kit_path) == before


def test_each_lookup_says_which_error_by_what_was_looked_for(kit_path):
    """Issue 12 point 5: the error class follows what was missing, not its message text."""
    with KitFile.open(kit_path) as f:
        with pytest.raises(MissingImageError):
            f.asset_info("0" * 64)
        with pytest.raises(MissingImageError):
            f.asset_head("0" * 64, 10)
        with pytest.raises(MissingImageError) as missing:
            f.asset_bytes("0" * 64)
        assert str(missing.value) == "“kit.presskit” has no image 000000000000."
        with pytest.raises(KitFileError) as err:
            f.load_revision(999)
        assert not isinstance(err.value, MissingImageError)
        assert str(err.value) == "“kit.presskit” has no such revision."


def test_a_kit_too_large_to_open_again_is_never_written(kit_path, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "DOCUMENT_CHARS", 5_000)
    big = kit_with(name="N" * 6_000)
    with pytest.raises(KitFileError) as refused:
        KitFile.create(tmp_path / "new.presskit", big)
    assert str(refused.value) == (
        f"The kit is {len(model.dumps(big)):,} characters, more than a kit file holds (5,000), "
        "so “new.presskit” was not written; shorten its longest fields."
    )
    assert not (tmp_path / "new.presskit").exists()
    before = fingerprint(kit_path)
    with KitFile.open(kit_path) as f, pytest.raises(KitFileError, match="was not written"):
        f.save(big)
    assert fingerprint(kit_path) == before
