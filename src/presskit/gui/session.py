"""One open kit, and the one owner of its life: the model, its undo stack, its file or
recovery file, the pictures not written yet, autosave, save, save as, discard and revision
restore. Windows and editors ask it; none of them touch a file.

Widgets never change the model directly: they ask the session to ``apply`` an operation,
which pushes an undo command. "Modified" is the undo stack's clean state, and for a kit
with a file of its own clean means "what the window shows is on disk": an explicit save and
an autosave that lands both set it. An undo past it is a change like any other, so it is
written before the kit is let go.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from presskit import model
from presskit.errors import PresskitError
from presskit.gui import recovery
from presskit.gui.commands import EditCommand
from presskit.gui.workers import Latest, save_pool, wait_for_saves
from presskit.render.sources import KitImages, kit_images
from presskit.store import KitFile, NewAsset

AUTOSAVE_MS = 2000  # after the last edit: often enough that a crash loses seconds, not minutes


class Session(QObject):
    """Emits ``changed(path)`` with the path an edit touched, after it is applied or undone."""

    changed = Signal(tuple)
    reset = Signal()  # the whole kit was replaced (open, revision restore)
    saved = Signal()  # an explicit save (or save as) landed
    autosaved = Signal(str)  # an autosave landed; says where, in words for the status bar
    autosave_failed = Signal(str)

    def __init__(
        self, kit: model.PressKit, kit_file: KitFile | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.kit = kit
        self.kit_file = kit_file
        self.recovery: KitFile | None = None  # where untitled work is autosaved
        self.undo_stack = QUndoStack(self)
        # Images added in this session that the file may not hold yet, kept so undo/redo of
        # an added or removed still always finds its picture.
        self.pending_assets: dict[str, NewAsset] = {}
        # Every picture the undo history can bring back: the kit's as opened (added ones are
        # in pending_assets). A save must keep them, or undoing a removal after enough saves
        # finds its picture wiped from the file.
        self.opened_assets: set[str] = kit.asset_ids()
        # Bumped by every change, merged keystrokes included: a write knows whether the
        # window moved on while it was being made.
        self.generation = 0
        self._recovery_generation = 0  # what the recovery file holds
        self._landed_generation = (
            0  # the newest write on disk: an older one landing late is old news
        )
        self._autosaves = Latest(
            self._autosave_job, self._autosaved, self._autosave_failed, self, save_pool()
        )
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.undo_stack.indexChanged.connect(self._schedule_autosave)

    @property
    def path(self) -> Path | None:
        return self.kit_file.path if self.kit_file else None

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def untitled(self) -> bool:
        return self.kit_file is None

    @property
    def read_only(self) -> bool:
        return self.kit_file is not None and self.kit_file.read_only

    def snapshot(self) -> model.PressKit:
        """A copy for work off the GUI thread (saving, rendering): never the live model."""
        return copy.deepcopy(self.kit)

    # -- editing ---------------------------------------------------------------------------

    def apply(self, operation: model.Operation, text: str, *, mergeable: bool = False) -> None:
        self.undo_stack.push(
            EditCommand(self.kit, operation, text, self._emit, mergeable=mergeable)
        )

    def set(self, path: model.ops.Path, value: object, label: str, *, typing: bool = False) -> None:
        """Sets one field; ``typing`` merges successive edits of the same field into one step."""
        if model.resolve(self.kit, path) == value:
            return
        self.apply(model.SetField(path, value), f"Edit {label}", mergeable=typing)

    def set_many(
        self, paths: list[model.ops.Path], value: object, text: str, *, typing: bool = False
    ) -> None:
        """Sets one value on several fields as one step ("Set photographer on 5 stills");
        ``typing`` merges successive edits of the same fields, as ``set`` does for one."""
        if all(model.resolve(self.kit, path) == value for path in paths):
            return
        # Every path, even one that already holds the value: the same fields each time is
        # what lets the keystrokes of one edit merge into one step.
        operations = tuple(model.SetField(path, value) for path in paths)
        self.apply(model.Batch(operations), text, mergeable=typing)

    def add_picture(self, asset: NewAsset) -> None:
        """A picture a still is about to use; written with the next save of any kind."""
        self.pending_assets[asset.sha256] = asset

    def picture_names(self) -> dict[str, str]:
        """The file name each picture came in with, by its SHA-256: what a still without a
        caption is called in the window."""
        names: dict[str, str] = {}
        source = self.kit_file or self.recovery
        if source is not None:
            with contextlib.suppress(PresskitError):  # a damaged file: names are a nicety
                names = {info.sha256: info.name for info in source.assets()}
        names.update({sha256: asset.name for sha256, asset in self.pending_assets.items()})
        return names

    def _emit(self, operation: model.Operation) -> None:
        self.generation += 1
        self._emit_paths(operation)

    def _emit_paths(self, operation: model.Operation) -> None:
        if isinstance(operation, model.Batch):
            for inner in operation.operations:
                self._emit_paths(inner)
            return
        self.changed.emit(tuple(operation.path))

    def worker_images(self) -> Callable[[], AbstractContextManager[KitImages]]:
        """What a render on a worker thread opens to read the kit's images, through
        connections of its own (SQLite's stay on the thread that made them): the kit file,
        or for untitled work the recovery file, and the images not in it yet from memory.
        Renditions it makes are cached in that file. Taken now, on the GUI thread."""
        pending = dict(self.pending_assets)
        source = self.kit_file or self.recovery
        cache = source is not None and not source.read_only
        return lambda: kit_images(pending, source, cache=cache)

    # -- what is written -------------------------------------------------------------------

    def unwritten(self) -> bool:
        """True while the window shows something its file (or recovery file) does not hold."""
        if self.read_only:
            return False
        if self.untitled:
            return self.modified and self.generation != self._recovery_generation
        return self.modified

    def assets_to_keep(self) -> set[str]:
        """What a save (explicit or automatic) must not wipe: every picture undo can restore."""
        return self.opened_assets | self.pending_assets.keys()

    def _write_options(self) -> dict[str, object]:
        """The images a write adds (added this session) and keeps (all undo can bring back),
        so no picture is ever wiped while the history still needs it."""
        return {
            "new_assets": list(self.pending_assets.values()),
            "keep_assets": self.assets_to_keep(),
        }

    def _autosave_file(self) -> KitFile:
        """The file an autosave writes: the kit's own, or for untitled work the recovery
        file, made (empty, in a moment) the first time untitled work is written: the write
        itself, with every picture, is the autosave's, off this thread."""
        if self.kit_file is not None:
            return self.kit_file
        if self.recovery is None:
            self.recovery = KitFile.create(recovery.new_recovery_path(), model.PressKit())
        return self.recovery

    def _landed(self, generation: int) -> None:
        """A write of the kit as it was at ``generation`` is on disk."""
        if generation < self._landed_generation:
            return  # a newer write landed first (a save on this thread, while it waited)
        self._landed_generation = generation
        if self.untitled:
            self._recovery_generation = generation
        elif generation == self.generation:
            self.undo_stack.setClean()
        else:
            # The window moved on while it was written: the old clean point no longer
            # describes the file. Another autosave follows the newer edit.
            self.undo_stack.resetClean()

    # Equivalent mutant (make mutants): any default index; indexChanged always passes one.
    def _schedule_autosave(self, _index: int = 0) -> None:
        if self.unwritten():
            self.autosave_timer.start()

    def autosave(self) -> None:
        """Writes a snapshot without a revision, off the GUI thread, so the file on disk (or
        the recovery file of untitled work) never lags far behind the window. One at a time;
        edits made meanwhile are written by one more, of the newest state."""
        if self.unwritten():
            self._autosaves.ask()

    def _autosave_job(self) -> Callable[[], int] | None:
        if not self.unwritten():
            return None
        try:
            target = self._autosave_file()
        except (PresskitError, OSError) as err:  # no recovery file can be made: say so, go on
            self.autosave_failed.emit(f"Autosave failed: {err}")
            return None
        generation, snapshot, options = self.generation, self.snapshot(), self._write_options()

        def job() -> int:
            # Equivalent mutant (make mutants): "revision=None"; only a true one adds one.
            with target.another_connection() as connection:
                connection.save(snapshot, revision=False, **options)
            return generation

        return job

    def _autosaved(self, generation: int) -> None:
        self._landed(generation)
        where = (
            "Kept for recovery; Save to choose where" if self.untitled else "Saved automatically"
        )
        self.autosaved.emit(where)

    def _autosave_failed(self, err: BaseException) -> None:
        self.autosave_failed.emit(f"Autosave failed: {err}")

    def write_now(self) -> None:
        """Everything the window shows onto disk, on this thread, before the kit is let go
        (new, open, close, quit, revision restore) and for the emergency save after a crash.
        Raises PresskitError when the file cannot take it."""
        self.autosave_timer.stop()
        wait_for_saves()  # an autosave under way lands first, then this one
        if not self.unwritten():
            return
        target, generation = self._autosave_file(), self.generation
        # Equivalent mutant (make mutants): "revision=None"; only a true one adds one.
        target.save(self.kit, revision=False, **self._write_options())
        self._landed(generation)

    def save(self) -> None:
        """An explicit save: one transaction, a revision to go back to, a clean undo stack."""
        assert self.kit_file is not None
        wait_for_saves()  # an autosave under way lands first, then this one
        self.kit_file.save(self.kit, **self._write_options())
        self._landed(self.generation)  # clean, and an autosave landing late is old news
        self.saved.emit()

    def save_as(self, target: Path) -> None:
        """The kit under a new name, which becomes its file; the old file (or the recovery
        file) stays as it was, or goes when it was only there for recovery."""
        wait_for_saves()
        source = self.kit_file or self.recovery
        if source is not None:
            new_file = source.save_as(target, self.kit, **self._write_options())
        else:
            target.unlink(missing_ok=True)  # the dialog asked before replacing it
            new_file = KitFile.create(target, self.kit, list(self.pending_assets.values()))
        if self.kit_file is not None:
            self.kit_file.close()
        else:
            self.discard_recovery()
        self.kit_file = new_file
        self._landed(self.generation)
        self.saved.emit()

    def discard_recovery(self) -> None:
        """A deliberate discard of untitled work leaves nothing to recover."""
        self.autosave_timer.stop()
        wait_for_saves()
        recovery.discard(self.recovery)
        self.recovery = None

    def restore_revision(self, revision_id: int, text: str) -> None:
        """An earlier save back as one undoable step, with the present written first."""
        assert self.kit_file is not None
        self.write_now()
        earlier = self.kit_file.load_revision(revision_id)
        # Its pictures may come back with undo and redo: saves must keep them from now on.
        self.opened_assets |= earlier.asset_ids()
        self.apply(model.restore_operation(self.kit, earlier), text)
        self.reset.emit()

    def close(self) -> None:
        """Lets go of the files: nothing is written after this."""
        self.autosave_timer.stop()
        wait_for_saves()
        for kit_file in (self.kit_file, self.recovery):
            if kit_file is not None:
                kit_file.close()  # a recovery file still here was neither saved nor discarded
