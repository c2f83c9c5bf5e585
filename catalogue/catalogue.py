"""The catalogue: valid products and producers with their settings, lookups and status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from .model import Producer, Product, expiry_date
from .sales_points import SalesPoint
from .settings import Settings
from .status import CertificateStatus, certificate_status, today_in


@dataclass
class Catalogue:
    """Every product and producer of one catalogue, by id."""

    settings: Settings
    root: Path
    products: dict[str, Product] = field(default_factory=dict)
    producers: dict[str, Producer] = field(default_factory=dict)
    product_files: dict[str, Path] = field(default_factory=dict)
    producer_files: dict[str, Path] = field(default_factory=dict)
    # By file: the record cache's key of what the file held (its bytes, read against its model by
    # this code: catalogue/record_cache.py), when the records were read through that cache.
    record_keys: dict[Path, str] = field(default_factory=dict)

    def expires(self, product: Product) -> date:
        """The product certificate's last day of validity."""
        return expiry_date(product.certificate, self.settings.certificate_validity_months)

    def status(self, product: Product, today: date | None = None) -> CertificateStatus:
        """The product certificate's status on `today` (by default, today in the catalogue's time zone)."""
        revoked = product.certificate.revoked
        return certificate_status(
            self.expires(product),
            revoked.date if revoked else None,
            today or today_in(self.settings.timezone),
            self.settings.expiring_within_days,
        )

    def withdrawn(self, product: Product, today: date) -> bool:
        """True from the day the product left the catalogue (`withdrawn.date`) on."""
        return product.withdrawn is not None and product.withdrawn.date <= today

    def listed(self, product: Product, today: date) -> bool:
        """Whether the product is in the catalogue on `today`, the one rule for every listing.

        A withdrawn product leaves the listings, the finder, the kiosk, the sales points, the print
        files and the programme's figures; it keeps its page (printed QR codes lead there), its
        place in the certificate check, the open data and the sitemap.
        """
        return not self.withdrawn(product, today)

    def listed_products(self, today: date) -> list[Product]:
        """The products in the catalogue on `today`, in file order."""
        return [p for p in self.products.values() if self.listed(p, today)]

    @cached_property
    def _by_producer(self) -> dict[str, list[Product]]:
        table: dict[str, list[Product]] = defaultdict(list)
        for product in self.products.values():
            table[product.producer].append(product)
        return table

    def products_of(self, producer_id: str) -> list[Product]:
        """The certified products of one producer (never its other products)."""
        return list(self._by_producer.get(producer_id, []))

    def producer_of(self, product: Product) -> Producer:
        """The producer of a product."""
        return self.producers[product.producer]

    @cached_property
    def _points_by_product(self) -> dict[str, list[SalesPoint]]:
        table: dict[str, list[SalesPoint]] = defaultdict(list)
        for point in self.settings.sales_points:
            for product_id in dict.fromkeys(point.products):
                table[product_id].append(point)
        return table

    def sales_points_of(self, product_id: str) -> list[SalesPoint]:
        """The sales points that carry a product, in the order of the settings."""
        return list(self._points_by_product.get(product_id, []))
