"""Rules of the sales points that one point cannot check alone: other points, the products, today.

Every problem points at its line in `catalogue.yaml`, e.g.
`catalogue.yaml:31: error: sales_points[2].products[3]: 'mat-ong-pa-uu' is not a product; did you mean 'mat-ong-pa-u'? [unknown-product]`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from .catalogue import Catalogue
from .checks import coordinates_outside
from .load import Document, Loc
from .messages import msg
from .places import province
from .problems import Report
from .rules import fold_tone_marks, suggest
from .sales_points import SalesPoint
from .status import CertificateStatus


def _path(index: int, *rest: str | int) -> str:
    """'sales_points[2].products[3]' for (1, 'products', 2): items count from 1, as in every message."""
    text = f"sales_points[{index + 1}]"
    for part in rest:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return text


def check_sales_points(catalogue: Catalogue, doc: Document, report: Report, product_ids: Collection[str], today: date) -> None:
    """Check every sales point of the settings in `doc` against the other points and the products.

    `product_ids` are the ids of every product file, valid or not, so that a product file with
    its own error does not also show up as an unknown product here.
    """
    first_ids: dict[str, int] = {}
    for index, point in enumerate(catalogue.settings.sales_points):
        loc: Loc = ("sales_points", index)
        if point.id in first_ids:
            other = doc.line_of(("sales_points", first_ids[point.id], "id"))
            report.add(
                doc.path,
                doc.line_of((*loc, "id")),
                "duplicate-id",
                msg("sales.duplicate-id", path=_path(index, "id"), id=point.id, first=_path(first_ids[point.id]), line=other),
            )
        first_ids.setdefault(point.id, index)
        _check_place(point, index, doc, report)
        _check_dates(point, index, doc, report)
        _check_coordinates(point, index, doc, report)
        _check_products(catalogue, point, index, doc, report, product_ids, today)


def _check_place(point: SalesPoint, index: int, doc: Document, report: Report) -> None:
    home = province().name
    loc: Loc = ("sales_points", index)
    if point.commune is None and point.province is None:
        report.add(
            doc.path,
            doc.line_of(loc),
            "missing-field",
            msg("sales.no-place", path=_path(index), province=home),
        )
    elif point.commune is not None and point.province is not None:
        report.add(
            doc.path,
            doc.line_of((*loc, "province")),
            "conflicting-fields",
            msg("sales.both-places", path=_path(index, "province"), province=home),
        )
    elif point.province is not None and _is_home(point.province, home):
        report.add(
            doc.path,
            doc.line_of((*loc, "province")),
            "invalid-value",
            msg("sales.own-province", path=_path(index, "province"), got=point.province),
        )


def _is_home(name: str, home: str) -> bool:
    folded = fold_tone_marks(name).strip()
    return folded.removeprefix("tinh ").strip() == fold_tone_marks(home)


def _check_dates(point: SalesPoint, index: int, doc: Document, report: Report) -> None:
    if point.first_day and point.last_day and point.last_day < point.first_day:
        report.add(
            doc.path,
            doc.line_of(("sales_points", index, "to")),
            "date-order",
            msg("sales.date-order", path=_path(index, "to"), last=str(point.last_day), first=str(point.first_day)),
        )


def _check_coordinates(point: SalesPoint, index: int, doc: Document, report: Report) -> None:
    if point.coordinates is None or point.commune is None:
        return  # a point in another province may be anywhere
    lat, lon = point.coordinates
    bounds = province().bounds
    if bounds.contains(lat, lon):
        return
    report.warn(
        doc.path,
        doc.line_of(("sales_points", index, "coordinates")),
        "coordinates-outside",
        coordinates_outside(_path(index, "coordinates"), lat, lon),
    )


def _check_products(
    catalogue: Catalogue, point: SalesPoint, index: int, doc: Document, report: Report, product_ids: Collection[str], today: date
) -> None:
    seen: dict[str, int] = {}
    for position, product_id in enumerate(point.products):
        loc: Loc = ("sales_points", index, "products", position)
        where = _path(index, "products", position)
        if product_id in seen:
            first = doc.line_of(("sales_points", index, "products", seen[product_id]))
            report.add(
                doc.path, doc.line_of(loc), "duplicate-product", msg("sales.duplicate-product", path=where, id=product_id, line=first)
            )
            continue
        seen[product_id] = position
        if product_id not in product_ids:
            hint = suggest(product_id, sorted(product_ids))
            report.add(
                doc.path,
                doc.line_of(loc),
                "unknown-product",
                msg(
                    "sales.unknown-product",
                    path=where,
                    id=product_id,
                    hint=msg("field.did-you-mean", hint=hint) if hint else msg("sales.check-id"),
                ),
            )
            continue
        _check_in_force(catalogue, product_id, where, doc.line_of(loc), doc, report, today)


def _check_in_force(catalogue: Catalogue, product_id: str, where: str, line: int, doc: Document, report: Report, today: date) -> None:
    product = catalogue.products.get(product_id)
    if product is None:
        return  # its own file has an error, reported there
    if product.withdrawn and catalogue.withdrawn(product, today):
        report.warn(
            doc.path,
            line,
            "product-withdrawn",
            msg("sales.withdrawn", path=where, id=product_id, date=str(product.withdrawn.date)),
        )
        return
    status = catalogue.status(product, today)
    if status is CertificateStatus.EXPIRED:
        reason = msg("sales.expired", date=str(catalogue.expires(product)))
    elif status is CertificateStatus.REVOKED and product.certificate.revoked:
        reason = msg("sales.revoked", date=str(product.certificate.revoked.date))
    else:
        return
    report.warn(doc.path, line, "product-not-in-force", msg("sales.not-in-force", path=where, id=product_id, reason=reason))
