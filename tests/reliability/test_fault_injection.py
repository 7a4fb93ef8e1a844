"""A full disk or a failing drive during a save or an export: every write, fsync, rename and
SQLite call fails in turn (call N, for every N). Each time the file on disk is unchanged, the
person reads one clear sentence, and the document in memory is intact and still unsaved."""

from __future__ import annotations

import copy
import hashlib
import io
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from presskit import model, render
from presskit.errors import PresskitError
from presskit.gui.session import Session
from presskit.store import KitFile, NewAsset
from tests.reliability.conftest import case, held, note, ran
from tests.reliability.faults import IGNORED, KINDS, Injector, injected
from tests.store.test_kitfile import asset, kit_with

# Each test reruns its operation once per call it makes and per failure kind: long.
pytestmark = [pytest.mark.usefixtures("qapp"), pytest.mark.timeout(900)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_clear_sentence(err: BaseException) -> str:
    message = str(err)
    assert isinstance(err, PresskitError), f"{type(err).__name__}: {message}"
    assert message and message == message.strip() and "\n" not in message
    assert message.endswith("."), message
    for leak in ("Traceback", "Errno", "OperationalError", "sqlite3", "[", "0x"):
        assert leak not in message, message
    return message


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A saved kit with an image and a revision: what every run starts from."""
    path = tmp_path_factory.mktemp("pristine") / "kit.presskit"
    first = asset(1)
    KitFile.create(path, kit_with(first), [first]).close()
    with KitFile.open(path) as kit_file:
        kit_file.save(kit_with(first, name="Im-Sun Song (saved)"), label="First")
    return path


def fresh(pristine: Path, folder: Path) -> Path:
    folder.mkdir()
    path = folder / "kit.presskit"
    shutil.copyfile(pristine, path)
    return path


def every_n(check: str, operation, kinds=tuple(KINDS)):
    """Runs ``operation(injector, run)`` once to count its calls, then once per call and kind
    with that call failing, each a case of ``check``. Returns how many failing runs were made
    and the calls."""
    dry = Injector()
    operation(dry, "dry")
    assert dry.calls, "the operation made no call that could fail"
    runs = 0
    for kind in kinds:
        for n in range(1, len(dry.calls) + 1):
            with case(check):
                operation(Injector(kind, n), f"{kind.replace('/', '')}-{n}")
            runs += 1
    return runs, dry.calls


# -- saving --------------------------------------------------------------------------------


def test_a_save_that_fails_at_any_call_leaves_the_file_and_the_kit_as_they_were(
    pristine, tmp_path, monkeypatch
):
    changed = kit_with(asset(1), asset(2), name="Changed, with a new still")

    def operation(injector: Injector, run: str) -> None:
        path = fresh(pristine, tmp_path / run)
        before = digest(path)
        in_memory = copy.deepcopy(changed)
        with KitFile.open(path) as kit_file:
            if injector.fail_at is None:
                with injected(injector, monkeypatch, kit_file):
                    kit_file.save(changed, label="Second", new_assets=[asset(2)])
                return
            with (
                pytest.raises(PresskitError) as err,
                injected(injector, monkeypatch, kit_file),
            ):
                kit_file.save(changed, label="Second", new_assets=[asset(2)])
            message = one_clear_sentence(err.value)
            assert "the file is unchanged" in message, (injector.failed, message)
            assert changed == in_memory
            assert digest(path) == before, injector.failed
            assert sorted(p.name for p in path.parent.iterdir()) == ["kit.presskit"]
            assert kit_file.load().person.name == "Im-Sun Song (saved)", injector.failed
            # The kit is not stuck: the next save, with the disk back, goes through.
            kit_file.save(changed, label="Second", new_assets=[asset(2)])
            assert kit_file.load() == changed
        with KitFile.open(path, read_only=True) as again:
            assert again.load() == changed

    _runs, calls = every_n("2. fault injection: KitFile.save", operation)
    note("2. fault injection: KitFile.save", f"{len(calls)} calls")


def test_the_editors_save_that_fails_keeps_the_edit_and_stays_unsaved(
    pristine, tmp_path, monkeypatch
):
    def operation(injector: Injector, run: str) -> None:
        path = fresh(pristine, tmp_path / run)
        before = digest(path)
        kit_file = KitFile.open(path)
        session = Session(kit_file.load(), kit_file)
        session.set(("person", "bio_short"), "Typed, not yet saved.", "Short bio")
        session.pending_assets[asset(3).sha256] = asset(3)
        session.kit.stills.append(model.Still(id="still-9", asset=asset(3).sha256))
        in_memory = copy.deepcopy(session.kit)
        try:
            if injector.fail_at is None:
                with injected(injector, monkeypatch, kit_file):
                    session.save()
                assert not session.modified
                return
            with (
                pytest.raises(PresskitError) as err,
                injected(injector, monkeypatch, kit_file),
            ):
                session.save()
            one_clear_sentence(err.value)
            assert session.kit == in_memory
            assert session.modified and not session.undo_stack.isClean()
            assert session.undo_stack.count() == 1
            assert digest(path) == before, injector.failed
            session.save()  # and once the disk has room again, it saves
            assert not session.modified
            assert kit_file.load() == in_memory
        finally:
            kit_file.close()

    _runs, calls = every_n("2. fault injection: Session.save", operation)
    note("2. fault injection: Session.save", f"{len(calls)} calls")


def test_save_as_and_create_that_fail_leave_no_file_and_no_trace(pristine, tmp_path, monkeypatch):
    changed = kit_with(asset(1), name="Saved as")

    def save_as(injector: Injector, run: str) -> None:
        path = fresh(pristine, tmp_path / run)
        target = path.with_name("copy.presskit")
        target.write_bytes(path.read_bytes())  # the person chose to replace an older copy
        before, target_before = digest(path), digest(target)
        with KitFile.open(path) as kit_file:
            try:
                with injected(injector, monkeypatch, kit_file):
                    kit_file.save_as(target, changed).close()
            except PresskitError as err:
                assert injector.fail_at is not None, err
                if "was saved, but could not be opened again" in one_clear_sentence(err):
                    with KitFile.open(target, read_only=True) as copy_:
                        assert copy_.load() == changed  # as it says: saved
                else:
                    assert digest(target) == target_before, injector.failed
            else:
                assert injector.failed in ("", *IGNORED), f"{injector.failed} failed unnoticed"
                with KitFile.open(target, read_only=True) as copy_:
                    assert copy_.load() == changed
        assert digest(path) == before
        names = sorted(p.name for p in path.parent.iterdir())
        assert names == ["copy.presskit", "kit.presskit"], injector.failed

    def create(injector: Injector, run: str) -> None:
        folder = tmp_path / f"new-{run}"
        folder.mkdir()
        try:
            with injected(injector, monkeypatch):
                KitFile.create(folder / "new.presskit", changed, [asset(1)]).close()
        except PresskitError as err:
            assert injector.fail_at is not None, err
            if "was saved, but could not be opened again" in one_clear_sentence(err):
                with KitFile.open(folder / "new.presskit", read_only=True) as made:
                    assert made.load() == changed  # as it says: saved
            else:
                assert list(folder.iterdir()) == [], injector.failed
        else:
            assert injector.failed in ("", *IGNORED), f"{injector.failed} failed unnoticed"
            with KitFile.open(folder / "new.presskit", read_only=True) as made:
                assert made.load() == changed

    check = "2. fault injection: save as / create"
    _runs, calls_as = every_n(check, save_as)
    _runs, calls_new = every_n(check, create)
    note(check, f"{len(calls_as)} and {len(calls_new)} calls")


def test_a_real_full_disk_inside_sqlite_leaves_the_file_unchanged(pristine, tmp_path):
    """Not a simulated error: SQLite itself runs out of room (a page limit) mid-transaction."""
    ran("2. fault injection: real SQLITE_FULL")
    path = fresh(pristine, tmp_path / "full")
    before = digest(path)
    with KitFile.open(path) as kit_file:
        (pages,) = kit_file._db.execute("PRAGMA page_count").fetchone()
        kit_file._db.execute(f"PRAGMA max_page_count = {pages}")
        big = NewAsset(b"\xff\xd8" + bytes(range(256)) * 4000, "big.jpg", "image/jpeg", 9, 9)
        with pytest.raises(PresskitError) as err:
            kit_file.save(kit_with(big, name="Too big"), new_assets=[big])
        assert one_clear_sentence(err.value) == (
            "Could not save “kit.presskit” (database or disk is full); the file is unchanged."
        )
        assert digest(path) == before
        kit_file._db.execute("PRAGMA max_page_count = 1073741823")
        kit_file.save(kit_with(big, name="Room again"), new_assets=[big])
        assert kit_file.load().person.name == "Room again"
    held("2. fault injection: real SQLITE_FULL")


# -- exporting -----------------------------------------------------------------------------


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_export_that_fails_at_any_call_leaves_the_old_pdf_and_no_stray_file(
    tmp_path, monkeypatch
):
    from presskit.render import images

    # Renditions are made in a thread here, not a spawned process, so the worker's own
    # reading of the kit goes through the injector too (and no process starts per run).
    monkeypatch.setattr(images, "_new_pool", lambda: ThreadPoolExecutor(1))
    png = _png()
    still = NewAsset(png, "set.png", "image/png", 64, 48)
    kit = model.PressKit(
        person=model.Person(name="Im-Sun Song", bio_short="Cinematographer."),
        stills=[model.Still(id="s1", asset=still.sha256, credit="Ian Chen")],
    )
    kit.design.sections = [model.SectionSetting(n) for n in ("cover", "bio", "stills")]
    pristine = tmp_path / "pristine.presskit"
    KitFile.create(pristine, kit, [still]).close()

    def operation(injector: Injector, run: str) -> None:
        path = fresh(pristine, tmp_path / run)
        out = path.with_name("kit.pdf")
        out.write_bytes(b"%PDF-1.4 the one I mailed yesterday")
        snapshot = copy.deepcopy(kit)
        with KitFile.open(path) as kit_file:
            try:
                with injected(injector, monkeypatch, kit_file):
                    render.export_pdf(snapshot, kit_file, out, render.Options(invariant=True))
            except PresskitError as err:
                assert injector.fail_at is not None, err
                one_clear_sentence(err)
                assert out.read_bytes() == b"%PDF-1.4 the one I mailed yesterday", injector.failed
            else:
                assert injector.fail_at is None, f"{injector.failed} failed unnoticed"
                assert out.read_bytes().startswith(b"%PDF-")
            assert kit_file.load() == kit
        assert snapshot == kit
        assert sorted(p.name for p in path.parent.iterdir()) == ["kit.pdf", "kit.presskit"]

    _runs, calls = every_n("2. fault injection: export_pdf", operation)
    note("2. fault injection: export_pdf", f"{len(calls)} calls")


def test_the_injector_really_fails_what_it_says(tmp_path, monkeypatch):
    """The harness itself: a failure it injects reaches the code under test."""
    injector = Injector("I/O error", 1)
    with (
        pytest.raises(sqlite3.OperationalError, match="disk I/O error"),
        injected(injector, monkeypatch),
    ):
        sqlite3.connect(tmp_path / "x.db")
    injector = Injector("disk full", 2)
    with (
        pytest.raises(OSError, match="No space left"),
        injected(injector, monkeypatch),
        open(tmp_path / "x.txt", "w") as f,
    ):
        f.write("x")
