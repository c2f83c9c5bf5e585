"""The office's Vietnamese words for the data format: every field of every model has them, and the
JSON Schemas carry them with every choice of a closed list described."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from catalogue.fieldhelp import described_fields, described_models, field_words, reachable_models, yaml_keys
from catalogue.schema import SCHEMAS

from .conftest import REPO

MODELS: dict[str, type[BaseModel]] = {name: model for root in SCHEMAS.values() for name, model in reachable_models(root).items()}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_field_has_vietnamese_help_and_nothing_else(name: str) -> None:
    model = MODELS[name]
    assert name in described_models(), f"catalogue/data/field-help.yaml has no entry {name}"
    assert described_fields(model) == set(yaml_keys(model)), (
        f"{name}: fields without help {sorted(set(yaml_keys(model)) - described_fields(model))}, "
        f"help for no field {sorted(described_fields(model) - set(yaml_keys(model)))}"
    )
    for key in yaml_keys(model):
        words = field_words(model, key)
        assert words.label.strip() and words.help.strip()


def _schema(name: str) -> dict:
    return json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))


def test_schema_titles_and_descriptions_are_the_vietnamese_help() -> None:
    product = _schema("product.schema.json")
    assert product["title"] == "Sản phẩm OCOP"
    assert product["properties"]["stars"]["title"] == "Hạng sao"
    assert product["properties"]["price"]["description"] == "Khoảng giá bán lẻ, tính bằng đồng."
    price = product["$defs"]["Price"]["properties"]["from"]
    assert price["title"] == "Giá từ (đồng)" and "50000" in price["description"]


def test_choices_are_described_for_editors() -> None:
    product, producer = _schema("product.schema.json"), _schema("producer.schema.json")
    commune = next(node for node in producer["properties"]["commune"].get("anyOf", [producer["properties"]["commune"]]))
    titles = dict(zip(commune["enum"], commune["enumDescriptions"], strict=True))
    assert titles["ban-bo"] == "xã Bản Bo (Tam Đường cũ)"
    assert titles["tan-phong"] == "phường Tân Phong (thành phố Lai Châu cũ)"
    kinds = producer["$defs"]["ProducerKind"]
    assert dict(zip(kinds["enum"], kinds["enumDescriptions"], strict=True))["cooperative"] == "Hợp tác xã (HTX)"
    assert kinds["markdownEnumDescriptions"][0] == "**Hợp tác xã (HTX)**"
    groups = product["$defs"]["Group"]
    assert groups["title"] == "Nhóm sản phẩm OCOP"
    assert dict(zip(groups["enum"], groups["enumDescriptions"], strict=True))["do-uong"] == "Đồ uống"
    category = product["properties"]["category"]["anyOf"][0]
    assert dict(zip(category["enum"], category["enumDescriptions"], strict=True))["che"] == "Chè (Thực phẩm)"
    assert product["properties"]["stars"]["enumDescriptions"] == ["3 sao", "4 sao", "5 sao"]


def test_help_file_entries_have_exactly_a_label_and_a_help() -> None:
    # An unquoted comma in a flow mapping ({label: A, help: B, C}) silently makes a key `C`.
    import yaml

    table = yaml.safe_load((REPO / "catalogue" / "data" / "field-help.yaml").read_text(encoding="utf-8"))
    for name, entry in table.items():
        assert set(entry) <= {"title", "help", "fields"} and {"title", "help"} <= set(entry), name
        for key, words in entry.get("fields", {}).items():
            assert set(words) == {"label", "help"}, f"{name}.{key}: {words}"
            assert all(isinstance(text, str) and text for text in words.values()), f"{name}.{key}"
