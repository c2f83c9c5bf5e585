"""Rules that a single model cannot check: file names, other files, the disk, today's date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from .image_files import ImageFileError, resolve_image
from .load import Document
from .model import Product, expiry_date
from .places import province
from .problems import Report, display_path
from .rules import fold_code, suggest
from .settings import Settings
from .vocab import categories


class _Loaded(Protocol):
    record: Any
    doc: Document


def check_id_matches_file(doc: Document, report: Report) -> None:
    """The `id` must equal the file name without its extension."""
    value = doc.data.get("id")
    if isinstance(value, str) and value and value != doc.path.stem:
        report.add(
            doc.path,
            doc.line_of(("id",)),
            "id-mismatch",
            f"id: '{value}' differs from the file name '{doc.path.name}'; the file must be named {value}{doc.path.suffix}",
        )


def _value(record: Any, dotted: str) -> Any:
    value = record
    for part in dotted.split("."):
        value = getattr(value, part, None)
    return value


def _key(record: Any, dotted: str) -> str | None:
    value = _value(record, dotted)
    if value is None:
        return None
    return fold_code(str(value))  # "GCN 12/2024" and "gcn-12/2024" are the same printed number


# When two records share a value, the problem goes on the copy: the later by this date (a certificate
# number typed into a new product's file), or the later file by name on the same day.
_COPY_IS_LATER_BY = {"certificate.number": "certificate.issued"}


def check_unique(items: Sequence[_Loaded], report: Report, *fields: str) -> None:
    """Each of `fields` (dotted paths) must differ between all records."""
    codes = {"id": "duplicate-id", "certificate.number": "duplicate-certificate", "gtin": "duplicate-gtin"}
    for dotted in fields:
        by = _COPY_IS_LATER_BY.get(dotted)
        ordered = sorted(items, key=lambda item: _value(item.record, by)) if by else items  # stable: file order on a tie
        first: dict[str, _Loaded] = {}
        for item in ordered:
            key = _key(item.record, dotted)
            if key is None:
                continue
            if key not in first:
                first[key] = item
                continue
            other = first[key]
            line = other.doc.line_of(tuple(dotted.split(".")))
            report.add(
                item.doc.path,
                item.doc.line_of(tuple(dotted.split("."))),
                codes[dotted],
                f"{dotted}: '{_value(item.record, dotted)}' is already used by {display_path(other.doc.path)}:{line}"
                + (_earlier(_value(other.record, by), _value(item.record, by)) if by else ""),
            )


def _earlier(first: date, second: date) -> str:
    return ", whose certificate was issued the same day" if first == second else f", whose certificate was issued earlier ({first})"


def check_earlier_numbers(items: Sequence[_Loaded], report: Report) -> None:
    """Every earlier certificate number (`certificate.previous[].number`) must differ from every
    current and earlier number of every product, folded as `check_unique` folds them.

    An earlier number is still printed on packaging, and the certificate check must lead it to
    one product only. The earlier entry is blamed: it is the one written from memory or copied.
    """
    taken: dict[str, tuple[Path, int]] = {}
    for item in items:
        number = item.record.certificate.number
        taken.setdefault(fold_code(str(number)), (item.doc.path, item.doc.line_of(("certificate", "number"))))
    for item in items:
        for index, earlier in enumerate(item.record.certificate.previous):
            line = item.doc.line_of(("certificate", "previous", index, "number"))
            key = fold_code(earlier.number)
            if key in taken:
                path, other = taken[key]
                report.add(
                    item.doc.path,
                    line,
                    "duplicate-certificate",
                    f"certificate.previous[{index + 1}].number: '{earlier.number}' is already used by {display_path(path)}:{other}",
                )
            else:
                taken[key] = (item.doc.path, line)


def check_product(
    product: Product, doc: Document, report: Report, producers: set[str], settings: Settings, today: date, root: Path
) -> None:
    """Every cross-file and cross-field rule of one valid product."""
    _check_producer(product, doc, report, producers)
    _check_category(product, doc, report)
    _check_dates(product, doc, report, settings, today)
    _check_history(product, doc, report)
    _check_inspections(product, doc, report, today)
    _check_price(product, doc, report)
    _check_coordinates(product, doc, report)
    _check_images(product, doc, report, root)


def _check_producer(product: Product, doc: Document, report: Report, producers: set[str]) -> None:
    # `producers` also holds the stems of producer files that have errors: those are reported in
    # their own file, and "has no file" would send the user looking for a file that exists.
    if product.producer in producers:
        return
    hint = suggest(product.producer, sorted(producers))
    report.add(
        doc.path,
        doc.line_of(("producer",)),
        "unknown-producer",
        f"producer: '{product.producer}' has no file in the producers folder"
        + (f"; did you mean '{hint}'?" if hint else f"; add producers/{product.producer}.yaml"),
    )


def _check_category(product: Product, doc: Document, report: Report) -> None:
    if product.category is None:
        return
    group = categories()[product.category][0]
    if group != product.group:
        report.add(
            doc.path,
            doc.line_of(("category",)),
            "category-group-mismatch",
            f"category: '{product.category}' belongs to group '{group}', not to '{product.group}'",
        )


def _check_dates(product: Product, doc: Document, report: Report, settings: Settings, today: date) -> None:
    cert = product.certificate
    if cert.expires and cert.expires < cert.issued:
        report.add(
            doc.path,
            doc.line_of(("certificate", "expires")),
            "date-order",
            f"certificate.expires: {cert.expires} is before the issue date {cert.issued}",
        )
    if cert.revoked and cert.revoked.date < cert.issued:
        report.add(
            doc.path,
            doc.line_of(("certificate", "revoked", "date")),
            "date-order",
            f"certificate.revoked.date: {cert.revoked.date} is before the issue date {cert.issued}",
        )
    if cert.issued > today:
        report.warn(
            doc.path,
            doc.line_of(("certificate", "issued")),
            "issued-in-future",
            f"certificate.issued: {cert.issued} is after today ({today})",
        )
    longest = expiry_date(cert.model_copy(update={"expires": None}), settings.certificate_validity_months)
    if cert.expires and cert.expires > longest:
        report.warn(
            doc.path,
            doc.line_of(("certificate", "expires")),
            "expires-late",
            f"certificate.expires: {cert.expires} is more than {settings.certificate_validity_months} months "
            f"after the issue date (expected {longest})",
        )


def _check_history(product: Product, doc: Document, report: Report) -> None:
    """Earlier certificates: oldest first, all issued before the current one, none ending before its issue."""
    current = product.certificate
    for index, earlier in enumerate(current.previous):
        where, loc = f"certificate.previous[{index + 1}]", ("certificate", "previous", index)
        if earlier.expires and earlier.expires < earlier.issued:
            report.add(
                doc.path,
                doc.line_of((*loc, "expires")),
                "date-order",
                f"{where}.expires: {earlier.expires} is before its issue date {earlier.issued}",
            )
        before = current.previous[index - 1] if index else None
        if before and earlier.issued <= before.issued:
            report.add(
                doc.path,
                doc.line_of((*loc, "issued")),
                "date-order",
                f"{where}.issued: {earlier.issued} is not after certificate.previous[{index}].issued ({before.issued}); "
                "list earlier certificates oldest first",
            )
        if earlier.issued >= current.issued:
            report.add(
                doc.path,
                doc.line_of((*loc, "issued")),
                "date-order",
                f"{where}.issued: {earlier.issued} is not before the current certificate's issue date ({current.issued}); "
                "the latest certificate goes in `certificate`, the ones it replaced in `previous`",
            )


def _check_inspections(product: Product, doc: Document, report: Report, today: date) -> None:
    for index, inspection in enumerate(product.inspections):
        if inspection.date > today:
            report.warn(
                doc.path,
                doc.line_of(("inspections", index, "date")),
                "inspection-in-future",
                f"inspections[{index + 1}].date: {inspection.date} is after today ({today}); "
                "the dashboard ignores an inspection until its day",
            )


def _check_price(product: Product, doc: Document, report: Report) -> None:
    price = product.price
    if price and price.high is not None and price.high < price.low:
        report.add(
            doc.path, doc.line_of(("price", "to")), "invalid-value", f"price.to: {price.high} is lower than price.from ({price.low})"
        )


def _check_coordinates(product: Product, doc: Document, report: Report) -> None:
    if not product.origin or not product.origin.coordinates:
        return
    lat, lon = product.origin.coordinates
    bounds = province().bounds
    if bounds.contains(lat, lon):
        return
    hint = "; latitude and longitude look swapped" if bounds.contains(lon, lat) else ""
    report.warn(
        doc.path,
        doc.line_of(("origin", "coordinates")),
        "coordinates-outside",
        f"origin.coordinates: [{lat}, {lon}] is outside {province().name}{hint}",
    )


def _check_images(product: Product, doc: Document, report: Report, root: Path) -> None:
    for index, image in enumerate(product.images):
        try:
            resolve_image(image.src, doc.path, root)
        except ImageFileError as exc:
            report.add(doc.path, doc.line_of(("images", index, "src")), exc.code, f"images[{index + 1}].src: {exc.message}")
        if image.alt is None:
            report.warn(
                doc.path,
                doc.line_of(("images", index)),
                "missing-alt",
                f"images[{index + 1}]: no alt text; describe the picture for people who cannot see it",
            )
