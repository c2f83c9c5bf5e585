"""Open data: every product as JSON (for programs) and as CSV (for spreadsheets: UTF-8 with a BOM so
that Excel reads Vietnamese, and no cell that Excel would take for a formula), and the programme
dashboard's re-evaluation list as CSV."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from .catalogue import Catalogue
from .dashboard import CertificateDue, Dashboard
from .makers.qr import product_url
from .model import Product
from .pages.i18n import format_date, format_phone
from .pages.row_memo import RowMemo, apart, compact, json_with, kept_rows, paired
from .places import province
from .rules import fold_code, gtin14
from .spreadsheet import Code, csv_cells, csv_from_lines, csv_line
from .status import CertificateStatus
from .trade_data import TRADE_COLUMNS, trade_csv_cells, trade_record, trade_schema_fields
from .translated import localized_text, translation
from .urls import Urls

# Each language of the site after the first adds name_<lang> after `name` and url_<lang> after `url`.
_COLUMNS = [
    "id", "name", "group", "category", "stars", "status", "certificate_number", "issuer", "issued", "expires",
    "decision", "revoked_on", "producer_id", "producer_name", "producer_kind", "producer_phone", "commune", "commune_name",
    "url", "gtin", "price_from", "price_to", "price_unit", "withdrawn_on",
    *TRADE_COLUMNS,  # trade facts (catalogue/trade_data.py), appended so that earlier columns keep their place
]  # fmt: skip


def translated_columns(columns: Sequence[str], languages: Sequence[str], fields: Sequence[str]) -> list[str]:
    """`columns` with `<field>_<lang>` after each of `fields`, for every language but the first (the data's own)."""
    return [f"{c}_{lang}" if lang else c for c in columns for lang in ("", *languages[1:]) if not lang or c in fields]


def csv_columns(languages: Sequence[str]) -> list[str]:
    """The fields of products.json and the columns of products.csv for a site in `languages`."""
    return translated_columns(_COLUMNS, languages, ("name", "url"))


def _translations(record: Any, field: str, languages: Sequence[str], name: str = "") -> dict[str, Any]:
    """`{<name>_<lang>: the text written for lang or None}` for each language after the first."""
    return {f"{name or field}_{lang}": translation(record, field, lang) for lang in languages[1:]}


_INTEGERS = {"stars", "price_from", "price_to"}
_REQUIRED = {"id", "name", "group", "stars", "status", "certificate_number", "issuer", "issued", "expires", "producer_id",
             "producer_name", "producer_kind", "producer_phone", "commune", "commune_name", "url"}  # fmt: skip


def products_schema(site_url: str, languages: Sequence[str]) -> str:
    """/data/products.schema.json: the JSON Schema of /data/products.json for a site in `languages`."""
    fields = {
        name: {"type": ["integer" if name in _INTEGERS else "string"] + ([] if name in _REQUIRED else ["null"])}
        for name in csv_columns(languages)
    }
    fields["status"] = {"enum": ["valid", "expiring", "expired", "revoked"]}
    fields["stars"] = {"enum": [3, 4, 5]}
    fields |= trade_schema_fields()
    fields["withdrawn_on"] |= {"format": "date", "description": "the day the product left the catalogue (its producer stopped making it)"}
    product = {"type": "object", "required": sorted(_REQUIRED), "additionalProperties": False, "properties": fields}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + Urls.products_schema(),
        "title": "OCOP products",
        "type": "object",
        "required": ["province", "site_url", "demo", "status_on", "products"],
        "properties": {
            "province": {"type": "string"},
            "site_url": {"type": "string"},
            "demo": {"type": "boolean", "description": "true when the data is illustrative"},
            "status_on": {"type": "string", "format": "date", "description": "the day the statuses were computed"},
            "products": {"type": "array", "items": product},
        },
    }
    return json.dumps(schema, indent=1) + "\n"


