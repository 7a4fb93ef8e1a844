"""The .presskit file: what a person relies on when they save, reopen, mail or lose power."""

from __future__ import annotations

import datetime
import errno
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presskit import model
from presskit.errors import KitFileError
from presskit.store import FORMAT_VERSION, KEEP_REVISIONS, KitFile, NewAsset
from presskit.store.kitfile import AssetInfo
from presskit.store.schema import APPLICATION_ID, SCHEMA_V1


def photo_bytes(marker: int) -> bytes:
    """Image-like bytes with a distinctive run, so tests can look for them in the raw file."""
    return b"\xff\xd8\xff\xe0" + bytes([marker]) * 4000 + f"PHOTO-{marker:04d}-END".encode() * 50


def asset(marker: int) -> NewAsset:
    return NewAsset(
        photo_bytes(marker), name=f"still-{marker}.jpg", mime="image/jpeg", width=60, height=40
    )


def kit_with(*assets: NewAsset, name: str = "Im-Sun Song") -> model.PressKit:
    kit = model.PressKit(person=model.Person(name=name))
    for i, a in enumerate(assets):
        kit.stills.append(model.Still(id=f"still-{i + 1}", asset=a.sha256, credit="Ian Chen"))
    return kit


def fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns, stat.st_size


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.fixture
def kit_path(tmp_path: Path) -> Path:
    path = tmp_path / "kit.presskit"
    a = asset(1)
    KitFile.create(path, kit_with(a), [a]).close()
    return path


def test_create_open_load_gives_back_the_same_kit(tmp_path):
    a = asset(7)
    kit = kit_with(a)
    kit.interview.items.append(model.QA("Why film?", "Because.\n\nAnd more."))
    with KitFile.create(tmp_path / "k.presskit", kit, [a]) as f:
        assert f.load() == kit
    with KitFile.open(tmp_path / "k.presskit") as f:
        assert f.load() == kit
        assert f.asset_bytes(a.sha256) == a.data
        assert f.asset_info(a.sha256).name == "still-7.jpg"


def test_create_refuses_an_existing_file_and_leaves_it_alone(kit_path):
    before = fingerprint(kit_path)
    with pytest.raises(KitFileError, match="already exists; choose another name"):
        KitFile.create(kit_path, model.PressKit())
    assert fingerprint(kit_path) == before
    assert siblings(kit_path) == ["kit.presskit"]


def no_hard_links(then=lambda: None):
    """os.link as on a file system without hard links (FAT, exFAT, some network shares);
    ``then`` runs first, as another program writing at the same moment would."""

    def link(_source, _target):
        then()
        raise OSError(errno.EPERM, "Operation not permitted")

    return link


def test_without_hard_links_a_new_kit_is_still_made_whole_and_never_clobbers(tmp_path, monkeypatch):
    import presskit.store.kitfile as kitfile

    a = asset(4)
    path = tmp_path / "k.presskit"
    monkeypatch.setattr(kitfile.os, "link", no_hard_links())
    KitFile.create(path, kit_with(a), [a]).close()
    with KitFile.open(path) as f:
        assert f.load() == kit_with(a) and f.asset_bytes(a.sha256) == a.data
    assert siblings(path) == ["k.presskit"]  # no temporary file left beside it
    other = tmp_path / "other.presskit"  # appears between the check and the publish
    monkeypatch.setattr(kitfile.os, "link", no_hard_links(lambda: other.write_bytes(b"mine")))
    with pytest.raises(KitFileError, match=r"“other\.presskit” already exists; choose another"):
        KitFile.create(other, model.PressKit())
    assert other.read_bytes() == b"mine"


def test_save_as_writes_the_kit_its_new_and_kept_pictures_and_history_under_the_new_name(
    kit_path, tmp_path
):
    a, b, c = asset(1), asset(2), asset(3)
    with KitFile.open(kit_path) as f:
        f.save(kit_with(a), label="First")
        # b: in no kit and no revision, kept because undo can bring it back
        f.save(kit_with(a), revision=False, new_assets=[b], keep_assets={b.sha256})
        before = fingerprint(kit_path)
        new_file = f.save_as(
            tmp_path / "new.presskit", kit_with(a, c), new_assets=[c], keep_assets={b.sha256}
        )
        new_file.close()
    assert fingerprint(kit_path) == before
    with KitFile.open(tmp_path / "new.presskit") as new:
        assert new.load() == kit_with(a, c)
        assert [r.label for r in new.revisions()] == ["Saved as", "First"]
        for picture in (a, b, c):
            assert new.asset_bytes(picture.sha256) == picture.data


