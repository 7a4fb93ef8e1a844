"""One open kit: the model, its file, its undo stack; every change goes through here.

Widgets never change the model directly: they ask the session to ``apply`` an operation,
which pushes an undo command. "Modified" is derived from the undo stack's clean state.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from presskit import model
from presskit.gui.commands import EditCommand
from presskit.render.sources import KitImages, kit_images
from presskit.store import KitFile, NewAsset


class Session(QObject):
    """Emits ``changed(path)`` with the path an edit touched, after it is applied or undone."""

    changed = Signal(tuple)
    reset = Signal()  # the whole kit was replaced (open, revision restore)
    saved = Signal()

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

    @property
    def path(self) -> Path | None:
        return self.kit_file.path if self.kit_file else None

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def snapshot(self) -> model.PressKit:
        """A copy for work off the GUI thread (saving, rendering): never the live model."""
        return copy.deepcopy(self.kit)

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

    def _emit(self, operation: model.Operation) -> None:
        if isinstance(operation, model.Batch):
            for inner in operation.operations:
                self._emit(inner)
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

    def autosave_target(self) -> KitFile | None:
        """The file autosave writes: the kit's own, or for untitled work a recovery file."""
        if self.kit_file is not None:
            return None if self.kit_file.read_only else self.kit_file
        if self.recovery is None:
            from presskit.gui.recovery import new_recovery_path

            self.recovery = KitFile.create(
                new_recovery_path(), self.snapshot(), list(self.pending_assets.values())
            )
        return self.recovery

    def assets_to_keep(self) -> set[str]:
        """What a save (explicit or automatic) must not wipe: every picture undo can restore."""
        return self.opened_assets | self.pending_assets.keys()

    def save(self) -> None:
        """An explicit save: one transaction, a revision to go back to, a clean undo stack."""
        assert self.kit_file is not None
        self.kit_file.save(
            self.kit,
            new_assets=list(self.pending_assets.values()),
            keep_assets=self.assets_to_keep(),
        )
        self.undo_stack.setClean()
        self.saved.emit()
