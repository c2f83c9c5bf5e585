"""Decap CMS's configuration (config.yml) generated from the data models and their Vietnamese words.

Widgets follow the field types: closed lists become drop-downs labelled in Vietnamese (communes as
"xã Bản Bo (Tam Đường cũ)"), dates are written YYYY-MM-DD, whole numbers stay numbers, a product's
producer is picked among the producers' files, photos are uploaded beside the product file
(`products/images/<id>/`, as `images[].src: images/<id>/<file>`). Fields are listed in the
models' order, which is the order Decap writes the keys in: the house style of the demo files.
"""

from __future__ import annotations

import types
from datetime import date
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from ..fieldhelp import field_words, model_words, titles_of
from ..load import SETTINGS_FILE
from ..model import Producer, Product
from ..settings import Settings
from ..vocab import fact_labels

# Where decap-server (the local backend) listens; `catalogue.admin.server` starts it there.
LOCAL_BACKEND_PORT = 8081
# Markdown texts get a plain multi-line box: Decap's rich-text widget rewrites the Markdown it saves.
MULTILINE = {"description", "story", "reason", "note"}
# Photos of a product go beside it, in the folder the demo uses: products/images/<id>/.
PHOTO_FOLDER = "images/{{slug}}"
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}


def decap_config(local_backend_port: int = LOCAL_BACKEND_PORT) -> dict[str, Any]:
    """The whole configuration: the local backend on this computer, then one collection per kind of file."""
    return {
        "locale": "vi",
        "backend": {"name": "git-gateway", "branch": "main"},
        "local_backend": {"url": f"http://127.0.0.1:{local_backend_port}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        "media_folder": "products/images",
        "public_folder": "images",
        "collections": [_folder("products", Product, "name"), _folder("producers", Producer, "name"), _settings()],
    }


def _folder(folder: str, model: type[BaseModel], summary: str) -> dict[str, Any]:
    words = model_words(model)
    collection: dict[str, Any] = {
        "name": folder,
        "label": {"products": "Sản phẩm", "producers": "Chủ thể OCOP"}[folder],
        "label_singular": words.label,
        "description": words.help,
        "folder": folder,
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,  # a file is never deleted: printed QR codes must keep opening its page
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{" + summary + "}} ({{id}})",
        "fields": fields_of(model),
    }
    # The first line of every file names its JSON Schema, for editors that check YAML as it is typed.
    collection["fields"][0]["comment"] = f"yaml-language-server: $schema=../schema/{folder[:-1]}.schema.json"
    if model is Product:
        collection |= {"media_folder": PHOTO_FOLDER, "public_folder": PHOTO_FOLDER}
    return collection


def _settings() -> dict[str, Any]:
    fields = fields_of(Settings)
    return {
        "name": "settings",
        "label": "Thiết lập và điểm bán",
        "description": model_words(Settings).help,
        "extension": "yaml",
        "format": "yaml",
        "editor": {"preview": False},
        "files": [{"name": "catalogue", "label": model_words(Settings).label, "file": SETTINGS_FILE, "fields": fields}],
    }


def fields_of(model: type[BaseModel], within_optional: bool = False) -> list[dict[str, Any]]:
    """Decap's fields for `model`, in its order. Inside an optional object nothing is required:
    Decap would otherwise refuse to save while the whole object (a price, a revocation) is left out;
    `--check` still names a missing field of an object that is given."""
    return [field_of(model, name, info, within_optional) for name, info in model.model_fields.items()]


def field_of(model: type[BaseModel], name: str, info: FieldInfo, within_optional: bool = False) -> dict[str, Any]:
    """One field: its YAML key, Vietnamese label and hint, whether it is required, and its widget."""
    key = info.alias or name
    words = field_words(model, key)
    kind, optional = _unwrap(info.annotation)
    required = info.is_required() and not optional and not within_optional
    field = {"name": key, "label": words.label, "hint": words.help, "required": required}
    return field | (_special(model, key) or widget_of(kind, key, optional=not required))