def test_at_rest_a_kit_is_one_file_with_a_rollback_journal(kit_path):
    with KitFile.open(kit_path) as f:
        f.save(kit_with(asset(1), name="Changed"))
    assert siblings(kit_path) == ["kit.presskit"]
    with sqlite3.connect(kit_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        # What another program reading the file finds about who made it, and when.
        made = dict(db.execute("SELECT key, value FROM meta"))
    db.close()
    assert made.keys() == {"created_at", "created_by"} and made["created_by"] == "presskit"
    assert datetime.datetime.fromisoformat(made["created_at"]).tzinfo == datetime.UTC


def test_the_same_image_twice_is_stored_once(kit_path):
    with KitFile.open(kit_path) as f:
        sha = f.add_asset(photo_bytes(1), name="again.jpg", mime="image/jpeg", width=60, height=40)
        kit = f.load()
        kit.stills.append(model.Still(id="still-2", asset=sha))
        f.save(kit, new_assets=[asset(1)])
        assert [a.sha256 for a in f.assets()] == [sha]


def test_an_added_picture_keeps_its_name_type_and_size(kit_path):
    data = photo_bytes(5)
    with KitFile.open(kit_path) as f:
        sha = f.add_asset(data, name="Lake at dawn.jpg", mime="image/jpeg", width=6000, height=4000)
    with KitFile.open(kit_path) as f:
        assert f.asset_info(sha) == AssetInfo(
            sha, "Lake at dawn.jpg", "image/jpeg", 6000, 4000, len(data)
        )
        assert f.asset_bytes(sha) == data


def test_a_revision_written_elsewhere_keeps_its_pictures(kit_path):
    """A revision another program wrote may leave out an empty still's "asset" (presskit
    reads that as no picture yet): the pictures of its other stills stay in the file."""
    kept = asset(1)
    with KitFile.open(kit_path) as f:
        kit = kit_with(kept)
        kit.stills.insert(0, model.Still(id="still-0"))
        f.save(kit, label="With the lake")
    db = sqlite3.connect(kit_path)
    db.execute("UPDATE revisions SET json = json_remove(json, '$.stills[0].asset')")
    db.commit()
    db.close()
    with KitFile.open(kit_path) as f:
        f.save(kit_with(), revision=False)  # the still is removed from the kit
        (revision,) = f.revisions()
        assert [s.asset for s in f.load_revision(revision.id).stills] == ["", kept.sha256]
        assert f.asset_bytes(kept.sha256) == kept.data


def test_explicit_saves_make_revisions_and_autosave_does_not(kit_path):
    with KitFile.open(kit_path) as f:
        for name in ("One", "Two"):
            f.save(kit_with(asset(1), name=name), label=f"Saved {name}")
        f.save(kit_with(asset(1), name="Typing"), revision=False)
        revisions = f.revisions()
        assert [r.label for r in revisions] == ["Saved Two", "Saved One"]
        assert f.load_revision(revisions[1].id).person.name == "One"
        f.save(kit_with(asset(1), name="Typing"))  # a save the person gave no label
        assert [r.label for r in f.revisions()] == ["", "Saved Two", "Saved One"]
        assert f.load().person.name == "Typing"


def test_only_the_newest_revisions_are_kept(kit_path):
    with KitFile.open(kit_path) as f:
        for i in range(KEEP_REVISIONS + 5):
            f.save(kit_with(asset(1), name=f"Save {i}"))
        names = [f.load_revision(r.id).person.name for r in f.revisions()]
    assert len(names) == KEEP_REVISIONS
    assert names[0] == f"Save {KEEP_REVISIONS + 4}" and names[-1] == "Save 5"


def test_a_removed_photo_stays_while_a_revision_needs_it_then_leaves_the_file_for_good(kit_path):
    removed = asset(1)
    with KitFile.open(kit_path) as f:
        f.save(kit_with(removed))  # a revision that shows the photo
        f.put_rendition(
            removed.sha256,
            "screen:800",
            b"RENDITION-OF-PHOTO-1" * 20,
            width=800,
            height=533,
            mime="image/jpeg",
        )
        f.save(kit_with())  # the still is removed
        assert [a.sha256 for a in f.assets()] == [removed.sha256]
        for i in range(KEEP_REVISIONS):
            f.save(kit_with(name=f"Save {i}"))
        assert f.assets() == []
        assert f.get_rendition(removed.sha256, "screen:800") is None
    raw = kit_path.read_bytes()
    assert b"PHOTO-0001-END" not in raw  # secure_delete: the bytes are gone, not just unlinked
    assert b"RENDITION-OF-PHOTO-1" not in raw


def test_keep_assets_protects_images_the_undo_history_still_needs(kit_path):
    kept = asset(1)
    with KitFile.open(kit_path) as f:
        f.save(kit_with(), revision=False, keep_assets=[kept.sha256])
        assert [a.sha256 for a in f.assets()] == [kept.sha256]


def test_rendition_cache_put_get_and_replace(kit_path):
    sha = asset(1).sha256
    with KitFile.open(kit_path) as f:
        assert f.get_rendition(sha, "print:2000x1333") is None
        f.put_rendition(sha, "print:2000x1333", b"one", width=2000, height=1333, mime="image/jpeg")
        f.put_rendition(sha, "print:2000x1333", b"two", width=2000, height=1333, mime="image/jpeg")
        assert f.get_rendition(sha, "print:2000x1333") == b"two"
    with KitFile.open(kit_path) as f:
        assert f.get_rendition(sha, "print:2000x1333") == b"two"


def _garbage(path: Path) -> None:
    path.write_bytes(b"Dear festival programmer,\n" * 300)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    a, b = asset(1), asset(2)
    big = path.with_name("big.presskit")
    KitFile.create(big, kit_with(a, b), [a, b]).close()
    data = big.read_bytes()
    big.unlink()
    path.write_bytes(data[: len(data) // 2])


def _not_a_kit(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    db.close()


def _newer(path: Path) -> None:
    KitFile.create(path, kit_with()).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()


def _broken_document(path: Path) -> None:
    KitFile.create(path, kit_with()).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE document SET json = '{\"films\": 12'")
    db.close()


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (_garbage, "“bad.presskit” is not a presskit kit (it is not a database file)."),
        (_empty, "“bad.presskit” is empty."),
        (_truncated, "“bad.presskit” is damaged (the database is incomplete or corrupt)."),
        (_not_a_kit, "“bad.presskit” is a database, but not a presskit kit."),
        (
            _newer,
            f"“bad.presskit” was made by a newer presskit (format 99); this presskit reads up to format {FORMAT_VERSION}. Update presskit to open it.",
        ),
        (
            _broken_document,
            "“bad.presskit” holds a kit presskit cannot read: The kit JSON is not valid JSON",
        ),
    ],
    ids=["garbage", "empty", "truncated", "not-a-kit", "newer", "broken-document"],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_presskit_cannot_read_is_refused_in_one_sentence_and_never_changed(
    tmp_path, make, sentence, read_only
):
    bad = tmp_path / "bad.presskit"
    make(bad)
    before = fingerprint(bad)
    with pytest.raises(KitFileError) as err:
        KitFile.open(bad, read_only=read_only)
    message = str(err.value)
    assert message.startswith(sentence) and "\n" not in message
    assert fingerprint(bad) == before
    assert siblings(bad) == ["bad.presskit"]


def test_a_folder_or_missing_path_is_named_plainly(tmp_path):
    with pytest.raises(KitFileError, match="is a folder, not a kit"):
        KitFile.open(tmp_path)
    with pytest.raises(KitFileError, match=r"“gone\.presskit” does not exist\."):
        KitFile.open(tmp_path / "gone.presskit")


def _write_v1(path: Path, kit: model.PressKit, a: NewAsset) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    for statement in SCHEMA_V1.split(";"):
        db.execute(statement)
    db.execute(
        "INSERT INTO document VALUES (1, ?, '2024-05-01T10:00:00+00:00')", (model.dumps(kit),)
    )
    db.execute(
        "INSERT INTO assets VALUES (?, ?, ?, ?, ?, ?, ?)",
        (a.sha256, a.name, a.mime, a.width, a.height, len(a.data), a.data),
    )
    db.commit()
    db.close()


def test_an_older_file_is_backed_up_then_migrated_once(tmp_path):
    a = asset(3)
    kit = kit_with(a)
    path = tmp_path / "old.presskit"
    _write_v1(path, kit, a)
    original = path.read_bytes()
    with KitFile.open(path) as f:
        assert f.load() == kit
        assert f.asset_bytes(a.sha256) == a.data
        f.save(kit)  # the new tables work
        assert len(f.revisions()) == 1
    backup = tmp_path / "old.v1-backup.presskit"
    assert backup.read_bytes() == original
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    db.close()
    KitFile.open(path).close()
    assert siblings(path) == ["old.presskit", "old.v1-backup.presskit"]


def test_each_migration_keeps_its_own_backup_beside_the_earlier_ones(tmp_path):
    a = asset(3)
    path = tmp_path / "old.presskit"
    earlier = tmp_path / "old.v1-backup.presskit"
    earlier.write_bytes(b"a backup from before")
    for expected in ("old.v1-backup-2.presskit", "old.v1-backup-3.presskit"):
        path.unlink(missing_ok=True)
        _write_v1(path, kit_with(a), a)
        original = path.read_bytes()
        KitFile.open(path).close()
        assert (tmp_path / expected).read_bytes() == original
    assert earlier.read_bytes() == b"a backup from before"


def test_a_failed_save_leaves_the_saved_kit_as_it_was(kit_path, monkeypatch):
    import presskit.store.kitfile as kitfile

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    with KitFile.open(kit_path) as f:
        monkeypatch.setattr(kitfile.KitFile, "_collect_garbage", staticmethod(fail))
        with pytest.raises(KitFileError) as err:
            f.save(kit_with(asset(1), name="Never saved"))
        assert (
            str(err.value)
            == "Could not save “kit.presskit” (database or disk is full); the file is unchanged."
        )
        monkeypatch.undo()
        assert f.load().person.name == "Im-Sun Song"
        assert f.revisions() == []


def test_a_kit_open_in_another_window_opens_read_only(kit_path):
    first = KitFile.open(kit_path)
    try:
        second = KitFile.open(kit_path)
        assert second.read_only
        assert (
            second.read_only_reason
            == "“kit.presskit” is open in another presskit window, so it opened read-only."
        )
        with pytest.raises(KitFileError, match="is open read-only, so it cannot be saved"):
            second.save(kit_with())
        assert second.load().person.name == "Im-Sun Song"
        second.close()
    finally:
        first.close()
    with KitFile.open(kit_path) as third:
        assert not third.read_only


def test_a_kit_opened_read_only_is_only_read(kit_path, tmp_path):
    before = fingerprint(kit_path)
    with KitFile.open(kit_path, read_only=True) as f:
        assert f.read_only
        assert f.read_only_reason == "“kit.presskit” was opened read-only."
        with pytest.raises(KitFileError) as refused:
            f.save(kit_with(name="Never saved"))
        assert str(refused.value) == "“kit.presskit” is open read-only, so it cannot be saved."
        assert f.load() == kit_with(asset(1))
    assert fingerprint(kit_path) == before
    old = tmp_path / "old.presskit"  # an older kit cannot be upgraded without writing it
    _write_v1(old, kit_with(asset(3)), asset(3))
    before = fingerprint(old)
    with pytest.raises(KitFileError) as refused:
        KitFile.open(old, read_only=True)
    assert str(refused.value) == (
        "“old.presskit” is from an older presskit and must be upgraded, which cannot be done "
        "while it is open read-only or elsewhere."
    )
    assert fingerprint(old) == before
    assert siblings(old) == ["kit.presskit", "old.presskit"]


def test_a_kit_opened_read_only_is_not_written_whatever_its_journal_mode(kit_path):
    """A kit another program switched to write-ahead logging: presskit writes its kits with a
    rollback journal, and switching back would write the file it was asked only to read."""
    db = sqlite3.connect(kit_path)
    assert db.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    db.close()
    before = fingerprint(kit_path)
    with KitFile.open(kit_path, read_only=True) as f:
        assert f.load() == kit_with(asset(1))
    assert fingerprint(kit_path) == before


def test_a_journal_a_crash_left_unsynced_goes_when_the_kit_is_opened_to_edit(kit_path):
    """A crash before the journal's header reached the disk leaves a journal of zeros that
    SQLite ignores: opened to edit, the kit is one file again; opened read-only, nothing
    is touched."""
    journal = kit_path.with_name("kit.presskit-journal")
    journal.write_bytes(bytes(4096))
    before = fingerprint(kit_path)
    with KitFile.open(kit_path, read_only=True) as f:
        assert f.load() == kit_with(asset(1))
    assert fingerprint(kit_path) == before and journal.read_bytes() == bytes(4096)
    with KitFile.open(kit_path) as f:
        assert f.load() == kit_with(asset(1))
        assert siblings(kit_path) == ["kit.presskit"]
        f.save(kit_with(asset(1), name="Edited"))
    with KitFile.open(kit_path) as f:
        assert f.load().person.name == "Edited"


def test_save_as_onto_a_kit_open_in_another_window_is_refused(kit_path, tmp_path):
    other = tmp_path / "other.presskit"
    KitFile.create(other, kit_with(name="Other")).close()
    with KitFile.open(other) as elsewhere:
        before = fingerprint(other)
        with KitFile.open(kit_path) as f, pytest.raises(KitFileError) as refused:
            f.save_as(other, kit_with(asset(1)))
        assert str(refused.value) == (
            "“other.presskit” is open in another presskit window; close it there first."
        )
        assert fingerprint(other) == before
        assert elsewhere.load() == kit_with(name="Other")
    assert siblings(kit_path) == ["kit.presskit", "other.presskit"]


def test_save_as_copies_everything_and_leaves_the_original(kit_path, tmp_path):
    before = fingerprint(kit_path)
    with KitFile.open(kit_path, read_only=True) as f:
        changed = kit_with(asset(1), name="Copy")
        with f.save_as(tmp_path / "copy.presskit", changed) as copy:
            assert copy.load() == changed
            assert copy.asset_bytes(asset(1).sha256) == asset(1).data
            assert not copy.read_only
    assert fingerprint(kit_path) == before


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(), answer=st.text())
def test_any_unicode_saves_and_loads_back_as_the_text_policy_says(kit_path, name, answer):
    kit = kit_with(asset(1), name=name)
    kit.interview.items.append(model.QA("Q", answer))
    with KitFile.open(kit_path) as f:
        f.save(kit, revision=False)
        loaded = f.load()
    assert loaded.person.name == model.clean_text(name)
    assert loaded.interview.items[0].answer == model.clean_text(answer)


def test_a_crash_mid_save_rolls_back_at_the_next_open(kit_path):
    """A hot journal is what a power cut leaves; opening must roll it back, not call the kit damaged."""
    before = KitFile.open(kit_path, read_only=True)
    expected = before.load()
    before.close()
    db = sqlite3.connect(kit_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE document SET json = '{}'")
    db.execute("PRAGMA cache_size = 1")  # a tiny cache spills the change to the file at once
    db.execute("UPDATE assets SET data = zeroblob(50000)")
    # The crash: copy the file and its journal as they stand mid-transaction.
    journal = kit_path.with_name(kit_path.name + "-journal")
    crashed = kit_path.with_name("crashed.presskit")
    if not journal.exists():
        db.execute("ROLLBACK")
        db.close()
        pytest.skip("SQLite kept this transaction in memory; no journal to recover from")
    crashed.write_bytes(kit_path.read_bytes())
    crashed.with_name(crashed.name + "-journal").write_bytes(journal.read_bytes())
    db.execute("ROLLBACK")
    db.close()
    with KitFile.open(crashed) as f:
        assert f.load() == expected
    assert os.path.exists(crashed)


def test_a_closed_kit_gives_no_second_connection_to_write_through(kit_path):
    """Work a closed window left behind (a thumbnail cache, a preview's renditions) must not
    write to the file after it."""
    kit_file = KitFile.open(kit_path)
    with kit_file.another_connection() as other:
        assert other.load() == kit_file.load()
    kit_file.close()
    before = kit_path.read_bytes()
    with pytest.raises(KitFileError, match="was closed"):
        kit_file.another_connection()
    assert kit_path.read_bytes() == before
    assert not Path(f"{kit_path}-journal").exists()
