"""Small invertible edits of a kit: the only way the editor changes it.

``op.apply(kit)`` changes the kit in place and returns the operation that undoes it, so
undo is testable without Qt and the GUI's undo commands are thin wrappers. Places are
paths from the kit: ``("films", 0, "title")`` is the first film's title; a list's path
names the list, ``("interview", "items")``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from typing import Any, Protocol

from presskit.model.kit import PressKit
from presskit.model.text import clean_text

Path = tuple[str | int, ...]

# Mutation testing (make mutants): the messages of the errors below are marked
# "pragma: no mutate". They are programmer errors (the editor never builds such an edit)
# that no person reads; a test holds which error is raised and that nothing changed.


class Operation(Protocol):
    def apply(self, kit: PressKit) -> Operation: ...


def resolve(kit: PressKit, path: Path) -> Any:
    """The value at ``path``; an IndexError or AttributeError names a path that is not there."""
    node: Any = kit
    for step in path:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    return node


def _parent(kit: PressKit, path: Path) -> tuple[Any, str | int]:
    if not path:
        raise ValueError("an edit needs a path into the kit")  # pragma: no mutate
    return resolve(kit, path[:-1]), path[-1]


def _list_at(kit: PressKit, path: Path) -> list[Any]:
    target = resolve(kit, path)
    if not isinstance(target, list):
        raise TypeError(f"{path!r} is not a list")  # pragma: no mutate
    return target


@dataclass(frozen=True)
class SetField:
    path: Path
    value: Any

    def apply(self, kit: PressKit) -> SetField:
        parent, key = _parent(kit, self.path)
        old = parent[key] if isinstance(key, int) else getattr(parent, key)
        new = clean_text(self.value) if isinstance(self.value, str) else copy.deepcopy(self.value)
        if isinstance(key, int):
            parent[key] = new
        else:
            if not hasattr(parent, key):
                raise AttributeError(
                    f"{type(parent).__name__} has no field {key!r}"  # pragma: no mutate
                )
            setattr(parent, key, new)
        return SetField(self.path, old)


@dataclass(frozen=True)
class InsertItem:
    path: Path
    index: int
    item: Any

    def apply(self, kit: PressKit) -> RemoveItem:
        items = _list_at(kit, self.path)
        if not 0 <= self.index <= len(items):
            raise IndexError(
                f"cannot insert at {self.index} into a list of {len(items)}"  # pragma: no mutate
            )
        items.insert(self.index, copy.deepcopy(self.item))
        return RemoveItem(self.path, self.index)


@dataclass(frozen=True)
class RemoveItem:
    path: Path
    index: int

    def apply(self, kit: PressKit) -> InsertItem:
        items = _list_at(kit, self.path)
        # Equivalent mutant: "index <= len(items)" here; pop() past the end raises IndexError too.
        if not 0 <= self.index < len(items):
            raise IndexError(f"no item {self.index} in a list of {len(items)}")  # pragma: no mutate
        # The undo puts the very item back at the very index it left.
        return InsertItem(self.path, self.index, items.pop(self.index))


@dataclass(frozen=True)
class MoveItem:
    path: Path
    source: int
    target: int

    def apply(self, kit: PressKit) -> MoveItem:
        items = _list_at(kit, self.path)
        # Equivalent mutant: "source <= len(items)"; pop() past the end raises IndexError too.
        if not (0 <= self.source < len(items) and 0 <= self.target < len(items)):
            raise IndexError(
                f"cannot move {self.source} to {self.target} in a list of {len(items)}"  # pragma: no mutate
            )
        items.insert(self.target, items.pop(self.source))
        return MoveItem(self.path, self.target, self.source)


@dataclass(frozen=True)
class Batch:
    """Several edits as one step (a macro): undone together, in reverse order."""

    operations: tuple[Operation, ...]

    def apply(self, kit: PressKit) -> Batch:
        inverses: list[Operation] = []
        try:
            for op in self.operations:
                inverses.append(op.apply(kit))
        except Exception:
            for inverse in reversed(inverses):  # all or nothing
                inverse.apply(kit)
            raise
        return Batch(tuple(reversed(inverses)))


def restore_operation(kit: PressKit, earlier: PressKit) -> Batch:
    """Every part of the kit set back to an earlier save, as one undoable step."""
    return Batch(tuple(SetField((f.name,), getattr(earlier, f.name)) for f in fields(kit)))


def remove_stills(kit: PressKit, indices: list[int]) -> Batch:
    """Removes stills, and in the same step every place that pointed to them (the portrait,
    the cover still, a film's key still), so no reference is left dangling; undo brings back
    both."""
    gone = {kit.stills[i].id for i in indices}
    unset: list[Operation] = []
    if kit.person.portrait in gone:
        unset.append(SetField(("person", "portrait"), ""))
    if kit.design.cover_still in gone:
        unset.append(SetField(("design", "cover_still"), ""))
    unset += [
        SetField(("films", f, "key_still"), "")
        for f, film in enumerate(kit.films)
        if film.key_still in gone
    ]
    removals = [RemoveItem(("stills",), i) for i in sorted(set(indices), reverse=True)]
    return Batch((*unset, *removals))