def product_record(catalogue: Catalogue, product: Product, today: date) -> dict[str, Any]:
    """`product`'s flat record in the open data, with its status on `today`; the same fields in JSON and CSV."""
    site, languages = catalogue.settings.site_url, catalogue.settings.languages
    urls = Urls.of(languages)
    producer = catalogue.producers[product.producer]
    cert, price = product.certificate, product.price
    return {
        "id": product.id,
        "name": product.name,
        **_translations(product, "name", languages),
        "group": product.group.value,
        "category": product.category,
        "stars": product.stars,
        "status": catalogue.status(product, today).value,
        "certificate_number": cert.number,
        "issuer": cert.issuer,
        "issued": cert.issued.isoformat(),
        "expires": catalogue.expires(product).isoformat(),
        "decision": cert.decision,
        "revoked_on": cert.revoked.date.isoformat() if cert.revoked else None,
        "producer_id": producer.id,
        "producer_name": producer.name,
        "producer_kind": producer.kind.value,
        "producer_phone": producer.phone,
        "commune": producer.commune,
        "commune_name": province().units[producer.commune].title,
        "url": product_url(site, product.id),
        **{f"url_{lang}": site + urls.product(product.id, lang) for lang in languages[1:]},
        "gtin": gtin14(product.gtin) if product.gtin else None,
        "price_from": price.low if price else None,
        "price_to": price.high if price else None,
        "price_unit": price.unit if price else None,
        # The product left the catalogue on this day; it stays in the open data, as its page stays.
        "withdrawn_on": product.withdrawn.date.isoformat() if product.withdrawn else None,
        **trade_record(product),
    }


def open_data_lines(catalogue: Catalogue, today: date, memo: RowMemo | None = None) -> tuple[list[str], list[str]]:
    """Each product's line of products.json (its record) and of products.csv, in the catalogue's
    order; with `memo`, those an earlier build made when the product is as then (row_memo.py). A
    product's record is worked out once for both."""
    first, columns = catalogue.settings.languages[0], csv_columns(catalogue.settings.languages)
    products = list(catalogue.products.values())
    records: dict[str, dict[str, Any]] = {}

    def record(product: Product) -> dict[str, Any]:
        if product.id not in records:
            records[product.id] = product_record(catalogue, product, today)
        return records[product.id]

    json_lines = kept_rows(memo, "json", first, products, lambda product: compact(record(product)))
    csv_lines = kept_rows(memo, "csv", first, products, lambda product: csv_line(csv_cells(columns, _csv_record(record(product)))))
    return json_lines, csv_lines


def products_json(catalogue: Catalogue, today: date, lines: list[str] | None = None) -> str:
    """/data/products.json: the catalogue's products, with when and for whom it was made (`lines`:
    the products' lines of `open_data_lines`, when they are worked out already).

    One product a line, so that a change to one product is a change to one line; each line is
    written by the standard library's fast encoder (an indented document is written by its slow
    one, in Python: a third of a second at 2,000 products)."""
    head = {
        "province": catalogue.settings.province,
        "site_url": catalogue.settings.site_url,
        "demo": catalogue.settings.demo,
        "status_on": today.isoformat(),
    }
    lines = open_data_lines(catalogue, today)[0] if lines is None else lines
    fields = [f" {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}" for name, value in head.items()]
    products = "[\n  " + ",\n  ".join(lines) + "\n ]" if lines else "[]"
    return "{\n" + ",\n".join([*fields, f' "products": {products}']) + "\n}\n"


def _csv_record(record: dict[str, Any]) -> dict[str, Any]:
    return {
        **record,
        "producer_phone": format_phone(record["producer_phone"]),
        "gtin": Code(record["gtin"]) if record["gtin"] else None,
        **trade_csv_cells(record),
    }


