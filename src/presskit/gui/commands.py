"""Undo commands: thin wrappers around the model's invertible operations.

Typing into one field merges into one step (``mergeWith`` on the same path), so undo takes
back a sentence, not a letter; the text says which field changed ("Undo Edit Logline").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from presskit import model

# One id for every mergeable edit; mergeWith checks the path.
MERGE_ID = 1


class EditCommand(QUndoCommand):
    def __init__(
        self,
        kit: model.PressKit,
        operation: model.Operation,
        text: str,
        changed: Callable[[model.Operation], None],
        *,
        mergeable: bool = False,
    ):
        super().__init__(text)
        self._kit = kit
        self._operation = operation
        self._inverse: model.Operation | None = None
        self._changed = changed
        self._mergeable = mergeable

    def redo(self) -> None:
        self._inverse = self._operation.apply(self._kit)
        self._changed(self._operation)

    def undo(self) -> None:
        assert self._inverse is not None
        self._operation = self._inverse.apply(self._kit)
        self._changed(self._inverse)

    def id(self) -> int:
        return MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in the same field (or the same field of the same several items) again: keep
        the first inverse, take the newest value."""
        if not (isinstance(other, EditCommand) and other._mergeable and self._mergeable):
            return False
        fields = _fields_set(self._operation)
        if fields is None or fields != _fields_set(other._operation):
            return False
        self._operation = other._operation
        return True


def _fields_set(operation: model.Operation) -> tuple[model.ops.Path, ...] | None:
    """The fields an edit sets, in order, when setting fields is all it does: one field, or
    the same field on several items at once (a ``Batch`` of ``SetField``s). None otherwise."""
    if isinstance(operation, model.SetField):
        return (operation.path,)
    if isinstance(operation, model.Batch) and all(
        isinstance(inner, model.SetField) for inner in operation.operations
    ):
        return tuple(inner.path for inner in operation.operations)
    return None
