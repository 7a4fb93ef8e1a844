"""The kit as interchange JSON (format "presskit/1"), and back.

Reading is generous where a person writing JSON by hand would expect it (missing keys take
their defaults, a festival may be a plain string, a year may be "2025") and strict where a
guess would lose data (a wrong type is an InterchangeError naming the key).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any

from presskit.errors import InterchangeError
from presskit.model.kit import Award, Festival, PressKit, SectionSetting
from presskit.model.text import clean_text

FORMAT = "presskit/1"

# Items a person may write as a bare string: the string is their first field.
_STRING_SHORTHAND = (Festival, Award, SectionSetting)


def to_dict(kit: PressKit) -> dict[str, Any]:
    return {"format": FORMAT, **_encode(kit)}


def dumps(kit: PressKit) -> str:
    """The kit as JSON text: stable key order, readable Unicode, newline at the end."""
    return json.dumps(to_dict(kit), ensure_ascii=False, indent=2) + "\n"


def from_dict(data: Any) -> PressKit:
    if not isinstance(data, dict):
        raise InterchangeError(
            "The kit JSON should be an object with keys such as person and films."
        )
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise InterchangeError(f"The kit JSON is format {fmt!r}; this presskit reads {FORMAT!r}.")
    return _decode(PressKit, data, "")


def loads(text: str) -> PressKit:
    return from_dict(parse_json(text))


def parse_json(text: str) -> Any:
    """JSON text as Python data; InterchangeError says where it is broken."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InterchangeError(
            f"The kit JSON is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})."
        ) from None
    except RecursionError:
        raise InterchangeError("The kit JSON is nested too deeply to be a press kit.") from None


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _where(path: str) -> str:
    return path or "the kit"


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [t for t in typing.get_args(tp) if t is not type(None)]
        return None if value is None else _decode(options[0], value, path)
    if origin is list:
        if not isinstance(value, list):
            raise InterchangeError(f"{_where(path)} should be a list, not {_describe(value)}.")
        (item_tp,) = typing.get_args(tp)
        return [_decode(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, path)
    if tp is str:
        if not isinstance(value, str):
            raise InterchangeError(f"{_where(path)} should be text, not {_describe(value)}.")
        return clean_text(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise InterchangeError(
                f"{_where(path)} should be true or false, not {_describe(value)}."
            )
        return value
    if tp is int:
        digits = value.strip() if isinstance(value, str) else ""
        if digits.isascii() and digits.isdigit() and len(digits) <= 9:
            return int(digits)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise InterchangeError(f"{_where(path)} should be a whole number, not {_describe(value)}.")
    raise TypeError(f"no decoder for {tp!r}")  # a model field of a new type: a presskit bug


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    """A model class's field types, worked out once (a kit from elsewhere may hold
    100,000 credits, and ``get_type_hints`` costs more than the decoding)."""
    return typing.get_type_hints(cls)


def _decode_dataclass(cls: Any, value: Any, path: str) -> Any:
    if isinstance(value, str) and cls in _STRING_SHORTHAND:
        value = {dataclasses.fields(cls)[0].name: value}
    if not isinstance(value, dict):
        raise InterchangeError(f"{_where(path)} should be an object, not {_describe(value)}.")
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in value:
            kwargs[f.name] = _decode(hints[f.name], value[f.name], f"{path}.{f.name}".lstrip("."))
    return cls(**kwargs)
