"""Turn pydantic's validation errors into problems a programme officer can act on."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from .load import Loc
from .rules import suggest

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date written YYYY-MM-DD",
}


@dataclass(frozen=True)
class Finding:
    """A validation error located by its field path."""

    loc: Loc
    code: str
    message: str


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
        yield Finding(loc, code, f"{field_path(loc)}: {message}" if loc else message)


def _explain(item: Any, loc: Loc, model: type[BaseModel]) -> tuple[str, str]:
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    if "-" in kind:  # one of our own codes, raised by catalogue.fields
        return kind, item["msg"]
    if kind == "missing":
        return "missing-field", "required field is missing"
    if kind == "extra_forbidden" and loc:
        return "unknown-field", "unknown field" + _field_hint(str(loc[-1]), _allowed_keys(model, loc[:-1]))
    if kind in ("literal_error", "enum"):
        return "invalid-value", f"must be {ctx.get('expected')}, got {_describe(value)}" + _value_hint(value, ctx)
    if kind == "string_too_short":
        return "empty-value", "must not be empty"
    if kind in ("too_short", "too_long") and loc and loc[-1] == "coordinates":
        return "wrong-type", "expected [latitude, longitude], two numbers"
    if kind.startswith(("greater_than", "less_than")):
        return "invalid-value", f"must be {_bound(ctx)}, got {_describe(value)}"
    if kind in _EXPECTED:
        hint = "; put the value in quotes to make it text" if kind == "string_type" and isinstance(value, int | float | date) else ""
        return "wrong-type", f"expected {_EXPECTED[kind]}, got {_describe(value)}{hint}"
    return "invalid-value", item["msg"]


def _bound(ctx: dict) -> str:
    words = {"ge": "or more", "gt": "exclusive minimum", "le": "or less", "lt": "exclusive maximum"}
    key, limit = next(iter(ctx.items()))
    if key in ("gt", "lt"):
        return f"{'more' if key == 'gt' else 'less'} than {limit}"
    return f"{limit} {words[key]}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _value_hint(value: Any, ctx: dict) -> str:
    if not isinstance(value, str):
        return ""
    choices = [c.strip(" '") for c in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
    hint = suggest(value, [c for c in choices if c])
    return f"; did you mean '{hint}'?" if hint and hint != value else ""


def _field_hint(name: str, allowed: list[str]) -> str:
    hint = suggest(name, allowed)
    if hint:
        return f"; did you mean '{hint}'?"
    return f"; allowed here: {', '.join(allowed)}" if allowed else ""


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
