"""Round-trip editing of the catalogue's YAML files (ruamel.yaml): a changed value changes its own
line and nothing else; comments, quoting, flow mappings and the order of keys stay as they were.

ruamel.yaml reads and writes every file of the demo catalogue back byte for byte
(tests/test_xlsx_roundtrip.py checks it), so a file the import edits differs only where a cell
changed. A key the file did not have goes where the data format puts it (the model's field
order), and new values take the house style: web addresses, phones and codes in double quotes,
Markdown as a `|` block, prices and coordinates on one line.
"""

from __future__ import annotations

import io
from typing import Any, get_args

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, ScalarString

from .cells import DELETE
from .sheets import Loc

# Keys whose text values the house style quotes: they look like numbers or hold a ':'.
QUOTED_KEYS = frozenset({"phone", "zalo", "tax_code", "gtin", "website", "url", "trace_url", "decision_url"})
# Mappings and lists written on one line when the import creates them (as in the demo files).
FLOW_KEYS = frozenset({"price", "revoked", "coordinates", "tags"})
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{record}.schema.json\n"


def round_trip() -> YAML:
    """A ruamel.yaml instance set up for the house style (2-space maps, lists indented under their key)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line: the files keep each value on its own line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """The file's data with its comments and layout."""
    return round_trip().load(text)


def dump(data: Any) -> str:
    """The file's text."""
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model inside a field's type: `Price` in `Price | None`, `SalesPoint` in `list[SalesPoint]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (_submodel(argument) for argument in get_args(annotation))), None)


def key_order(model: type[BaseModel] | None, loc: Loc) -> list[str]:
    """The keys of the mapping at `loc` in the data format's order (aliases such as `from` included)."""
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == part), None)
        model = _submodel(field.annotation) if field else None
    return [f.alias or name for name, f in model.model_fields.items()] if model else []


def styled(key: str | int, value: Any, old: Any = None, flow: bool = False) -> Any:
    """`value` in the house style, keeping the quoting of the value it replaces (`flow`: inside a one-line mapping)."""
    if isinstance(value, list):
        seq = CommentedSeq(value)
        if key in FLOW_KEYS:
            seq.fa.set_flow_style()
        return seq
    if not isinstance(value, str):
        return value
    if "\n" in value:
        return LiteralScalarString(value)
    if isinstance(old, ScalarString) and not isinstance(old, LiteralScalarString):
        return type(old)(value)
    if key in QUOTED_KEYS or value.startswith(("http://", "https://")) or needs_quotes(value, flow):
        return DoubleQuotedScalarString(value)
    return value


def needs_quotes(text: str, flow: bool = False) -> bool:
    """True when a text cannot be written plain (it holds ': ' or starts with '@', or would read as a
    number, a date or true/false): the house style then uses double quotes, as the demo files do."""
    analysis = Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(text)
    if not (analysis.allow_flow_plain if flow else analysis.allow_block_plain):
        return True
    return round_trip().resolver.resolve(ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str"


def _new_map(key: str | int) -> CommentedMap:
    mapping = CommentedMap()
    if key in FLOW_KEYS:
        mapping.fa.set_flow_style()
    return mapping


def _insert(mapping: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Put a new key where the data format's order puts it among the keys already there."""
    rank = order.index(key) if key in order else len(order)
    position = next((i for i, k in enumerate(mapping) if k in order and order.index(k) > rank), len(mapping))
    mapping.insert(position, key, value)


def set_value(root: CommentedMap, loc: Loc, value: Any, model: type[BaseModel]) -> None:
    """Set (or with DELETE, remove) the value at `loc`, making the mappings on the way as needed."""
    if value is DELETE:
        _delete(root, loc)
        return
    node: Any = root
    for depth, part in enumerate(loc[:-1]):
        following = loc[depth + 1]
        child = node[part] if _has(node, part) else None
        if child is None:
            child = _new_list(part) if isinstance(following, int) else _new_map(part)
            _put(node, part, child, key_order(model, loc[:depth]))
        node = child
    last = loc[-1]
    old = node[last] if _has(node, last) else None
    key = loc[-2] if isinstance(last, int) else last
    flow = bool(getattr(node, "fa", None) and node.fa.flow_style())
    _put(node, last, styled(key, value, old, flow), key_order(model, loc[:-1]))


def _new_list(key: str | int) -> CommentedSeq:
    seq = CommentedSeq([None, None])
    if key in FLOW_KEYS:
        seq.fa.set_flow_style()
    return seq


def _has(node: Any, part: str | int) -> bool:
    return part < len(node) if isinstance(part, int) else part in node


def _put(node: Any, part: str | int, value: Any, order: list[str]) -> None:
    if isinstance(part, int):
        node[part] = value
    elif part in node:
        if isinstance(value, CommentedSeq) and isinstance(node[part], CommentedSeq):
            node[part][:] = list(value)  # the list keeps its style (one line or one item a line)
        else:
            node[part] = value
    else:
        _insert(node, part, value, order)


def _delete(root: CommentedMap, loc: Loc) -> None:
    parents = [root]
    for part in loc[:-1]:
        if not _has(parents[-1], part):
            return
        parents.append(parents[-1][part])
    node, last = parents[-1], loc[-1]
    if not _has(node, last):
        return
    if isinstance(last, int):
        node[last] = None
    else:
        del node[last]
    # a mapping or pair of coordinates left empty goes too
    for depth in range(len(loc) - 1, 0, -1):
        container = parents[depth]
        if all(item is None for item in container) if isinstance(container, list) else not container:
            del parents[depth - 1][loc[depth - 1]]
        else:
            break


def new_document(record: str) -> tuple[CommentedMap, str]:
    """An empty record and the first line a new file of that kind starts with (its schema, for editors)."""
    return CommentedMap(), SCHEMA_LINE.format(record=record) if record in ("product", "producer") else ""
