"""docs/reference.md, generated from the model and the shipped vocabularies so it cannot drift."""

from __future__ import annotations

import json
import types
import typing
from datetime import date
from enum import Enum
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .dates import FIRST_DATE, LAST_DATE
from .languages import available
from .model import Producer, Product
from .places import province
from .richtext import IMAGE_SCHEMES, LINK_SCHEMES
from .settings import Settings
from .translated import term
from .vocab import (
    GROUP_LABELS,
    INSPECTION_RESULT_LABELS,
    PRODUCER_KIND_LABELS,
    SALES_POINT_LABELS,
    CertificateKind,
    ChannelKind,
    categories,
    fact_labels,
)

_VALIDATOR_NAMES = {
    "_check_id": "id",
    "_check_line": "text",
    "_check_markdown": "Markdown, no raw HTML",
    "_check_phone": "Vietnamese phone number",
    "_check_url": "http(s) URL",
    "_check_email": "e-mail address",
    "_check_tax_code": "tax code",
    "_check_gtin": "GTIN",
    "_parse_date": f"date YYYY-MM-DD, {FIRST_DATE.year} to {LAST_DATE.year}",
    "_check_commune": "commune id",
    "_check_category": "category code",
    "_check_fact_key": "fact key",
    "_site_url": "http(s) URL ending with /",
    "_timezone": "time zone name",
    "_check_language": "language code",
}
_SIMPLE = {str: "text", int: "whole number", float: "number", bool: "true or false", date: "date YYYY-MM-DD"}


def type_words(annotation: Any, metadata: list[Any] = ()) -> str:  # type: ignore[assignment]
    """A short description of a field's type for people."""
    for item in reversed(list(metadata)):
        func = getattr(item, "func", None)
        if hasattr(func, "limit"):  # a length limit (catalogue.fields.text_of)
            return f"text, at most {func.limit} characters"
        name = getattr(func, "__name__", "")
        if name in _VALIDATOR_NAMES:
            return _VALIDATOR_NAMES[name]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return type_words(args[0], list(args[1:]))
    if isinstance(annotation, types.UnionType) or origin is typing.Union:
        return " or ".join(type_words(a) for a in args if a is not type(None))
    if origin is list:
        return f"list of {type_words(args[0])}"
    if origin is dict:
        return f"mapping of {type_words(args[0])} to {type_words(args[1])}"
    if origin is tuple:
        return "[latitude, longitude]"
    if origin is Literal:
        return " / ".join(str(a) for a in args)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " / ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    return _SIMPLE.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, str]:
    """The model inside a field's type, and the suffix its sub-fields take (`[]` for lists)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, ""
    if origin is list and args:
        model, _ = _nested(args[0])
        return model, "[]"
    if origin is dict and args:
        model, _ = _nested(args[1])
        return model, ".<lang>"  # translations, by language code
    if isinstance(annotation, types.UnionType) or origin is typing.Union:
        for arg in args:
            model, suffix = _nested(arg)
            if model:
                return model, suffix
    return None, ""


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    value = info.get_default(call_default_factory=True)
    if value in (None, [], {}, PydanticUndefined) or isinstance(value, BaseModel):
        return ""
    if isinstance(value, dict) and all(isinstance(v, BaseModel) for v in value.values()):
        return "`" + json.dumps({k: v.model_dump(exclude_none=True) for k, v in value.items()}, ensure_ascii=False) + "`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value.value if isinstance(value, Enum) else value}`"


def field_rows(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Table rows for every field of `model`, nested models expanded with dotted names."""
    rows = []
    for name, info in model.model_fields.items():
        key = f"{prefix}{info.alias or name}"
        sub, suffix = _nested(info.annotation)
        description = (info.description or (sub.__doc__ or "" if sub else "")).replace("|", "\\|")
        rows.append(f"| `{key}` | {type_words(info.annotation, info.metadata)} | {_default(info)} | {description} |")
        if sub is not None:
            rows.extend(field_rows(sub, f"{key}{suffix}."))
    return rows


def _table(header: str, rows: list[str]) -> str:
    columns = header.count("|") - 1
    return "\n".join([header, "|" + " --- |" * columns, *rows])


def _terms(label: dict[str, str]) -> str:
    return " | ".join(term(label, lang) for lang in available())