def _special(model: type[BaseModel], key: str) -> dict[str, Any]:
    if (model.__name__, key) == ("Product", "producer"):
        return _relation("producers", multiple=False)
    if (model.__name__, key) == ("SalesPoint", "products"):
        return _relation("products", multiple=True)
    if (model.__name__, key) == ("Image", "src"):
        return {"widget": "image", "choose_url": False}
    return {}


def _relation(collection: str, multiple: bool) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "id",
        "search_fields": ["name", "id"],
        "display_fields": ["{{name}} ({{id}})"],
        "multiple": multiple,
        "options_length": 100,
    }


# What each number of a pair is, in the editor's words.
_PAIRS: dict[str, dict[str, str]] = {
    "coordinates": {"name": "degrees", "label": "độ"},
    "focus": {"name": "share", "label": "tỉ lệ từ 0 đến 1"},
}


def _unwrap(kind: Any) -> tuple[Any, bool]:
    """The type inside `X | None`, and whether None was allowed."""
    if get_origin(kind) in (Union, types.UnionType):
        inner = [arg for arg in get_args(kind) if arg is not type(None)]
        return inner[0], len(inner) < len(get_args(kind))
    return kind, False


def widget_of(kind: Any, key: str, optional: bool = False) -> dict[str, Any]:
    """The widget for a value of type `kind` (in an optional field when `optional`)."""
    origin = get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {"widget": "object", "collapsed": optional, "fields": fields_of(kind, within_optional=optional)}
    if origin is list:
        (item,) = get_args(kind)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "collapsed": True, "fields": fields_of(item)}
        inner = widget_of(item, key)
        if inner["widget"] == "select":
            return inner | {"multiple": True}
        return {"widget": "list", "field": {"name": "item", "label": key} | inner}
    if origin is tuple:  # a pair of numbers: coordinates [latitude, longitude], a photo's focus [x, y]
        number = _PAIRS.get(key, _PAIRS["coordinates"])
        return {"widget": "list", "field": {"widget": "number", "value_type": "float"} | number, "min": 2, "max": 2}
    if origin is dict:
        return _dictionary(*get_args(kind))
    return _leaf(kind, key)


def _dictionary(keys: Any, values: Any) -> dict[str, Any]:
    """A mapping with known keys (languages, fact keys) as an object with one field per key."""
    schema = TypeAdapter(keys).json_schema()
    if "enum" in schema:  # translations: by language
        names = {code: f"{code}: tiếng {_LANGUAGE_NAMES.get(code, code)}" for code in schema["enum"]}
    else:  # facts: by fact key
        names = {key: label["vi"] for key, label in fact_labels().items()}
    inner = widget_of(values, "")
    return {
        "widget": "object",
        "collapsed": True,
        "fields": [{"name": name, "label": label, "required": False} | inner for name, label in names.items()],
    }


_LANGUAGE_NAMES = {"en": "Anh", "zh": "Trung"}


def _leaf(kind: Any, key: str) -> dict[str, Any]:
    if kind is bool:
        return {"widget": "boolean"}
    if kind is date or TypeAdapter(kind).json_schema().get("format") == "date":
        return dict(DATE)
    schema = TypeAdapter(kind).json_schema()
    values = schema.get("enum")
    if values is None and get_origin(kind) is Literal:
        values = list(get_args(kind))
    if values is None and isinstance(kind, type) and issubclass(kind, Enum):
        values = [member.value for member in kind]
    if values is not None:
        titles = titles_of(values) or {}
        return {"widget": "select", "options": [{"label": titles.get(value, str(value)), "value": value} for value in values]}
    if schema.get("type") == "integer":
        return {"widget": "number", "value_type": "int"}
    if schema.get("type") == "number":
        return {"widget": "number", "value_type": "float"}
    return {"widget": "text" if key in MULTILINE else "string"}
