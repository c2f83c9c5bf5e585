"""Safe YAML loading that keeps the line of every field.

Only plain data is accepted: no Python or custom tags, no anchors and aliases (which make
"billion laughs" documents), no duplicate keys (PyYAML would silently keep the last one), and
YAML 1.1 surprises are switched off: `no`, `on` and `yes` stay text, `012` and `8:30` stay
text, and an impossible date such as 2024-02-30 stays text so that validation can name it.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .messages import Message, msg
from .yaml_hints import odd_space_problem, syntax_message

MAX_BYTES = 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")
SETTINGS_FILE = "catalogue.yaml"
"""The settings file, beside the products folder unless named."""
MAX_DEPTH = 32

Loc = tuple[str | int, ...]
# What YAML allows in a file (its "printable" set); anything else, such as a raw NUL, is refused here
# with its line, before the parser stops on it with a message of its own.
# A number as an office writes it with Vietnamese thousands dots: `50.000`, `1.250.000` (YAML reads 50.0).
_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class LoadError(Exception):
    """A file that cannot be read as catalogue data."""

    def __init__(self, code: str, message: Message, line: int = 1) -> None:
        super().__init__(message.text("en"))
        self.code, self.message, self.line = code, message, line


@dataclass
class Document:
    """A loaded YAML file: its data and the line of every key and list item."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    first_line: int = 1
    # Numbers written with Vietnamese thousands dots (`50.000`, read as 50.0), as written, by field path.
    dotted_numbers: dict[Loc, str] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known part of `loc` (a field path), or the document's first."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return self.first_line


class StoredDocument(Document):
    """A document kept by an earlier build (catalogue/record_cache.py): its path at once, the rest
    (the data and every line) read back from `blob` when first asked for."""

    def __init__(self, path: Path, blob: bytes) -> None:  # the fields are read from `blob` when asked for
        self.path = path
        self._blob = blob

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        whole = pickle.loads(self._blob)  # our own bytes, from our own cache
        for field_name in ("data", "lines", "first_line", "dotted_numbers"):
            setattr(self, field_name, getattr(whole, field_name))
        return getattr(whole, name)


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe loader with YAML 1.2-like plain scalars."""


_Loader.yaml_implicit_resolvers = {}
_RESOLVERS = {
    "bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tf TF"),
    "null": (r"^(?:~|null|Null|NULL|)$", "~nN"),
    "int": (r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    "float": (r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$", "-+0123456789."),
    "timestamp": (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
}
for _tag, (_pattern, _first) in _RESOLVERS.items():
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first) + ([""] if _tag == "null" else []))


def _timestamp(loader: yaml.SafeLoader, node: ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(path: Path, source: str | None = None) -> Document:
    """Load one catalogue file, or raise LoadError naming the line of the first problem.

    `source`, when given, is the file's text as it is about to be written (the Excel import
    checks its files this way before writing any of them)."""
    text = _read_text(path) if source is None else _checked_text(source)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise LoadError("empty-file", msg("yaml.empty-file"))
        lines, dotted = _line_map(root)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.YAMLError as exc:
        raise LoadError("yaml-syntax", msg("yaml.syntax", problem=str(exc))) from None
    except (ValueError, RecursionError) as exc:
        raise LoadError("yaml-syntax", msg("yaml.unreadable-value", reason=str(exc))) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise LoadError("not-a-mapping", msg("yaml.not-a-mapping"), root.start_mark.line + 1)
    return Document(path, data, lines, root.start_mark.line + 1, dotted)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError("file-too-large", msg("yaml.file-too-large", size=f"{size:,}", limit=f"{MAX_BYTES:,}"))
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError("unreadable-file", msg("yaml.unreadable-file", reason=exc.strerror or str(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError("encoding", msg("yaml.encoding"), line) from None
    return _checked_text(text)


def _checked_text(text: str) -> str:
    unprintable = _NOT_YAML.search(text)
    if unprintable:
        line = text.count("\n", 0, unprintable.start()) + 1
        code = ord(unprintable.group(0))
        raise LoadError("control-character", msg("yaml.control-character", point=f"{code:04X}"), line)
    return unicodedata.normalize("NFC", text)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in str(exc.problem):
        tag = str(exc.problem).split("tag", 1)[-1].strip(" '").replace("tag:yaml.org,2002:", "!!")
        return LoadError("yaml-tag", msg("yaml.tag", tag=tag), line)
    # A space pasted from Word (U+00A0…) where YAML needs a plain one: the parser stops a line or
    # more later, so name the line of the odd space itself.
    odd = odd_space_problem(text, line)
    if odd:
        return LoadError("yaml-syntax", odd[1], odd[0])
    lines = text.splitlines()
    source_line = lines[line - 1] if line <= len(lines) else ""
    return LoadError("yaml-syntax", syntax_message(exc.problem or exc.context or "", mark.column if mark else None, source_line), line)


def _line_map(root: Node) -> tuple[dict[Loc, int], dict[Loc, str]]:
    """Map each field path to its line, and find numbers written with thousands dots; refuse
    aliases, duplicate keys and deep nesting."""
    lines: dict[Loc, int] = {}
    dotted: dict[Loc, str] = {}
    seen: set[int] = set()
    queue: deque[tuple[Node, Loc]] = deque([(root, ())])
    while queue:
        node, loc = queue.popleft()
        line = lines.get(loc, node.start_mark.line + 1)
        if id(node) in seen:
            raise LoadError("yaml-alias", msg("yaml.alias"), line)
        seen.add(id(node))
        if len(loc) > MAX_DEPTH:
            raise LoadError("yaml-too-deep", msg("yaml.too-deep", depth=MAX_DEPTH), line)
        if isinstance(node, ScalarNode) and not node.style and _THOUSANDS.fullmatch(node.value):
            dotted[loc] = node.value
        queue.extend(_children(node, loc, lines))
    return lines, dotted


def _children(node: Node, loc: Loc, lines: dict[Loc, int]) -> list[tuple[Node, Loc]]:
    if isinstance(node, SequenceNode):
        items = [(item, (*loc, i)) for i, item in enumerate(node.value)]
    elif isinstance(node, MappingNode):
        items = []
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                raise LoadError("yaml-syntax", msg("yaml.key-not-text"), key.start_mark.line + 1)
            child = (*loc, key.value)
            if child in lines:
                raise LoadError("duplicate-key", msg("yaml.duplicate-key", key=key.value, first=lines[child]), key.start_mark.line + 1)
            lines[child] = key.start_mark.line + 1
            items.append((value, child))
        return items
    else:
        return []
    for item, child in items:
        lines[child] = item.start_mark.line + 1
    return items


def yaml_files(folder: Path, sources: Mapping[Path, str] | None = None) -> list[Path]:
    """The YAML files directly inside `folder`, sorted by name, with those of `sources` in it not written yet."""
    with os.scandir(folder) as entries:  # an entry knows whether it is a file without a stat call of its own
        names = {entry.name for entry in entries if os.path.splitext(entry.name)[1] in YAML_SUFFIXES and entry.is_file()}
    names |= {p.name for p in sources or () if p.parent == folder and p.suffix in YAML_SUFFIXES}
    return [folder / name for name in sorted(names)]
