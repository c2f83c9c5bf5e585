"""The form editor's fields (catalogue/admin/config.py), as the office sees them: each pair of numbers
says what its numbers are."""

from __future__ import annotations

from typing import Any

from catalogue.admin.config import decap_config


def _field(fields: list[dict[str, Any]], *path: str) -> dict[str, Any]:
    found: dict[str, Any] = {"fields": fields}
    for name in path:
        found = next(f for f in found["fields"] if f["name"] == name)
    return found


def _products() -> list[dict[str, Any]]:
    return next(c for c in decap_config()["collections"] if c["name"] == "products")["fields"]


def test_coordinates_are_two_numbers_in_degrees() -> None:
    coordinates = _field(_products(), "origin", "coordinates")
    assert coordinates["widget"] == "list" and (coordinates["min"], coordinates["max"]) == (2, 2)
    assert coordinates["field"] == {"widget": "number", "value_type": "float", "name": "degrees", "label": "độ"}


def test_a_photos_focus_is_two_shares_not_degrees() -> None:
    focus = _field(_products(), "images", "focus")
    assert (focus["min"], focus["max"]) == (2, 2)
    assert focus["field"]["label"] == "tỉ lệ từ 0 đến 1" and focus["field"]["value_type"] == "float"