def products_csv(catalogue: Catalogue, today: date, lines: list[str] | None = None) -> bytes:
    """/data/products.csv: one row per product, for spreadsheets (see `catalogue.spreadsheet`), from
    the products' lines of `open_data_lines` (`lines`, when they are worked out already).

    The same fields as products.json, but phones grouped as people read them (0912 345 678, which
    also keeps Excel from dropping the 0) and the GTIN kept as text.
    """
    lines = open_data_lines(catalogue, today)[1] if lines is None else lines
    return csv_from_lines(csv_columns(catalogue.settings.languages), lines)


CHECK_FIELDS = (
    "id", "key", "number", "name", "stars", "expires", "revoked", "withdrawn_on", "withdrawn_reason", "expires_text", "revoked_text",
    "decision", "decision_url",
)  # fmt: skip
EARLIER_FIELDS = ("key", "number", "issued_text", "stars", "product", "next_number", "next_issued_text", "decision_url")


def check_index_js(catalogue: Catalogue, lang: str, today: date, paths: dict[str, object], memo: RowMemo | None = None) -> str:
    """data/check-<lang>.js: what the certificate check page searches, as a script (loads from file://).

    `window.OCOP_CHECK` holds two tables, each with its field names beside it (the script reads
    fields by name, never by position):

    - `products`, by `fields`: id, folded current number (`key`), number as printed, name, stars,
      expires and revoked (ISO dates, for the status today in the browser), and for a product
      withdrawn by `today` the day it left the catalogue (written as `lang` writes dates) and why,
      the expiry and revocation days as `lang` writes them (the browser formats no date), and the
      recognition decision's number and the link to its document (each or both may be null);
    - `earlier`, by `earlier_fields`: each earlier certificate number (`certificate.previous`),
      folded and as printed, its issue date and stars, the product's id, and the certificate that
      replaced it (the next earlier one, or the current one) with its issue date, and the link to
      its decision document or null.

    `paths` holds the templates of the paths the script builds (`Site.browser_paths`). With `memo`,
    a product's rows are those an earlier build made when the product is as then (row_memo.py).
    """
    texts = kept_rows(memo, "check", lang, list(catalogue.products.values()), lambda product: _check_text(catalogue, product, lang, today))
    parts = [apart(text) for text in texts]
    data = {"fields": CHECK_FIELDS, "products": None, "earlier_fields": EARLIER_FIELDS, "earlier": None, "paths": paths}
    return "window.OCOP_CHECK = " + json_with(data, products=[row for row, _ in parts], earlier=[old for _, old in parts if old]) + ";\n"


def _check_text(catalogue: Catalogue, product: Product, lang: str, today: date) -> str:
    """`product`'s row of the certificate check and its earlier certificates' rows, as JSON text
    (the rows apart, the earlier ones without their brackets: see `check_index_js`)."""
    cert = product.certificate
    name = localized_text(product, "name", lang)
    gone = product.withdrawn if product.withdrawn and catalogue.withdrawn(product, today) else None
    row = [
        product.id,
        fold_code(cert.number),
        cert.number,
        name,
        product.stars,
        catalogue.expires(product).isoformat(),
        cert.revoked.date.isoformat() if cert.revoked else None,
        format_date(gone.date, lang) if gone else None,
        gone.reason if gone else None,
        format_date(catalogue.expires(product), lang),
        format_date(cert.revoked.date, lang) if cert.revoked else None,
        cert.decision,
        cert.decision_url,
    ]
    replacements = [*cert.previous, cert][1:]  # what replaced each earlier certificate
    earlier = [
        [
            fold_code(old.number),
            old.number,
            format_date(old.issued, lang),
            old.stars,
            product.id,
            new.number,
            format_date(new.issued, lang),
            old.decision_url,
        ]
        for old, new in zip(cert.previous, replacements, strict=True)
    ]
    return paired(compact(row), compact(earlier)[1:-1])


