"""Generated files are current, and the JSON Schemas agree with the model on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from catalogue.schema import SCHEMAS, generated_files
from catalogue.settings import Settings

from .conftest import FIXTURES, REPO


@pytest.mark.parametrize("path", list(generated_files(REPO)), ids=lambda p: p.name)
def test_generated_file_is_current(path: Path) -> None:
    expected = generated_files(REPO)[path]
    assert path.exists(), f"{path.name} is missing: run `make schema`"
    assert path.read_text(encoding="utf-8") == expected, f"{path.name} is stale: run `make schema`"


def test_product_schema_forbids_unknown_fields() -> None:
    schema = json.loads((REPO / "schema" / "product.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert "stars" in schema["required"]
    assert schema["properties"]["stars"]["enum"] == [3, 4, 5]
    assert "ta-leng" in json.dumps(schema)  # commune ids are offered to editors


def test_every_setting_is_documented() -> None:
    reference = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    for name, info in Settings.model_fields.items():
        assert info.description, f"setting {name} has no description"
        assert f"| `{name}` |" in reference


def test_schema_files_are_the_ones_named_in_yaml_headers() -> None:
    header = (FIXTURES / "base" / "products" / "base-product.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith("schema/product.schema.json")
    assert set(SCHEMAS) == {"product.schema.json", "producer.schema.json", "settings.schema.json"}


def test_repository_settings_file_is_valid() -> None:
    data = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))
    settings = Settings.model_validate(data)
    assert settings.site_url.endswith("/")
    assert settings.certificate_validity_months == 36
    assert settings.demo is True
