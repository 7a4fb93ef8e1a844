"""Hypothesis strategies for kits with any Unicode in every text field."""

from __future__ import annotations

import dataclasses
import typing

from hypothesis import strategies as st

from presskit import model

# Any Unicode: emoji, Hangul, RTL, combining marks, NUL and control characters, lone surrogates.
any_text = st.text(max_size=30)
small_int = st.none() | st.integers(min_value=1900, max_value=2100)


def of(cls: type) -> st.SearchStrategy:
    """Instances of a model dataclass with every field drawn from its type."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: _for_type(hints[f.name]) for f in dataclasses.fields(cls)}
    return st.builds(cls, **fields)


def _for_type(tp: typing.Any) -> st.SearchStrategy:
    if tp is str:
        return any_text
    if tp is bool:
        return st.booleans()
    if tp == int | None:
        return small_int
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return st.lists(_for_type(item), max_size=3)
    if dataclasses.is_dataclass(tp):
        return of(tp)
    raise TypeError(tp)


kits = of(model.PressKit)
# Kits as the app holds them: every text already through the storage policy.
clean_kits = kits.map(lambda kit: model.loads(model.dumps(kit)))