def sales_points_json(catalogue: Catalogue, today: date) -> str:
    """/data/sales-points.json: the showrooms, sales points and fair booths, with the products each carries."""
    site, languages = catalogue.settings.site_url, catalogue.settings.languages
    urls = Urls.of(languages)
    points = [
        {
            "id": point.id,
            "name": point.name,
            **_translations(point, "name", languages),
            "kind": point.kind.value,
            "address": point.address,
            "commune": point.commune,
            "commune_name": province().units[point.commune].title if point.commune else None,
            "province": point.province or province().name,
            "phone": point.phone,
            "hours": point.hours,
            **_translations(point, "hours", languages),
            "from": point.first_day.isoformat() if point.first_day else None,
            "to": point.last_day.isoformat() if point.last_day else None,
            "ended": point.ended(today),
            "coordinates": list(point.coordinates) if point.coordinates else None,
            "products": [pid for pid in dict.fromkeys(point.products) if catalogue.listed(catalogue.products[pid], today)],
            "url": site + urls.sales_point(point.id, urls.languages[0]),
        }
        for point in catalogue.settings.sales_points
    ]
    document = {
        "province": catalogue.settings.province,
        "site_url": site,
        "demo": catalogue.settings.demo,
        "status_on": today.isoformat(),
        "sales_points": points,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


_RE_EVALUATION_COLUMNS = [
    "situation", "product_id", "product_name", "stars", "certificate_number", "issued", "expires",
    "days_left", "revoked_on", "revoked_reason", "producer_id", "producer_name", "producer_phone", "commune_name", "url",
]  # fmt: skip


def re_evaluation_columns(languages: Sequence[str]) -> list[str]:
    """The columns of re-evaluation.csv for a site in `languages` (product_name_<lang> for each translation)."""
    return translated_columns(_RE_EVALUATION_COLUMNS, languages, ("product_name",))


def re_evaluation_csv(catalogue: Catalogue, figures: Dashboard, memo: RowMemo | None = None) -> bytes:
    """/data/re-evaluation.csv: the dashboard's re-evaluation list, UTF-8 with a byte-order mark.

    `situation` is `due` (ends within the dashboard's 6 months), `expired` or `revoked`; `days_left`
    is negative once expired and empty for a revoked certificate. Phones are grouped for reading
    (0912 345 678), which also keeps Excel from dropping their leading 0. With `memo`, a product's
    line is the one an earlier build made when the product is as then (row_memo.py: the day is
    part of its key).
    """
    columns = re_evaluation_columns(catalogue.settings.languages)
    due = {row.product.id: row for row in figures.re_evaluation}
    products = [row.product for row in figures.re_evaluation]
    lines = kept_rows(
        memo,
        "re-evaluation",
        catalogue.settings.languages[0],
        products,
        lambda product: csv_line(csv_cells(columns, _re_evaluation_record(catalogue, due[product.id]))),
    )
    return csv_from_lines(columns, lines)


def _re_evaluation_record(catalogue: Catalogue, row: CertificateDue) -> dict[str, Any]:
    """A product's row of re-evaluation.csv, by column."""
    languages = catalogue.settings.languages
    product, producer, cert = row.product, row.producer, row.product.certificate
    revoked = row.status is CertificateStatus.REVOKED
    return {
        "situation": "revoked" if revoked else "expired" if row.status is CertificateStatus.EXPIRED else "due",
        "product_id": product.id,
        "product_name": product.name,
        **{key: text or "" for key, text in _translations(product, "name", languages, "product_name").items()},
        "stars": product.stars,
        "certificate_number": cert.number,
        "issued": cert.issued.isoformat(),
        "expires": row.expires.isoformat(),
        "days_left": "" if revoked else row.days_left,
        "revoked_on": cert.revoked.date.isoformat() if cert.revoked else "",
        "revoked_reason": cert.revoked.reason if cert.revoked else "",
        "producer_id": producer.id,
        "producer_name": producer.name,
        "producer_phone": format_phone(producer.phone),
        "commune_name": province().units[producer.commune].title,
        "url": product_url(catalogue.settings.site_url, product.id),
    }
