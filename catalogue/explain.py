"""Turn pydantic's validation errors into problems a programme officer can act on, as
`catalogue.messages.Message`s worded in the reader's language when shown."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from .everyday_words import meant
from .load import Loc
from .messages import Message, msg
from .rules import suggest
from .yaml_hints import odd_space, space_name

# What a pydantic type error expected, as the key of its words (messages `field.type.*`).
_EXPECTED = {
    "string_type": "text",
    "int_type": "whole-number",
    "int_parsing": "whole-number",
    "int_from_float": "whole-number",
    "float_type": "number",
    "float_parsing": "number",
    "finite_number": "finite-number",
    "bool_type": "true-or-false",
    "bool_parsing": "true-or-false",
    "list_type": "list",
    "tuple_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "date_type": "date",
}


@dataclass(frozen=True)
class Finding:
    """A validation error located by its field path."""

    loc: Loc
    code: str
    message: Message


def field_path(loc: Loc) -> str:
    """A field path for people: ('images', 0, 'src') → 'images[1].src' (items count from 1)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def findings(error: ValidationError, model: type[BaseModel]) -> Iterator[Finding]:
    """One finding per error of `error`, raised while validating `model`."""
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if item["type"] != "extra_forbidden" and len(loc) > 1 and loc[-1] == "[key]":  # an invalid mapping key
            loc = loc[:-1]
        code, message = _explain(item, loc, model)
        yield Finding(loc, code, at_field(loc, message))


def at_field(loc: Loc, message: Message) -> Message:
    """`message` after the path of the field it is about: 'images[1].src: …'."""
    return msg("field.at", path=field_path(loc), message=message) if loc else message


def dotted_number(loc: Loc, written: str) -> Message:
    """The message for a number written with Vietnamese thousands dots (`50.000`, which YAML reads as 50.0)."""
    return at_field(loc, msg("field.thousands-dots", written=written, number=written.replace(".", "")))


def _explain(item: Any, loc: Loc, model: type[BaseModel]) -> tuple[str, Message]:
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    if "-" in kind:  # one of our own codes, raised by catalogue.fields
        said = ctx.get("message")
        return kind, said if isinstance(said, Message) else msg("field.as-given", text=item["msg"])
    if kind == "missing":
        return "missing-field", msg("field.missing")
    if kind == "extra_forbidden" and loc:
        return "unknown-field", msg("field.unknown", hint=_field_hint(str(loc[-1]), _allowed_keys(model, loc[:-1])))
    if kind in ("literal_error", "enum"):
        choices = _choices(str(ctx.get("expected", "")))
        return "invalid-value", msg("field.must-be", expected=_either(choices), got=_describe(value), hint=_value_hint(value, choices))
    if kind == "string_too_short":
        return "empty-value", msg("field.empty")
    if kind in ("too_short", "too_long") and loc and loc[-1] == "coordinates":
        return "wrong-type", msg("field.coordinates")
    if kind.startswith(("greater_than", "less_than")):
        return "invalid-value", msg("field.must-be", expected=_bound(ctx), got=_describe(value), hint="")
    if kind in _EXPECTED:
        hint: Message | str = msg("field.quote-hint") if kind == "string_type" and isinstance(value, int | float | date) else ""
        return "wrong-type", msg("field.expected", expected=msg(f"field.type.{_EXPECTED[kind]}"), got=_describe(value), hint=hint)
    return "invalid-value", msg("field.as-given", text=item["msg"])


def _choices(expected: str) -> list[str]:
    """pydantic's "'a', 'b' or 'c'" (or "3, 4 or 5") as its items, as written: ["'a'", "'b'", "'c'"]."""
    return [part.strip() for part in re.split(r",|\bor\b", expected) if part.strip()]


def _either(choices: list[str]) -> Message | str:
    """'a', 'b' or 'c' in the reader's language."""
    if len(choices) < 2:
        return "".join(choices)
    return msg("field.either", first=", ".join(choices[:-1]), last=choices[-1])


def _bound(ctx: dict) -> Message:
    key, limit = next(iter(ctx.items()))
    return msg(f"field.bound.{key}", limit=limit)


def _describe(value: Any) -> Message | str:
    if value is None:
        return msg("field.value.nothing")
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return msg("field.value.date", date=value.isoformat())
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, list):
        return msg("field.value.list")
    if isinstance(value, dict):
        return msg("field.value.mapping")
    return type(value).__name__


def _value_hint(value: Any, choices: list[str]) -> Message | str:
    if not isinstance(value, str):
        return ""
    plain = [c.strip("'") for c in choices]
    space = odd_space(value)
    if space and value.strip() in plain:
        return msg("field.odd-space-hint", space=space_name(space), point=f"{ord(space):04X}")
    hint = meant(value, plain) or suggest(value, plain)
    return msg("field.did-you-mean", hint=hint) if hint and hint != value else ""


def _field_hint(name: str, allowed: list[str]) -> Message | str:
    hint = suggest(name, allowed)
    if hint:
        return msg("field.did-you-mean", hint=hint)
    return msg("field.allowed-here", names=", ".join(allowed)) if allowed else ""


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names (as written in YAML) of the model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) or next((f for f in current.model_fields.values() if f.alias == part), None)
        current = _model_in(field.annotation) if field else None
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