def _vocabularies() -> list[str]:
    groups = [f"| `{g.value}` | {_terms(label)} |" for g, label in GROUP_LABELS.items()]
    cats = [f"| `{code}` | `{group.value}` | {_terms(label)} |" for code, (group, label) in categories().items()]
    facts = [f"| `{key}` | {_terms(label)} |" for key, label in fact_labels().items()]
    kinds = [f"| `{k.value}` | {_terms(label)} |" for k, label in PRODUCER_KIND_LABELS.items()]
    units = [f"| `{u.id}` | {u.title} | {u.former_district} |" for u in province().units.values()]
    points = [f"| `{k.value}` | {_terms(label)} |" for k, label in SALES_POINT_LABELS.items()]
    results = [f"| `{r.value}` | {_terms(label)} |" for r, label in INSPECTION_RESULT_LABELS.items()]
    languages = " | ".join(available())
    return [
        "## Groups (`group`)",
        "",
        _table(f"| code | {languages} |", groups),
        "",
        "## Categories (`category`)",
        "",
        "A category must belong to the product's group.",
        "",
        _table(f"| code | group | {languages} |", cats),
        "",
        "## Fact keys (`facts`)",
        "",
        _table(f"| key | {languages} |", facts),
        "",
        "## Producer kinds (`kind`)",
        "",
        _table(f"| code | {languages} |", kinds),
        "",
        "## Certificate kinds and sales channels",
        "",
        "`certificate.kind`: " + ", ".join(f"`{k.value}`" for k in CertificateKind) + ".",
        "",
        "`channels[].kind`: " + ", ".join(f"`{k.value}`" for k in ChannelKind) + ".",
        "",
        "## Sales point kinds (`sales_points[].kind`)",
        "",
        _table(f"| code | {languages} |", points),
        "",
        f"A sales point gives either `commune` (in {province().name}) or `province` (outside it), never both. Every id in its",
        "`products` must be a file in `products/`, listed once; a product whose certificate has expired or was revoked is a",
        "warning. A point whose `to` day has passed (a fair that is over) is listed apart as ended, and product pages leave it out.",
        "## Inspection results (`inspections[].result`)",
        "",
        "The programme dashboard lists products of 3 stars and up, in force, with no inspection in the last 12 months,"
        " and those whose latest inspection did not pass.",
        "",
        _table(f"| code | {languages} |", results),
        "",
        f"## Communes and wards of {province().name} (`commune`)",
        "",
        f"{len(units)} units in force since 1 July 2025, with the district their area belonged to before.",
        "",
        _table("| id | unit | former district |", units),
        "",
    ]


def _starts(schemes: tuple[str, ...]) -> str:
    return ", ".join(f"`{s}://`" if s.startswith("http") else f"`{s}:`" for s in schemes)


def _markdown_rules() -> list[str]:
    """What catalogue/richtext.py renders and refuses, in words for the office."""
    return [
        "## Markdown text (`description`, `story`)",
        "",
        "`description`, `story` and their translations are Markdown. A product page shows paragraphs (a blank line",
        "between them; two spaces at the end of a line break it), `**bold**` and `*italic*`, lists, links, images,",
        "headings (`#` to `####`, shown smaller than the page's own section titles), quotes (`>`), code (`` `code` ``,",
        "indented or fenced blocks), tables and horizontal rules (`---`). Footnotes, definition lists and abbreviations",
        "are not supported: they show as written. Refused, each with an error at the field's line:",
        "",
        "- HTML tags and comments, by any route (`raw-html`): write Markdown instead, or put the text between",
        "  backticks to show it as code. A `<` before a space or a digit (`độ ẩm < 12%`) and addresses in angle",
        "  brackets (`<https://example.vn>`) are fine.",
        "- attribute lists such as `{: #id }`, `{.class}` or `{ key=value }`, also after the fence of a code block",
        "  (`markdown-attributes`): the page's own scripts and theme rely on their ids and classes.",
        f"- links to anything but an address starting with {_starts(LINK_SCHEMES)} or a relative path;",
        f"  images from anything but {_starts(IMAGE_SCHEMES)} or a relative path; addresses starting with `//`",
        "  (`unsafe-link`).",
        "- lists or quotes nested too deeply to read (`markdown-too-deep`).",
        "",
    ]


def hand_written(name: str) -> list[str]:
    """A hand-written part of the reference, from catalogue/content/reference/<name>.md: what the
    tables cannot say (how to edit the files when something happens), kept beside them."""
    text = resources.files("catalogue").joinpath("content", "reference", f"{name}.md").read_text(encoding="utf-8")
    return [text.strip(), ""]


def reference_text() -> str:
    """The whole of docs/reference.md."""
    header = "| field | type | default | meaning |"
    parts = [
        "# Data reference",
        "",
        "<!-- Generated by `python -m catalogue.schema` from the model; do not edit by hand. -->",
        "",
        "Items of a list are shown with `[]`. Unknown fields are errors.",
        "",
        "Text is one line (only Markdown fields span lines) with no control characters and no bidirectional "
        "controls (U+202A to U+202E, U+2066 to U+2069); YAML escapes such as `\\x01` or `\\u202e` make them, "
        "and the check names the one it finds. Where a text has a length limit, the type says so: the lengths "
        "a real catalogue needs, which labels, cards and the printed catalogue can hold.",
        "",
        "## Product file: `products/<id>.yaml`",
        "",
        _table(header, field_rows(Product)),
        "",
        *hand_written("translations"),
        *hand_written("certificate-changes"),
        *_markdown_rules(),
        "## Producer file: `producers/<id>.yaml`",
        "",
        _table(header, field_rows(Producer)),
        "",
        *hand_written("plan-data"),
        "## Settings: `catalogue.yaml`",
        "",
        "Every key is optional.",
        "",
        _table(header, field_rows(Settings)),
        "",
        *_vocabularies(),
    ]
    return "\n".join(parts).rstrip() + "\n"
