"""Trade facts in the open data: the fields /data/products.json and products.csv append after the
earlier ones (a program reading columns by name keeps working, one reading by position too).

JSON keeps structure (a list of certifications, a list of markets); CSV has one cell per field, so
lists become text joined with "; ", each certification written as people read it.
"""

from __future__ import annotations

from typing import Any

from .model import Certification, Product
from .pages.i18n import format_phone

TRADE_COLUMNS = [
    "capacity", "minimum_order", "packaging", "certifications", "export_markets",
    "wholesale_name", "wholesale_phone", "wholesale_email", "wholesale_zalo",
]  # fmt: skip

_CERTIFICATION = {
    "type": "object",
    "required": ["kind", "issuer"],
    "additionalProperties": False,
    "properties": {
        "kind": {"type": "string", "description": "vietgap, globalgap, organic, geographical-indication, haccp, iso-22000 or food-safety"},
        "issuer": {"type": "string"},
        "number": {"type": ["string", "null"]},
        "issued": {"type": ["string", "null"], "format": "date"},
        "expires": {"type": ["string", "null"], "format": "date"},
    },
}


def trade_schema_fields() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each trade field of a product record in products.json."""
    fields: dict[str, dict[str, Any]] = {name: {"type": ["string", "null"]} for name in TRADE_COLUMNS}
    fields["certifications"] = {"type": "array", "items": _CERTIFICATION, "description": "other certifications than OCOP"}
    fields["export_markets"] = {"type": "array", "items": {"type": "string"}}
    return fields


def _certification(certification: Certification) -> dict[str, Any]:
    return {
        "kind": certification.kind.value,
        "issuer": certification.issuer,
        "number": certification.number,
        "issued": certification.issued.isoformat() if certification.issued else None,
        "expires": certification.expires.isoformat() if certification.expires else None,
    }


def trade_record(product: Product) -> dict[str, Any]:
    """The trade fields of `product`'s open-data record (empty lists and None when it has none)."""
    trade = product.trade
    contact = trade.wholesale if trade else None
    return {
        "capacity": trade.capacity if trade else None,
        "minimum_order": trade.minimum_order if trade else None,
        "packaging": trade.packaging if trade else None,
        "certifications": [_certification(c) for c in trade.certifications] if trade else [],
        "export_markets": list(trade.export_markets) if trade else [],
        "wholesale_name": contact.name if contact else None,
        "wholesale_phone": contact.phone if contact else None,
        "wholesale_email": contact.email if contact else None,
        "wholesale_zalo": contact.zalo if contact else None,
    }


def certification_cell(certification: dict[str, Any]) -> str:
    """A certification of a record in one CSV cell: `vietgap VG-1 (issuer, 2024-03-20 – 2027-03-19)`."""
    dates = " – ".join(d for d in (certification["issued"], certification["expires"]) if d)
    said = ", ".join(p for p in (certification["issuer"], dates) if p)
    return " ".join(p for p in (certification["kind"], certification["number"]) if p) + f" ({said})"


def trade_csv_cells(record: dict[str, Any]) -> dict[str, Any]:
    """The lists of a record's trade fields as text for one CSV cell each (None when empty), phones
    grouped for reading as products.csv writes the producer's."""
    phones = {key: format_phone(record[key]) for key in ("wholesale_phone", "wholesale_zalo") if record[key]}
    return {
        **phones,
        "certifications": "; ".join(certification_cell(c) for c in record["certifications"]) or None,
        "export_markets": "; ".join(record["export_markets"]) or None,
    }
