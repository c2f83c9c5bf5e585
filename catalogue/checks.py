"""Rules that a single model cannot check: file names, other files, the disk, today's date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from .image_files import ImageFileError, resolve_image
from .load import Document
from .messages import Message, msg
from .model import Producer, Product, expiry_date
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
            msg("check.id-mismatch", id=value, file=doc.path.name, name=f"{value}{doc.path.suffix}"),
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
                msg(
                    "check.already-used",
                    path=dotted,
                    value=str(_value(item.record, dotted)),
                    where=f"{display_path(other.doc.path)}:{line}",
                    earlier=_earlier(_value(other.record, by), _value(item.record, by)) if by else "",
                ),
            )


def _earlier(first: date, second: date) -> Message:
    return msg("check.issued-same-day") if first == second else msg("check.issued-earlier", date=str(first))


def check_earlier_numbers(items: Sequence[_Loaded], report: Report) -> None:
    """Every earlier certificate number (`certificate.previous[].number`) must differ from every
    current and earlier number of every product, folded as `check_unique` folds them.

    An earlier number is still printed on packaging, and the certificate check must lead it to
    one product only. The earlier entry is blamed: it is the one written from memory or copied.
    """
    # Where each number is written: the file and its field (the line is looked up for a problem only).
    taken: dict[str, tuple[_Loaded, tuple[str | int, ...]]] = {}
    for item in items:
        number = item.record.certificate.number
        taken.setdefault(fold_code(str(number)), (item, ("certificate", "number")))
    for item in items:
        for index, earlier in enumerate(item.record.certificate.previous):
            loc = ("certificate", "previous", index, "number")
            key = fold_code(earlier.number)
            if key in taken:
                holder, held = taken[key]
                path, other = holder.doc.path, holder.doc.line_of(held)
                report.add(
                    item.doc.path,
                    item.doc.line_of(loc),
                    "duplicate-certificate",
                    msg(
                        "check.already-used",
                        path=f"certificate.previous[{index + 1}].number",
                        value=earlier.number,
                        where=f"{display_path(path)}:{other}",
                        earlier="",
                    ),
                )
            else:
                taken[key] = (item, loc)


def check_product(
    product: Product,
    doc: Document,
    report: Report,
    producers: set[str],
    settings: Settings,
    today: date,
    root: Path,
    sound_photos: set[tuple[object, ...]] | None = None,
    folders: dict[str, str] | None = None,
) -> None:
    """Every cross-file and cross-field rule of one valid product (`sound_photos` and `folders`:
    see `resolve_image`)."""
    _check_producer(product, doc, report, producers)
    _check_category(product, doc, report)
    _check_dates(product, doc, report, settings, today)
    _check_history(product, doc, report)
    _check_inspections(product, doc, report, today)
    _check_price(product, doc, report)
    _check_coordinates(product, doc, report)
    _check_images(product, doc, report, root, sound_photos, folders)


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
        msg(
            "check.unknown-producer",
            got=product.producer,
            hint=msg("field.did-you-mean", hint=hint) if hint else msg("check.add-producer", file=f"producers/{product.producer}.yaml"),
        ),
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
            msg("check.category-group", category=product.category, group=str(group), given=str(product.group)),
        )


def _check_dates(product: Product, doc: Document, report: Report, settings: Settings, today: date) -> None:
    cert = product.certificate
    if cert.expires and cert.expires < cert.issued:
        report.add(
            doc.path,
            doc.line_of(("certificate", "expires")),
            "date-order",
            msg("check.before-issue", path="certificate.expires", date=str(cert.expires), issued=str(cert.issued)),
        )
    if cert.revoked and cert.revoked.date < cert.issued:
        report.add(
            doc.path,
            doc.line_of(("certificate", "revoked", "date")),
            "date-order",
            msg("check.before-issue", path="certificate.revoked.date", date=str(cert.revoked.date), issued=str(cert.issued)),
        )
    if cert.issued > today:
        report.warn(
            doc.path,
            doc.line_of(("certificate", "issued")),
            "issued-in-future",
            msg("check.issued-in-future", date=str(cert.issued), today=str(today)),
        )
    longest = expiry_date(cert.model_copy(update={"expires": None}), settings.certificate_validity_months)
    if cert.expires and cert.expires > longest:
        report.warn(
            doc.path,
            doc.line_of(("certificate", "expires")),
            "expires-late",
            msg("check.expires-late", date=str(cert.expires), months=settings.certificate_validity_months, expected=str(longest)),
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
                msg("check.before-own-issue", path=f"{where}.expires", date=str(earlier.expires), issued=str(earlier.issued)),
            )
        before = current.previous[index - 1] if index else None
        if before and earlier.issued <= before.issued:
            report.add(
                doc.path,
                doc.line_of((*loc, "issued")),
                "date-order",
                msg("check.previous-order", path=f"{where}.issued", date=str(earlier.issued), index=index, before=str(before.issued)),
            )
        if earlier.issued >= current.issued:
            report.add(
                doc.path,
                doc.line_of((*loc, "issued")),
                "date-order",
                msg("check.previous-after-current", path=f"{where}.issued", date=str(earlier.issued), current=str(current.issued)),
            )


def _check_inspections(product: Product, doc: Document, report: Report, today: date) -> None:
    for index, inspection in enumerate(product.inspections):
        if inspection.date > today:
            report.warn(
                doc.path,
                doc.line_of(("inspections", index, "date")),
                "inspection-in-future",
                msg("check.inspection-in-future", path=f"inspections[{index + 1}].date", date=str(inspection.date), today=str(today)),
            )


def _check_price(product: Product, doc: Document, report: Report) -> None:
    price = product.price
    if price and price.high is not None and price.high < price.low:
        report.add(doc.path, doc.line_of(("price", "to")), "invalid-value", msg("check.price-order", high=price.high, low=price.low))


def _check_coordinates(product: Product, doc: Document, report: Report) -> None:
    if not product.origin or not product.origin.coordinates:
        return
    lat, lon = product.origin.coordinates
    bounds = province().bounds
    if bounds.contains(lat, lon):
        return
    report.warn(
        doc.path,
        doc.line_of(("origin", "coordinates")),
        "coordinates-outside",
        coordinates_outside("origin.coordinates", lat, lon),
    )


def check_producer(producer: Producer, doc: Document, report: Report) -> None:
    """The rules of one valid producer beyond its fields: its coordinates inside the province."""
    if not producer.coordinates or province().bounds.contains(*producer.coordinates):
        return
    lat, lon = producer.coordinates
    report.warn(doc.path, doc.line_of(("coordinates",)), "coordinates-outside", coordinates_outside("coordinates", lat, lon))


def coordinates_outside(path: str, lat: float, lon: float) -> Message:
    """The warning for a point outside the province, saying so when the two numbers look swapped."""
    hint = msg("check.swapped") if province().bounds.contains(lon, lat) else ""
    return msg("check.coordinates-outside", path=path, lat=lat, lon=lon, province=province().name, hint=hint)


def _check_images(
    product: Product, doc: Document, report: Report, root: Path, sound: set[tuple[object, ...]] | None, folders: dict[str, str] | None
) -> None:
    for index, image in enumerate(product.images):
        try:
            resolve_image(image.src, doc.path, root, sound, folders)
        except ImageFileError as exc:
            where = f"images[{index + 1}].src"
            report.add(doc.path, doc.line_of(("images", index, "src")), exc.code, msg("field.at", path=where, message=exc.message))
        if image.alt is None:
            report.warn(
                doc.path,
                doc.line_of(("images", index)),
                "missing-alt",
                msg("check.missing-alt", path=f"images[{index + 1}]"),
            )
