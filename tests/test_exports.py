"""Open data: the CSV round-trips through Python's csv module with the same data as the JSON; the sales points match catalogue.yaml."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import yaml

from catalogue.exports import CSV_COLUMNS

from .conftest import REPO


def test_json_has_every_product_with_its_status(demo_site: Path) -> None:
    document = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))
    pages = {p.parent.name for p in (demo_site / "p").glob("*/index.html")}
    assert {r["id"] for r in document["products"]} == pages
    assert document["demo"] is True and document["status_on"] == "2026-11-28"
    revoked = [r for r in document["products"] if r["status"] == "revoked"]
    assert [r["id"] for r in revoked] == ["lap-suon-lon-den-muong-te"] and revoked[0]["revoked_on"] == "2026-05-10"
    assert all(r["url"] == f"{document['site_url']}p/{r['id']}/" for r in document["products"])


def test_csv_round_trips_with_the_same_data_as_the_json(demo_site: Path) -> None:
    raw = (demo_site / "data" / "products.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    records = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))["products"]
    assert list(rows[0]) == CSV_COLUMNS
    assert rows == [{k: "" if v is None else str(v) for k, v in r.items()} for r in records]
    assert any(row["name"] == "Mật ong Pa Ủ" for row in rows)


def test_schema_describes_every_field(demo_site: Path) -> None:
    schema = json.loads((demo_site / "data" / "products.schema.json").read_text(encoding="utf-8"))
    item = schema["properties"]["products"]["items"]
    records = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))["products"]
    for record in records:
        assert set(record) == set(item["properties"]) and set(item["required"]) <= {k for k, v in record.items() if v is not None}
        for key, value in record.items():
            rule = item["properties"][key]
            if "enum" in rule:
                assert value in rule["enum"], key
            else:
                kind = {str: "string", int: "integer", type(None): "null"}[type(value)]
                assert kind in rule["type"], key


def test_sales_points_json_matches_catalogue_yaml(demo_site: Path) -> None:
    document = json.loads((demo_site / "data" / "sales-points.json").read_text(encoding="utf-8"))
    points = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["sales_points"]
    assert document["status_on"] == "2026-11-28" and document["demo"] is True
    assert [p["id"] for p in document["sales_points"]] == [p["id"] for p in points]
    products = {r["id"] for r in json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))["products"]}
    for record, point in zip(document["sales_points"], points, strict=True):
        assert record["products"] == point["products"] and set(record["products"]) <= products
        assert (record["kind"], record["address"], record["commune"]) == (point["kind"], point["address"], point.get("commune"))
        assert record["province"] == point.get("province", "Lai Châu")
        assert record["to"] == (point["to"].isoformat() if "to" in point else None)
        assert record["ended"] is ("to" in point and point["to"] < date(2026, 11, 28))
        assert record["url"] == f"{document['site_url']}sales-points/#{point['id']}"
